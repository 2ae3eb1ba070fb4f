/**
 * Tx fuzzing on the whole app in process (docs/fuzzing.md). Inputs are made by fast-check from a seed
 * (so a run is reproducible) out of the valid signed txs of world.ts: random bytes; byte-level
 * mutations of a signed TxRaw (bit flips, byte sets, truncations, insertions, deletions, duplicated
 * ranges, splices from another tx, oversized varints); and re-signed mutations, which pass the
 * signature check and so reach the ante handler and message handlers: one field of the message set
 * to another address (account, validator, SDS node), an edge number, a denom or odd text (the
 * protobuf structure kept), mutated message bytes, wrong or
 * unknown type URLs, another message's bytes under a type URL, foreign or repeated messages, no
 * message, odd fees and gas limits, long memos, timeout heights, wrong sequence / account number /
 * chain id, broken signatures (zero, high-S, short, long, none, two), other public-key types, sign
 * modes, unknown fields and extension options.
 *
 * Every input goes through CheckTx, then (all of them, as a faulty proposer could) into blocks run by
 * FinalizeBlock + Commit, with every invariant checked after each block. Recorded: the codes seen,
 * exceptions escaping CheckTx or FinalizeBlock, handler errors that were not registered tx errors
 * (the pipeline turns those into ErrPanic; a bug either way), and optionally app-hash differences
 * from a twin app fed the same blocks (non-determinism).
 */
