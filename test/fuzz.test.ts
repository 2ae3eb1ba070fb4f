/**
 * The real-CometBFT leg of the tx fuzz (docs/fuzzing.md): a few hundred garbage txs broadcast over RPC
 * to a devnet — random bytes, byte mutations of valid signed txs, and correctly signed txs whose
 * message bytes are mutated (those may pass CheckTx and reach blocks) — while blocks keep coming.
 * Every broadcast gets an answer with a code; overspending sends pass CheckTx and fail inside blocks;
 * the app reports no handler bug, the chain keeps producing blocks and a valid send still commits. The in-process fuzz is app/node/fuzz.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Comet38Client } from "@cosmjs/tendermint-rpc";
import { byteMutation, mutateBytes } from "../app/node/fuzz/txFuzz.js";
import { TestApp, type TestKey } from "../app/node/testApp.js";
import { createTestDevnet, waitForHeight, type TestDevnet } from "./helpers/devnet.js";

const SEED = Number(process.env["FUZZ_SEED"] ?? 20_261_206);
const PER_KIND = 100;

describe("tx fuzz over RPC on a devnet", () => {
  let net: TestDevnet;
  let client: Comet38Client;
  let signer: TestApp;

  beforeAll(async () => {
    net = await createTestDevnet();
    await net.devnet.start();
    client = await net.client();
    await waitForHeight(client, 2, 120_000);
    // Signs with the devnet accounts (same mnemonic, chain id and account numbers as the devnet genesis).
    signer = await TestApp.create();
  });

  afterAll(async () => {
    await signer?.close();
    await net?.cleanup();
  });

  it(`${3 * PER_KIND} garbage txs: each answered with a code, no handler bug, blocks continue, a valid send commits after`, async () => {
    const [alice, bob] = [TestApp.keyAt(0), TestApp.keyAt(1)];
    const sequences = new Map<string, bigint>();
    const sign = (key: TestKey, valueMutation?: Parameters<typeof mutateBytes>[1]): Uint8Array => {
      const msg = TestApp.send(key.address, bob.address, 1_000n);
      const value = valueMutation ? mutateBytes(msg.value, valueMutation, []) : msg.value;
      return signer.sign(key, [{ typeUrl: msg.typeUrl, value }], { sequence: sequences.get(key.address) ?? 0n });
    };
    const valid = [0, 1, 2, 3].map((i) => sign(TestApp.keyAt(i)));
    const mutations = fc.sample(fc.array(byteMutation, { minLength: 1, maxLength: 3 }), { numRuns: 2 * PER_KIND, seed: SEED });
    const randoms = fc.sample(fc.uint8Array({ maxLength: 400 }), { numRuns: PER_KIND, seed: SEED + 1 });
    const inputs: Array<{ kind: string; make: () => Uint8Array; key?: TestKey }> = [
      ...randoms.map((bytes) => ({ kind: "random", make: () => bytes })),
      ...mutations.slice(0, PER_KIND).map((muts, i) => ({ kind: "raw", make: () => muts.reduce((b, m) => mutateBytes(b, m, valid), valid[i % valid.length]!) })),
      // Signed by alice at her current CheckTx sequence: the signature holds, the message bytes are mutated.
      ...mutations.slice(PER_KIND).map((muts) => ({ kind: "resigned", key: alice, make: () => sign(alice, muts[0]!) })),
    ];

    const startHeight = (await client.status()).syncInfo.latestBlockHeight;
    const codes = new Map<string, number>();
    let answered = 0;
    for (const input of inputs) {
      const tx = input.make();
      let r;
      try {
        r = await client.broadcastTxSync({ tx });
      } catch (e) {
        // CometBFT itself refuses some inputs before the app sees them (e.g. an empty tx, a duplicate in the cache).
        const key = `comet:${(e instanceof Error ? e.message : String(e)).slice(0, 40)}`;
        codes.set(key, (codes.get(key) ?? 0) + 1);
        answered++;
        continue;
      }
      answered++;
      const key = `${input.kind}:${r.code === 0 ? "ok" : r.codespace}/${r.code}`;
      codes.set(key, (codes.get(key) ?? 0) + 1);
      if (r.code === 0 && input.key) sequences.set(input.key.address, (sequences.get(input.key.address) ?? 0n) + 1n);
    }
    console.log(`devnet fuzz: ${inputs.length} txs broadcast, codes: ${[...codes].sort().map(([k, v]) => `${k}×${v}`).join(" ")}`);
    expect(answered).toBe(inputs.length);
    expect([...codes.keys()].filter((k) => k.startsWith("random:") || k.startsWith("raw:")).some((k) => k.endsWith("sdk/2"))).toBe(true);

    // Correctly signed sends of more than alice holds pass CheckTx (it runs no message) and fail inside a block.
    const overspends: Uint8Array[] = [];
    for (let i = 0; i < 20; i++) {
      const tx = signer.sign(alice, [TestApp.send(alice.address, bob.address, 10n ** 30n + BigInt(i))], { sequence: sequences.get(alice.address) ?? 0n });
      const r = await client.broadcastTxSync({ tx });
      expect(r.code).toBe(0);
      sequences.set(alice.address, (sequences.get(alice.address) ?? 0n) + 1n);
      overspends.push(r.hash);
    }

    // Blocks continue, with whatever passed CheckTx inside them.
    const after = await waitForHeight(client, startHeight + 3, 120_000);
    expect(after).toBeGreaterThanOrEqual(startHeight + 3);
    const send = signer.sign(alice, [TestApp.send(alice.address, bob.address, 7n)], { sequence: sequences.get(alice.address) ?? 0n });
    const committed = await client.broadcastTxCommit({ tx: send });
    expect([committed.checkTx.code, committed.txResult?.code]).toEqual([0, 0]);
    expect(committed.height).toBeGreaterThan(startHeight);
    for (const hash of overspends) {
      const result = await client.tx({ hash });
      expect([result.result.codespace, result.result.code]).toEqual(["sdk", 5]);
    }
    expect(net.appLog.filter((l) => /tx execution bug|FinalizeBlock refused|Uncaught|unhandled/i.test(l))).toEqual([]);
  });
});
