/**
 * Stratos bech32 addresses (spec-chain §2): `st` accounts, `stvaloper` operators, `stvalcons` consensus
 * nodes, `stsds` SDS nodes, with the reference's parsing rules and error texts
 * (`sdk.AccAddressFromBech32` / `GetFromBech32` / `VerifyAddressFormat`, Stratos `SdsAddressFromBech32`).
 *
 * No address verifier is installed in the reference, so any 1…255-byte payload is an address; accounts
 * and module accounts are 20 bytes in practice.
 */
import { Bech32DecodeError, bech32Decode, bech32Encode, type Bech32Decoded } from "./bech32.js";

/** Bech32 human-readable parts (spec-chain §2). */
export const BECH32_PREFIX = {
  account: "st",
  accountPub: "stpub",
  validator: "stvaloper",
  validatorPub: "stvaloperpub",
  consensus: "stvalcons",
  consensusPub: "stvalconspub",
  sds: "stsds",
  sdsPub: "stsdspub",
} as const;

export type Bech32Prefix = (typeof BECH32_PREFIX)[keyof typeof BECH32_PREFIX];

/**
 * Go's `strings.TrimSpace(s) == ""`: `unicode.IsSpace` is JS whitespace plus U+0085 and minus U+FEFF,
 * so `String#trim` would disagree on those two.
 */
const GO_BLANK = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/** `address.MaxAddrLen` of the SDK. */
export const MAX_ADDRESS_LENGTH = 255;

/**
 * Why an address was refused:
 * - `blank`: empty or whitespace only ("empty address string is not allowed", a plain Go error; or
 *   "decoding Bech32 address failed: must provide a non empty address" from `bytesFromBech32("")`);
 * - `bech32`: the string is not valid bech32 (plain Go error, see bech32.ts);
 * - `prefix`: valid bech32 with another prefix (plain Go error);
 * - `empty` / `tooLong`: a 0-byte or >255-byte payload. The SDK wraps these in `ErrUnknownAddress`
 *   (codespace `sdk`, code 9): the log reads `<message>: unknown address`; see `sdkCode`.
 */
export type AddressErrorReason = "blank" | "bech32" | "prefix" | "empty" | "tooLong";

export class AddressError extends Error {
  override readonly name = "AddressError";
  /** SDK registered error code the reference wraps this in (codespace `sdk`), if any. */
  readonly sdkCode: number | undefined;
  constructor(
    readonly reason: AddressErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.sdkCode = reason === "empty" || reason === "tooLong" ? 9 : undefined;
  }
}

/**
 * `sdk.VerifyAddressFormat` without a custom verifier: 1…255 bytes.
 * @throws AddressError `empty` ("addresses cannot be empty") or `tooLong` ("address max length is 255, got N").
 */
export function verifyAddressFormat(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new AddressError("empty", "addresses cannot be empty");
  if (bytes.length > MAX_ADDRESS_LENGTH) {
    throw new AddressError("tooLong", `address max length is ${MAX_ADDRESS_LENGTH}, got ${bytes.length}`);
  }
}

/**
 * `sdk.GetFromBech32`: decodes `text` and requires the prefix `prefix`. No payload length check.
 * @throws AddressError `bech32` (Go's decoder text) or `prefix` ("invalid Bech32 prefix; expected st, got stvaloper").
 */
export function bytesFromBech32(text: string, prefix: string): Uint8Array {
  if (text.length === 0) {
    throw new AddressError("blank", "decoding Bech32 address failed: must provide a non empty address");
  }
  let decoded: Bech32Decoded;
  try {
    decoded = bech32Decode(text);
  } catch (e) {
    if (e instanceof Bech32DecodeError) throw new AddressError("bech32", e.message, { cause: e });
    throw e;
  }
  if (decoded.prefix !== prefix) {
    throw new AddressError("prefix", `invalid Bech32 prefix; expected ${prefix}, got ${decoded.prefix}`);
  }
  return decoded.bytes;
}

/**
 * `AccAddressFromBech32` and its siblings (`ValAddress…`, `ConsAddress…`, Stratos `SdsAddress…`), which
 * differ only in the prefix: not blank, valid bech32 with `prefix`, 1…255 bytes.
 * @throws AddressError (see AddressErrorReason for the texts).
 */
