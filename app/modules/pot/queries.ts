/**
 * gRPC query methods of `stratos.pot.v1.Query` (spec-pot §7; reference `x/pot/keeper/grpc_query.go`
 * and `keeper.go` GetMetrics / GetCirculationSupply): request checks first, with the reference's texts
 * and error kinds, keyed by the gRPC method path of the generated service descriptor (see
 * register/queries.ts for how errors and the REST gateway relate).
 *
 * Differences from the reference (spec-pot §7 R:):
 *  - Metrics and CirculationSupply are computed from the state at the asked height on every call; the
 *    reference serves them from a 5-minute in-memory cache filled by whichever node/height asked first.
 *  - TotalRewardByEpoch's legacy path (no stored record) answers the empty record with is_legacy=true;
 *    the reference fetches the report's tx from a CometBFT RPC and sums its `coin_received` events.
 *  - RewardBreakdown and MetaNodeBlsKey are this chain's own (reward audits 0x40, BLS keys 0x30).
 *
 * Go's "empty request" (InvalidArgument) cannot fire here: request bytes always decode to a message.
 */
import { create } from "@bufbuild/protobuf";
import { ErrPanic } from "../../baseapp/errors.js";
import { queryAddress, unary } from "../../baseapp/grpcQuery.js";
import { decodeLengthPrefixed } from "../../baseapp/lengthPrefixed.js";
import { DEFAULT_PAGE_LIMIT, type PageQuery, PaginationError, filteredPaginate, pageQueryFrom } from "../../baseapp/pagination.js";
import { type QueryContext, type QueryHandler, QueryError, invalidArgument, notFound } from "../../baseapp/queryRouter.js";
import { type Coin as CoinProto, CoinSchema } from "../../codec/cosmos/base/v1beta1/coin_pb.js";
import { PageResponseSchema } from "../../codec/cosmos/base/query/v1beta1/pagination_pb.js";
import { type Reward, RewardSchema, TotalRewardSchema } from "../../codec/stratos/pot/v1/pot_pb.js";
import { Query } from "../../codec/stratos/pot/v1/query_pb.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../crypto/address.js";
import type { Coin, Coins } from "../../math/coins.js";
import { unmarshalIntText } from "../../math/int.js";
import { POT_ACCOUNT, type PotKeeper } from "./keeper.js";
import { POT_STORE_KEY, individualRewardEpochPrefix, individualRewardKey } from "./keys.js";
import { type PotParams, type PotValve, potParamsToProto } from "./params.js";

const INT64_MAX = (1n << 63n) - 1n;

/** The x/staking pools (spec-chain §9): module accounts that exist, though no staking module moves tokens yet. */
const STAKING_POOL = { bonded: "bonded_tokens_pool", notBonded: "not_bonded_tokens_pool" } as const;

const parseAcc = (text: string): Uint8Array => parseBech32Address(text, BECH32_PREFIX.account);
const parseSds = (text: string): Uint8Array => parseBech32Address(text, BECH32_PREFIX.sds);

