import { beforeEach, describe, expect, it } from "vitest";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { AuthInfo, SignDoc, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { moduleAddress } from "../crypto/moduleAddress.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../crypto/address.js";
import { signEthSecp256k1Digest } from "../crypto/ethSecp256k1.js";
import { keccak256 } from "../crypto/hash.js";
import { addressStoreKey } from "../modules/auth/keys.js";
import { balanceKey } from "../modules/bank/keys.js";
import { DEVNET_CHAIN_ID } from "./devnetGenesis.js";
import { TestApp, type TestKey } from "./testApp.js";

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

  it("an eth_secp256k1 key of 33 bytes that is no curve point → code 8, like any key of another address (found by fuzzing)", async () => {
    // 0x02 ‖ x where x³ + 7 has no square root mod p: the reference's Address() is nil, which matches no signer.
    const offCurve = Uint8Array.from(Buffer.from("02e7afcd58c1fa42e586ce3085bfdee82d673560d154f0df6f0df0579560968a90", "hex"));
    expect(() => secp256k1.Point.fromBytes(offCurve)).toThrow();
    const tx = t.sign({ ...alice, publicKey: offCurve }, [send()]);
    const c = t.check(tx);
    expect([c.codespace, c.code, c.log]).toEqual(["sdk", 8, `pubKey does not match signer address ${alice.address} with signer index: 0: invalid pubkey`]);
    const [r] = await t.block([tx]);
    expect([r!.codespace, r!.code]).toEqual(["sdk", 8]);
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

// ---------------------------------------------------------------------------------------------------
// Txs TestApp.sign cannot build: extension options, other sign modes and key types, raw fee amounts.

interface CustomTx {
  readonly messages: readonly Any[];
  readonly extensionOptions?: readonly Any[];
  readonly nonCriticalExtensionOptions?: readonly Any[];
  readonly memo?: string;
  readonly sequence?: bigint;
  readonly mode?: SignMode;
  readonly publicKey?: Any;
  /** A signer info without a key (accounts that already have one; simulation placeholders). */
  readonly omitPublicKey?: boolean;
  readonly fee?: readonly { denom: string; amount: string }[];
  readonly gasLimit?: bigint;
}

/** SIGN_MODE_DIRECT-style signature (eth_secp256k1, Keccak digest) over whatever the tx declares. */
function signCustom(key: TestKey, o: CustomTx): Uint8Array {
  const bodyBytes = TxBody.encode(
    TxBody.fromPartial({
      messages: [...o.messages],
      memo: o.memo ?? "",
      extensionOptions: [...(o.extensionOptions ?? [])],
      nonCriticalExtensionOptions: [...(o.nonCriticalExtensionOptions ?? [])],
    }),
  ).finish();
  const gasLimit = o.gasLimit ?? 200_000n;
  const authInfoBytes = AuthInfo.encode(
    AuthInfo.fromPartial({
      signerInfos: [
        {
          publicKey: o.omitPublicKey
            ? undefined
            : (o.publicKey ?? { typeUrl: "/stratos.crypto.v1.ethsecp256k1.PubKey", value: PubKey.encode({ key: key.publicKey }).finish() }),
          modeInfo: { single: { mode: o.mode ?? SignMode.SIGN_MODE_DIRECT } },
          sequence: o.sequence ?? 0n,
        },
      ],
      fee: { amount: [...(o.fee ?? [{ denom: "wei", amount: (gasLimit * 1_000_000_000n).toString() }])], gasLimit },
    }),
  ).finish();
  const signBytes = SignDoc.encode({ bodyBytes, authInfoBytes, chainId: DEVNET_CHAIN_ID, accountNumber: key.accountNumber }).finish();
  const signature = signEthSecp256k1Digest(key.privateKey, keccak256(signBytes)).subarray(0, 64);
  return TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [signature] }).finish();
}

/** A protobuf varint field `field` = 1, appended to a message's bytes (an unknown field for the tests). */
function withExtraField(value: Uint8Array, field: number): Uint8Array {
  const tag: number[] = [];
  for (let v = field << 3; ; v >>>= 7) {
    if (v < 0x80) { tag.push(v); break; }
    tag.push((v & 0x7f) | 0x80);
  }
  return new Uint8Array([...value, ...tag, 1]);
}

describe("SDK gas accounting of the ante chain (spec-chain.md §10)", () => {
  const read = (key: number, value: number): bigint => 1000n + 3n * BigInt(key + value);
  const write = (key: number, value: number): bigint => 2000n + 30n * BigInt(key + value);
  const HAS = 1000n;

  it("CheckTx gas of a tx from an account with a key is the reference's decorator-by-decorator sum", async () => {
    await t.block([t.sign(alice, [send()], { sequence: 0n })]); // sets alice's key, creates fee_collector
    const tx = t.sign(alice, [send()], { sequence: 1n });
    const committed = t.parts.store.committed();
    const acc = committed.getReader("acc");
    const bank = committed.getReader("bank");
    const aliceAddr = parseBech32Address(alice.address, BECH32_PREFIX.account);
    const feeCollector = moduleAddress("fee_collector");
    const P = acc.get(Uint8Array.of(0x00))!.length;
    const A = acc.get(addressStoreKey(aliceAddr))!.length;
    const F = acc.get(addressStoreKey(feeCollector))!.length;
    const aliceBalKey = balanceKey(aliceAddr, "wei");
    const fcBalKey = balanceKey(feeCollector, "wei");
    const aliceBal = BigInt(new TextDecoder().decode(bank.get(aliceBalKey)!));
    const fcBal = BigInt(new TextDecoder().decode(bank.get(fcBalKey)!));
    const digits = (n: bigint): number => n.toString().length;
    const paramsRead = read(1, P);
    const accountRead = read(21, A);
    const want =
      10n * BigInt(tx.length) + paramsRead + // ConsumeTxSizeGas (params, then size)
      accountRead + // DeductFee: fee payer account
      read(21, F) + // bank: GetModuleAccount(fee_collector)
      accountRead + read(aliceBalKey.length, digits(aliceBal)) + write(aliceBalKey.length, digits(aliceBal - FEE_PER_TX)) + HAS + // subUnlockedCoins
      read(fcBalKey.length, digits(fcBal)) + write(fcBalKey.length, digits(fcBal + FEE_PER_TX)) + HAS + // addCoins
      HAS + // HasAccount(fee_collector)
      accountRead + // SetPubKey
      paramsRead + // ValidateSigCount
      paramsRead + accountRead + 21_000n + // SigGasConsume
      accountRead + // SigVerification
      accountRead + write(21, A) + write(21, 20); // IncrementSequence: account + account-number index
    const c = t.check(tx);
    expect(c.code).toBe(0);
    expect(c.gasUsed).toBe(want);
    // SDK v0.47 CheckTx: runMsgs returns before the first message, with an empty message log.
    expect(c.log).toBe("[]");
    expect(c.events).toHaveLength(0);
  });

  it("a memo costs one more params read (ValidateMemoDecorator reads them only for a non-empty memo)", async () => {
    await t.block([t.sign(alice, [send()], { sequence: 0n })]);
    const simulate = (tx: Uint8Array): bigint => {
      const res = t.parts.app.query({ path: "/cosmos.tx.v1beta1.Service/Simulate", data: SimulateRequest.encode({ txBytes: tx }).finish(), height: 0n, prove: false });
      if (res instanceof Promise) throw new Error("Simulate answered asynchronously");
      expect(res.code).toBe(0);
      return SimulateResponse.decode(res.value).gasInfo!.gasUsed;
    };
    const plain = t.sign(alice, [send()], { sequence: 1n });
    const memo = t.sign(alice, [send()], { sequence: 1n, memo: "x" });
    const params = t.parts.store.committed().getReader("acc").get(Uint8Array.of(0x00))!;
    expect(simulate(memo) - simulate(plain)).toBe(10n * BigInt(memo.length - plain.length) + read(1, params.length));
  });
});

describe("Simulate (abci-cosmjs.md §2.8)", () => {
  const simulate = (tx: Uint8Array): bigint => {
    const res = t.parts.app.query({ path: "/cosmos.tx.v1beta1.Service/Simulate", data: SimulateRequest.encode({ txBytes: tx }).finish(), height: 0n, prove: false });
    if (res instanceof Promise) throw new Error("Simulate answered asynchronously");
    expect([res.code, res.log]).toEqual([0, ""]);
    return SimulateResponse.decode(res.value).gasInfo!.gasUsed;
  };

  it("a keyless signer without a key in its signer info costs what the SDK's stored placeholder key costs", () => {
    const carol = t.keys[2]!;
    const msg = TestApp.send(carol.address, bob.address, 1n);
    // The SDK stores simSecp256k1Pubkey on the account; an explicit secp256k1 key of the same bytes
    // takes exactly that path in simulation (no address check), so only the tx size differs.
    const simKey: Any = {
      typeUrl: "/cosmos.crypto.secp256k1.PubKey",
      value: PubKey.encode({ key: Buffer.from("035ad6810a47f073553ff30d2fcc7e0d3b1c0b74b61a1aaa2582344037151e143a", "hex") }).finish(),
    };
    const omitted = signCustom(carol, { messages: [msg], omitPublicKey: true });
    const explicit = signCustom(carol, { messages: [msg], publicKey: simKey });
    expect(simulate(explicit) - simulate(omitted)).toBe(10n * BigInt(explicit.length - omitted.length));
  });
});

describe("sign modes, key types and fee amounts (docs/deviations.md)", () => {
  it("SIGN_MODE_LEGACY_AMINO_JSON and DIRECT_AUX → code 37 (not supported by stratos-ts)", () => {
    for (const mode of [SignMode.SIGN_MODE_LEGACY_AMINO_JSON, SignMode.SIGN_MODE_DIRECT_AUX]) {
      const c = t.check(signCustom(alice, { messages: [send()], mode }));
      expect([c.codespace, c.code]).toEqual(["sdk", 37]);
      expect(c.log).toMatch(/^sign mode SIGN_MODE_\w+ is not supported by stratos-ts; sign with SIGN_MODE_DIRECT: feature not supported$/);
    }
  });

  it("a sign mode the reference has no handler for (UNSPECIFIED, TEXTUAL) fails verification → code 4", () => {
    for (const mode of [SignMode.SIGN_MODE_UNSPECIFIED, SignMode.SIGN_MODE_TEXTUAL]) {
      const c = t.check(signCustom(alice, { messages: [send()], mode }));
      expect([c.codespace, c.code]).toEqual(["sdk", 4]);
      expect(c.log).toBe("signature verification failed; please verify account number (0) and chain-id (stratos-devnet-1): unauthorized");
    }
  });

  it("a multisig (LegacyAminoPubKey) or secp256r1 key → code 37", () => {
    for (const typeUrl of ["/cosmos.crypto.multisig.LegacyAminoPubKey", "/cosmos.crypto.secp256r1.PubKey"]) {
      const c = t.check(signCustom(alice, { messages: [send()], publicKey: { typeUrl, value: PubKey.encode({ key: alice.publicKey }).finish() } }));
      expect([c.codespace, c.code, c.log]).toEqual(["sdk", 37, `${typeUrl} keys are not supported by stratos-ts: feature not supported`]);
    }
  });

  it("an absent fee amount is Go's nil Int → code 13 \"invalid fee provided: null\", in FinalizeBlock too", async () => {
    const tx = signCustom(alice, { messages: [send()], fee: [{ denom: "wei", amount: "" }] });
    const c = t.check(tx);
    expect([c.codespace, c.code, c.log]).toEqual(["sdk", 13, "invalid fee provided: null: insufficient fee"]);
    const before = t.balance(alice.address);
    const [r] = await t.block([tx]);
    expect(r!.code).toBe(13);
    expect(t.balance(alice.address)).toBe(before);
  });

  it("fee amounts are Go big.Int text (base 0): \"0x10\" is 16 wei, \"010\" is 8 wei; over 256 bits → code 2", async () => {
    const before = t.balance(alice.address);
    // Below the node's minimum gas price, so only FinalizeBlock (no min-fee check) accepts them.
    const hex = signCustom(alice, { messages: [send(1n)], fee: [{ denom: "wei", amount: "0x10" }], sequence: 0n });
    const octal = signCustom(alice, { messages: [send(1n)], fee: [{ denom: "wei", amount: "010" }], sequence: 1n });
    const results = await t.block([hex, octal]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    expect(t.balance(alice.address)).toBe(before - 2n - 16n - 8n);
    const huge = signCustom(alice, { messages: [send()], fee: [{ denom: "wei", amount: (1n << 256n).toString() }], sequence: 2n });
    const c = t.check(huge);
    expect([c.codespace, c.code]).toEqual(["sdk", 2]);
    expect(c.log).toBe("integer out of range; got: 257, max: 256: tx parse error");
    expect([c.gasWanted, c.gasUsed]).toEqual([0n, 0n]); // a decode error: the SDK's empty GasInfo
  });
});

describe("unknown fields and extension options (SDK tx decoder, spec-chain.md §10)", () => {
  const ethExt: Any = { typeUrl: "/stratos.evm.v1.ExtensionOptionsEthereumTx", value: new Uint8Array() };
  const unknownExt: Any = { typeUrl: "/stratos.nope.v1.ExtensionOption", value: new Uint8Array() };

  it("a critical extension option: the EVM one → code 31, an unresolvable type URL → code 2", () => {
    const evm = t.check(signCustom(alice, { messages: [send()], extensionOptions: [ethExt] }));
    expect([evm.codespace, evm.code]).toEqual(["sdk", 31]);
    expect(evm.log).toMatch(/^rejecting tx with unsupported extension option: \/stratos\.evm\.v1\.ExtensionOptionsEthereumTx/);
    const unknown = t.check(signCustom(alice, { messages: [send()], extensionOptions: [unknownExt] }));
    expect([unknown.codespace, unknown.code, unknown.log]).toEqual(["sdk", 2, "unable to resolve type URL /stratos.nope.v1.ExtensionOption: tx parse error"]);
  });

  it("a non-critical extension option is ignored if its type resolves, else code 2", async () => {
    const ok = signCustom(alice, { messages: [send()], nonCriticalExtensionOptions: [ethExt] });
    expect(t.check(ok).code).toBe(0);
    expect((await t.block([ok]))[0]!.code).toBe(0);
    const bad = t.check(signCustom(alice, { messages: [send()], nonCriticalExtensionOptions: [unknownExt], sequence: 1n }));
    expect([bad.codespace, bad.code]).toEqual(["sdk", 2]);
  });

  it("an unknown critical field inside MsgSend → code 2, before the ante (no fee); a non-critical one is allowed", async () => {
    const msg = send(3n);
    const critical = signCustom(alice, { messages: [{ typeUrl: msg.typeUrl, value: withExtraField(msg.value, 4) }] });
    const c = t.check(critical);
    expect([c.codespace, c.code, c.log]).toEqual(["sdk", 2, 'errUnknownField "MsgSend": {TagNum: 4, WireType:"varint"}: tx parse error']);
    const before = t.balance(alice.address);
    expect((await t.block([critical]))[0]!.code).toBe(2);
    expect(t.balance(alice.address)).toBe(before);
    const nonCritical = signCustom(alice, { messages: [{ typeUrl: msg.typeUrl, value: withExtraField(msg.value, 1025) }] });
    expect(t.check(nonCritical).code).toBe(0);
  });

  it("AuthInfo is checked strictly down to the key: an extra field in the signer's PubKey → code 2", () => {
    const key = withExtraField(PubKey.encode({ key: alice.publicKey }).finish(), 2);
    const c = t.check(signCustom(alice, { messages: [send()], publicKey: { typeUrl: "/stratos.crypto.v1.ethsecp256k1.PubKey", value: key } }));
    expect([c.codespace, c.code, c.log]).toEqual(["sdk", 2, 'errUnknownField "PubKey": {TagNum: 2, WireType:"varint"}: tx parse error']);
  });
});
