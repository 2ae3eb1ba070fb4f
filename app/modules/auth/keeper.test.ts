import { describe, expect, it } from "vitest";
import { TxError } from "../../baseapp/errors.js";
import { createTestContext } from "../../baseapp/testing.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { type Account, encodeAccount } from "./account.js";
import { createAuthModule } from "./index.js";
import { AUTH_STORE_KEY, GLOBAL_ACCOUNT_NUMBER_KEY, PARAMS_KEY, accountNumberStoreKey, addressStoreKey } from "./keys.js";
import { type AuthParams, DEFAULT_AUTH_PARAMS } from "./params.js";
import { AUTH_VALUES } from "./reference.vectors.js";

const hex = (b: Uint8Array | undefined): string | undefined => (b === undefined ? undefined : Buffer.from(b).toString("hex"));
const addr = (byte: number): Uint8Array => new Uint8Array(20).fill(byte);

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

describe("AccountKeeper: account numbers", () => {
  it("hands out 0, 1, 2… and stores the next one as UInt64Value", () => {
    const { keeper } = createAuthModule();
    const ctx = createTestContext();
    expect(ctx.kv(AUTH_STORE_KEY).get(GLOBAL_ACCOUNT_NUMBER_KEY)).toBeUndefined();
    expect(keeper.nextAccountNumber(ctx)).toBe(0n);
    expect(hex(ctx.kv(AUTH_STORE_KEY).get(GLOBAL_ACCOUNT_NUMBER_KEY))).toBe(AUTH_VALUES.uint64Value1);
    expect(keeper.nextAccountNumber(ctx)).toBe(1n);
    expect(keeper.newAccountWithAddress(ctx, addr(1))).toEqual({ address: addr(1), accountNumber: 2n, sequence: 0n });
    keeper.setNextAccountNumber(ctx, 300n);
    expect(hex(ctx.kv(AUTH_STORE_KEY).get(GLOBAL_ACCOUNT_NUMBER_KEY))).toBe(AUTH_VALUES.uint64Value300);
    expect(keeper.nextAccountNumber(ctx)).toBe(300n);
  });

  it("newAccountWithAddress does not store the account", () => {
    const { keeper } = createAuthModule();
    const ctx = createTestContext();
    keeper.newAccountWithAddress(ctx, addr(1));
    expect(keeper.hasAccount(ctx, addr(1))).toBe(false);
  });
});

describe("AccountKeeper: accounts", () => {
  it("setAccount writes the account and the number → address index; removeAccount deletes both", () => {
    const { keeper } = createAuthModule();
    const ctx = createTestContext();
    const acc: Account = { address: addr(7), accountNumber: 9n, sequence: 3n };
    keeper.setAccount(ctx, acc);
    const store = ctx.kv(AUTH_STORE_KEY);
    expect(hex(store.get(addressStoreKey(addr(7))))).toBe(hex(encodeAccount(acc)));
    expect(hex(store.get(accountNumberStoreKey(9n)))).toBe(hex(addr(7)));
    expect(keeper.getAccount(ctx, addr(7))).toEqual({ address: addr(7), accountNumber: 9n, sequence: 3n });
    expect(keeper.getAccountAddressByID(ctx, 9n)).toBe("st1qurswpc8qurswpc8qurswpc8qurswpc807ngpu");
    expect(keeper.hasAccountAddressByID(ctx, 9n)).toBe(true);
    keeper.removeAccount(ctx, acc);
    expect(keeper.hasAccount(ctx, addr(7))).toBe(false);
    expect(keeper.getAccountAddressByID(ctx, 9n)).toBe("");
  });

  it("iterates accounts in address byte order and stops when asked", () => {
    const { keeper } = createAuthModule();
    const ctx = createTestContext();
    for (const [b, n] of [[9, 0n], [2, 1n], [5, 2n]] as const) keeper.setAccount(ctx, { address: addr(b), accountNumber: n, sequence: 0n });
    expect(keeper.getAllAccounts(ctx).map((a) => a.address[0])).toEqual([2, 5, 9]);
    const seen: number[] = [];
    keeper.iterateAccounts(ctx, (a) => {
      seen.push(a.address[0]!);
      return a.address[0] === 5;
    });
    expect(seen).toEqual([2, 5]);
  });

  it("getPubKey / getSequence of a missing account: ErrUnknownAddress (sdk/9)", () => {
    const { keeper } = createAuthModule();
    const ctx = createTestContext();
    const err = thrown(() => keeper.getSequence(ctx, addr(1)));
    expect(err).toBeInstanceOf(TxError);
    expect(err).toMatchObject({
      codespace: "sdk",
      code: 9,
      message: "account st1qyqszqgpqyqszqgpqyqszqgpqyqszqgpw74vvp does not exist: unknown address",
    });
    expect(() => keeper.getPubKey(ctx, addr(1))).toThrow(/does not exist: unknown address/);
    keeper.setAccount(ctx, { address: addr(1), accountNumber: 0n, sequence: 4n });
    expect(keeper.getSequence(ctx, addr(1))).toBe(4n);
    expect(keeper.getPubKey(ctx, addr(1))).toBeUndefined();
  });
});

