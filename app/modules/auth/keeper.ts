/**
 * The account keeper (SDK v0.47 `x/auth/keeper`): accounts, account numbers, module accounts and
 * params in the `acc` store. Every method makes the same store reads and writes, in the same order,
 * as the reference, so gas metered through the context matches it.
 */
import { BinaryReader, BinaryWriter } from "cosmjs-types/binary";
import type { ReadContext } from "../../baseapp/context.js";
import { ErrPanic, ErrUnknownAddress, plainError } from "../../baseapp/errors.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import type { KVStore, StoreName } from "../../store/types.js";
import { type Account, type PubKeyAny, decodeAccount, encodeAccount, newBaseAccount } from "./account.js";
import {
  ADDRESS_STORE_PREFIX, AUTH_STORE_KEY, GLOBAL_ACCOUNT_NUMBER_KEY, PARAMS_KEY,
  accountNumberStoreKey, addressStoreKey,
} from "./keys.js";
import { type AuthParams, ZERO_AUTH_PARAMS, decodeAuthParams, encodeAuthParams, validateAuthParams } from "./params.js";
import { type ModulePermissions, blankPermission } from "./permissions.js";
import { prefixEnd } from "../../store/bytes.js";

/** Write access to module stores (a `Context` is one; queries pass a throw-away branch). */
export interface StoreContext extends ReadContext {
  kv(name: StoreName): KVStore;
}

const addr = (a: Uint8Array): string => formatBech32Address(a, BECH32_PREFIX.account);

/** Decoded accounts by stored value object (see getAccount). */
const decodedAccounts = new WeakMap<Uint8Array, Account>();

export class AccountKeeper {
  constructor(
    private readonly permissions: ReadonlyMap<string, ModulePermissions>,
    /** Bech32 address of the module authority (the gov module account). */
    readonly authority: string,
  ) {}

  // ---- accounts -------------------------------------------------------------------------------

  /** SDK `GetAccount`: one read of `0x01 ‖ addr`. */
  getAccount(ctx: ReadContext, address: Uint8Array): Account | undefined {
    const bytes = ctx.kv(AUTH_STORE_KEY).get(addressStoreKey(address));
    if (bytes === undefined) return undefined;
    // Stores hand back the same value object until it is overwritten, so decode each stored value
    // once. Decoding is a pure function of the bytes (accounts are immutable values): no effect on results.
    const hit = decodedAccounts.get(bytes);
    if (hit !== undefined) return hit;
    const acc = decodeAccount(Uint8Array.from(address), bytes);
    decodedAccounts.set(bytes, acc);
    return acc;
  }

  /** SDK `HasAccount`. */
  hasAccount(ctx: ReadContext, address: Uint8Array): boolean {
    return ctx.kv(AUTH_STORE_KEY).has(addressStoreKey(address));
  }

  /** SDK `SetAccount`: the account, then the account-number → address index. */
  setAccount(ctx: StoreContext, acc: Account): void {
    const store = ctx.kv(AUTH_STORE_KEY);
    store.set(addressStoreKey(acc.address), encodeAccount(acc));
    store.set(accountNumberStoreKey(acc.accountNumber), Uint8Array.from(acc.address));
  }

  /** SDK `RemoveAccount`. */
  removeAccount(ctx: StoreContext, acc: Account): void {
    const store = ctx.kv(AUTH_STORE_KEY);
    store.delete(addressStoreKey(acc.address));
    store.delete(accountNumberStoreKey(acc.accountNumber));
  }

  /** SDK `NewAccountWithAddress`: a BaseAccount with the next account number. Not stored. */
  newAccountWithAddress(ctx: StoreContext, address: Uint8Array): Account {
    return newBaseAccount(address, this.nextAccountNumber(ctx));
  }

  /** SDK `NewAccount`: gives `acc` the next account number. Not stored. */
  newAccount(ctx: StoreContext, acc: Account): Account {
    return { ...acc, accountNumber: this.nextAccountNumber(ctx) };
  }

  /** SDK `NextAccountNumber`: returns the counter and stores counter + 1 (UInt64Value proto). */
  nextAccountNumber(ctx: StoreContext): bigint {
    const store = ctx.kv(AUTH_STORE_KEY);
    const bytes = store.get(GLOBAL_ACCOUNT_NUMBER_KEY);
    const current = bytes === undefined ? 0n : decodeUInt64Value(bytes);
    store.set(GLOBAL_ACCOUNT_NUMBER_KEY, encodeUInt64Value(BigInt.asUintN(64, current + 1n)));
    return current;
  }

  /**
   * Stores `next` as the counter. Genesis uses it to fast-forward where the reference calls
   * `NextAccountNumber` in a loop: the loop's intermediate writes hit the same key, so only the
   * final value is observable.
   */
  setNextAccountNumber(ctx: StoreContext, next: bigint): void {
    ctx.kv(AUTH_STORE_KEY).set(GLOBAL_ACCOUNT_NUMBER_KEY, encodeUInt64Value(BigInt.asUintN(64, next)));
  }

