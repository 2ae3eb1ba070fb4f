import { describe, expect, it } from "vitest";
import { createTestContext } from "../../baseapp/testing.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { buildDevnetAppState } from "../../node/devnetGenesis.js";
import type { Account } from "./account.js";
import { sanitizeGenesisAccounts } from "./genesis.js";
import { createAuthModule } from "./index.js";

const A = "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv"; // private key 1, eth address (spec-chain §4 vector 1)
const A_ETH_PUBKEY = "Anm+Zn753LusVaBilc6HCwcCm/zbLc4o2VnygVsW+BeY"; // 0279be66…1798, base64
const MNEMONIC_ADDR = "st18yesadx3t8x3jjsygpqeqzh0j7xh2vh66945zx"; // spec-chain §4 vector 2
const POT = formatBech32Address(moduleAddress("pot"), BECH32_PREFIX.account);
const PARAMS = {
  max_memo_characters: "256",
  tx_sig_limit: "7",
  tx_size_cost_per_byte: "10",
  sig_verify_cost_ed25519: "590",
  sig_verify_cost_secp256k1: "1000",
};

const base = (address: string, n = "0", extra: Record<string, unknown> = {}) => ({
  "@type": "/cosmos.auth.v1beta1.BaseAccount",
  address,
  pub_key: null,
  account_number: n,
  sequence: "0",
  ...extra,
});

function init(genesis: unknown) {
  const auth = createAuthModule();
  const ctx = createTestContext({ mode: "initGenesis" });
  auth.module.initGenesis!(ctx, genesis);
  return { auth, ctx, exported: auth.module.exportGenesis!(ctx) as { params: unknown; accounts: Array<Record<string, unknown>> } };
}

