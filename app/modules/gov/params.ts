/**
 * gov params (`cosmos.gov.v1.Params`, spec-staking §0.7, §5.3), stored at 0x30 as plain protobuf.
 * The four decimals stay the text they were given (v1 keeps them as strings: a genesis "0.334" is
 * served back as "0.334"); logic parses them where it uses them.
 */
import { create } from "@bufbuild/protobuf";
import { type Coin as CoinProto, CoinSchema } from "../../codec/cosmos/base/v1beta1/coin_pb.js";
import { type Params as ParamsProto, ParamsSchema } from "../../codec/cosmos/gov/v1/gov_pb.js";
import { type Coin, Coins, coinListString, validateCoinList } from "../../math/coins.js";
import type { Dec } from "../../math/dec.js";
import { unmarshalIntText } from "../../math/int.js";
import { durationNanos, durationOf } from "../register/params.js";
import { NANOS_PER_DAY } from "../register/logic/time.js";
import { goDurationString, parseDecGo } from "./logic/goText.js";

export interface GovParams {
  /** As given: validation (and only validation) may see an invalid list. */
  readonly minDeposit: readonly Coin[];
  /** Nanoseconds; undefined where Go holds a nil duration. */
  readonly maxDepositPeriodNanos: bigint | undefined;
  readonly votingPeriodNanos: bigint | undefined;
  readonly quorum: string;
  readonly threshold: string;
  readonly vetoThreshold: string;
  readonly minInitialDepositRatio: string;
  readonly burnVoteQuorum: boolean;
  readonly burnProposalDepositPrevote: boolean;
  readonly burnVoteVeto: boolean;
}

const STOS = 10n ** 18n;

/** stratos-1's gov params (spec-staking §0.7): 100 STOS, 14 d deposit, 7 d voting, veto burns. */
export const MAINNET_GOV_PARAMS: GovParams = {
  minDeposit: [{ denom: "wei", amount: 100n * STOS }],
  maxDepositPeriodNanos: 14n * NANOS_PER_DAY,
  votingPeriodNanos: 7n * NANOS_PER_DAY,
  quorum: "0.334000000000000000",
  threshold: "0.500000000000000000",
  vetoThreshold: "0.334000000000000000",
  minInitialDepositRatio: "0.000000000000000000",
  burnVoteQuorum: false,
  burnProposalDepositPrevote: false,
  burnVoteVeto: true,
};

/** What `GetParams` returns when nothing is stored: Go's zero Params. */
export const ZERO_GOV_PARAMS: GovParams = {
  minDeposit: [], maxDepositPeriodNanos: undefined, votingPeriodNanos: undefined, quorum: "", threshold: "", vetoThreshold: "",
  minInitialDepositRatio: "", burnVoteQuorum: false, burnProposalDepositPrevote: false, burnVoteVeto: false,
};

const ONE_TEXT_LIMIT = (d: Dec): boolean => d.raw > 10n ** 18n;

/**
 * `Params.ValidateBasic` (SDK v0.47 `x/gov/types/v1/params.go`), in its order and with its texts
 * (plain Go errors). Returns the first problem, or undefined.
 */
export function validateGovParams(p: GovParams): string | undefined {
  if (p.minDeposit.length === 0 || validateCoinList(p.minDeposit) !== undefined) return `invalid minimum deposit: ${coinListString(p.minDeposit)}`;
  if (p.maxDepositPeriodNanos === undefined) return "maximum deposit period must not be nil: %!d(<nil>)";
  if (p.maxDepositPeriodNanos <= 0n) return `maximum deposit period must be positive: ${p.maxDepositPeriodNanos}`;
  const quorum = parseDecGo(p.quorum);
  if ("error" in quorum) return `invalid quorum string: ${quorum.error}`;
  if (quorum.dec.isNegative()) return `quorom cannot be negative: ${quorum.dec.toString()}`;
  if (ONE_TEXT_LIMIT(quorum.dec)) return `quorom too large: ${p.quorum}`;
  const threshold = parseDecGo(p.threshold);
  if ("error" in threshold) return `invalid threshold string: ${threshold.error}`;
  if (!threshold.dec.isPositive()) return `vote threshold must be positive: ${threshold.dec.toString()}`;
  if (ONE_TEXT_LIMIT(threshold.dec)) return `vote threshold too large: ${threshold.dec.toString()}`;
  const veto = parseDecGo(p.vetoThreshold);
  if ("error" in veto) return `invalid vetoThreshold string: ${veto.error}`;
  if (!veto.dec.isPositive()) return `veto threshold must be positive: ${veto.dec.toString()}`;
  if (ONE_TEXT_LIMIT(veto.dec)) return `veto threshold too large: ${veto.dec.toString()}`;
  if (p.votingPeriodNanos === undefined) return "voting period must not be nil: %!d(<nil>)";
  if (p.votingPeriodNanos <= 0n) return `voting period must be positive: ${goDurationString(p.votingPeriodNanos)}`;
  const ratio = parseDecGo(p.minInitialDepositRatio);
  if ("error" in ratio) return `invalid mininum initial deposit ratio of proposal: ${ratio.error}`;
  if (ratio.dec.isNegative()) return `mininum initial deposit ratio of proposal must be positive: ${ratio.dec.toString()}`;
  if (ONE_TEXT_LIMIT(ratio.dec)) return `mininum initial deposit ratio of proposal is too large: ${ratio.dec.toString()}`;
  return undefined;
}

