import { beforeEach, describe, expect, it } from "vitest";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { moduleAddress } from "../crypto/moduleAddress.js";
import { BECH32_PREFIX, formatBech32Address } from "../crypto/address.js";
import { TestApp } from "./testApp.js";

/**
 * Every ante rule and the tx atomicity rules, driven through the real app (auth, bank, ante chain,
 * pipeline) in memory. Codes and logs are the SDK v0.47 ones (spec-chain.md §10, abci-cosmjs.md §2.9).
 */
const FEE_PER_TX = 200_000n * 1_000_000_000n; // default gas limit × 1 gwei
const CURVE_N = secp256k1.Point.CURVE().n;

let t: TestApp;
let alice: TestApp["keys"][number];
let bob: TestApp["keys"][number];

beforeEach(async () => {
  t = await TestApp.create();
  [alice, bob] = t.keys as [TestApp["keys"][number], TestApp["keys"][number]];
});

const send = (amount = 1n) => TestApp.send(alice.address, bob.address, amount);

describe("ante rules (CheckTx and FinalizeBlock)", () => {
  it("accepts a valid eth_secp256k1 tx and charges amount + fee", async () => {
    const before = t.balance(alice.address);
    const tx = t.sign(alice, [send(5n)]);
    expect(t.check(tx).code).toBe(0);
    const [r] = await t.block([tx]);
    expect(r!.code).toBe(0);
    expect(t.balance(alice.address)).toBe(before - 5n - FEE_PER_TX);
  });

  it.each([
    { name: "bad signature", opts: { mutateSignature: (s: Uint8Array) => s.map((b, i) => (i === 10 ? b ^ 1 : b)) } },
    { name: "wrong chain id", opts: { chainId: "stratos-1" } },
    { name: "wrong account number", opts: { accountNumber: 7n } },
    {
      name: "high-S (malleated) signature",
      opts: {
        mutateSignature: (s: Uint8Array) => {
          const sValue = BigInt("0x" + Buffer.from(s.subarray(32)).toString("hex"));
          const high = (CURVE_N - sValue).toString(16).padStart(64, "0");
          return new Uint8Array([...s.subarray(0, 32), ...Buffer.from(high, "hex")]);
        },
      },
    },
  ])("$name → code 4 (unauthorized)", async ({ opts }) => {
    const tx = t.sign(alice, [send()], opts);
    const c = t.check(tx);
    expect([c.codespace, c.code]).toEqual(["sdk", 4]);
    expect(c.log).toBe("signature verification failed; please verify account number (0) and chain-id (stratos-devnet-1): unauthorized");
    // FinalizeBlock verifies too (a proposer may include anything): same code, no fee taken.
    const before = t.balance(alice.address);
    const [r] = await t.block([tx]);
    expect(r!.code).toBe(4);
    expect(t.balance(alice.address)).toBe(before);
  });

  it("sequence mismatch → code 32 with \"expected N, got M\"", () => {
    const c = t.check(t.sign(alice, [send()], { sequence: 3n }));
    expect([c.codespace, c.code]).toEqual(["sdk", 32]);
    expect(c.log).toBe("account sequence mismatch, expected 0, got 3: incorrect account sequence");
  });

  it("CheckTx state carries sequences between txs until the block, and RECHECK re-applies them", async () => {
    const tx0 = t.sign(alice, [send()], { sequence: 0n });
    const tx1 = t.sign(alice, [send()], { sequence: 1n });
    expect(t.check(tx0).code).toBe(0);
    expect(t.check(tx1).code).toBe(0);
    await t.block([tx0]);
    // After the commit CometBFT rechecks what is left: tx1 is still valid, tx0 is now stale.
    expect(t.check(tx1, true).code).toBe(0);
    expect(t.check(tx0, true).code).toBe(32);
  });

  it("insufficient fee → code 13 in CheckTx only (the minimum gas price is node-local)", async () => {
    const tx = t.sign(alice, [send()], { fee: [{ denom: "wei", amount: "1" }] });
    const c = t.check(tx);
    expect([c.codespace, c.code]).toEqual(["sdk", 13]);
    expect(c.log).toBe("insufficient fees; got: 1wei required: 200000000000000wei: insufficient fee");
    const [r] = await t.block([tx]);
    expect(r!.code).toBe(0);
  });

  it("a fee in gwei is normalised to wei and accepted", async () => {
    const tx = t.sign(alice, [send()], { fee: [{ denom: "gwei", amount: "200000" }] });
    expect(t.check(tx).code).toBe(0);
  });

  it("insufficient funds for the fee → code 5", async () => {
    const poor = t.keys[2]!;
    const huge = (10n ** 30n).toString();
    const c = t.check(t.sign(poor, [TestApp.send(poor.address, bob.address, 1n)], { fee: [{ denom: "wei", amount: huge }] }));
    expect([c.codespace, c.code]).toEqual(["sdk", 5]);
    expect(c.log).toMatch(/insufficient funds: insufficient funds$/);
  });

  it("out of gas → code 11; the fee and sequence stay, the message reverts", async () => {
    const before = { a: t.balance(alice.address), b: t.balance(bob.address) };
    // The ante of a first tx costs ~71k gas (incl. creating fee_collector); the send does not fit in 80k.
    const tx = t.sign(alice, [send(9n)], { gasLimit: 80_000n });
    const [r] = await t.block([tx]);
    expect([r!.codespace, r!.code]).toEqual(["sdk", 11]);
    expect(r!.log).toMatch(/^out of gas in location: \w+; gasWanted: 80000, gasUsed: \d+: out of gas$/);
    expect(t.balance(alice.address)).toBe(before.a - 80_000n * 1_000_000_000n);
    expect(t.balance(bob.address)).toBe(before.b);
    // The sequence moved: the same sequence again is stale.
    expect(t.check(t.sign(alice, [send()], { sequence: 0n })).code).toBe(32);
  });

  it("memo too long → code 12", () => {
    const c = t.check(t.sign(alice, [send()], { memo: "x".repeat(257) }));
    expect([c.codespace, c.code]).toEqual(["sdk", 12]);
    expect(c.log).toBe("maximum number of characters is 256 but received 257 characters: memo too large");
  });

  it("timeout height passed → code 30", async () => {
    await t.block([]);
    const c = t.check(t.sign(alice, [send()], { timeoutHeight: 1n }));
    expect([c.codespace, c.code]).toEqual(["sdk", 30]);
  });

  it("unknown message type → code 6, before the ante (no fee)", async () => {
    const before = t.balance(alice.address);
    const tx = t.sign(alice, [{ typeUrl: "/stratos.nope.v1.MsgNope", value: new Uint8Array() }]);
    expect(t.check(tx).code).toBe(6);
    const [r] = await t.block([tx]);
    expect([r!.codespace, r!.code]).toEqual(["sdk", 6]);
    expect(t.balance(alice.address)).toBe(before);
  });

  it("a key that does not control the signer address → code 8", () => {
    const tx = t.sign(alice, [send()], { pubKeyTypeUrl: "/cosmos.crypto.secp256k1.PubKey" });
    const c = t.check(tx);
    expect([c.codespace, c.code]).toEqual(["sdk", 8]);
    expect(c.log).toBe(`pubKey does not match signer address ${alice.address} with signer index: 0: invalid pubkey`);
  });

  it("CosmJS's eth key type URL is the same key type", async () => {
    const tx = t.sign(alice, [send()], { pubKeyTypeUrl: "/cosmos.evm.crypto.v1.ethsecp256k1.PubKey" });
    expect(t.check(tx).code).toBe(0);
    expect((await t.block([tx]))[0]!.code).toBe(0);
  });

  it("garbage bytes → code 2", () => {
    const c = t.check(new Uint8Array([1, 2, 3, 4]));
    expect([c.codespace, c.code]).toEqual(["sdk", 2]);
  });
});

