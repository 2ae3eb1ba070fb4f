/**
 * Bank genesis (SDK v0.47 `x/bank/types/genesis.go`, `balance.go`, `keeper/genesis.go`), JSON format of
 * spec-chain §11: `{"params", "balances", "supply", "denom_metadata", "send_enabled"}`.
 *
 * `GenesisState.Validate` runs at InitChain (the reference runs it in `validate-genesis`; a valid genesis
 * is applied identically). Balances need not be sorted: like the reference, init sorts them by address
 * bytes. A non-empty `supply` must equal the sum of the balances.
 */
import type { Metadata } from "cosmjs-types/cosmos/bank/v1beta1/bank";
import type { Context, ReadContext } from "../../baseapp/context.js";
import { TxError } from "../../baseapp/errors.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { type Coin, Coins, validateCoinList } from "../../math/coins.js";
import { GenesisError, JsonFields } from "../auth/protoJson.js";
import { accAddressProblem, signerAddress } from "./addresses.js";
import type { BankKeeper } from "./keeper.js";
import { coinsIsEqualGo, msgCoinsFromProto } from "./logic/msgCoins.js";
import { metadataFromJson, metadataToJson, validateMetadata } from "./metadata.js";
import { type BankParams, type SendEnabled, bankParamsToJson, sendEnabledToJson, validateBankParams, validateSendEnabled } from "./params.js";

export interface GenesisBalance {
  readonly address: Uint8Array;
  readonly coins: Coins;
}

export interface BankGenesis {
  readonly params: BankParams;
  /** Sorted by address bytes (SDK `SanitizeGenesisBalances`). */
  readonly balances: readonly GenesisBalance[];
  readonly supply: Coins;
  readonly denomMetadata: readonly Metadata[];
  /** `send_enabled` merged with the deprecated params list (SDK `GetAllSendEnabled`). */
  readonly sendEnabled: readonly SendEnabled[];
}

const coinsText = (list: readonly Coin[]): string => list.map((c) => `${c.amount}${c.denom}`).join(",");

/** Parses and validates the `bank` part of `app_state`. @throws GenesisError naming the problem. */
export function parseBankGenesis(json: unknown): BankGenesis {
  const root = JsonFields.of(json, "bank");
  const pf = root.object("params");
  const params: BankParams = {
    sendEnabled: pf === undefined ? [] : pf.array("send_enabled").map((v, i) => sendEnabledFromJson(v, `bank.params.send_enabled[${i}]`)),
    defaultSendEnabled: pf?.bool("default_send_enabled") ?? false,
  };
  pf?.finish();
  const balances = root.array("balances").map((v, i) => balanceFromJson(v, `bank.balances[${i}]`));
  const supply = coinsFromJson(root.array("supply"), "bank.supply");
  const denomMetadata = root.array("denom_metadata").map((v, i) => metadataFromJson(v, `bank.denom_metadata[${i}]`));
  const sendEnabled = root.array("send_enabled").map((v, i) => sendEnabledFromJson(v, `bank.send_enabled[${i}]`));
  root.finish();

  if (params.sendEnabled.length > 0 && sendEnabled.length > 0) {
    throw new GenesisError("send_enabled defined in both the send_enabled field and in params (deprecated)");
  }
  const paramsProblem = validateBankParams(params);
  if (paramsProblem !== undefined) throw new GenesisError(paramsProblem);
  const allSendEnabled = mergeSendEnabled(sendEnabled, params.sendEnabled);
  const seenDenoms = new Set<string>();
  for (const se of allSendEnabled) {
    if (seenDenoms.has(se.denom)) throw new GenesisError(`duplicate send enabled found: '${se.denom}'`);
    const problem = validateSendEnabled(se);
    if (problem !== undefined) throw new GenesisError(problem);
    seenDenoms.add(se.denom);
  }

  const seenAddresses = new Set<string>();
  let total = Coins.EMPTY;
  const valid: GenesisBalance[] = [];
  for (const b of balances) {
    if (seenAddresses.has(b.address)) throw new GenesisError(`duplicate balance for address ${b.address}`);
    const addressProblem = accAddressProblem(b.address);
    if (addressProblem !== undefined) throw new GenesisError(addressProblem.message);
    const coinsProblem = validateCoinList(b.coins);
    if (coinsProblem !== undefined) throw new GenesisError(coinsProblem);
    seenAddresses.add(b.address);
    const coins = Coins.fromArray(b.coins);
    total = total.add(coins);
    valid.push({ address: signerAddress(b.address), coins });
  }

  const seenMetadata = new Set<string>();
  for (const m of denomMetadata) {
    if (seenMetadata.has(m.base)) throw new GenesisError(`duplicate client metadata for denom ${m.base}`);
    const problem = validateMetadata(m);
    if (problem !== undefined) throw new GenesisError(problem);
    seenMetadata.add(m.base);
  }

  let supplyCoins = Coins.EMPTY;
  if (supply.length > 0) {
    const problem = validateCoinList(supply);
    if (problem !== undefined) throw new GenesisError(problem);
    supplyCoins = Coins.fromArray(supply);
    if (!sameCoins(supplyCoins, total)) {
      throw new GenesisError(`genesis supply is incorrect, expected ${coinsText(supply)}, got ${total.toString()}`);
    }
  }
  valid.sort((x, y) => Buffer.compare(x.address, y.address));
  return { params, balances: valid, supply: supplyCoins, denomMetadata, sendEnabled: allSendEnabled };
}