export function potQueryHandlers(k: PotKeeper): Record<string, QueryHandler> {
  const m = Query.method;
  return Object.fromEntries([
    unary(m.volumeReport, (ctx, req) => {
      if (req.epoch < 0n) throw invalidArgument("epoch should be positive value");
      const epoch = req.epoch === 0n ? k.getLastDistributedEpoch(ctx) : req.epoch;
      const record = k.getVolumeReport(ctx, epoch);
      // An unknown epoch is a success with empty strings (no NotFound), as the reference.
      return {
        reportInfo: {
          epoch: int64Of(epoch),
          reference: record?.reportReference ?? "",
          txHash: record?.txHash ?? "",
          reporter: record?.reporter ?? "",
        },
      };
    }),

    unary(m.rewardsByEpoch, (ctx, req, bytes) => {
      if (req.epoch <= 0n) throw invalidArgument("epoch cannot be equal to or lower than 0");
      // Records are keyed by the epoch they mature at: only not-yet-matured rewards are listed, and
      // with the *current* mature_epoch (§10 item 15).
      const matureEpoch = req.epoch + k.getParams(ctx).matureEpoch;
      return rewardPage(ctx, individualRewardEpochPrefix(matureEpoch), referencePage(pageQueryFrom(bytes, 2, req.pagination)));
    }),

    unary(m.rewardsByWallet, (ctx, req) => {
      if (req.walletAddress === "") throw invalidArgument("wallet address cannot be empty");
      const wallet = queryAddress(parseAcc, req.walletAddress);
      return {
        rewards: {
          walletAddress: formatBech32Address(wallet, BECH32_PREFIX.account),
          matureTotalReward: coinsProto(k.getMatureTotal(ctx, wallet)),
          immatureTotalReward: coinsProto(k.getImmatureTotal(ctx, wallet)),
        },
      };
    }),

    unary(m.rewardsByWalletAndEpoch, (ctx, req, bytes) => {
      if (req.epoch <= 0n) throw invalidArgument("epoch cannot be equal to or lower than 0");
      if (req.walletAddress === "") throw invalidArgument("wallet address cannot be empty");
      const wallet = queryAddress(parseAcc, req.walletAddress);
      const matureEpoch = req.epoch + k.getParams(ctx).matureEpoch;
      // The reference pages over a prefix store at the record's full key (0 or 1 record).
      return rewardPage(ctx, individualRewardKey(matureEpoch, wallet), referencePage(pageQueryFrom(bytes, 3, req.pagination)));
    }),

    unary(m.slashingByOwner, (ctx, req) => {
      if (req.walletAddress === "") throw invalidArgument("wallet address cannot be empty");
      const wallet = queryAddress(parseAcc, req.walletAddress);
      return { slashing: k.register.getSlashing(ctx, wallet).toString() };
    }),

    unary(m.params, (ctx) => ({ params: potParamsToProto(k.getParams(ctx)) })),

    unary(m.totalMinedToken, (ctx) => ({ totalMinedToken: coinProto(k.getTotalMinedToken(ctx)) })),

    unary(m.circulationSupply, (ctx) => {
      const p = k.getParams(ctx);
      const circulation = circulationSupply(k.bank.getSupply(ctx, p.bondDenom), totalMiningCoin(p), k.getTotalMinedToken(ctx));
      return { circulationSupply: circulation.amount === 0n ? [] : [coinProto(circulation)] };
    }),

    unary(m.totalRewardByEpoch, (ctx, req) => {
      if (req.epoch <= 0n) throw invalidArgument("epoch should be positive value");
      const total = k.getTotalReward(ctx, req.epoch);
      if (total === undefined || (total.miningReward.isEmpty() && total.trafficReward.isEmpty())) {
        // The reference's legacy path reads the report tx over RPC (non-deterministic): §7 R:.
        return { totalReward: create(TotalRewardSchema), isLegacy: true };
      }
      return { totalReward: { miningReward: coinsProto(total.miningReward), trafficReward: coinsProto(total.trafficReward) }, isLegacy: false };
    }),

    unary(m.metrics, (ctx) => ({ metrics: metrics(k, ctx) })),

    unary(m.rewardBreakdown, (ctx, req) => {
      if (req.epoch <= 0n) throw invalidArgument("epoch should be positive value");
      const wallet = req.walletAddress === "" ? undefined : formatBech32Address(queryAddress(parseAcc, req.walletAddress), BECH32_PREFIX.account);
      const audit = k.getRewardAudit(ctx, req.epoch);
      // No audit: the epoch was never distributed, or it was distributed in referenceQuirks mode.
      if (audit === undefined) throw notFound(`no reward audit for epoch ${req.epoch}`);
      const matureEpoch = unmarshalIntText(audit.matureEpoch) ?? 0n;
      return {
        epoch: req.epoch,
        audit: wallet === undefined ? audit : { ...audit, rewards: audit.rewards.filter((r) => r.walletAddress === wallet) },
        matured: k.getMaturedEpoch(ctx) >= matureEpoch,
      };
    }),

    unary(m.metaNodeBlsKey, (ctx, req) => {
      if (req.networkAddress === "") throw invalidArgument("network address cannot be empty");
      const node = queryAddress(parseSds, req.networkAddress);
      const pubKey = k.getMetaNodeBlsKey(ctx, node);
      if (pubKey === undefined) throw notFound(`meta node ${req.networkAddress} has no registered BLS key`);
      return { pubKey };
    }),
  ]);
}

