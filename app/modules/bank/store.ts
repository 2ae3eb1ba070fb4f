/**
 * Value encodings of the bank store (SDK v0.47), byte for byte:
 * - amounts (balances, supply): `math.Int.Marshal()` = the decimal text of the integer ("1000");
 *   read back with Go's `big.Int.UnmarshalText` rules (base prefixes, `_`) and the 256-bit bound;
 * - per-denom send-enabled flags: `google.protobuf.BoolValue`;
 * - params and metadata: their protos.
 *
 * Deviation (store contract): the committed store refuses zero-length values (ICS23 cannot prove them,
 * store-perf.md), but the reference stores `BoolValue{false}` and `Params{default_send_enabled: false}`
 * as zero bytes. Here those two are written with the false field explicitly encoded (`08 00`,
 * `10 00`), which every proto decoder reads as the same value.
 */
import { BinaryReader, BinaryWriter } from "cosmjs-types/binary";
import { Params as ParamsProto } from "cosmjs-types/cosmos/bank/v1beta1/bank";
import { ErrPanic } from "../../baseapp/errors.js";
import { isValidDenom } from "../../math/coins.js";
import { IntParseError, parseIntSdk } from "../../math/int.js";
import type { BankParams } from "./params.js";

const ascii = new TextEncoder();
const text = new TextDecoder();

const INT_LIMIT = 1n << 256n;

/** `math.Int.Add` as coins use it: a sum past 256 bits panics ("integer overflow"). */
export function addAmounts(a: bigint, b: bigint): bigint {
  const sum = a + b;
  if (sum >= INT_LIMIT || sum <= -INT_LIMIT) throw ErrPanic.wrap("integer overflow");
  return sum;
}

/** `math.Int.Marshal()`: decimal text. */
export function encodeAmount(amount: bigint): Uint8Array {
  return ascii.encode(amount.toString());
}

/**
 * `math.Int.Unmarshal()` as `UnmarshalBalanceCompat` / `GetSupply` use it. A value that does not
 * parse is corrupt state: the reference panics.
 */
export function decodeAmount(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  const s = text.decode(bytes);
  try {
    return parseIntSdk(s);
  } catch (e) {
    if (e instanceof IntParseError) throw ErrPanic.wrap(`math/big: cannot unmarshal ${JSON.stringify(s)} into a *big.Int`);
    throw e;
  }
}

/**
 * `UnmarshalBalanceCompat`'s denom check: a balance key with an invalid denom makes the reference
 * panic with the `ValidateDenom` error.
 */
export function checkBalanceDenom(denom: string): void {
  if (!isValidDenom(denom)) throw ErrPanic.wrap(`invalid denom: ${denom}`);
}

/** google.protobuf.BoolValue { bool value = 1 }; `false` written explicitly (see header). */
export function encodeBoolValue(value: boolean): Uint8Array {
  return BinaryWriter.create().uint32(8).bool(value).finish();
}

export function decodeBoolValue(bytes: Uint8Array): boolean {
  const r = new BinaryReader(bytes);
  let value = false;
  while (r.pos < r.len) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === 0) value = r.bool();
    else r.skipType(wire);
  }
  return value;
}

/** Params proto, with `default_send_enabled: false` written explicitly (see header). */
export function encodeBankParams(p: BankParams): Uint8Array {
  const w = BinaryWriter.create();
  ParamsProto.encode({ sendEnabled: [...p.sendEnabled], defaultSendEnabled: p.defaultSendEnabled }, w);
  if (!p.defaultSendEnabled) w.uint32(16).bool(false);
  return w.finish();
}

export function decodeBankParams(bytes: Uint8Array): BankParams {
  const p = ParamsProto.decode(bytes);
  return { sendEnabled: p.sendEnabled.map((s) => ({ denom: s.denom, enabled: s.enabled })), defaultSendEnabled: p.defaultSendEnabled };
}
