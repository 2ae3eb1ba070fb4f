import { afterAll, describe, expect, it } from "vitest";
import { VerifyPool } from "./verifyPool.js";
import { ethPublicKeyFromPrivateKey, signEthSecp256k1 } from "./ethSecp256k1.js";
import { secp256k1PublicKeyFromPrivateKey, signSecp256k1 } from "./secp256k1.js";

const priv = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const msg = new TextEncoder().encode("sign doc bytes");
const pool = new VerifyPool(2);
afterAll(() => pool.close());

describe("VerifyPool", () => {
  it("verifies eth_secp256k1 and secp256k1 jobs on workers, one answer per job in order", async () => {
    const eth = { kind: "eth_secp256k1" as const, pubKey: ethPublicKeyFromPrivateKey(priv), signBytes: msg, signature: signEthSecp256k1(priv, msg) };
    const cosmos = { kind: "secp256k1" as const, pubKey: secp256k1PublicKeyFromPrivateKey(priv), signBytes: msg, signature: signSecp256k1(priv, msg) };
    const wrongMsg = { ...eth, signBytes: new TextEncoder().encode("other") };
    const garbage = { ...cosmos, pubKey: new Uint8Array(33).fill(7) };
    expect(await pool.verify([eth, cosmos, wrongMsg, garbage])).toEqual([true, true, false, false]);
    expect(await pool.verify([])).toEqual([]);
  });

  it("keeps many concurrent batches apart", async () => {
    const jobs = Array.from({ length: 40 }, (_, i) => {
      const m = new TextEncoder().encode(`m${i}`);
      return { kind: "eth_secp256k1" as const, pubKey: ethPublicKeyFromPrivateKey(priv), signBytes: m, signature: i % 3 === 0 ? new Uint8Array(64) : signEthSecp256k1(priv, m) };
    });
    const results = await Promise.all(jobs.map((j) => pool.verify([j])));
    expect(results.map((r) => r[0])).toEqual(jobs.map((_, i) => i % 3 !== 0));
  });
});