describe("message execution", () => {
  it("a blocked recipient (a module account) is refused", async () => {
    const pot = formatBech32Address(moduleAddress("pot"), BECH32_PREFIX.account);
    const [r] = await t.block([t.sign(alice, [TestApp.send(alice.address, pot, 1n)])]);
    expect([r!.codespace, r!.code]).toEqual(["sdk", 4]);
    expect(r!.log).toBe(`failed to execute message; message index: 0: ${pot} is not allowed to receive funds: unauthorized`);
  });

  it("a failing second message reverts the first; the fee and sequence stay", async () => {
    const before = { a: t.balance(alice.address), b: t.balance(bob.address) };
    const tooMuch = before.a * 2n;
    const tx = t.sign(alice, [send(1000n), send(tooMuch)]);
    const [r] = await t.block([tx]);
    expect([r!.codespace, r!.code]).toEqual(["sdk", 5]);
    expect(r!.log).toMatch(/^failed to execute message; message index: 1: .*insufficient funds$/);
    expect(t.balance(bob.address)).toBe(before.b);
    expect(t.balance(alice.address)).toBe(before.a - FEE_PER_TX);
    expect(t.check(t.sign(alice, [send()], { sequence: 1n })).code).toBe(0);
  });

  it("executes txs of one block in order (the second sees the first)", async () => {
    const carol = t.keys[2]!;
    const toCarol = t.sign(alice, [TestApp.send(alice.address, carol.address, 10n ** 20n)]);
    const fromCarol = t.sign(carol, [TestApp.send(carol.address, bob.address, 10n ** 24n + 10n ** 19n)]);
    const [r1, r2] = await t.block([toCarol, fromCarol]);
    expect(r1!.code).toBe(0);
    expect(r2!.code).toBe(0);
  });
});