// ---- RewardsByEpoch / RewardsByWalletAndEpoch ------------------------------------------------------

/**
 * The reference's own `FilteredPaginate` (grpc_query.go), which differs from the SDK's in two ways:
 * a zero or missing limit becomes 100 *without* forcing `count_total` (the total comes only when
 * asked), and records that do not decode or whose both coin lists are empty or zero are skipped
 * before they count. The SDK pager gets an explicit limit so it does not force the total.
 */
function referencePage(page: PageQuery | undefined): PageQuery {
  const p = page ?? { key: undefined, offset: 0n, limit: 0n, countTotal: false, reverse: false };
  return p.limit === 0n ? { ...p, limit: DEFAULT_PAGE_LIMIT } : p;
}

function rewardPage(ctx: QueryContext, prefix: Uint8Array, page: PageQuery) {
  const rewards: Reward[] = [];
  const response = internalOnPaginationError(() =>
    filteredPaginate(ctx.kv(POT_STORE_KEY), prefix, page, (_key, value, accumulate) => {
      const reward = decodeRewardOrUndefined(value);
      if (reward === undefined || (isZeroCoinList(reward.rewardFromMiningPool) && isZeroCoinList(reward.rewardFromTrafficPool))) return false;
      if (accumulate) rewards.push(reward);
      return true;
    }));
  return { rewards, pagination: create(PageResponseSchema, { nextKey: response.nextKey, total: response.total }) };
}

/** The pager's own error ("either offset or key") is returned as status Internal. */
function internalOnPaginationError<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof PaginationError) throw new QueryError("Internal", e.message);
    throw e;
  }
}

function decodeRewardOrUndefined(value: Uint8Array): Reward | undefined {
  try {
    return decodeLengthPrefixed(RewardSchema, value);
  } catch {
    return undefined; // the reference `continue`s past a record that does not unmarshal
  }
}

/** SDK `Coins.Empty() || Coins.IsZero()` on a decoded list (amounts as stored, not validated). */
function isZeroCoinList(list: readonly CoinProto[]): boolean {
  return list.every((c) => {
    try {
      return (unmarshalIntText(c.amount) ?? 0n) === 0n;
    } catch {
      return false;
    }
  });
}

// ---- Metrics and CirculationSupply -----------------------------------------------------------------

/** `GetTotalMining`: the last valve's end; an empty list panics (index -1) as in the reference. */
function totalMiningCoin(p: PotParams): Coin {
  const last = p.miningRewardParams[p.miningRewardParams.length - 1];
  if (last === undefined) throw ErrPanic.wrap("runtime error: index out of range [-1]");
  return { denom: last.endDenom, amount: last.totalMinedValveEnd };
}

/**
 * `GetCirculationSupply`: supply(bond_denom) − (total mining − total mined), with `Coin.Sub`, which
 * panics on different denoms or a negative result (e.g. on a chain whose supply is below the mining
 * still to come — small devnets): the query then fails with a recovered panic, as in the reference.
 */
function circulationSupply(supply: Coin, totalMining: Coin, mined: Coin): Coin {
  return coinSub(supply, coinSub(totalMining, mined));
}

function coinSub(a: Coin, b: Coin): Coin {
  if (a.denom !== b.denom) throw ErrPanic.wrap(`invalid coin denoms: ${a.denom}, ${b.denom}`);
  const amount = a.amount - b.amount;
  if (amount < 0n) throw ErrPanic.wrap(`negative coin amount: ${amount}${a.denom}`);
  return { denom: a.denom, amount };
}

/** `Coin.IsGTE` / `IsLT` panic on different denoms. */
function checkSameDenom(a: string, b: string): void {
  if (a !== b) throw ErrPanic.wrap(`invalid coin denominations; ${a}, ${b}`);
}

