/**
 * Importing a real network's genesis (stratos-1) into a local node for testing (docs/genesis-import.md).
 *
 * The stratos-1 validators come from seven gentxs: each MsgCreateValidator, consensus key included, is
 * covered by its operator's signature, which genutil checks at InitChain. So a validator's consensus
 * key cannot be swapped in place (InitChain would fail with "signature verification failed"), and
 * without their keys no local node can sign for them. `withLocalValidator` instead leaves every
 * original gentx, account and balance as it is, and adds one validator whose consensus key is ours,
 * with more than 2/3 of the voting power, so a single local CometBFT node produces blocks:
 *
 * - a local operator account (BaseAccount, eth_secp256k1 key we hold) is appended to `auth.accounts`;
 * - its funds are moved from the largest genesis balance (the bank total supply stays exactly as in the
 *   file, so pot's supply rules see the real figures);
 * - its gentx (signed by the operator for the file's chain id, consensus key = the local node's) is
 *   appended to `genutil.gen_txs`, self-delegating 3 × the sum of the original gentxs' self-delegations
 *   (3/4 of the power), unless told otherwise.
 */
import fs from "node:fs";
import zlib from "node:zlib";
import { BECH32_PREFIX, formatBech32Address } from "../crypto/address.js";
import { ethAddressFromPubKey, ethPublicKeyFromPrivateKey } from "../crypto/ethSecp256k1.js";
import { signGentx } from "../modules/genutil/gentx.js";
import { devnetValidatorOperator } from "./devnetKeys.js";

/** A CometBFT genesis document (genesis.json), as read from JSON. */
export interface GenesisDocJson {
  readonly genesis_time: string;
  readonly chain_id: string;
  readonly initial_height?: string;
  readonly consensus_params?: Record<string, unknown>;
  readonly validators?: readonly unknown[];
  readonly app_hash?: string;
  readonly app_state: Record<string, unknown>;
}

/** Reads genesis.json, or genesis.json.gz (gzip) when the name ends in `.gz`. */
export function readGenesisFile(file: string): GenesisDocJson {
  const raw = fs.readFileSync(file);
  const text = file.endsWith(".gz") ? zlib.gunzipSync(raw).toString("utf8") : raw.toString("utf8");
  return JSON.parse(text) as GenesisDocJson;
}

/** Genesis time as RFC 3339 → seconds and nanoseconds (RequestInitChain.time). */
export function genesisTimeOf(doc: GenesisDocJson): { seconds: bigint; nanos: number } {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(doc.genesis_time);
  if (m === null) throw new Error(`genesis_time ${doc.genesis_time}: expected RFC 3339 in UTC`);
  const millis = Date.parse(`${m[1]!}Z`);
  if (Number.isNaN(millis)) throw new Error(`genesis_time ${doc.genesis_time}: not a date`);
  return { seconds: BigInt(millis / 1000), nanos: Number((m[2] ?? "").padEnd(9, "0")) };
}

/**
 * Which SDK generation a Stratos genesis is written for: "v0.12" (SDK 0.47: gov v1 `params`, staking
 * `min_commission_rate`) or "v0.11" (SDK 0.46: neither). A v0.12 node reads only the first.
 */
export function stratosGenesisFormat(appState: Readonly<Record<string, unknown>>): "v0.11" | "v0.12" {
  const gov = appState["gov"] as { params?: unknown } | undefined;
  const stakingParams = (appState["staking"] as { params?: Record<string, unknown> } | undefined)?.params;
  return gov?.params !== undefined && stakingParams?.["min_commission_rate"] !== undefined ? "v0.12" : "v0.11";
}

interface CoinJson {
  readonly denom: string;
  readonly amount: string;
}

interface BalanceJson {
  readonly address: string;
  readonly coins: readonly CoinJson[];
}

export interface LocalValidatorOptions {
  /** The local node's ed25519 consensus public key (32 bytes; CometBFT's priv_validator_key.json). */
  readonly consensusPubKey: Uint8Array;
  /** The operator's eth_secp256k1 key (default: the devnet validator operator, m/44'/606'/0'/0/90). */
  readonly operatorPrivateKey?: Uint8Array;
  /** Self-delegation in the bond denom (default: 3 × the original gentxs' self-delegations). */
  readonly selfBond?: bigint;
  /** Spendable wei left to the operator after the self-delegation (default 10 STOS), for test txs' fees. */
  readonly spare?: bigint;
  readonly moniker?: string;
  /** `<node id>@<host>:<p2p port>`, the gentx memo. */
  readonly memo?: string;
}

