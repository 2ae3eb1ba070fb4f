/**
 * The multibase decoders go-multibase v0.0.3 uses, reproduced for their accept/reject behaviour
 * (spec-sds §4.1.2). Each works on the UTF-8 bytes of the string and returns the decoded bytes, or
 * undefined where the Go decoder returns an error. Quirks that matter:
 *  - base32 (go-base32 v0.0.3): both letter cases, '\r'/'\n' skipped anywhere; unpadded input silently
 *    drops a trailing group of 1, 3 or 6 characters; padded input must come in groups of 8 and
 *    anything after a complete padding run is ignored;
 *  - base64 (Go encoding/base64, non-strict): '\r'/'\n' skipped; unpadded input may end with 2 or 3
 *    characters of a group but not 1; padded input must be complete; leftover bits are not checked;
 *  - base58 / base36: every leading zero digit is one leading zero byte.
 */

const NEWLINE = (b: number): boolean => b === 0x0a || b === 0x0d;

function table(alphabet: string, caseInsensitive: boolean): Int16Array {
  const t = new Int16Array(256).fill(-1);
  for (let i = 0; i < alphabet.length; i++) {
    const c = alphabet.charCodeAt(i);
    t[c] = i;
    if (caseInsensitive && c >= 0x41 && c <= 0x5a) t[c + 32] = i;
    if (caseInsensitive && c >= 0x61 && c <= 0x7a) t[c - 32] = i;
  }
  return t;
}

/** go-multibase `decodeBinaryString`: left-padded with '0' to whole bytes, 8 characters per byte. */
export function decodeBase2(s: Uint8Array): Uint8Array | undefined {
  const pad = (8 - (s.length % 8)) % 8;
  const text = new Uint8Array(pad + s.length).fill(0x30);
  text.set(s, pad);
  const out = new Uint8Array(text.length / 8);
  for (let i = 0; i < text.length; i += 8) {
    // strconv.ParseInt(chunk, 2, 0): an optional sign, then only binary digits
    const sign = text[i];
    const signed = sign === 0x2b || sign === 0x2d;
    let v = 0;
    for (let k = i + (signed ? 1 : 0); k < i + 8; k++) {
      const b = text[k];
      if (b !== 0x30 && b !== 0x31) return undefined;
      v = v * 2 + (b - 0x30);
    }
    out[i / 8] = (sign === 0x2d ? -v : v) & 0xff;
  }
  return out;
}

const HEX = table("0123456789abcdef", true);
/** Go `hex.DecodeString`: even length, digits of either case. */
export function decodeBase16(s: Uint8Array): Uint8Array | undefined {
  if (s.length % 2 !== 0) return undefined;
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < s.length; i += 2) {
    const hi = HEX[s[i] ?? 0] ?? -1;
    const lo = HEX[s[i + 1] ?? 0] ?? -1;
    if (hi < 0 || lo < 0) return undefined;
    out[i / 2] = (hi << 4) | lo;
  }
  return out;
}

const B32_STD = table("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", true);
const B32_HEX = table("0123456789ABCDEFGHIJKLMNOPQRSTUV", true);
const PAD = 0x3d; // '='

/** Bytes from a group of `n` 5-bit values (n ∈ {2, 4, 5, 7, 8}); other counts yield nothing (Go). */
function pack5(vals: number[], n: number, out: number[]): void {
  const bytes = ({ 2: 1, 4: 2, 5: 3, 7: 4, 8: 5 } as Record<number, number>)[n] ?? 0;
  let acc = 0n;
  for (let k = 0; k < 8; k++) acc = (acc << 5n) | BigInt(vals[k] ?? 0);
  for (let k = 0; k < bytes; k++) out.push(Number((acc >> BigInt(32 - 8 * k)) & 0xffn));
}

function decodeBase32(raw: Uint8Array, alphabet: Int16Array, padded: boolean): Uint8Array | undefined {
  const src = raw.filter((b) => !NEWLINE(b));
  const out: number[] = [];
  let i = 0;
  while (i < src.length) {
    const vals: number[] = [];
    let end = false;
    let dlen = 8;
    while (vals.length < 8) {
      if (i >= src.length) {
        if (padded) return undefined;
        dlen = vals.length;
        break;
      }
      const c = src[i++] ?? 0;
      const j = vals.length;
      if (padded && c === PAD && j >= 2 && src.length - i < 8) {
        if (src.length - i + j < 7) return undefined; // not enough padding
        for (let k = 0; k < 7 - j; k++) if (src[i + k] !== PAD) return undefined;
        if (j === 3 || j === 6) return undefined;
        dlen = j;
        end = true;
        break;
      }
      const v = alphabet[c] ?? -1;
      if (v < 0) return undefined;
      vals.push(v);
    }
    pack5(vals, dlen, out);
    if (end) break;
  }
  return Uint8Array.from(out);
}

