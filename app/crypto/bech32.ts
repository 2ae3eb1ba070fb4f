/**
 * Bech32 (BIP-173) as the Cosmos SDK v0.47 uses it: `bech32.ConvertAndEncode` / `DecodeAndConvert`
 * (`types/bech32`, over `cosmos/btcutil` v1.0.5's `bech32.Decode(str, 1023)`).
 *
 * The checksum and 8↔5-bit regrouping come from `@scure/base`. The checks before them are ours, in the
 * reference's order, so a bad string fails with the same text as in Go: that text reaches tx logs
 * verbatim (a bech32 error has no registered code: codespace `undefined`, code 1, spec-register §1).
 */
import { bech32 } from "@scure/base";

/** The SDK decodes with a 1023-character limit (not BIP-173's 90), so payloads up to 255 bytes fit. */
export const BECH32_MAX_LENGTH = 1023;

const CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
const CHARSET_INDEX: ReadonlyMap<number, number> = new Map([...CHARSET].map((c, i) => [c.charCodeAt(0), i]));
const utf8 = new TextEncoder();

/** A string the reference's bech32 decoder refuses. `message` is the Go error text, byte for byte. */
export class Bech32DecodeError extends Error {
  override readonly name = "Bech32DecodeError";
  constructor(
    message: string,
    /** The string that failed to decode. */
    readonly input: string,
  ) {
    super(message);
  }
}

export interface Bech32Decoded {
  /** Human-readable part, lowercased. */
  readonly prefix: string;
  /** The payload after 5→8-bit regrouping (may be empty). */
  readonly bytes: Uint8Array;
}

/**
 * `bech32.DecodeAndConvert`: splits `text` into prefix and payload bytes, checking length (8…1023 bytes),
 * printable ASCII, single case, separator position, alphabet, checksum and zero padding, in that order.
 * @throws Bech32DecodeError whose message is `decoding bech32 failed: <reason>` as in Go.
 */
export function bech32Decode(text: string): Bech32Decoded {
  const fail = (reason: string): never => {
    throw new Bech32DecodeError(`decoding bech32 failed: ${reason}`, text);
  };
  // Go measures and scans the UTF-8 bytes, not UTF-16 units.
  const raw = utf8.encode(text);
  if (raw.length > BECH32_MAX_LENGTH || raw.length < 8) fail(`invalid bech32 string length ${raw.length}`);
  let hasLower = false;
  let hasUpper = false;
  for (const b of raw) {
    if (b < 33 || b > 126) fail(`invalid character in string: '${String.fromCharCode(b)}'`);
    hasLower ||= b >= 97 && b <= 122;
    hasUpper ||= b >= 65 && b <= 90;
    if (hasLower && hasUpper) fail("string not all lowercase or all uppercase");
  }
  // Every byte is printable ASCII from here on, so string indices equal byte indices.
  const lowered = hasUpper ? text.toLowerCase() : text;
  const sep = lowered.lastIndexOf("1");
  if (sep < 1 || sep + 7 > lowered.length) fail(`invalid separator index ${sep}`);
  const prefix = lowered.slice(0, sep);
  const dataPart = lowered.slice(sep + 1);
  const words: number[] = [];
  for (let i = 0; i < dataPart.length; i++) {
    const code = dataPart.charCodeAt(i);
    const word = CHARSET_INDEX.get(code);
    if (word === undefined) return fail(`invalid character not part of charset: ${code}`);
    words.push(word);
  }
  const payload = words.slice(0, -6);
  const expected = bech32.encode(prefix, payload, false).slice(-6);
  const actual = dataPart.slice(-6);
  if (expected !== actual) fail(`invalid checksum (expected ${expected} got ${actual})`);
  // Regrouping without padding: at most 4 leftover bits, all zero (Go `ConvertBits(data, 5, 8, false)`).
  const bytes = bech32.fromWordsUnsafe(payload);
  if (bytes === undefined) return fail("invalid incomplete group");
  return { prefix, bytes };
}

/**
 * `bech32.ConvertAndEncode`: lowercase `prefix`, separator, payload, checksum. No length limit, as in Go
 * (a 255-byte payload gives a ~420-character string).
 * @throws Error naming the prefix if it is empty or not printable ASCII (the reference would produce an
 * undecodable string; we refuse instead).
 */
export function bech32Encode(prefix: string, bytes: Uint8Array): string {
  if (!/^[\x21-\x7e]+$/.test(prefix)) {
    throw new Error(`bech32Encode: prefix must be non-empty printable ASCII, got ${JSON.stringify(prefix)}`);
  }
  return bech32.encode(prefix, bech32.toWords(bytes), false);
}
