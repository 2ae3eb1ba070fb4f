/**
 * Builds a genesis `app_state` in the reference's JSON format (spec-chain §11, spec-register §8.1)
 * from a short description: funded accounts, module-account balances and registered SDS nodes. Used
 * by the embedded devnet genesis, tests and benchmarks; `stchaind` genesis commands will use it too.
 */
import { BECH32_PREFIX, formatBech32Address } from "../crypto/address.js";
import { moduleAddress } from "../crypto/moduleAddress.js";
import { sdsAddressOfPubKey } from "../crypto/sdsKeys.js";
import { mainnetDistributionGenesisJson } from "../modules/distribution/genesis.js";
import { mainnetMintGenesisJson } from "../modules/mint/genesis.js";
import { potParamsJson } from "../modules/pot/genesis.js";
import { DEFAULT_STAKING_PARAMS, paramsJson as stakingParamsJson } from "../modules/staking/params.js";
import { devnetValidatorOperator } from "./devnetKeys.js";
import { DEFAULT_POT_PARAMS } from "../modules/pot/params.js";
import { govGenesisOf, MAINNET_GOV_PARAMS } from "../modules/gov/index.js";
import { MAINNET_SLASHING_PARAMS, slashingParamsJson } from "../modules/slashing/params.js";

export const GENESIS_DENOM = "wei";

export interface GenesisAccount {
  readonly address: string;
  /** wei */
  readonly balance: bigint;
  /** Balances in other denoms (denom → amount). */
  readonly otherCoins?: Readonly<Record<string, bigint>>;
}

export type GenesisBondStatus = "BOND_STATUS_BONDED" | "BOND_STATUS_UNBONDING" | "BOND_STATUS_UNBONDED";

export interface GenesisNode {
  readonly kind: "meta" | "resource";
  readonly ownerAddress: string;
  /** The node's 32-byte ed25519 P2P public key; its network address is derived from it. */
  readonly pubKey: Uint8Array;
  /** Deposit, wei. */
  readonly tokens: bigint;
  /** Resource nodes: the effective deposit (default: all of `tokens`, or 0 for a suspended node). */
  readonly effectiveTokens?: bigint;
  readonly status?: GenesisBondStatus;
  readonly suspend?: boolean;
  readonly moniker: string;
  /** Resource nodes: 1…7 (default 4, storage). */
  readonly nodeType?: number;
  /** RFC 3339 (default Go's zero time, as `add-genesis-meta-node` writes). */
  readonly creationTime?: string;
  readonly beneficiaryAddress?: string;
}

export interface GenesisSpec {
  readonly accounts: readonly GenesisAccount[];
  /** Balances of module accounts by module name (e.g. pre-funded register pools: a non-fresh start). */
  readonly moduleBalances?: Readonly<Record<string, bigint>>;
  readonly nodes?: readonly GenesisNode[];
  /** Register genesis fields merged over the defaults (params are merged field by field). */
  readonly register?: {
    readonly params?: Readonly<Record<string, unknown>>;
    readonly remaining_noz_limit?: string;
    readonly deposit_noz_rate?: string;
    readonly slashing?: ReadonlyArray<{ wallet_address: string; value: string }>;
  };
  /**
   * pot genesis fields over the defaults (params merged field by field). Default params are the
   * reference's (spec-pot §3) except `initial_total_supply`, which defaults to this genesis' wei
   * supply: otherwise the supply restoration at block 1 (spec-pot §6.1) would mint the difference to
   * 10^8 STOS into the community pool of every devnet and test chain. Mainnet's genesis supply equals
   * its limit too (spec-chain §11).
   */
  readonly pot?: {
    readonly params?: Readonly<Record<string, unknown>>;
    readonly total_mined_token?: { readonly denom: string; readonly amount: string };
    readonly last_distributed_epoch?: string;
    readonly matured_epoch?: string;
  };
  /** The whole distribution genesis (default: stratos-1's, spec-staking §2.8). */
  readonly distribution?: Readonly<Record<string, unknown>>;
  /** The whole mint genesis (default: stratos-1's, inflation off, spec-staking §6). */
  readonly mint?: Readonly<Record<string, unknown>>;
  /** gov genesis over stratos-1's params (spec-staking §0.7), params merged field by field (proto-JSON). */
  readonly gov?: {
    readonly params?: Readonly<Record<string, unknown>>;
  };
  /** Staking params merged field by field over stratos-1's (bond denom wei, 21 days, 100 validators). */
  readonly staking?: { readonly params?: Readonly<Record<string, unknown>> };
  /**
   * The account whose gentx makes the genesis validator (genesisValidator.ts), appended to `accounts`
   * unless it is among them. Default: the devnet validator operator (m/44'/606'/0'/0/90) with
   * DEVNET_VALIDATOR_BALANCE; `null` leaves it out (a genesis that brings its own gentxs or validators).
   */
  readonly validatorOperator?: GenesisAccount | null;
  /** `genutil.gen_txs` as written (signed proto-JSON gentxs); default none (Devnet and TestApp add one). */
  readonly genTxs?: readonly unknown[];
}

