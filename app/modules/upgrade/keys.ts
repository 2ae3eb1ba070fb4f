/**
 * The upgrade store (SDK v0.47 `x/upgrade/types/keys.go`):
 *   0x00                          → the scheduled Plan (plain protobuf)
 *   0x01 ‖ height(8, BE) ‖ name   → 0x01: a completed upgrade (height order: the last one sorts last)
 *   0x02 ‖ module name            → consensus version (8, BE)
 *   0x03                          → protocol version (8, BE), +1 per applied upgrade
 */
import { utf8 } from "../../store/bytes.js";

export const UPGRADE_MODULE_NAME = "upgrade";
export const UPGRADE_STORE_KEY = "upgrade";

export const PLAN_KEY = Uint8Array.of(0x00);
export const DONE_PREFIX = Uint8Array.of(0x01);
export const VERSION_MAP_PREFIX = Uint8Array.of(0x02);
export const PROTOCOL_VERSION_KEY = Uint8Array.of(0x03);

export function uint64Bytes(n: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, n);
  return out;
}

export function uint64Of(bytes: Uint8Array): bigint {
  if (bytes.length !== 8) throw new RangeError(`upgrade: expected 8 bytes, got ${bytes.length}`);
  return new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0);
}

export function doneKey(name: string, height: bigint): Uint8Array {
  const n = utf8(name);
  const out = new Uint8Array(9 + n.length);
  out[0] = DONE_PREFIX[0]!;
  out.set(uint64Bytes(height), 1);
  out.set(n, 9);
  return out;
}

/** `parseDoneKey`: (name, height) of a completed-upgrade key. */
export function parseDoneKey(key: Uint8Array): { name: string; height: bigint } {
  if (key.length < 10) throw new RangeError(`upgrade: a done key has at least 10 bytes, got ${key.length}`);
  return { height: uint64Of(key.subarray(1, 9)), name: new TextDecoder().decode(key.subarray(9)) };
}

export function versionKey(module: string): Uint8Array {
  const n = utf8(module);
  const out = new Uint8Array(1 + n.length);
  out[0] = VERSION_MAP_PREFIX[0]!;
  out.set(n, 1);
  return out;
}
