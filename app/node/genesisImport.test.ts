/**
 * Import of the real stratos-1 genesis (test/fixtures/stratos-1, v0.12 format) in process: InitChain
 * on the file as it is, the same app hash from two fresh imports, blocks with every invariant intact,
 * and the local-validator override (docs/genesis-import.md). The CometBFT leg is test/genesisImport.test.ts.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { QuerySupplyOfRequest, QuerySupplyOfResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import { ed25519Address } from "../crypto/ed25519.js";
import { INVARIANTS_PATH } from "./invariants.js";
import { genesisTimeOf, readGenesisFile, stratosGenesisFormat, withLocalValidator, type GenesisDocJson } from "./genesisImport.js";
import { TestApp } from "./testApp.js";

const STRATOS_1_GENESIS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test/fixtures/stratos-1/genesis.json.gz");

const STOS = 10n ** 18n;

async function importGenesis(doc: GenesisDocJson): Promise<{ app: TestApp; initMs: number }> {
  const time = genesisTimeOf(doc);
  const start = performance.now();
  const app = await TestApp.create({ appState: doc.app_state, chainId: doc.chain_id, genesisSeconds: time.seconds, genesisNanos: time.nanos });
  return { app, initMs: performance.now() - start };
}

function brokenInvariants(app: TestApp): string[] {
  const result = JSON.parse(new TextDecoder().decode(app.query(INVARIANTS_PATH, new Uint8Array()))) as Record<string, string | null>;
  expect(Object.keys(result).length).toBeGreaterThan(5);
  return Object.entries(result).filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${v}`);
}

function supplyOf(app: TestApp, denom: string): bigint {
  const res = QuerySupplyOfResponse.decode(app.query("/cosmos.bank.v1beta1.Query/SupplyOf", QuerySupplyOfRequest.encode({ denom }).finish()));
  return BigInt(res.amount?.amount ?? "0");
}

describe("stratos-1 genesis import (in process)", () => {
  const doc = readGenesisFile(STRATOS_1_GENESIS);

  it("is the v0.12 genesis of stratos-1 (spec-chain §11 figures)", () => {
    expect(doc.chain_id).toBe("stratos-1");
    expect(stratosGenesisFormat(doc.app_state)).toBe("v0.12");
    const { gov, ...withoutGovParams } = doc.app_state as { gov: Record<string, unknown> };
    const { params: _params, ...legacyGov } = gov;
    expect(stratosGenesisFormat({ ...withoutGovParams, gov: legacyGov })).toBe("v0.11");
    expect((doc.app_state["bank"] as { balances: unknown[] }).balances).toHaveLength(2858);
    expect((doc.app_state["genutil"] as { gen_txs: unknown[] }).gen_txs).toHaveLength(7);
  });

  it("InitChain succeeds on the file as it is; two fresh imports give the same app hash; blocks keep every invariant", async () => {
    const hashes: string[] = [];
    for (let run = 0; run < 2; run++) {
      const rssBefore = process.memoryUsage().rss;
      const { app, initMs } = await importGenesis(doc);
      try {
        // The seven gentxs make the genesis set (spec-staking §8: TV0).
        expect(app.genesisValidators).toHaveLength(7);
        expect(supplyOf(app, "wei")).toBe(100_000_000n * STOS);
        for (let i = 0; i < 3; i++) await app.block([]);
        expect(brokenInvariants(app)).toEqual([]);
        hashes.push(Buffer.from(app.parts.store.lastCommit().appHash).toString("hex"));
        console.log(`stratos-1 import ${run + 1}: InitChain + block 1 ${initMs.toFixed(0)} ms, RSS +${((process.memoryUsage().rss - rssBefore) / 2 ** 20).toFixed(0)} MiB, app hash at height 4 ${hashes[run]}`);
      } finally {
        await app.close();
      }
    }
    expect(hashes[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(hashes[1]).toBe(hashes[0]);
  });

  it("a gentx whose consensus key is swapped fails InitChain: the key is under the operator's signature", async () => {
    const gentxs = (doc.app_state["genutil"] as { gen_txs: Array<{ body: { messages: Array<{ pubkey: { key: string } }> } }> }).gen_txs;
    const swapped = structuredClone(gentxs);
    swapped[0]!.body.messages[0]!.pubkey.key = Buffer.from(TestApp.consensusKey.publicKey).toString("base64");
    const tampered: GenesisDocJson = { ...doc, app_state: { ...doc.app_state, genutil: { gen_txs: swapped } } };
    await expect(importGenesis(tampered)).rejects.toThrow(/signature verification failed/);
  });

  it("withLocalValidator: the original state stays, a local key gets 3/4 of the power, supply unchanged, same hash twice", async () => {
    const { genesis, override } = withLocalValidator(doc, { consensusPubKey: TestApp.consensusKey.publicKey });
    expect(override.originalBonded).toBe(595n * STOS);
    expect(override.selfBond).toBe(3n * 595n * STOS);
    // The input document is left alone.
    expect((doc.app_state["genutil"] as { gen_txs: unknown[] }).gen_txs).toHaveLength(7);
    const hashes: string[] = [];
    for (let run = 0; run < 2; run++) {
      const { app } = await importGenesis(genesis);
      try {
        expect(app.genesisValidators).toHaveLength(8);
        const total = app.genesisValidators.reduce((s, v) => s + v.power, 0n);
        const local = app.genesisValidators.find((v) => Buffer.from(ed25519Address(v.pubKey!.ed25519!)).equals(Buffer.from(ed25519Address(TestApp.consensusKey.publicKey))));
        expect(local?.power).toBe(override.selfBond / 10n ** 15n);
        expect(local!.power * 3n).toBeGreaterThan(total * 2n);
        expect(supplyOf(app, "wei")).toBe(100_000_000n * STOS);
        expect(app.balance(override.operator)).toBe(override.funding - override.selfBond);
        for (let i = 0; i < 3; i++) await app.block([]);
        expect(brokenInvariants(app)).toEqual([]);
        hashes.push(Buffer.from(app.parts.store.lastCommit().appHash).toString("hex"));
      } finally {
        await app.close();
      }
    }
    expect(hashes[1]).toBe(hashes[0]);
  });
});