import fc from "fast-check";
import { AuthInfo, SignDoc, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import type { Any } from "cosmjs-types/google/protobuf/any";
import type { ExecTxResult, ResponseCheckTx } from "cosmjs-types/tendermint/abci/types";
import { signEthSecp256k1Digest } from "../../crypto/ethSecp256k1.js";
import { keccak256 } from "../../crypto/hash.js";
import { MsgSendSchema } from "../../codec/cosmos/bank/v1beta1/tx_pb.js";
import { anyMsg, type StakingScenario } from "../../modules/staking/testkit.js";
import { createFuzzWorld, seedTxs, type SeedTx } from "./world.js";

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const UINT64_MAX = 2n ** 64n - 1n;

// ---- recipes (what fast-check generates) --------------------------------------------------------------

export type ByteMutation =
  | { readonly k: "flip"; readonly pos: number; readonly bit: number }
  | { readonly k: "set"; readonly pos: number; readonly value: number }
  | { readonly k: "truncate"; readonly pos: number }
  | { readonly k: "insert"; readonly pos: number; readonly bytes: Uint8Array }
  | { readonly k: "delete"; readonly pos: number; readonly len: number }
  | { readonly k: "dup"; readonly pos: number; readonly len: number }
  | { readonly k: "varint"; readonly pos: number; readonly len: number }
  | { readonly k: "splice"; readonly other: number; readonly from: number; readonly len: number; readonly pos: number };

export type ResignChange =
  | { readonly k: "msgBytes"; readonly muts: readonly ByteMutation[] }
  | { readonly k: "field"; readonly pick: number; readonly value: number }
  | { readonly k: "typeUrl"; readonly url: string }
  | { readonly k: "foreignValue"; readonly other: number }
  | { readonly k: "moreMsgs"; readonly others: readonly number[] }
  | { readonly k: "repeat"; readonly n: number }
  | { readonly k: "noMsgs" }
  | { readonly k: "fee"; readonly amount: bigint; readonly denom: string; readonly gas: bigint }
  | { readonly k: "memo"; readonly memo: string }
  | { readonly k: "timeout"; readonly height: bigint }
  | { readonly k: "sequence"; readonly delta: number }
  | { readonly k: "accountNumber"; readonly n: bigint }
  | { readonly k: "chainId"; readonly id: string }
  | { readonly k: "signature"; readonly how: "zero" | "highS" | "short" | "long" | "empty" | "random" | "none" | "two"; readonly noise: Uint8Array }
  | { readonly k: "pubKeyType"; readonly url: string }
  | { readonly k: "signMode"; readonly mode: number }
  | { readonly k: "bodyField"; readonly field: number; readonly bytes: Uint8Array }
  | { readonly k: "authField"; readonly field: number; readonly bytes: Uint8Array }
  | { readonly k: "extension"; readonly critical: boolean; readonly url: string; readonly value: Uint8Array }
  | { readonly k: "payer"; readonly payer: number };

export type Recipe =
  | { readonly k: "random"; readonly bytes: Uint8Array }
  | { readonly k: "raw"; readonly seed: number; readonly muts: readonly ByteMutation[] }
  | { readonly k: "resign"; readonly seed: number; readonly changes: readonly ResignChange[] };

const pos = fc.nat({ max: 1 << 20 });

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ k: fc.constant("flip" as const), pos, bit: fc.nat({ max: 7 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("set" as const), pos, value: fc.oneof(fc.constantFrom(0, 0x7f, 0x80, 0xff), fc.nat({ max: 255 })) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("truncate" as const), pos }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("insert" as const), pos, bytes: fc.uint8Array({ minLength: 1, maxLength: 24 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("delete" as const), pos, len: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("dup" as const), pos, len: fc.integer({ min: 1, max: 80 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("varint" as const), pos, len: fc.integer({ min: 9, max: 12 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("splice" as const), other: fc.nat(), from: pos, len: fc.integer({ min: 1, max: 96 }), pos }) },
);

function resignChange(typeUrls: readonly string[]): fc.Arbitrary<ResignChange> {
  const weird = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("", "/", "/google.protobuf.Any", "/cosmos.bank.v1beta1.MsgSend/", "cosmos.bank.v1beta1.MsgSend", "/stratos.pot.v1.MsgVolumeReportResponse"));
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ k: fc.constant("msgBytes" as const), muts: fc.array(byteMutation, { minLength: 1, maxLength: 3 }) }) },
    { weight: 10, arbitrary: fc.record({ k: fc.constant("field" as const), pick: fc.nat(), value: fc.nat() }) },
    { weight: 3, arbitrary: fc.record({ k: fc.constant("typeUrl" as const), url: fc.oneof(fc.constantFrom(...typeUrls), weird) }) },
    { weight: 3, arbitrary: fc.record({ k: fc.constant("foreignValue" as const), other: fc.nat() }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant("moreMsgs" as const), others: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant("repeat" as const), n: fc.integer({ min: 2, max: 40 }) }) },
    { weight: 1, arbitrary: fc.constant({ k: "noMsgs" as const }) },
    {
      weight: 3,
      arbitrary: fc.record({
        k: fc.constant("fee" as const),
        amount: fc.oneof(fc.constantFrom(0n, 1n, UINT64_MAX, 2n ** 256n), fc.bigInt({ min: 0n, max: 2n ** 90n })),
        denom: fc.constantFrom("wei", "stos", "", "WEI", "w", "x".repeat(130), "ibc/ABC"),
        gas: fc.oneof(fc.constantFrom(0n, 1n, 20_000_000n, UINT64_MAX), fc.bigInt({ min: 0n, max: UINT64_MAX })),
      }),
    },
    { weight: 1, arbitrary: fc.record({ k: fc.constant("memo" as const), memo: fc.oneof(fc.string({ maxLength: 300 }), fc.constant("m".repeat(257))) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant("timeout" as const), height: fc.oneof(fc.constantFrom(1n, UINT64_MAX), fc.bigInt({ min: 0n, max: UINT64_MAX })) }) },
    { weight: 2, arbitrary: fc.record({ k: fc.constant("sequence" as const), delta: fc.integer({ min: -2, max: 3 }) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant("accountNumber" as const), n: fc.oneof(fc.constantFrom(0n, UINT64_MAX), fc.bigInt({ min: 0n, max: 1000n })) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant("chainId" as const), id: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom("stratos-1", "")) }) },
    {
      weight: 3,
      arbitrary: fc.record({
        k: fc.constant("signature" as const),
        how: fc.constantFrom("zero", "highS", "short", "long", "empty", "random", "none", "two"),
        noise: fc.uint8Array({ minLength: 65, maxLength: 65 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        k: fc.constant("pubKeyType" as const),
        url: fc.constantFrom("/cosmos.crypto.secp256k1.PubKey", "/cosmos.crypto.ed25519.PubKey", "/cosmos.crypto.multisig.LegacyAminoPubKey", "/ethermint.crypto.v1.ethsecp256k1.PubKey", "", "/x.Y"),
      }),
    },
    { weight: 1, arbitrary: fc.record({ k: fc.constant("signMode" as const), mode: fc.oneof(fc.constantFrom(0, 2, 3, 127, 191), fc.integer({ min: -5, max: 300 })) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant("bodyField" as const), field: fc.oneof(fc.constantFrom(6, 1023, 1024, 2047), fc.integer({ min: 1, max: 4000 })), bytes: fc.uint8Array({ maxLength: 12 }) }) },
    { weight: 1, arbitrary: fc.record({ k: fc.constant("authField" as const), field: fc.integer({ min: 1, max: 4000 }), bytes: fc.uint8Array({ maxLength: 12 }) }) },
    {
      weight: 1,
      arbitrary: fc.record({ k: fc.constant("extension" as const), critical: fc.boolean(), url: fc.oneof(fc.constantFrom(...typeUrls), weird), value: fc.uint8Array({ maxLength: 16 }) }),
    },
    { weight: 1, arbitrary: fc.record({ k: fc.constant("payer" as const), payer: fc.nat() }) },
  );
}

