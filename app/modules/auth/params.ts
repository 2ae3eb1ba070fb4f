/**
 * Auth params (SDK v0.47 `x/auth/types/params.go`), kept in the module store under 0x00 as the
 * `cosmos.auth.v1beta1.Params` proto. Defaults are the mainnet values (spec-chain §10).
 */
import { Params as ParamsProto } from "cosmjs-types/cosmos/auth/v1beta1/auth";

export interface AuthParams {
  readonly maxMemoCharacters: bigint;
  readonly txSigLimit: bigint;
  readonly txSizeCostPerByte: bigint;
  readonly sigVerifyCostEd25519: bigint;
  readonly sigVerifyCostSecp256k1: bigint;
}

export const DEFAULT_AUTH_PARAMS: AuthParams = Object.freeze({
  maxMemoCharacters: 256n,
  txSigLimit: 7n,
  txSizeCostPerByte: 10n,
  sigVerifyCostEd25519: 590n,
  sigVerifyCostSecp256k1: 1000n,
});

/** What `GetParams` returns before any params were stored: Go's zero value. */
export const ZERO_AUTH_PARAMS: AuthParams = Object.freeze({
  maxMemoCharacters: 0n,
  txSigLimit: 0n,
  txSizeCostPerByte: 0n,
  sigVerifyCostEd25519: 0n,
  sigVerifyCostSecp256k1: 0n,
});

/** SDK `Params.SigVerifyCostSecp256r1`: half the secp256k1 cost (integer division). */
export function sigVerifyCostSecp256r1(p: AuthParams): bigint {
  return p.sigVerifyCostSecp256k1 / 2n;
}

/**
 * SDK `Params.Validate`: the first failing check's text, in the reference's order; undefined if valid.
 * (A plain Go error: no registered code.)
 */
export function validateAuthParams(p: AuthParams): string | undefined {
  if (p.txSigLimit === 0n) return `invalid tx signature limit: ${p.txSigLimit}`;
  if (p.sigVerifyCostEd25519 === 0n) return `invalid ED25519 signature verification cost: ${p.sigVerifyCostEd25519}`;
  if (p.sigVerifyCostSecp256k1 === 0n) return `invalid SECK256k1 signature verification cost: ${p.sigVerifyCostSecp256k1}`;
  if (p.maxMemoCharacters === 0n) return `invalid max memo characters: ${p.maxMemoCharacters}`;
  if (p.txSizeCostPerByte === 0n) return `invalid tx size cost per byte: ${p.txSizeCostPerByte}`;
  return undefined;
}

export function authParamsToProto(p: AuthParams): ParamsProto {
  return {
    maxMemoCharacters: p.maxMemoCharacters,
    txSigLimit: p.txSigLimit,
    txSizeCostPerByte: p.txSizeCostPerByte,
    sigVerifyCostEd25519: p.sigVerifyCostEd25519,
    sigVerifyCostSecp256k1: p.sigVerifyCostSecp256k1,
  };
}

export function authParamsFromProto(p: ParamsProto): AuthParams {
  return {
    maxMemoCharacters: p.maxMemoCharacters,
    txSigLimit: p.txSigLimit,
    txSizeCostPerByte: p.txSizeCostPerByte,
    sigVerifyCostEd25519: p.sigVerifyCostEd25519,
    sigVerifyCostSecp256k1: p.sigVerifyCostSecp256k1,
  };
}

/** The store value: proto bytes (never empty for valid params: every field is non-zero). */
export function encodeAuthParams(p: AuthParams): Uint8Array {
  return ParamsProto.encode(authParamsToProto(p)).finish();
}

export function decodeAuthParams(bytes: Uint8Array): AuthParams {
  return authParamsFromProto(ParamsProto.decode(bytes));
}

/** Proto-JSON as the SDK exports it (OrigName field names, uint64 as strings, proto field order). */
export function authParamsToJson(p: AuthParams): Record<string, string> {
  return {
    max_memo_characters: p.maxMemoCharacters.toString(),
    tx_sig_limit: p.txSigLimit.toString(),
    tx_size_cost_per_byte: p.txSizeCostPerByte.toString(),
    sig_verify_cost_ed25519: p.sigVerifyCostEd25519.toString(),
    sig_verify_cost_secp256k1: p.sigVerifyCostSecp256k1.toString(),
  };
}