describe("AccountKeeper: module accounts", () => {
  it("creates a module account on first use with the next account number", () => {
    const { keeper } = createAuthModule();
    const ctx = createTestContext();
    keeper.nextAccountNumber(ctx); // 0 is taken
    const pot = keeper.getModuleAccount(ctx, "pot");
    expect(pot).toEqual({ address: moduleAddress("pot"), accountNumber: 1n, sequence: 0n, module: { name: "pot", permissions: ["minter"] } });
    expect(keeper.getModuleAccount(ctx, "pot")).toEqual(pot);
    expect(keeper.nextAccountNumber(ctx)).toBe(2n);
  });

  it("unknown module names have no address and no account", () => {
    const { keeper } = createAuthModule();
    const ctx = createTestContext();
    expect(keeper.getModuleAddress("nobody")).toBeUndefined();
    expect(keeper.getModuleAccount(ctx, "nobody")).toBeUndefined();
    expect(keeper.getModuleAddress("gov")).toEqual(moduleAddress("gov"));
  });

  it("an ordinary account at a module address panics (ErrPanic)", () => {
    const { keeper } = createAuthModule();
    const ctx = createTestContext();
    keeper.setAccount(ctx, { address: moduleAddress("sds"), accountNumber: 0n, sequence: 0n });
    expect(thrown(() => keeper.getModuleAccount(ctx, "sds"))).toMatchObject({
      codespace: "undefined",
      code: 111222,
      message: "account is not a module account: panic",
    });
  });

  it("validatePermissions accepts granted permissions only", () => {
    const { keeper } = createAuthModule();
    const base = { address: moduleAddress("pot"), accountNumber: 0n, sequence: 0n };
    expect(keeper.validatePermissions({ ...base, module: { name: "pot", permissions: ["minter"] } })).toBeUndefined();
    expect(keeper.validatePermissions({ ...base, module: { name: "pot", permissions: ["burner"] } })).toBe("invalid module permission burner");
  });
});

describe("AccountKeeper: params", () => {
  it("are Go's zero value until set, then the stored proto", () => {
    const { keeper } = createAuthModule();
    const ctx = createTestContext();
    expect(keeper.getParams(ctx).txSigLimit).toBe(0n);
    keeper.setParams(ctx, DEFAULT_AUTH_PARAMS);
    expect(hex(ctx.kv(AUTH_STORE_KEY).get(PARAMS_KEY))).toBe(AUTH_VALUES.defaultParams);
    expect(keeper.getParams(ctx)).toEqual(DEFAULT_AUTH_PARAMS);
  });

  const INVALID: ReadonlyArray<{ name: string; change: Partial<AuthParams>; text: string }> = [
    { name: "tx_sig_limit 0", change: { txSigLimit: 0n }, text: "invalid tx signature limit: 0" },
    { name: "ed25519 cost 0", change: { sigVerifyCostEd25519: 0n }, text: "invalid ED25519 signature verification cost: 0" },
    { name: "secp256k1 cost 0", change: { sigVerifyCostSecp256k1: 0n }, text: "invalid SECK256k1 signature verification cost: 0" },
    { name: "max memo 0", change: { maxMemoCharacters: 0n }, text: "invalid max memo characters: 0" },
    { name: "size cost 0", change: { txSizeCostPerByte: 0n }, text: "invalid tx size cost per byte: 0" },
    { name: "first failing check wins", change: { txSizeCostPerByte: 0n, txSigLimit: 0n }, text: "invalid tx signature limit: 0" },
  ];
  it.each(INVALID)("setParams refuses $name (plain Go error, code 1)", ({ change, text }) => {
    const { keeper } = createAuthModule();
    const ctx = createTestContext();
    expect(thrown(() => keeper.setParams(ctx, { ...DEFAULT_AUTH_PARAMS, ...change }))).toMatchObject({ codespace: "undefined", code: 1, message: text });
    expect(ctx.kv(AUTH_STORE_KEY).get(PARAMS_KEY)).toBeUndefined();
  });
});