/** What `withLocalValidator` changed, for logs and docs. */
export interface LocalValidatorOverride {
  readonly operator: string;
  /** The account whose balance paid for the operator's funds. */
  readonly fundedFrom: string;
  /** wei moved from `fundedFrom` to `operator`. */
  readonly funding: bigint;
  readonly selfBond: bigint;
  /** Sum of the original gentxs' self-delegations. */
  readonly originalBonded: bigint;
}

const DENOM = "wei";

function weiOf(coins: readonly CoinJson[]): bigint {
  return BigInt(coins.find((c) => c.denom === DENOM)?.amount ?? "0");
}

/** The genesis with a local validator added (see the file comment); the input is not modified. */
export function withLocalValidator(doc: GenesisDocJson, o: LocalValidatorOptions): { genesis: GenesisDocJson; override: LocalValidatorOverride } {
  const appState = doc.app_state;
  const auth = appState["auth"] as { accounts: readonly Record<string, unknown>[] };
  const bank = appState["bank"] as { balances: readonly BalanceJson[] };
  const genutil = appState["genutil"] as { gen_txs: readonly unknown[] } | undefined;
  const gentxs = genutil?.gen_txs ?? [];

  const originalBonded = gentxs.reduce<bigint>((sum, tx) => {
    const msg = (tx as { body: { messages: ReadonlyArray<{ value?: CoinJson }> } }).body.messages[0];
    return sum + BigInt(msg?.value?.amount ?? "0");
  }, 0n);
  const selfBond = o.selfBond ?? (originalBonded > 0n ? 3n * originalBonded : 1_000n * 10n ** 18n);
  const funding = selfBond + (o.spare ?? 10n * 10n ** 18n);

  const privateKey = o.operatorPrivateKey ?? devnetValidatorOperator().privateKey;
  const operator = formatBech32Address(ethAddressFromPubKey(ethPublicKeyFromPrivateKey(privateKey)), BECH32_PREFIX.account);
  if (bank.balances.some((b) => b.address === operator)) throw new Error(`the local operator ${operator} already has a genesis balance`);

  // The largest wei balance pays (ties: the smallest address), so the total supply is unchanged.
  let payer: BalanceJson | undefined;
  for (const b of bank.balances) {
    const wei = weiOf(b.coins);
    const best = payer === undefined ? -1n : weiOf(payer.coins);
    if (wei > best || (wei === best && payer !== undefined && b.address < payer.address)) payer = b;
  }
  if (payer === undefined || weiOf(payer.coins) < funding) throw new Error(`no genesis balance can fund ${funding} wei for the local validator`);
  const fundedFrom = payer.address;
  const balances = bank.balances.map((b) =>
    b.address !== fundedFrom ? b : { ...b, coins: b.coins.map((c) => (c.denom === DENOM ? { denom: DENOM, amount: (BigInt(c.amount) - funding).toString() } : c)) },
  );
  balances.push({ address: operator, coins: [{ denom: DENOM, amount: funding.toString() }] });

  const gentx = signGentx({
    chainId: doc.chain_id,
    operatorPrivateKey: privateKey,
    consensusPubKey: o.consensusPubKey,
    selfBond,
    moniker: o.moniker ?? "local-import-validator",
    ...(o.memo !== undefined ? { memo: o.memo } : {}),
  });

  const genesis: GenesisDocJson = {
    ...doc,
    app_state: {
      ...appState,
      // Genesis accounts all carry number 0 in stratos-1: auth numbers them in order, so this one comes last.
      auth: { ...auth, accounts: [...auth.accounts, { "@type": "/cosmos.auth.v1beta1.BaseAccount", address: operator, pub_key: null, account_number: "0", sequence: "0" }] },
      bank: { ...bank, balances },
      genutil: { ...(genutil ?? {}), gen_txs: [...gentxs, gentx] },
    },
  };
  return { genesis, override: { operator, fundedFrom, funding, selfBond, originalBonded } };
}
