import { Any } from "cosmjs-types/google/protobuf/any";
import { describe, expect, it } from "vitest";
import { BECH32_PREFIX, parseBech32Address } from "../../crypto/address.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { TxError } from "../../baseapp/errors.js";
import { type Account, decodeAccount, encodeAccount, withPubKey, withSequence } from "./account.js";
import { AUTH_KEYS, ACCOUNT_ENCODINGS } from "./reference.vectors.js";
import { GLOBAL_ACCOUNT_NUMBER_KEY, PARAMS_KEY, accountNumberStoreKey, addressStoreKey } from "./keys.js";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const unhex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, "hex"));
const st = (s: string): Uint8Array => parseBech32Address(s, BECH32_PREFIX.account);
const keyAny = (typeUrl: string, key33: string) => ({ typeUrl, value: unhex(`0a21${key33}`) });
const G = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"; // secp256k1 generator point

describe("auth store keys (x/auth/types/keys.go)", () => {
  it("account key is 0x01 ‖ address, no length prefix", () => {
    expect(hex(addressStoreKey(unhex("7e5f4552091a69125d5dfcb7b8c2659029395bdf")))).toBe(AUTH_KEYS.address);
  });
  it("account-number index is \"accountNumber\" ‖ be64(n)", () => {
    expect(hex(accountNumberStoreKey(5n))).toBe(AUTH_KEYS.accountNumber5);
    expect(hex(accountNumberStoreKey((1n << 64n) - 1n))).toBe(`${hex(Buffer.from("accountNumber"))}ffffffffffffffff`);
  });
  it("global counter and params keys", () => {
    expect(hex(GLOBAL_ACCOUNT_NUMBER_KEY)).toBe(AUTH_KEYS.globalAccountNumber);
    expect(hex(PARAMS_KEY)).toBe("00");
  });
});

const ACCOUNTS: ReadonlyArray<{ name: keyof typeof ACCOUNT_ENCODINGS; account: Account }> = [
  { name: "base_st10e05_n3_s7", account: { address: st("st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"), accountNumber: 3n, sequence: 7n } },
  {
    name: "base_st1w508_secp256k1_n4_s1",
    account: {
      address: st("st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9"),
      pubKey: keyAny("/cosmos.crypto.secp256k1.PubKey", G),
      accountNumber: 4n,
      sequence: 1n,
    },
  },
  {
    name: "base_st10e05_ethsecp256k1_n0_s12",
    account: {
      address: st("st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"),
      pubKey: keyAny("/stratos.crypto.v1.ethsecp256k1.PubKey", G),
      accountNumber: 0n,
      sequence: 12n,
    },
  },
  {
    name: "module_fee_collector_n5",
    account: { address: moduleAddress("fee_collector"), accountNumber: 5n, sequence: 0n, module: { name: "fee_collector", permissions: [] } },
  },
  {
    name: "module_foundation_account_n300",
    account: {
      address: moduleAddress("foundation_account"),
      accountNumber: 300n,
      sequence: 0n,
      module: { name: "foundation_account", permissions: ["minter", "burner"] },
    },
  },
];

describe("account store values (SDK MarshalInterface)", () => {
  it.each(ACCOUNTS)("$name encodes as the reference", ({ name, account }) => {
    expect(hex(encodeAccount(account))).toBe(ACCOUNT_ENCODINGS[name]);
  });
  it.each(ACCOUNTS)("$name decodes back to the same account", ({ name, account }) => {
    const decoded = decodeAccount(account.address, unhex(ACCOUNT_ENCODINGS[name]));
    expect(decoded.accountNumber).toBe(account.accountNumber);
    expect(decoded.sequence).toBe(account.sequence);
    expect(decoded.module).toEqual(account.module);
    expect(decoded.pubKey === undefined ? undefined : { typeUrl: decoded.pubKey.typeUrl, value: hex(decoded.pubKey.value) })
      .toEqual(account.pubKey === undefined ? undefined : { typeUrl: account.pubKey.typeUrl, value: hex(account.pubKey.value) });
  });
  it("refuses an account type this chain never stores", () => {
    const vesting = Any.encode({ typeUrl: "/cosmos.vesting.v1beta1.ContinuousVestingAccount", value: new Uint8Array() }).finish();
    expect(() => decodeAccount(new Uint8Array(20), vesting)).toThrow(/no concrete type registered for type URL \/cosmos\.vesting/);
  });
});

describe("account setters", () => {
  const base: Account = { address: new Uint8Array(20).fill(1), accountNumber: 1n, sequence: 0n };
  it("withSequence and withPubKey return new accounts", () => {
    const pk = keyAny("/cosmos.evm.crypto.v1.ethsecp256k1.PubKey", G);
    expect(withSequence(base, 4n)).toEqual({ ...base, sequence: 4n });
    expect(withPubKey(base, pk).pubKey).toBe(pk);
    expect(base.sequence).toBe(0n);
  });
  it("module accounts refuse a public key (plain Go error, code 1)", () => {
    const module: Account = { ...base, module: { name: "pot", permissions: ["minter"] } };
    const err = (() => {
      try {
        withPubKey(module, keyAny("/cosmos.crypto.secp256k1.PubKey", G));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(TxError);
    expect(err).toMatchObject({ codespace: "undefined", code: 1, message: "not supported for module accounts" });
  });
});