/** The recipe arbitrary over a corpus whose messages use `typeUrls`. */
export function recipeArbitrary(typeUrls: readonly string[]): fc.Arbitrary<Recipe> {
  return fc.oneof(
    { weight: 1, arbitrary: fc.record({ k: fc.constant("random" as const), bytes: fc.uint8Array({ maxLength: 600 }) }) },
    { weight: 3, arbitrary: fc.record({ k: fc.constant("raw" as const), seed: fc.nat(), muts: fc.array(byteMutation, { minLength: 1, maxLength: 4 }) }) },
    { weight: 8, arbitrary: fc.record({ k: fc.constant("resign" as const), seed: fc.nat(), changes: fc.array(resignChange(typeUrls), { minLength: 1, maxLength: 3 }) }) },
  );
}

// ---- building inputs ---------------------------------------------------------------------------------

/** `bytes` with one mutation applied; `others` feed splices. */
export function mutateBytes(bytes: Uint8Array, m: ByteMutation, others: readonly Uint8Array[]): Uint8Array {
  const n = bytes.length;
  const at = (p: number): number => (n === 0 ? 0 : p % (n + 1));
  switch (m.k) {
    case "flip": {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[m.pos % n]! ^= 1 << m.bit;
      return out;
    }
    case "set": {
      if (n === 0) return bytes;
      const out = bytes.slice();
      out[m.pos % n] = m.value;
      return out;
    }
    case "truncate":
      return bytes.slice(0, n === 0 ? 0 : m.pos % n);
    case "insert":
      return concat(bytes.subarray(0, at(m.pos)), m.bytes, bytes.subarray(at(m.pos)));
    case "delete":
      return concat(bytes.subarray(0, at(m.pos)), bytes.subarray(at(m.pos) + m.len));
    case "dup": {
      const p = at(m.pos);
      return concat(bytes.subarray(0, p + m.len), bytes.subarray(p));
    }
    case "varint": {
      // A varint longer than 10 bytes (or a 10-byte one above 2^64): continuation bits all set, then 0x01.
      const v = new Uint8Array(m.len).fill(0xff);
      v[m.len - 1] = 0x01;
      return concat(bytes.subarray(0, at(m.pos)), v, bytes.subarray(at(m.pos)));
    }
    case "splice": {
      const other = others.length === 0 ? bytes : others[m.other % others.length]!;
      const from = other.length === 0 ? 0 : m.from % other.length;
      return concat(bytes.subarray(0, at(m.pos)), other.subarray(from, from + m.len), bytes.subarray(at(m.pos) + m.len));
    }
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

/** A protobuf field `field` of wire type 2 (length-delimited) holding `bytes`. */
function lengthDelimitedField(field: number, bytes: Uint8Array): Uint8Array {
  return concat(varint(BigInt(field) * 8n + 2n), varint(BigInt(bytes.length)), bytes);
}

function varint(v: bigint): Uint8Array {
  const out: number[] = [];
  while (v > 0x7fn) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
  return Uint8Array.from(out);
}

// ---- structure-aware field mutation ------------------------------------------------------------------

interface WireField {
  readonly field: number;
  readonly wire: number;
  /** Byte range of the value (after tag and, for wire type 2, the length). */
  readonly start: number;
  readonly end: number;
  /** Fields of the value read as a message, when it reads as one. */
  readonly children?: readonly WireField[];
}

function readVarint(b: Uint8Array, at: number): { value: bigint; next: number } | undefined {
  let value = 0n;
  for (let i = 0; i < 10 && at + i < b.length; i++) {
    value |= BigInt(b[at + i]! & 0x7f) << BigInt(7 * i);
    if ((b[at + i]! & 0x80) === 0) return { value, next: at + i + 1 };
  }
  return undefined;
}

/** The protobuf fields of `b` (undefined if it does not read as a message), nested to `depth`. */
function parseFields(b: Uint8Array, depth: number, base = 0, end = b.length): WireField[] | undefined {
  const out: WireField[] = [];
  let at = base;
  while (at < end) {
    const tag = readVarint(b, at);
    if (tag === undefined || tag.value === 0n) return undefined;
    const field = Number(tag.value >> 3n);
    const wire = Number(tag.value & 7n);
    at = tag.next;
    if (wire === 0) {
      const v = readVarint(b, at);
      if (v === undefined || v.next > end) return undefined;
      out.push({ field, wire, start: at, end: v.next });
      at = v.next;
    } else if (wire === 2) {
      const len = readVarint(b, at);
      if (len === undefined || len.next + Number(len.value) > end) return undefined;
      const start = len.next;
      const stop = start + Number(len.value);
      const children = depth > 0 && stop > start ? parseFields(b, depth - 1, start, stop) : undefined;
      out.push({ field, wire, start, end: stop, ...(children ? { children } : {}) });
      at = stop;
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      if (at + size > end) return undefined;
      out.push({ field, wire, start: at, end: at + size });
      at += size;
    } else {
      return undefined;
    }
  }
  return out;
}

/** Leaf fields (varints and length-delimited values that are not messages), depth first. */
function leaves(fields: readonly WireField[]): WireField[] {
  return fields.flatMap((f) => (f.children && f.children.length > 0 ? [f, ...leaves(f.children)] : [f]));
}

/** Values a field is set to: every address kind the world knows, numbers at the edges, denoms, odd text. */
export function fieldDictionary(world: StakingScenario, corpus: { seeds: readonly SeedTx[] }): { texts: readonly Uint8Array[]; varints: readonly bigint[] } {
  const enc = (t: string): Uint8Array => new TextEncoder().encode(t);
  const actors = [...new Set(corpus.seeds.map((s) => s.signer)), "RES1", "RES2", "RES5", "META2", "META3"];
  const texts = [
    ...actors.flatMap((n) => [world.address(n), world.valoper(n), world.net(n)]),
    "", " ", "0", "1", "-1", "00", "1.5", "-0.1", "0.000000000000000001", "1.000000000000000000", "1000000000000000000",
    (2n ** 63n).toString(), (2n ** 64n).toString(), (2n ** 255n).toString(), (2n ** 256n).toString(), "9".repeat(80),
    "wei", "stos", "gwei", "WEI", "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2", "[do-not-modify]",
    "st1", "stvaloper1", "stsds1", "0x0000000000000000000000000000000000000000", "f0155", "x".repeat(300), "\u0000", "é",
  ].map(enc);
  const varints = [0n, 1n, 2n, 3n, 4n, 7n, 8n, 127n, 128n, 255n, 2n ** 31n - 1n, 2n ** 31n, 2n ** 32n, 2n ** 63n - 1n, 2n ** 63n, 2n ** 64n - 1n];
  return { texts, varints };
}

/** `msg` with one leaf field (chosen by `pick`) set to a dictionary value (chosen by `value`) of its kind. */
export function mutateField(msg: Uint8Array, pick: number, value: number, dict: { texts: readonly Uint8Array[]; varints: readonly bigint[] }): Uint8Array {
  const fields = parseFields(msg, 3);
  if (fields === undefined) return msg;
  const candidates = leaves(fields).filter((f) => f.wire === 0 || f.wire === 2);
  if (candidates.length === 0) return msg;
  const f = candidates[pick % candidates.length]!;
  if (f.wire === 0) return concat(msg.subarray(0, f.start), varint(dict.varints[value % dict.varints.length]!), msg.subarray(f.end));
  // A length-delimited value: replace it and fix the length prefixes of every enclosing field.
  const replacement = dict.texts[value % dict.texts.length]!;
  return replaceRange(msg, fields, f, replacement);
}

function replaceRange(b: Uint8Array, fields: readonly WireField[], target: WireField, value: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [];
  let at = 0;
  for (const f of fields) {
    if (f !== target && !contains(f, target)) continue;
    // f is target or encloses it: rewrite f's value with its length.
    const inner = f === target ? value : replaceRange(b.subarray(0, f.end), f.children ?? [], target, value).subarray(f.start);
    const lengthStart = lengthPrefixStart(b, f.start);
    out.push(b.subarray(at, lengthStart), varint(BigInt(inner.length)), inner);
    at = f.end;
  }
  out.push(b.subarray(at));
  return concat(...out);
}

function contains(outer: WireField, inner: WireField): boolean {
  return outer.start <= inner.start && inner.end <= outer.end && (outer.children ?? []).some((c) => c === inner || contains(c, inner));
}

/** Where the length varint in front of a length-delimited value starting at `start` begins. */
function lengthPrefixStart(b: Uint8Array, start: number): number {
  // The length varint ends at start - 1 (no continuation bit); it starts after the previous byte with none.
  let i = start - 1;
  while (i > 0 && (b[i - 1]! & 0x80) !== 0) i--;
  return i;
}

/** The corpus fuzz inputs are made from. */
export interface FuzzCorpus {
  readonly seeds: readonly SeedTx[];
  /** Each seed signed correctly at the start (raw mutations and splices start from these). */
  readonly signed: readonly Uint8Array[];
  readonly typeUrls: readonly string[];
  readonly dictionary: { readonly texts: readonly Uint8Array[]; readonly varints: readonly bigint[] };
}

export function buildCorpus(world: StakingScenario): FuzzCorpus {
  const seeds = seedTxs(world);
  const signed = seeds.map((s) => signTx(world, s.signer, s.msgs, {}).bytes);
  const typeUrls = [...new Set(seeds.flatMap((s) => s.msgs.map((m) => m.typeUrl)))].sort();
  return { seeds, signed, typeUrls, dictionary: fieldDictionary(world, { seeds }) };
}

interface TxShape {
  msgs: Any[];
  memo: string;
  timeoutHeight: bigint;
  feeAmount: Array<{ denom: string; amount: string }> | undefined;
  gasLimit: bigint | undefined;
  sequenceDelta: number;
  accountNumber: bigint | undefined;
  chainId: string | undefined;
  signature: ResignChange & { k: "signature" } | undefined;
  pubKeyTypeUrl: string;
  signMode: number;
  bodyExtra: Uint8Array[];
  authExtra: Uint8Array[];
  extensions: Array<{ critical: boolean; any: Any }>;
  payer: string;
}

/** Signs `msgs` for `signer` (committed sequence) with SIGN_MODE_DIRECT; `shape` overrides parts of the tx. */
function signTx(world: StakingScenario, signer: string, msgs: readonly Any[], shape: Partial<TxShape>): { bytes: Uint8Array } {
  const key = world.actor(signer).key;
  const s: TxShape = {
    msgs: [...msgs], memo: "", timeoutHeight: 0n, feeAmount: undefined, gasLimit: undefined, sequenceDelta: 0, accountNumber: undefined, chainId: undefined,
    signature: undefined, pubKeyTypeUrl: "/stratos.crypto.v1.ethsecp256k1.PubKey", signMode: SignMode.SIGN_MODE_DIRECT, bodyExtra: [], authExtra: [], extensions: [], payer: "",
    ...shape,
  };
  const gasLimit = s.gasLimit ?? 600_000n * BigInt(Math.max(1, Math.ceil(s.msgs.length / 3)));
  const bodyBytes = concat(
    TxBody.encode(TxBody.fromPartial({
      messages: s.msgs,
      memo: s.memo,
      timeoutHeight: s.timeoutHeight,
      extensionOptions: s.extensions.filter((e) => e.critical).map((e) => e.any),
      nonCriticalExtensionOptions: s.extensions.filter((e) => !e.critical).map((e) => e.any),
    })).finish(),
    ...s.bodyExtra,
  );
  const sequence = world.sequence(signer) + BigInt(s.sequenceDelta);
  const authInfoBytes = concat(
    AuthInfo.encode(AuthInfo.fromPartial({
      signerInfos: [{
        publicKey: { typeUrl: s.pubKeyTypeUrl, value: PubKey.encode({ key: key.publicKey }).finish() },
        modeInfo: { single: { mode: s.signMode } },
        sequence: sequence < 0n ? 0n : sequence,
      }],
      fee: { amount: s.feeAmount ?? [{ denom: "wei", amount: (gasLimit * 1_000_000_000n).toString() }], gasLimit, payer: s.payer },
    })).finish(),
    ...s.authExtra,
  );
  const signDoc = SignDoc.encode({ bodyBytes, authInfoBytes, chainId: s.chainId ?? world.app.chainId, accountNumber: s.accountNumber ?? key.accountNumber }).finish();
  const good = signEthSecp256k1Digest(key.privateKey, keccak256(signDoc)).subarray(0, 64);
  return { bytes: TxRaw.encode({ bodyBytes, authInfoBytes, signatures: signatures(good, s.signature) }).finish() };
}

function signatures(good: Uint8Array, change: (ResignChange & { k: "signature" }) | undefined): Uint8Array[] {
  if (change === undefined) return [good];
  switch (change.how) {
    case "zero":
      return [new Uint8Array(64)];
    case "highS": {
      const s = BigInt(`0x${Buffer.from(good.subarray(32, 64)).toString("hex")}`);
      const flipped = Buffer.from((SECP256K1_N - s).toString(16).padStart(64, "0"), "hex");
      return [concat(good.subarray(0, 32), flipped)];
    }
    case "short":
      return [good.subarray(0, 63)];
    case "long":
      return [concat(good, change.noise.subarray(0, 1))];
    case "empty":
      return [new Uint8Array()];
    case "random":
      return [change.noise.subarray(0, 64)];
    case "none":
      return [];
    case "two":
      return [good, good];
  }
}

/** The bytes of one fuzz input. */
export function buildInput(world: StakingScenario, corpus: FuzzCorpus, recipe: Recipe): Uint8Array {
  if (recipe.k === "random") return recipe.bytes;
  const index = recipe.seed % corpus.seeds.length;
  if (recipe.k === "raw") return recipe.muts.reduce((b, m) => mutateBytes(b, m, corpus.signed), corpus.signed[index]!);
  const seed = corpus.seeds[index]!;
  const shape: Partial<TxShape> & { msgs: Any[]; bodyExtra: Uint8Array[]; authExtra: Uint8Array[]; extensions: TxShape["extensions"] } = {
    msgs: seed.msgs.map((m) => ({ ...m })), bodyExtra: [], authExtra: [], extensions: [],
  };
  const other = (n: number): SeedTx => corpus.seeds[n % corpus.seeds.length]!;
  for (const c of recipe.changes) {
    const first = shape.msgs[0];
    switch (c.k) {
      case "msgBytes":
        if (first) first.value = c.muts.reduce((b, m) => mutateBytes(b, m, corpus.seeds.flatMap((x) => x.msgs.map((y) => y.value))), first.value);
        break;
      case "field":
        if (first) first.value = mutateField(first.value, c.pick, c.value, corpus.dictionary);
        break;
      case "typeUrl":
        if (first) first.typeUrl = c.url;
        break;
      case "foreignValue":
        if (first) first.value = other(c.other).msgs[0]!.value;
        break;
      case "moreMsgs":
        shape.msgs.push(...c.others.flatMap((n) => other(n).msgs));
        break;
      case "repeat":
        shape.msgs = Array.from({ length: c.n }, () => shape.msgs).flat();
        break;
      case "noMsgs":
        shape.msgs = [];
        break;
      case "fee":
        shape.feeAmount = [{ denom: c.denom, amount: c.amount.toString() }];
        shape.gasLimit = c.gas;
        break;
      case "memo":
        shape.memo = c.memo;
        break;
      case "timeout":
        shape.timeoutHeight = c.height;
        break;
      case "sequence":
        shape.sequenceDelta = c.delta;
        break;
      case "accountNumber":
        shape.accountNumber = c.n;
        break;
      case "chainId":
        shape.chainId = c.id;
        break;
      case "signature":
        shape.signature = c;
        break;
      case "pubKeyType":
        shape.pubKeyTypeUrl = c.url;
        break;
      case "signMode":
        shape.signMode = c.mode;
        break;
      case "bodyField":
        shape.bodyExtra.push(lengthDelimitedField(c.field, c.bytes));
        break;
      case "authField":
        shape.authExtra.push(lengthDelimitedField(c.field, c.bytes));
        break;
      case "extension":
        shape.extensions.push({ critical: c.critical, any: { typeUrl: c.url, value: c.value } });
        break;
      case "payer":
        shape.payer = world.address(other(c.payer).signer);
        break;
    }
  }
  return signTx(world, seed.signer, shape.msgs, shape).bytes;
}

// ---- running -----------------------------------------------------------------------------------------

export interface FuzzException {
  readonly where: "CheckTx" | "FinalizeBlock" | "handler" | "build" | "determinism";
  readonly message: string;
  /** The input, hex (or the block's first tx for a FinalizeBlock failure). */
  readonly tx: string;
}

export interface TxFuzzReport {
  readonly seed: number;
  readonly inputs: number;
  /** "codespace/code" → count ("ok/0" for success), at CheckTx and inside blocks. */
  readonly checkCodes: Readonly<Record<string, number>>;
  readonly deliverCodes: Readonly<Record<string, number>>;
  readonly exceptions: readonly FuzzException[];
  readonly blocks: number;
  readonly firstHeight: bigint;
  readonly lastHeight: bigint;
  readonly ms: number;
  /** Blocks whose app hash the twin app (same blocks) also computed; 0 without a twin. */
  readonly twinBlocksCompared: number;
  /** Code of a valid send delivered in a block after the fuzz ("ok/0" when the chain still works). */
  readonly afterCode: string;
  /** The first log seen for each code. */
  readonly sampleLogs: Readonly<Record<string, string>>;
  /** The distinct logs of code 111222 (the reference's recovered panic, imitated where it panics). */
  readonly panicKinds: readonly string[];
}

export interface TxFuzzOptions {
  readonly inputs: number;
  readonly seed: number;
  /** Inputs per block (default 100). */
  readonly perBlock?: number;
  /** Run a second app on the same blocks and compare app hashes after each (default false). */
  readonly twin?: boolean;
  readonly onProgress?: (done: number, report: () => TxFuzzReport) => void;
}

const codeKey = (r: { codespace: string; code: number }): string => `${r.code === 0 ? "ok" : r.codespace || "-"}/${r.code}`;

export async function runTxFuzz(o: TxFuzzOptions): Promise<TxFuzzReport> {
  const exceptions: FuzzException[] = [];
  const onInternalError = (error: unknown, tx: Uint8Array): void => {
    exceptions.push({ where: "handler", message: error instanceof Error ? (error.stack ?? error.message) : String(error), tx: Buffer.from(tx).toString("hex") });
  };
  const world = await createFuzzWorld({ onInternalError });
  const twin = o.twin ? await createFuzzWorld() : undefined;
  const started = performance.now();
  const checkCodes = new Map<string, number>();
  const deliverCodes = new Map<string, number>();
  const samples = new Map<string, string>();
  const panicKinds = new Set<string>();
  const count = (m: Map<string, number>, r: ResponseCheckTx | ExecTxResult): void => {
    const key = codeKey(r);
    m.set(key, (m.get(key) ?? 0) + 1);
    if (!samples.has(key)) samples.set(key, r.log.slice(0, 160));
    if (r.codespace === "undefined" && r.code === 111222) {
      // Distinct kinds of recovered panic, addresses and numbers blanked out.
      panicKinds.add(r.log.replace(/\b(st|stvaloper|stsds)1[0-9a-z]+/g, "<addr>").replace(/\b[0-9a-f]{6,}\b/g, "<hex>").replace(/\d+/g, "<n>").slice(0, 160));
    }
  };
  const firstHeight = world.app.nextHeight;
  let blocks = 0;
  let twinBlocksCompared = 0;
  let done = 0;
  let afterCode = "";
  const report = (): TxFuzzReport => ({
    seed: o.seed, inputs: done, checkCodes: Object.fromEntries([...checkCodes].sort()), deliverCodes: Object.fromEntries([...deliverCodes].sort()),
    exceptions, blocks, firstHeight, afterCode, sampleLogs: Object.fromEntries([...samples].sort()), panicKinds: [...panicKinds].sort(), lastHeight: world.app.nextHeight - 1n, ms: Math.round(performance.now() - started), twinBlocksCompared,
  });
  try {
    const corpus = buildCorpus(world);
    const arbitrary = recipeArbitrary(corpus.typeUrls);
    const perBlock = o.perBlock ?? 100;
    let pending: Uint8Array[] = [];
    const runBlock = async (): Promise<void> => {
      const txs = pending;
      pending = [];
      const seconds = world.now === 0n ? world.app.nextHeight * 5n + 1_717_200_000n : world.now + 5n;
      let hash: string;
      try {
        const res = await world.app.finalize(txs, { seconds });
        for (const r of res.txResults) count(deliverCodes, r);
        hash = Buffer.from(res.appHash).toString("hex");
      } catch (e) {
        exceptions.push({ where: "FinalizeBlock", message: e instanceof Error ? (e.stack ?? e.message) : String(e), tx: Buffer.from(txs[0] ?? new Uint8Array()).toString("hex") });
        throw e;
      }
      blocks++;
      world.assertInvariants();
      if (twin) {
        const res = await twin.app.finalize(txs, { seconds });
        const twinHash = Buffer.from(res.appHash).toString("hex");
        if (twinHash !== hash) {
          exceptions.push({ where: "determinism", message: `height ${world.app.nextHeight - 1n}: app hash ${hash}, twin ${twinHash}`, tx: "" });
          throw new Error("the twin app computed another app hash");
        }
        twinBlocksCompared++;
      }
    };
    // Recipes in chunks, each chunk from its own derived seed: a run is reproducible from `seed` alone.
    const CHUNK = 500;
    for (let chunk = 0; done < o.inputs; chunk++) {
      const recipes = fc.sample(arbitrary, { numRuns: Math.min(CHUNK, o.inputs - done), seed: o.seed + chunk });
      for (const recipe of recipes) {
        let bytes: Uint8Array;
        try {
          bytes = buildInput(world, corpus, recipe);
        } catch (e) {
          exceptions.push({ where: "build", message: e instanceof Error ? e.message : String(e), tx: "" });
          done++;
          continue;
        }
        try {
          count(checkCodes, world.app.check(bytes));
        } catch (e) {
          exceptions.push({ where: "CheckTx", message: e instanceof Error ? (e.stack ?? e.message) : String(e), tx: Buffer.from(bytes).toString("hex") });
        }
        pending.push(bytes);
        done++;
        if (pending.length >= perBlock) await runBlock();
        if (done % 1000 === 0) o.onProgress?.(done, report);
      }
    }
    if (pending.length > 0) await runBlock();
    // The chain goes on after the fuzz: a correctly signed send still lands, in one more block.
    const send = anyMsg(MsgSendSchema, { fromAddress: world.address("CONTROL"), toAddress: world.address("W2"), amount: [{ denom: "wei", amount: "1" }] });
    const after = await world.tx("CONTROL", [send], world.now + 5n);
    afterCode = codeKey(after);
    blocks++;
    return report();
  } finally {
    await world.close();
    await twin?.close();
  }
}

/**
 * The recovered panics (undefined/111222) stratos-ts imitates on purpose, where the reference panics
 * (docs/deviations.md): register's `Address()` of an ed25519 key of the wrong size, or of a missing
 * key; bank's coin arithmetic on mismatched denoms or a nil amount; register's Neg of an unset Int;
 * Dec/Int overflow past 256 bits, division by zero and negative coins in pot's arithmetic (e.g. a
 * slash of 2^255 noz). Any other 111222 a fuzz run sees deserves a look.
 */
export const IMITATED_PANICS =
  /ed<n>Address: public key must be <n> bytes|nil pointer dereference|invalid coin denominations|arithmetic overflow|division by zero|negative coin amount/;

/** Human-readable lines of a report (what `npm run test:fuzz` prints). */
export function formatTxFuzzReport(r: TxFuzzReport): string {
  const codes = (m: Readonly<Record<string, number>>): string => Object.entries(m).map(([k, v]) => `${k}×${v}`).join(" ");
  return [
    `tx fuzz (seed ${r.seed}): ${r.inputs} inputs in ${(r.ms / 1000).toFixed(1)} s (${Math.round((r.inputs * 1000) / Math.max(1, r.ms))} inputs/s)`,
    `  blocks produced during the run: ${r.blocks} (heights ${r.firstHeight}…${r.lastHeight}), every invariant checked after each; a valid send afterwards: ${r.afterCode}${r.twinBlocksCompared > 0 ? `; app hash equal to a twin app's at ${r.twinBlocksCompared} blocks` : ""}`,
    `  CheckTx codes (${Object.keys(r.checkCodes).length}): ${codes(r.checkCodes)}`,
    `  FinalizeBlock codes (${Object.keys(r.deliverCodes).length}): ${codes(r.deliverCodes)}`,
    // Code 111222 is the reference's recovered panic: only where a handler imitates one on purpose.
    ...Object.entries(r.sampleLogs).filter(([k]) => k === "undefined/1").map(([k, log]) => `  first ${k} log: ${log}`),
    ...r.panicKinds.map((log) => `  undefined/111222 kind: ${log}`),
    `  exceptions: ${r.exceptions.length}`,
    ...r.exceptions.slice(0, 10).map((e) => `    [${e.where}] ${e.message.split("\n").slice(0, 4).join(" | ")} tx=${e.tx.slice(0, 200)}`),
  ].join("\n");
}