/** `Coins.IsEqual`, whose denom-mismatch panic becomes a genesis error with the same text. */
function sameCoins(a: Coins, b: Coins): boolean {
  try {
    return coinsIsEqualGo(a, b);
  } catch (e) {
    if (e instanceof TxError) throw new GenesisError(e.message.replace(/: panic$/, ""));
    throw e;
  }
}

/** SDK `GetAllSendEnabled`: the `send_enabled` entries, then params entries for other denoms. */
function mergeSendEnabled(entries: readonly SendEnabled[], fromParams: readonly SendEnabled[]): SendEnabled[] {
  if (fromParams.length === 0) return [...entries];
  const known = new Set(entries.map((e) => e.denom));
  return [...entries, ...fromParams.filter((e) => !known.has(e.denom))];
}

function sendEnabledFromJson(value: unknown, path: string): SendEnabled {
  const f = JsonFields.of(value, path);
  const se = { denom: f.string("denom"), enabled: f.bool("enabled") };
  f.finish();
  return se;
}

function balanceFromJson(value: unknown, path: string): { address: string; coins: Coin[] } {
  const f = JsonFields.of(value, path);
  const b = { address: f.string("address"), coins: coinsFromJson(f.array("coins"), f.pathOf("coins")) };
  f.finish();
  return b;
}

/** Coins as JSON: `[{"denom", "amount": "<Int text>"}]`; an amount must be a non-empty string. */
function coinsFromJson(list: readonly unknown[], path: string): Coin[] {
  return list.map((v, i) => {
    const f = JsonFields.of(v, `${path}[${i}]`);
    const denom = f.string("denom");
    const raw = f.raw("amount");
    f.finish();
    if (typeof raw !== "string" || raw === "") {
      throw new GenesisError(`${path}[${i}].amount: expected an integer string, got ${JSON.stringify(raw ?? null)}`);
    }
    try {
      const [parsed] = msgCoinsFromProto([{ denom, amount: raw }]);
      return { denom, amount: parsed!.amount ?? 0n };
    } catch (e) {
      throw new GenesisError(`${path}[${i}].amount: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}

/**
 * SDK `InitGenesis`: params, per-denom send flags, balances (with the denom→address index) in address
 * order, supply = sum of balances, metadata.
 */
export function initBankGenesis(ctx: Context, keeper: BankKeeper, genesis: BankGenesis): void {
  keeper.setParams(ctx, genesis.params);
  for (const se of genesis.sendEnabled) keeper.setSendEnabled(ctx, se.denom, se.enabled);
  let total = Coins.EMPTY;
  for (const b of genesis.balances) {
    keeper.initBalances(ctx, b.address, b.coins);
    total = total.add(b.coins);
  }
  for (const supply of total.toArray()) keeper.initSupply(ctx, supply);
  for (const m of genesis.denomMetadata) keeper.setDenomMetaData(ctx, m);
}

/** SDK `ExportGenesis`: the exact inverse of init (balances and supply in store order). */
export function exportBankGenesis(ctx: ReadContext, keeper: BankKeeper): Record<string, unknown> {
  const supply: Coin[] = [];
  keeper.iterateTotalSupply(ctx, (c) => void supply.push(c));
  return {
    params: bankParamsToJson(keeper.getParams(ctx)),
    balances: keeper.getAccountsBalances(ctx).map((b) => ({
      address: formatBech32Address(b.address, BECH32_PREFIX.account),
      coins: b.coins.toArray().map(coinJson),
    })),
    supply: Coins.fromArray(supply).toArray().map(coinJson),
    denom_metadata: keeper.getAllDenomMetaData(ctx).map(metadataToJson),
    send_enabled: keeper.getAllSendEnabledEntries(ctx).map(sendEnabledToJson),
  };
}

const coinJson = (c: Coin): Record<string, string> => ({ denom: c.denom, amount: c.amount.toString() });
