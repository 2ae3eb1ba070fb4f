/**
 * Accounts as the chain keeps them: `cosmos.auth.v1beta1.BaseAccount`, or `ModuleAccount` wrapping one
 * (SDK v0.47 `x/auth/types/account.go`). Stored as `Any` proto bytes (`cdc.MarshalInterface`), which is
 * also what queries return. Accounts here are immutable values; "setters" return a new account.
 */
import { Any } from "cosmjs-types/google/protobuf/any";
import { BaseAccount, ModuleAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { ErrUnpackAny, plainError } from "../../baseapp/errors.js";

export const BASE_ACCOUNT_TYPE_URL = "/cosmos.auth.v1beta1.BaseAccount";
export const MODULE_ACCOUNT_TYPE_URL = "/cosmos.auth.v1beta1.ModuleAccount";

/** A public key packed as Any, kept exactly as received (`/stratos.crypto.v1.ethsecp256k1.PubKey`, …). */
export interface PubKeyAny {
  readonly typeUrl: string;
  readonly value: Uint8Array;
}

/** What makes an account a module account (SDK `ModuleAccountI`). */
export interface ModuleAccountInfo {
  readonly name: string;
  readonly permissions: readonly string[];
}

export interface Account {
  /** Raw address bytes (20 for every account in practice). */
  readonly address: Uint8Array;
  /** Unset until the account's first transaction sets it (module accounts never have one). */
  readonly pubKey?: PubKeyAny | undefined;
  readonly accountNumber: bigint;
  readonly sequence: bigint;
  /** Present for module accounts only. */
  readonly module?: ModuleAccountInfo | undefined;
}

/** SDK `NewBaseAccountWithAddress` (+ the account number `NewAccount` assigns). */
export function newBaseAccount(address: Uint8Array, accountNumber: bigint): Account {
  return { address: Uint8Array.from(address), accountNumber, sequence: 0n };
}

/** SDK `SetSequence`. */
export function withSequence(acc: Account, sequence: bigint): Account {
  return { ...acc, sequence };
}

/**
 * SDK `SetPubKey`: module accounts refuse ("not supported for module accounts", a plain Go error,
 * codespace `undefined` code 1 when it reaches a tx result).
 */
export function withPubKey(acc: Account, pubKey: PubKeyAny | undefined): Account {
  if (acc.module !== undefined) throw plainError("not supported for module accounts");
  return { ...acc, pubKey };
}

/** SDK `ModuleAccountI.HasPermission`. */
export function hasPermission(acc: Account, permission: string): boolean {
  return acc.module !== undefined && acc.module.permissions.includes(permission);
}

export function baseAccountProto(acc: Account): BaseAccount {
  return {
    address: formatBech32Address(acc.address, BECH32_PREFIX.account),
    pubKey: acc.pubKey === undefined ? undefined : { typeUrl: acc.pubKey.typeUrl, value: acc.pubKey.value },
    accountNumber: acc.accountNumber,
    sequence: acc.sequence,
  };
}

/** The account packed as Any (SDK `codectypes.NewAnyWithValue(account)`), for queries and genesis. */
export function accountToAny(acc: Account): Any {
  const base = baseAccountProto(acc);
  if (acc.module === undefined) {
    return { typeUrl: BASE_ACCOUNT_TYPE_URL, value: BaseAccount.encode(base).finish() };
  }
  const module: ModuleAccount = { baseAccount: base, name: acc.module.name, permissions: [...acc.module.permissions] };
  return { typeUrl: MODULE_ACCOUNT_TYPE_URL, value: ModuleAccount.encode(module).finish() };
}

/** The store value of an account (SDK `MarshalInterface`: the Any's proto bytes). */
export function encodeAccount(acc: Account): Uint8Array {
  return Any.encode(accountToAny(acc)).finish();
}

/**
 * Decodes a stored account. The address comes from the store key (it is the same bytes as the
 * bech32 string inside the value, which the reference re-parses on every read).
 * @throws TxError ErrUnpackAny for a type this chain never stores (the reference panics).
 */
export function decodeAccount(address: Uint8Array, bytes: Uint8Array): Account {
  const any = Any.decode(bytes);
  if (any.typeUrl === BASE_ACCOUNT_TYPE_URL) return fromBase(address, BaseAccount.decode(any.value));
  if (any.typeUrl === MODULE_ACCOUNT_TYPE_URL) {
    const m = ModuleAccount.decode(any.value);
    if (m.baseAccount === undefined) throw ErrUnpackAny.wrap("module account without base account");
    return { ...fromBase(address, m.baseAccount), module: { name: m.name, permissions: m.permissions } };
  }
  throw ErrUnpackAny.wrap(`no concrete type registered for type URL ${any.typeUrl} against interface *types.AccountI`);
}

function fromBase(address: Uint8Array, b: BaseAccount): Account {
  const acc: Account = { address, accountNumber: b.accountNumber, sequence: b.sequence };
  return b.pubKey === undefined ? acc : { ...acc, pubKey: { typeUrl: b.pubKey.typeUrl, value: b.pubKey.value } };
}