/** The parts of valid params that logic uses, parsed. @throws if the params are not valid. */
export interface ParsedGovParams {
  readonly minDeposit: Coins;
  readonly maxDepositPeriodNanos: bigint;
  readonly votingPeriodNanos: bigint;
  readonly quorum: Dec;
  readonly threshold: Dec;
  readonly vetoThreshold: Dec;
  readonly minInitialDepositRatio: Dec;
}

export function parseGovParams(p: GovParams): ParsedGovParams {
  const dec = (text: string, name: string): Dec => {
    const r = parseDecGo(text);
    if ("error" in r) throw new Error(`gov params: ${name} ${JSON.stringify(text)}: ${r.error}`);
    return r.dec;
  };
  if (p.maxDepositPeriodNanos === undefined || p.votingPeriodNanos === undefined) throw new Error("gov params: a period is nil");
  return {
    minDeposit: Coins.fromArray(p.minDeposit),
    maxDepositPeriodNanos: p.maxDepositPeriodNanos,
    votingPeriodNanos: p.votingPeriodNanos,
    quorum: dec(p.quorum, "quorum"),
    threshold: dec(p.threshold, "threshold"),
    vetoThreshold: dec(p.vetoThreshold, "veto_threshold"),
    minInitialDepositRatio: dec(p.minInitialDepositRatio, "min_initial_deposit_ratio"),
  };
}

/**
 * From the protobuf form. A missing coin amount is read as 0 (validation refuses it); an amount that
 * is not an Int, or a duration beyond Go's range, throws RangeError (gogoproto refuses both).
 */
export function govParamsFromProto(p: ParamsProto): GovParams {
  return {
    minDeposit: p.minDeposit.map(coinFromProto),
    maxDepositPeriodNanos: p.maxDepositPeriod === undefined ? undefined : durationNanos(p.maxDepositPeriod),
    votingPeriodNanos: p.votingPeriod === undefined ? undefined : durationNanos(p.votingPeriod),
    quorum: p.quorum,
    threshold: p.threshold,
    vetoThreshold: p.vetoThreshold,
    minInitialDepositRatio: p.minInitialDepositRatio,
    burnVoteQuorum: p.burnVoteQuorum,
    burnProposalDepositPrevote: p.burnProposalDepositPrevote,
    burnVoteVeto: p.burnVoteVeto,
  };
}

export function govParamsToProto(p: GovParams): ParamsProto {
  return create(ParamsSchema, {
    minDeposit: p.minDeposit.map(coinToProto),
    ...(p.maxDepositPeriodNanos === undefined ? {} : { maxDepositPeriod: durationOf(p.maxDepositPeriodNanos) }),
    ...(p.votingPeriodNanos === undefined ? {} : { votingPeriod: durationOf(p.votingPeriodNanos) }),
    quorum: p.quorum,
    threshold: p.threshold,
    vetoThreshold: p.vetoThreshold,
    minInitialDepositRatio: p.minInitialDepositRatio,
    burnVoteQuorum: p.burnVoteQuorum,
    burnProposalDepositPrevote: p.burnProposalDepositPrevote,
    burnVoteVeto: p.burnVoteVeto,
  });
}

export function coinFromProto(c: { readonly denom: string; readonly amount: string }): Coin {
  const amount = unmarshalIntText(c.amount);
  return { denom: c.denom, amount: amount ?? 0n };
}

export const coinToProto = (c: Coin): CoinProto => create(CoinSchema, { denom: c.denom, amount: c.amount.toString() });