export function parseBech32Address(text: string, prefix: string): Uint8Array {
  // One memo per prefix keyed by the text itself: no key string to build, and V8 caches a string's hash
  // on the string, so the same message field parsed again costs one lookup.
  let memo = parsedMemo.get(prefix);
  if (memo === undefined) parsedMemo.set(prefix, (memo = new Map()));
  const hit = memo.get(text);
  if (hit !== undefined) return hit.slice();
  if (GO_BLANK.test(text)) throw new AddressError("blank", "empty address string is not allowed");
  const bytes = bytesFromBech32(text, prefix);
  verifyAddressFormat(bytes);
  remember(memo, text, bytes.slice());
  return bytes;
}

/** True when `text` parses as an address under `prefix` (ValidateBasic checks that only need yes or no). */
export function isBech32Address(text: string, prefix: string): boolean {
  try {
    parseBech32Address(text, prefix);
    return true;
  } catch (e) {
    if (e instanceof AddressError) return false;
    throw e;
  }
}

/**
 * Bech32 checksums cost microseconds and every tx formats and parses the same few addresses many times
 * (messages, events, accounts). Both directions are pure functions, so bounded memos change only the
 * cost. Only successes are remembered; parsed bytes are handed out as copies.
 */
const MEMO_CAPACITY = 20_000;
/** prefix → text → bytes (a handful of prefixes, each memo bounded). */
const parsedMemo = new Map<string, Map<string, Uint8Array>>();
/** prefix → bytes (as a latin1 string) → text. */
const formattedMemo = new Map<string, Map<string, string>>();

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  // Clearing wholesale when full is cheap and keeps the hot set warm enough.
  if (memo.size >= MEMO_CAPACITY) memo.clear();
  memo.set(key, value);
}

/**
 * The SDK's `Address.String()`: bech32 of the bytes under `prefix`, and `""` for an empty address (the
 * reference prints nothing rather than a checksum-only string).
 */
export function formatBech32Address(bytes: Uint8Array, prefix: string): string {
  if (bytes.length === 0) return "";
  let memo = formattedMemo.get(prefix);
  if (memo === undefined) formattedMemo.set(prefix, (memo = new Map()));
  const memoKey = bytes.length <= 64 ? String.fromCharCode.apply(null, bytes as unknown as number[]) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const hit = memo.get(memoKey);
  if (hit !== undefined) return hit;
  const text = bech32Encode(prefix, bytes);
  remember(memo, memoKey, text);
  return text;
}

/**
 * An address: 1…255 raw bytes, immutable, printable under any of the Stratos prefixes. Store keys use
 * `bytes`; messages, events and JSON use the bech32 strings.
 */
export class Address {
  readonly #bytes: Uint8Array;

  private constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
  }

  /** @throws AddressError if `bytes` is empty or longer than 255 bytes. */
  static fromBytes(bytes: Uint8Array): Address {
    verifyAddressFormat(bytes);
    return new Address(Uint8Array.from(bytes));
  }

  /** Parses `text` under `prefix` (default `st`). @throws AddressError */
  static fromBech32(text: string, prefix: string = BECH32_PREFIX.account): Address {
    return new Address(parseBech32Address(text, prefix));
  }

  /** A copy of the raw bytes. */
  get bytes(): Uint8Array {
    return Uint8Array.from(this.#bytes);
  }

  get length(): number {
    return this.#bytes.length;
  }

  /** Bech32 under `prefix` (default `st`). */
  toBech32(prefix: string = BECH32_PREFIX.account): string {
    return bech32Encode(prefix, this.#bytes);
  }

  /** Lowercase hex of the bytes (the EVM `0x…` form without `0x` for 20-byte accounts). */
  toHex(): string {
    return view(this.#bytes).toString("hex");
  }

  equals(other: Address): boolean {
    return view(this.#bytes).equals(other.#bytes);
  }

  /** The account (`st1…`) form, so template strings and logs read naturally. */
  toString(): string {
    return this.toBech32();
  }
}

/** A Buffer over the same memory (no copy), for its hex and compare helpers. */
function view(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