  /** SDK `IterateAccounts`, in address byte order; stops when `cb` returns true. */
  iterateAccounts(ctx: ReadContext, cb: (acc: Account) => boolean | void): void {
    const store = ctx.kv(AUTH_STORE_KEY);
    for (const { key, value } of store.iterator(ADDRESS_STORE_PREFIX, prefixEnd(ADDRESS_STORE_PREFIX))) {
      if (cb(decodeAccount(key.slice(ADDRESS_STORE_PREFIX.length), value)) === true) break;
    }
  }

  getAllAccounts(ctx: ReadContext): Account[] {
    const out: Account[] = [];
    this.iterateAccounts(ctx, (acc) => void out.push(acc));
    return out;
  }

  /** SDK `GetAccountAddressByID`: the bech32 address of account number `id`, "" if none. */
  getAccountAddressByID(ctx: ReadContext, id: bigint): string {
    const bytes = ctx.kv(AUTH_STORE_KEY).get(accountNumberStoreKey(id));
    return bytes === undefined ? "" : addr(bytes);
  }

  hasAccountAddressByID(ctx: ReadContext, id: bigint): boolean {
    return ctx.kv(AUTH_STORE_KEY).has(accountNumberStoreKey(id));
  }

  /** SDK `GetPubKey`. @throws ErrUnknownAddress "account <addr> does not exist". */
  getPubKey(ctx: ReadContext, address: Uint8Array): PubKeyAny | undefined {
    return this.mustGet(ctx, address).pubKey;
  }

  /** SDK `GetSequence`. @throws ErrUnknownAddress "account <addr> does not exist". */
  getSequence(ctx: ReadContext, address: Uint8Array): bigint {
    return this.mustGet(ctx, address).sequence;
  }

  private mustGet(ctx: ReadContext, address: Uint8Array): Account {
    const acc = this.getAccount(ctx, address);
    if (acc === undefined) throw ErrUnknownAddress.wrap(`account ${addr(address)} does not exist`);
    return acc;
  }

  // ---- module accounts ------------------------------------------------------------------------

  /** SDK `GetModulePermissions`: module name → address and permissions. */
  getModulePermissions(): ReadonlyMap<string, ModulePermissions> {
    return this.permissions;
  }

  /** SDK `GetModuleAddress`: undefined for a name without module permissions. */
  getModuleAddress(name: string): Uint8Array | undefined {
    const p = this.permissions.get(name);
    return p === undefined ? undefined : Uint8Array.from(p.address);
  }

  /**
   * SDK `GetModuleAccount`: the module account, created (next account number) and stored on first
   * use; undefined for an unknown module name.
   * @throws ErrPanic if an ordinary account sits at the module address (the reference panics).
   */
  getModuleAccount(ctx: StoreContext, name: string): Account | undefined {
    const p = this.permissions.get(name);
    if (p === undefined) return undefined;
    const existing = this.getAccount(ctx, p.address);
    if (existing !== undefined) {
      if (existing.module === undefined) throw ErrPanic.wrap("account is not a module account");
      return existing;
    }
    if (blankPermission(p.permissions)) throw ErrPanic.wrap("module permission is empty");
    const created: Account = {
      ...newBaseAccount(p.address, this.nextAccountNumber(ctx)),
      module: { name, permissions: [...p.permissions] },
    };
    this.setAccount(ctx, created);
    return created;
  }

  /** SDK `ValidatePermissions`: a module account may only hold permissions granted to its name. */
  validatePermissions(acc: Account): string | undefined {
    const granted = acc.module === undefined ? undefined : this.permissions.get(acc.module.name);
    for (const perm of acc.module?.permissions ?? []) {
      if (granted === undefined || !granted.permissions.includes(perm)) return `invalid module permission ${perm}`;
    }
    return undefined;
  }

  // ---- params ---------------------------------------------------------------------------------

  /** SDK `GetParams`: Go's zero params if none were ever stored. */
  getParams(ctx: ReadContext): AuthParams {
    const bytes = ctx.kv(AUTH_STORE_KEY).get(PARAMS_KEY);
    return bytes === undefined ? ZERO_AUTH_PARAMS : decodeAuthParams(bytes);
  }

  /** SDK `SetParams`: validates first. @throws TxError (undefined/1, plain Go error) if invalid. */
  setParams(ctx: StoreContext, params: AuthParams): void {
    const problem = validateAuthParams(params);
    if (problem !== undefined) throw plainError(problem);
    ctx.kv(AUTH_STORE_KEY).set(PARAMS_KEY, encodeAuthParams(params));
  }
}

/** google.protobuf.UInt64Value { uint64 value = 1 } (the global account number). */
function encodeUInt64Value(value: bigint): Uint8Array {
  const w = BinaryWriter.create();
  if (value !== 0n) w.uint32(8).uint64(value);
  return w.finish();
}

function decodeUInt64Value(bytes: Uint8Array): bigint {
  const r = new BinaryReader(bytes);
  let value = 0n;
  while (r.pos < r.len) {
    const [field, wire] = r.tag();
    if (field === 1 && wire === 0) value = r.uint64();
    else r.skipType(wire);
  }
  return value;
}