/**
 * `GetMiningRewardParamByMinedToken` (§3): the first valve with start ≤ mined < end, undefined when
 * out of issuance. The coin comparisons panic on different denoms (IsGTE first, IsLT only after it).
 */
function miningValveOf(p: PotParams, mined: Coin): PotValve | undefined {
  for (const v of p.miningRewardParams) {
    checkSameDenom(mined.denom, v.startDenom);
    if (mined.amount < v.totalMinedValveStart) continue;
    checkSameDenom(mined.denom, v.endDenom);
    if (mined.amount < v.totalMinedValveEnd) return v;
  }
  return undefined;
}

/** `GetMetrics`, in the reference's order of reads (its first panic wins). */
function metrics(k: PotKeeper, ctx: QueryContext) {
  const p = k.getParams(ctx);
  const denom = p.bondDenom;
  const balance = (module: string): bigint => k.bank.getBalance(ctx, k.moduleAddress(module), denom).amount;
  const totalSupply = k.bank.getSupply(ctx, denom);
  const totalMining = totalMiningCoin(p);
  const mined = k.getTotalMinedToken(ctx);
  const totalResourceNodesDeposit =
    k.register.poolBalance(ctx, "resource_node_bonded_pool") + k.register.poolBalance(ctx, "resource_node_not_bonded_pool");
  // x/staking does not exist yet: its pools are read as the reference reads them (bank balances of
  // the module accounts, 0 today), and the unbonding delegations it would iterate are none (0).
  const totalBondedDelegation = balance(STAKING_POOL.bonded);
  const totalUnbondedDelegation = balance(STAKING_POOL.notBonded);
  const totalUnbondingDelegation = 0n;

  // Int arithmetic: ⌊M × bp / 10000⌋; all 0 when out of issuance.
  const valve = miningValveOf(p, mined);
  const totalMiningReward = valve?.miningReward ?? 0n;
  const share = (bp: bigint | undefined): bigint => (totalMiningReward * (bp ?? 0n)) / 10000n;
  const chainMiningReward = share(valve?.blockChainPercentageInBp);
  const resourceMiningReward = share(valve?.resourceNodePercentageInBp);
  const metaMiningReward = share(valve?.metaNodePercentageInBp);

  const circulation = circulationSupply(totalSupply, totalMining, mined);
  return {
    totalSupply: totalSupply.amount.toString(),
    totalMiningSupply: totalMining.amount.toString(),
    totalMinedTokens: mined.amount.toString(),
    totalResourceNodesDeposit: totalResourceNodesDeposit.toString(),
    totalBondedDelegation: totalBondedDelegation.toString(),
    totalUnbondedDelegation: totalUnbondedDelegation.toString(),
    totalUnbondingDelegation: totalUnbondingDelegation.toString(),
    circulationSupply: circulation.amount.toString(),
    totalMiningReward: totalMiningReward.toString(),
    chainMiningReward: chainMiningReward.toString(),
    resourceMiningReward: resourceMiningReward.toString(),
    metaMiningReward: metaMiningReward.toString(),
    // (sic) resource_node_deposit is the bonded pool only; meta_node_deposit the meta NOT-bonded pool (§7).
    resourceNodeDeposit: balance("resource_node_bonded_pool").toString(),
    metaNodeDeposit: balance("meta_node_not_bonded_pool").toString(),
    unissuedPrepay: balance(POT_ACCOUNT.totalUnissuedPrepay).toString(),
  };
}

// ---- helpers ---------------------------------------------------------------------------------------

/** `Int.Int64()`: panics beyond int64 (an epoch is an unbounded Int in the store). */
function int64Of(n: bigint): bigint {
  if (n > INT64_MAX || n < -INT64_MAX - 1n) throw ErrPanic.wrap("Int64() out of bound");
  return n;
}

const coinProto = (c: Coin): CoinProto => create(CoinSchema, { denom: c.denom, amount: c.amount.toString() });
const coinsProto = (c: Coins): CoinProto[] => c.toArray().map(coinProto);
