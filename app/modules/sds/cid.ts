/**
 * File-hash validity = what go-cid v0.1.0 `cid.Decode` accepts (spec-sds §4.1.2), implemented
 * literally because SDS hashes are only ever checked, never interpreted:
 *  1. fewer than 2 bytes → invalid;
 *  2. exactly 46 bytes starting "Qm" → base58btc must decode to a sha2-256 multihash with a 32-byte
 *     digest (CIDv0), nothing else;
 *  3. otherwise the first byte selects a multibase decoder (base8 '7' and base10 '9' are unsupported)
 *     and the decoded bytes must be exactly one binary CID:
 *     - `12 20` + 32 bytes (a bare sha2-256 multihash, CIDv0 in binary), or
 *     - uvarint version = 1, uvarint codec, multihash (uvarint code, uvarint length L ≤ 2^31−1, L bytes).
 *     Uvarints are go-varint v0.0.6: at most 9 bytes, minimally encoded.
 * Lengths are counted in UTF-8 bytes, as Go does.
 */
import { decodeBase58Btc, decodeMultibase } from "./multibase.js";

const SHA2_256 = 0x12;
const MAX_INT32 = 0x7fffffffn;

/** go-varint `FromUvarint` at `pos`: the value and the next position, or undefined on error. */
export function readUvarint(buf: Uint8Array, pos: number): { value: bigint; next: number } | undefined {
  let value = 0n;
  let shift = 0n;
  for (let i = 0; pos + i < buf.length; i++) {
    const b = buf[pos + i] ?? 0;
    if ((i === 8 && b >= 0x80) || i >= 9) return undefined; // longer than 9 bytes / 63 bits
    if (b < 0x80) {
      if (b === 0 && i > 0) return undefined; // not minimally encoded
      return { value: value | (BigInt(b) << shift), next: pos + i + 1 };
    }
    value |= BigInt(b & 0x7f) << shift;
    shift += 7n;
  }
  return undefined; // ran out of bytes
}

/** go-multihash `readMultihashFromBuf` from `pos`: the position after the multihash, or undefined. */
function readMultihash(buf: Uint8Array, pos: number): number | undefined {
  if (buf.length - pos < 2) return undefined;
  const code = readUvarint(buf, pos);
  if (code === undefined) return undefined;
  const len = readUvarint(buf, code.next);
  if (len === undefined) return undefined;
  if (len.value > MAX_INT32) return undefined;
  if (len.value > BigInt(buf.length - len.next)) return undefined;
  return len.next + Number(len.value);
}

/** go-cid `Cast`: the bytes must hold exactly one CID. */
function isBinaryCid(data: Uint8Array): boolean {
  if (data.length > 2 && data[0] === SHA2_256 && data[1] === 32) return data.length === 34;
  const version = readUvarint(data, 0);
  if (version === undefined || version.value !== 1n) return false;
  const codec = readUvarint(data, version.next);
  if (codec === undefined) return false;
  return readMultihash(data, codec.next) === data.length;
}

/**
 * Decodes a CID string as go-cid v0.1.0 does; returns its binary form (as `Cid.Bytes()` gives it),
 * or undefined where Go returns an error. `s` may be the raw bytes of the proto string field: Go never
 * checks them for valid UTF-8, so an identity-multibase ("\0…") hash may carry any bytes, which a
 * JS string cannot hold losslessly. Pass the bytes where the decoder has them.
 */
export function decodeCid(s: string | Uint8Array): Uint8Array | undefined {
  const bytes = typeof s === "string" ? new TextEncoder().encode(s) : s;
  if (bytes.length < 2) return undefined;
  if (bytes.length === 46 && bytes[0] === 0x51 && bytes[1] === 0x6d) { // "Qm"
    const mh = decodeBase58Btc(bytes);
    if (mh === undefined || readMultihash(mh, 0) !== mh.length) return undefined;
    return mh.length === 34 && mh[0] === SHA2_256 && mh[1] === 32 ? mh : undefined;
  }
  const data = decodeMultibase(bytes);
  return data !== undefined && isBinaryCid(data) ? data : undefined;
}

/** True iff the reference accepts `s` (text or raw UTF-8 bytes) as `MsgFileUpload.file_hash` (ValidateBasic step 1). */
export function isValidCid(s: string | Uint8Array): boolean {
  return decodeCid(s) !== undefined;
}