describe("auth genesis: init and export", () => {
  it("accepts the devnet genesis and exports it back (plus the fee collector)", () => {
    const input = buildDevnetAppState(undefined, { withNodes: false, withValidatorOperator: false }).auth as { params: unknown; accounts: Array<Record<string, unknown>> };
    const { exported } = init(structuredClone(input));
    expect(exported.params).toEqual(input.params);
    const feeCollector = {
      "@type": "/cosmos.auth.v1beta1.ModuleAccount",
      base_account: { address: "st17xpfvakm2amg962yls6f84z3kell8c5lv5hj2q", pub_key: null, account_number: "5", sequence: "0" },
      name: "fee_collector",
      permissions: [],
    };
    // Normalisation: the export lists accounts in address byte order, the input in account-number order.
    const byNumber = (a: Record<string, unknown>) => Number((a.account_number ?? (a.base_account as Record<string, unknown>).account_number) as string);
    const sorted = [...exported.accounts].sort((x, y) => byNumber(x) - byNumber(y));
    expect(JSON.stringify(sorted)).toBe(JSON.stringify([...input.accounts, feeCollector]));
  });

  it("export is the exact inverse of init (byte-identical JSON after a second round)", () => {
    const first = init(structuredClone(buildDevnetAppState(undefined, { withNodes: false, withValidatorOperator: false }).auth)).exported;
    const second = init(JSON.parse(JSON.stringify(first))).exported;
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it("keeps public keys, sequences and module accounts; accepts JSON field names too", () => {
    const { auth, ctx, exported } = init({
      params: PARAMS,
      accounts: [
        base(A, "4", { pub_key: { "@type": "/stratos.crypto.v1.ethsecp256k1.PubKey", key: A_ETH_PUBKEY }, sequence: "12" }),
        { "@type": "/cosmos.auth.v1beta1.ModuleAccount", baseAccount: { address: POT, accountNumber: 2 }, name: "pot", permissions: ["minter"] },
      ],
    });
    const acc = auth.keeper.getAccount(ctx, moduleAddress("pot"));
    expect(acc?.module).toEqual({ name: "pot", permissions: ["minter"] });
    expect(exported.accounts.find((a) => a.address === A)).toEqual(
      base(A, "4", { pub_key: { "@type": "/stratos.crypto.v1.ethsecp256k1.PubKey", key: A_ETH_PUBKEY }, sequence: "12" }),
    );
    // Counter: past 4, then the fee collector takes 5.
    expect(auth.keeper.nextAccountNumber(ctx)).toBe(6n);
  });

  it("an absent auth section is skipped, as the SDK module manager does", () => {
    const { auth, ctx } = init(undefined);
    expect(auth.keeper.getAllAccounts(ctx)).toEqual([]);
    expect(auth.keeper.getParams(ctx).txSigLimit).toBe(0n);
  });
});

describe("sanitizeGenesisAccounts (SDK SanitizeGenesisAccounts)", () => {
  it("gives duplicate numbers the lowest free ones, then sorts by number", () => {
    const acc = (b: number, n: bigint): Account => ({ address: new Uint8Array(20).fill(b), accountNumber: n, sequence: 0n });
    const out = sanitizeGenesisAccounts([acc(1, 0n), acc(2, 3n), acc(3, 3n), acc(4, 9n), acc(5, 3n), acc(6, 9n)]);
    expect(out.map((a) => [a.address[0], a.accountNumber])).toEqual([[1, 0n], [3, 1n], [5, 2n], [2, 3n], [6, 4n], [4, 9n]]);
  });
});

const INVALID: ReadonlyArray<{ name: string; genesis: unknown; error: string }> = [
  { name: "not an object", genesis: [], error: "auth: expected a JSON object, got an array" },
  { name: "unknown field", genesis: { params: PARAMS, accounts: [], extra: 1 }, error: 'auth: unknown field "extra"' },
  { name: "missing params", genesis: { accounts: [] }, error: "auth.params: invalid tx signature limit: 0" },
  { name: "zero memo limit", genesis: { params: { ...PARAMS, max_memo_characters: "0" } }, error: "auth.params: invalid max memo characters: 0" },
  {
    name: "non-numeric param",
    genesis: { params: { ...PARAMS, tx_sig_limit: "seven" } },
    error: 'auth.params.tx_sig_limit: expected an unsigned integer up to 18446744073709551615, got "seven"',
  },
  {
    name: "unsupported account type",
    genesis: { params: PARAMS, accounts: [{ "@type": "/cosmos.vesting.v1beta1.DelayedVestingAccount" }] },
    error: 'auth.accounts[0]: unsupported account type "/cosmos.vesting.v1beta1.DelayedVestingAccount" (expected /cosmos.auth.v1beta1.BaseAccount or /cosmos.auth.v1beta1.ModuleAccount)',
  },
  {
    name: "duplicate address",
    genesis: { params: PARAMS, accounts: [base(A, "0"), base(A, "1")] },
    error: `duplicate account found in genesis state; address: ${A}`,
  },
  {
    name: "bad bech32",
    genesis: { params: PARAMS, accounts: [base("st1xyz")] },
    error: "invalid account found in genesis state; address: st1xyz, error: decoding bech32 failed: invalid bech32 string length 6",
  },
  {
    name: "wrong prefix",
    genesis: { params: PARAMS, accounts: [base("cosmos10e0525sfrf53yh2aljmm3sn9jq5njk7lyqvxq3")] },
    error: "invalid account found in genesis state; address: cosmos10e0525sfrf53yh2aljmm3sn9jq5njk7lyqvxq3, error: invalid Bech32 prefix; expected st, got cosmos",
  },
  {
    name: "empty address payload",
    genesis: { params: PARAMS, accounts: [base("st14tqf0h")] },
    error: "invalid account found in genesis state; address: st14tqf0h, error: addresses cannot be empty: unknown address",
  },
  {
    name: "public key of another address",
    genesis: { params: PARAMS, accounts: [base(MNEMONIC_ADDR, "0", { pub_key: { "@type": "/stratos.crypto.v1.ethsecp256k1.PubKey", key: A_ETH_PUBKEY } })] },
    error: `invalid account found in genesis state; address: ${MNEMONIC_ADDR}, error: account address and pubkey address do not match`,
  },
  {
    name: "unsupported public key type",
    genesis: { params: PARAMS, accounts: [base(A, "0", { pub_key: { "@type": "/cosmos.crypto.multisig.LegacyAminoPubKey", threshold: 1 } })] },
    error: 'auth.accounts[0].pub_key: unsupported public key type "/cosmos.crypto.multisig.LegacyAminoPubKey"',
  },
  {
    name: "module account without base account",
    genesis: { params: PARAMS, accounts: [{ "@type": "/cosmos.auth.v1beta1.ModuleAccount", base_account: null, name: "pot", permissions: [] }] },
    error: "invalid account found in genesis state; address: , error: uninitialized ModuleAccount: BaseAccount is nil",
  },
  {
    name: "module address not derived from the name",
    genesis: {
      params: PARAMS,
      accounts: [{ "@type": "/cosmos.auth.v1beta1.ModuleAccount", base_account: { address: A }, name: "pot", permissions: [] }],
    },
    error: `invalid account found in genesis state; address: ${A}, error: address ${A} cannot be derived from the module name 'pot'`,
  },
];

describe("auth genesis: validation", () => {
  it.each(INVALID)("refuses $name", ({ genesis, error }) => {
    expect(() => init(genesis)).toThrow(error);
  });

  it("refuses a blank module name", () => {
    const genesis = {
      params: PARAMS,
      accounts: [{ "@type": "/cosmos.auth.v1beta1.ModuleAccount", base_account: { address: POT }, name: " ", permissions: [] }],
    };
    expect(() => init(genesis)).toThrow(`invalid account found in genesis state; address: ${POT}, error: module account name cannot be blank`);
  });
});
