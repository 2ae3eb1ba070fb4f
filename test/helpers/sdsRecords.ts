/**
 * The sds store's record layout (spec-sds §2.1, §4.1.3), written field by field from the spec with a
 * plain protobuf writer — an oracle independent of app/modules/sds. Checked against the literal hex of
 * spec §11 TV F in test/sds.test.ts before use. Also unique, valid file hashes for batches.
 */
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";

const LEN = WireType.LengthDelimited;

/** sds store key of a file record: `0x01 ‖ utf8(file_hash)`. */
export const fileKey = (fileHash: string): Uint8Array => Uint8Array.from([0x01, ...new TextEncoder().encode(fileHash)]);

/** sds params key. */
export const PARAMS_KEY = Uint8Array.of(0x20);

/**
 * Reporters bitmap (spec-sds §4.1.3 step 5): little-endian 64-bit words, bit i = byte ⌊i/8⌋ bit i mod 8,
 * 8 × (⌊max/64⌋ + 1) bytes.
 */
export function reportersBitmap(indexes: Iterable<number>): Uint8Array {
  const list = [...indexes];
  const out = new Uint8Array(8 * (Math.floor(Math.max(0, ...list) / 64) + 1));
  for (const i of list) out[i >> 3]! |= 1 << (i & 7);
  return out;
}

/** LP `FileInfo { height[1] string (cosmos.Int, always written), reporters[2] bytes, uploader[3] string }`. */
export function fileInfoValue(height: bigint | number, reporters: Uint8Array, uploader: string): Uint8Array {
  const body = new BinaryWriter().tag(1, LEN).string(height.toString());
  if (reporters.length > 0) body.tag(2, LEN).bytes(reporters);
  if (uploader !== "") body.tag(3, LEN).string(uploader);
  return new BinaryWriter().bytes(body.finish()).finish();
}

/**
 * A valid CIDv1 that differs for every `n`: base16 (`f`), codec 0x55 (raw), an identity multihash
 * (code 0x00) whose digest is the 6-byte big-endian `n` prefixed by `tag` — `f01550007<tag><n>`.
 */
export function identityCid(n: number, tag = 0): string {
  const digest = [tag & 0xff, ...Array.from({ length: 6 }, (_, i) => Math.floor(n / 256 ** (5 - i)) % 256)];
  return "f" + Buffer.from([0x01, 0x55, 0x00, digest.length, ...digest]).toString("hex");
}
