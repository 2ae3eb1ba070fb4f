/**
 * The real stratos-1 genesis (test/fixtures/stratos-1) under a real CometBFT node: the file plus the
 * local-validator override of app/node/genesisImport.ts (its consensus key is this node's
 * priv_validator_key.json), InitChain through CometBFT, blocks, the eight validators (seven real,
 * absent; ours with 3/4 of the power) and every invariant. docs/genesis-import.md.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toHex } from "@cosmjs/encoding";
import { COMETBFT_BIN } from "../app/node/devnet.js";
import { cometNodeId, cometValidatorPubKey } from "../app/node/genesisValidator.js";
import { genesisTimeOf, readGenesisFile, withLocalValidator, type LocalValidatorOverride } from "../app/node/genesisImport.js";
import { INVARIANTS_PATH } from "../app/node/invariants.js";
import { ed25519Address } from "../app/crypto/ed25519.js";
import { queryValue } from "./helpers/abciQuery.js";
import { createTestDevnet, waitForHeight, type TestDevnet } from "./helpers/devnet.js";

const GENESIS = path.resolve(import.meta.dirname, "fixtures/stratos-1/genesis.json.gz");

describe("stratos-1 genesis under CometBFT (local validator override)", () => {
  let net: TestDevnet;
  let override: LocalValidatorOverride;
  let localKey: Uint8Array;
  let startMs = 0;

  beforeAll(async () => {
    net = await createTestDevnet({ chainId: "stratos-1" });
    const home = net.devnet.home;
    const init = spawnSync(COMETBFT_BIN, ["init", "--home", home], { encoding: "utf8" });
    expect(init.status, init.stderr).toBe(0);
    localKey = cometValidatorPubKey(home);
    const imported = withLocalValidator(readGenesisFile(GENESIS), {
      consensusPubKey: localKey,
      memo: `${cometNodeId(home)}@127.0.0.1:${net.devnet.ports.p2p}`,
    });
    override = imported.override;
    // The home now has its genesis.json, so Devnet.init keeps it and only writes config and app.toml.
    fs.writeFileSync(path.join(home, "config", "genesis.json"), JSON.stringify(imported.genesis));
    const t0 = performance.now();
    await net.devnet.start();
    await waitForHeight(await net.client(), 1, 120_000);
    startMs = performance.now() - t0;
  });

  afterAll(async () => {
    await net?.cleanup();
  });

  it("InitChain succeeds and the node produces blocks with the stratos-1 state", async () => {
    const client = await net.client();
    const height = await waitForHeight(client, 5, 120_000);
    const initLine = net.appLog.find((l) => l.includes("genesis loaded:")) ?? "";
    expect(initLine).toMatch(/8 genesis validators/);
    console.log(`stratos-1 under CometBFT: app + CometBFT start to block 1 ${startMs.toFixed(0)} ms (${initLine.replace(/^.*genesis loaded: /, "")}); height ${height}`);
    const status = await client.status();
    expect(status.nodeInfo.network).toBe("stratos-1");
    // CometBFT gives block 1 the genesis time.
    const first = await client.block(1);
    const genesisTime = genesisTimeOf(readGenesisFile(GENESIS));
    expect(BigInt(Math.floor(first.block.header.time.getTime() / 1000))).toBe(genesisTime.seconds);
    expect(first.block.header.time.nanoseconds).toBe(genesisTime.nanos % 1_000_000);

    const validators = await client.validatorsAll(height);
    expect(validators.validators).toHaveLength(8);
    const total = validators.validators.reduce((s, v) => s + v.votingPower, 0n);
    const ours = validators.validators.find((v) => toHex(v.address) === toHex(ed25519Address(localKey)));
    expect(ours?.votingPower).toBe(override.selfBond / 10n ** 15n);
    expect(ours!.votingPower * 3n).toBeGreaterThan(total * 2n);
    // Only our validator signs: the seven real ones are absent from every commit.
    const commit = await client.commit(height);
    expect(commit.commit.signatures.filter((s) => s.signature !== undefined && s.signature.length > 0)).toHaveLength(1);

    const invariants = JSON.parse(new TextDecoder().decode(await queryValue(client, INVARIANTS_PATH, new Uint8Array()))) as Record<string, string | null>;
    expect(Object.keys(invariants).length).toBeGreaterThan(5);
    expect(Object.entries(invariants).filter(([, v]) => v !== null)).toEqual([]);
    expect(net.appLog.some((l) => /error|panic/i.test(l) && !/level=(info|debug)/.test(l))).toBe(false);
  });
});