const B64_STD = table("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", false);
const B64_URL = table("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", false);

function decodeBase64(src: Uint8Array, alphabet: Int16Array, padded: boolean): Uint8Array | undefined {
  const out: number[] = [];
  const emit = (vals: number[], n: number): void => {
    const v = ((vals[0] ?? 0) << 18) | ((vals[1] ?? 0) << 12) | ((vals[2] ?? 0) << 6) | (vals[3] ?? 0);
    for (let k = 0; k < n - 1; k++) out.push((v >> (16 - 8 * k)) & 0xff);
  };
  const skipNewlines = (from: number): number => {
    let p = from;
    while (p < src.length && NEWLINE(src[p] ?? 0)) p++;
    return p;
  };
  let i = 0;
  for (;;) {
    const vals: number[] = [];
    while (vals.length < 4) {
      if (i >= src.length) {
        const j = vals.length;
        if (j === 0) return Uint8Array.from(out);
        if (j === 1 || padded) return undefined;
        emit(vals, j);
        return Uint8Array.from(out);
      }
      const c = src[i++] ?? 0;
      const v = alphabet[c] ?? -1;
      if (v >= 0) { vals.push(v); continue; }
      if (NEWLINE(c)) continue;
      if (!padded || c !== PAD) return undefined;
      const j = vals.length;
      if (j < 2) return undefined;
      if (j === 2) {
        i = skipNewlines(i);
        if (i >= src.length || src[i] !== PAD) return undefined;
        i++;
      }
      if (skipNewlines(i) < src.length) return undefined; // trailing garbage
      emit(vals, j);
      return Uint8Array.from(out);
    }
    emit(vals, 4);
  }
}

/** Leading zero digits become zero bytes, the rest is the big-endian value (mr-tron/base58, go-base36). */
function decodeBigBase(s: Uint8Array, alphabet: Int16Array, base: bigint): Uint8Array | undefined {
  if (s.length === 0) return undefined;
  let zeros = 0;
  while (zeros < s.length && alphabet[s[zeros] ?? 0] === 0) zeros++;
  let value = 0n;
  for (const c of s) {
    const v = c < 0x80 ? (alphabet[c] ?? -1) : -1;
    if (v < 0) return undefined;
    value = value * base + BigInt(v);
  }
  const hex = value === 0n ? "" : value.toString(16);
  const body = hex.length % 2 === 0 ? hex : `0${hex}`;
  const out = new Uint8Array(zeros + body.length / 2);
  for (let k = 0; k < body.length / 2; k++) out[zeros + k] = parseInt(body.slice(2 * k, 2 * k + 2), 16);
  return out;
}

const B58_BTC = table("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz", false);
const B58_FLICKR = table("123456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ", false);
const B36 = table("0123456789abcdefghijklmnopqrstuvwxyz", true);

export const decodeBase58Btc = (s: Uint8Array): Uint8Array | undefined => decodeBigBase(s, B58_BTC, 58n);

/** go-multibase v0.0.3 `Decode`: dispatch on the first byte; `undefined` = error (base8/base10 included). */
export function decodeMultibase(data: Uint8Array): Uint8Array | undefined {
  if (data.length === 0) return undefined;
  const rest = data.subarray(1);
  switch (String.fromCharCode(data[0] ?? 0)) {
    case "\u0000": return rest.slice();
    case "0": return decodeBase2(rest);
    case "f": case "F": return decodeBase16(rest);
    case "b": case "B": return decodeBase32(rest, B32_STD, false);
    case "c": case "C": return decodeBase32(rest, B32_STD, true);
    case "v": case "V": return decodeBase32(rest, B32_HEX, false);
    case "t": case "T": return decodeBase32(rest, B32_HEX, true);
    case "k": case "K": return decodeBigBase(rest, B36, 36n);
    case "z": return decodeBase58Btc(rest);
    case "Z": return decodeBigBase(rest, B58_FLICKR, 58n);
    case "m": return decodeBase64(rest, B64_STD, false);
    case "M": return decodeBase64(rest, B64_STD, true);
    case "u": return decodeBase64(rest, B64_URL, false);
    case "U": return decodeBase64(rest, B64_URL, true);
    default: return undefined;
  }
}
