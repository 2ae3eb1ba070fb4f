/**
 * Staking's block hooks (spec-staking §1.7, §1.8; SDK `x/staking/abci.go`, `keeper/val_state_change.go`
 * `BlockValidatorUpdates`, `keeper/historical_info.go`).
 */
import { create } from "@bufbuild/protobuf";
import type { ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import { HistoricalInfoSchema } from "../../codec/cosmos/staking/v1beta1/staking_pb.js";
import { BlockIDSchema, HeaderSchema, PartSetHeaderSchema } from "../../codec/tendermint/types/types_pb.js";
import { ConsensusSchema } from "../../codec/tendermint/version/types_pb.js";
import { TimestampSchema } from "@bufbuild/protobuf/wkt";
import { coin, Coins } from "../../math/coins.js";
import { TxError } from "../../baseapp/errors.js";
import { completeRedelegation, completeUnbonding } from "./delegation.js";
import { completeRedelegationEvent, completeUnbondingEvent } from "./events.js";
import type { StakingContext } from "./expected.js";
import type { StakingKeeper } from "./keeper.js";
import { consensusPower } from "./logic/shares.js";
import { compareByVotingPower } from "./logic/validatorSet.js";
import { dequeueMatureRedelegations, dequeueMatureUBDs } from "./queues.js";
import { parseAcc, parseVal, validatorToProto } from "./store.js";
import { blockTimeOf } from "./time.js";
import { BondStatus } from "./types.js";
import { applyAndReturnValidatorSetUpdates, unbondAllMatureValidators } from "./validatorSet.js";

export interface EndBlockResult {
  readonly updates: ValidatorUpdate[];
  /** The voting-power limit kept validators out of the set this block (logged by the node). */
  readonly capped: boolean;
}

/**
 * EndBlock (§1.7): the validator-set updates, then mature validators, mature unbonding delegations
 * (paid out, `complete_unbonding`), mature redelegations (`complete_redelegation`). A pair whose
 * record is gone (a cancelled unbonding) is skipped silently, as the reference does.
 */
export function stakingEndBlock(k: StakingKeeper, ctx: StakingContext): EndBlockResult {
  const { updates, capped } = applyAndReturnValidatorSetUpdates(k, ctx);
  unbondAllMatureValidators(k, ctx);
  const now = blockTimeOf(ctx);
  const denom = (): string => k.getParams(ctx).bondDenom;

  for (const pair of dequeueMatureUBDs(k, ctx, now)) {
    let paid: bigint;
    try {
      paid = completeUnbonding(k, ctx, parseAcc(pair.delegatorAddress), parseVal(pair.validatorAddress));
    } catch (e) {
      if (e instanceof TxError) continue;
      throw e;
    }
    ctx.emit(completeUnbondingEvent({ amount: coinsText(denom(), paid), validator: pair.validatorAddress, delegator: pair.delegatorAddress }));
  }
  for (const t of dequeueMatureRedelegations(k, ctx, now)) {
    let total: bigint;
    try {
      total = completeRedelegation(k, ctx, parseAcc(t.delegatorAddress), parseVal(t.validatorSrcAddress), parseVal(t.validatorDstAddress));
    } catch (e) {
      if (e instanceof TxError) continue;
      throw e;
    }
    ctx.emit(completeRedelegationEvent({
      amount: coinsText(denom(), total), delegator: t.delegatorAddress, source_validator: t.validatorSrcAddress, destination_validator: t.validatorDstAddress,
    }));
  }
  return { updates, capped };
}

/** `Coins.String()` of one bond-denom amount: "" for zero. */
const coinsText = (denom: string, amount: bigint): string => Coins.of(coin(denom, amount)).toString();

/**
 * BeginBlock (§1.8, `TrackHistoricalInfo`): forget the entries `historical_entries` heights back and
 * older (walking down until one is missing), then store this height's header and the last validator
 * set sorted as CometBFT sorts it (power desc, consensus address asc). Under ABCI 2.0 the header holds
 * only what FinalizeBlock gives: chain id, height, time, proposer, next validators hash.
 */
export function trackHistoricalInfo(k: StakingKeeper, ctx: StakingContext): void {
  const entries = BigInt(k.getParams(ctx).historicalEntries);
  for (let h = ctx.header.height - entries; h >= 0n; h--) {
    if (!k.hasHistoricalInfo(ctx, h)) break;
    k.deleteHistoricalInfo(ctx, h);
  }
  if (entries === 0n) return;
  const lastVals = [...k.lastValidatorPowers(ctx)].map(({ operator }) => k.mustGetValidator(ctx, operator));
  const sorted = lastVals
    .map((v) => ({ v, power: v.status === BondStatus.Bonded ? consensusPower(v.tokens) : 0n, consensusAddress: v.consensusAddress }))
    .sort(compareByVotingPower)
    .map(({ v }) => validatorToProto(v));
  const header = ctx.header;
  k.setHistoricalInfo(ctx, header.height, create(HistoricalInfoSchema, {
    header: create(HeaderSchema, {
      version: create(ConsensusSchema, {}),
      chainId: header.chainId,
      height: header.height,
      time: create(TimestampSchema, { seconds: header.time.seconds, nanos: header.time.nanos }),
      lastBlockId: create(BlockIDSchema, { partSetHeader: create(PartSetHeaderSchema, {}) }),
      nextValidatorsHash: header.comet?.nextValidatorsHash ?? new Uint8Array(),
      proposerAddress: header.proposerAddress,
    }),
    valset: sorted,
  }));
}