/** The devnet validator operator's genesis balance: 10,000 STOS, enough for the gentx's self-bond and fees. */
export const DEVNET_VALIDATOR_BALANCE = 10_000n * 10n ** 18n;

/** The reference's register params defaults (spec-register §3), as genesis JSON. */
export const DEFAULT_REGISTER_PARAMS_JSON = {
  bond_denom: GENESIS_DENOM,
  unbonding_threashold_time: "15552000s",
  unbonding_completion_time: "1209600s",
  max_entries: 16,
  resource_node_reg_enabled: true,
  resource_node_min_deposit: { denom: GENESIS_DENOM, amount: "1000000000000000000" },
  voting_period: "604800s",
} as const;

/** Mainnet auth params (spec-chain §10). */
const AUTH_PARAMS = {
  max_memo_characters: "256",
  tx_sig_limit: "7",
  tx_size_cost_per_byte: "10",
  sig_verify_cost_ed25519: "590",
  sig_verify_cost_secp256k1: "1000",
};

const ZERO_TIME = "0001-01-01T00:00:00Z";
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function nodeJson(n: GenesisNode): Record<string, unknown> {
  const common = {
    network_address: sdsAddressOfPubKey(n.pubKey),
    pubkey: { "@type": "/cosmos.crypto.ed25519.PubKey", key: Buffer.from(n.pubKey).toString("base64") },
    suspend: n.suspend ?? false,
    status: n.status ?? "BOND_STATUS_BONDED",
    tokens: n.tokens.toString(),
    owner_address: n.ownerAddress,
    description: { moniker: n.moniker, identity: "", website: "", security_contact: "", details: "" },
    creation_time: n.creationTime ?? ZERO_TIME,
  };
  return n.kind === "meta"
    ? { ...common, beneficiary_address: n.beneficiaryAddress ?? n.ownerAddress }
    : {
        ...common,
        node_type: n.nodeType ?? 4,
        effective_tokens: (n.effectiveTokens ?? (n.suspend ? 0n : n.tokens)).toString(),
        beneficiary_address: n.beneficiaryAddress ?? n.ownerAddress,
      };
}

/** The accounts of a genesis: `spec.accounts`, plus the validator operator when it is not among them. */
function genesisAccounts(spec: GenesisSpec): readonly GenesisAccount[] {
  const operator = spec.validatorOperator === undefined ? { address: devnetValidatorOperator().address, balance: DEVNET_VALIDATOR_BALANCE } : spec.validatorOperator;
  if (operator === null || spec.accounts.some((a) => a.address === operator.address)) return spec.accounts;
  return [...spec.accounts, operator];
}

export function buildAppState(spec: GenesisSpec): Record<string, unknown> {
  const accounts = genesisAccounts(spec);
  /** address → denom → amount */
  const balances = new Map<string, Map<string, bigint>>();
  const credit = (address: string, denom: string, amount: bigint): void => {
    const coins = balances.get(address) ?? new Map<string, bigint>();
    coins.set(denom, (coins.get(denom) ?? 0n) + amount);
    balances.set(address, coins);
  };
  for (const a of accounts) {
    credit(a.address, GENESIS_DENOM, a.balance);
    for (const [denom, amount] of Object.entries(a.otherCoins ?? {})) credit(a.address, denom, amount);
  }
  for (const [name, amount] of Object.entries(spec.moduleBalances ?? {})) {
    credit(formatBech32Address(moduleAddress(name), BECH32_PREFIX.account), GENESIS_DENOM, amount);
  }
  const supply = new Map<string, bigint>();
  for (const coins of balances.values()) for (const [denom, amount] of coins) supply.set(denom, (supply.get(denom) ?? 0n) + amount);
  const coinList = (coins: ReadonlyMap<string, bigint>) =>
    [...coins.entries()].filter(([, a]) => a > 0n).sort(([x], [y]) => byString(x, y)).map(([denom, amount]) => ({ denom, amount: amount.toString() }));
  const nodes = spec.nodes ?? [];
  return {
    auth: {
      params: AUTH_PARAMS,
      accounts: accounts.map((a, i) => ({
        "@type": "/cosmos.auth.v1beta1.BaseAccount",
        address: a.address,
        pub_key: null,
        account_number: String(i),
        sequence: "0",
      })),
    },
    bank: {
      params: { send_enabled: [], default_send_enabled: true },
      // Sorted by address, as the SDK's genesis validation wants.
      balances: [...balances.entries()]
        .map(([address, coins]) => ({ address, coins: coinList(coins) }))
        .filter((b) => b.coins.length > 0)
        .sort((x, y) => byString(x.address, y.address)),
      supply: coinList(supply),
      denom_metadata: [],
      send_enabled: [],
    },
    register: {
      params: { ...DEFAULT_REGISTER_PARAMS_JSON, ...(spec.register?.params ?? {}) },
      resource_nodes: nodes.filter((n) => n.kind === "resource").map(nodeJson),
      meta_nodes: nodes.filter((n) => n.kind === "meta").map(nodeJson),
      remaining_noz_limit: spec.register?.remaining_noz_limit ?? "0",
      slashing: [...(spec.register?.slashing ?? [])],
      deposit_noz_rate: spec.register?.deposit_noz_rate ?? "1000000.000000000000000000",
      meta_node_reg_vote_pool: [],
      unbonding_nodes: [],
      kick_meta_node_vote_pool: [],
    },
    pot: {
      params: {
        ...potParamsJson({ ...DEFAULT_POT_PARAMS, initialTotalSupply: { denom: GENESIS_DENOM, amount: supply.get(GENESIS_DENOM) ?? 0n } }),
        ...(spec.pot?.params ?? {}),
      },
      total_mined_token: spec.pot?.total_mined_token ?? { denom: GENESIS_DENOM, amount: "0" },
      last_distributed_epoch: spec.pot?.last_distributed_epoch ?? "0",
      immature_total_info: [],
      mature_total_info: [],
      individual_reward_info: [],
      matured_epoch: spec.pot?.matured_epoch ?? "0",
      reward_total_info: [],
    },
    sds: { params: { bond_denom: GENESIS_DENOM }, files: [] },
    distribution: spec.distribution ?? mainnetDistributionGenesisJson(),
    mint: spec.mint ?? mainnetMintGenesisJson(),
    gov: withGovParams(govGenesisOf(MAINNET_GOV_PARAMS), spec.gov?.params ?? {}),
    upgrade: {},
    // stratos-1's values (spec-staking §0.7, §3.6, §4.4, §7).
    slashing: { params: slashingParamsJson(MAINNET_SLASHING_PARAMS), signing_infos: [], missed_blocks: [] },
    evidence: { evidence: [] },
    crisis: { constant_fee: { denom: GENESIS_DENOM, amount: (606n * 10n ** 18n).toString() } },
    staking: {
      params: { ...stakingParamsJson(DEFAULT_STAKING_PARAMS), ...(spec.staking?.params ?? {}) },
      last_total_power: "0",
      last_validator_powers: [],
      validators: [],
      delegations: [],
      unbonding_delegations: [],
      redelegations: [],
      exported: false,
    },
    genutil: { gen_txs: [...(spec.genTxs ?? [])] },
  };
}

function withGovParams(genesis: unknown, params: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const g = genesis as Record<string, unknown>;
  return { ...g, params: { ...(g.params as Record<string, unknown>), ...params } };
}
