/**
 * gRPC query methods of `cosmos.distribution.v1beta1.Query` (spec-staking §2.7; SDK v0.47
 * `keeper/grpc_query.go`): request checks first with the reference's texts and error kinds, then pure
 * reads. Where the reference closes the validator's period on a throw-away context, the pending ratio
 * is computed without writing (rewards.ts `pendingDelegationRewards`), so queries never change state.
 * Rewards are computed at the queried height (a delegation that started at that height has none yet).
 */
import { create } from "@bufbuild/protobuf";
import { queryAddress, unary } from "../../baseapp/grpcQuery.js";
import { filteredPaginate, pageQueryFrom } from "../../baseapp/pagination.js";
import { type QueryContext, type QueryHandler, invalidArgument } from "../../baseapp/queryRouter.js";
import { PageResponseSchema } from "../../codec/cosmos/base/query/v1beta1/pagination_pb.js";
import {
  ValidatorAccumulatedCommissionSchema, ValidatorOutstandingRewardsSchema, type ValidatorSlashEvent, ValidatorSlashEventSchema,
} from "../../codec/cosmos/distribution/v1beta1/distribution_pb.js";
import { Query } from "../../codec/cosmos/distribution/v1beta1/query_pb.js";
import { DecCoins } from "../../math/coins.js";
import { accString, parseAcc, parseValoper, valoperString } from "./addresses.js";
import { ErrNoDelegationExists, ErrNoValidatorExists } from "./errors.js";
import type { DistributionKeeper } from "./keeper.js";
import { DISTRIBUTION_STORE_KEY, slashEventPrefix } from "./keys.js";
import { pendingDelegationRewards } from "./rewards.js";
import { decCoinsToProto, decodeSlashEvent, paramsToProto } from "./store.js";

const heightOf = (ctx: QueryContext): bigint => BigInt(ctx.height);

export function distributionQueryHandlers(k: DistributionKeeper): Record<string, QueryHandler> {
  const m = Query.method;
  return Object.fromEntries([
    unary(m.params, (ctx) => ({ params: paramsToProto(k.getParams(ctx)) })),

    unary(m.validatorDistributionInfo, (ctx, req) => {
      if (req.validatorAddress === "") throw invalidArgument("empty validator address");
      const valAddr = queryAddress(parseValoper, req.validatorAddress);
      const validator = k.staking.validator(ctx, valAddr);
      if (validator === undefined) throw ErrNoValidatorExists.wrap(req.validatorAddress);
      // The operator's self-delegation: the account with the operator's bytes.
      const delegation = k.staking.delegation(ctx, valAddr, valAddr);
      if (delegation === undefined) throw ErrNoDelegationExists;
      const rewards = pendingDelegationRewards(k, ctx, heightOf(ctx), validator, delegation);
      return {
        commission: decCoinsToProto(k.getAccumulatedCommission(ctx, valAddr)),
        operatorAddress: accString(valAddr),
        selfBondRewards: decCoinsToProto(rewards),
      };
    }),

    unary(m.validatorOutstandingRewards, (ctx, req) => {
      if (req.validatorAddress === "") throw invalidArgument("empty validator address");
      const valAddr = queryAddress(parseValoper, req.validatorAddress);
      return { rewards: create(ValidatorOutstandingRewardsSchema, { rewards: decCoinsToProto(k.getOutstandingRewards(ctx, valAddr)) }) };
    }),

    unary(m.validatorCommission, (ctx, req) => {
      if (req.validatorAddress === "") throw invalidArgument("empty validator address");
      const valAddr = queryAddress(parseValoper, req.validatorAddress);
      return { commission: create(ValidatorAccumulatedCommissionSchema, { commission: decCoinsToProto(k.getAccumulatedCommission(ctx, valAddr)) }) };
    }),

    unary(m.validatorSlashes, (ctx, req, bytes) => {
      if (req.validatorAddress === "") throw invalidArgument("empty validator address");
      if (req.endingHeight < req.startingHeight) {
        throw invalidArgument(`starting height greater than ending height (${req.startingHeight} > ${req.endingHeight})`);
      }
      let valAddr: Uint8Array;
      try {
        valAddr = parseValoper(req.validatorAddress);
      } catch {
        throw invalidArgument("invalid validator address");
      }
      const slashes: ValidatorSlashEvent[] = [];
      const page = filteredPaginate(ctx.kv(DISTRIBUTION_STORE_KEY), slashEventPrefix(valAddr), pageQueryFrom(bytes, 4, req.pagination), (_key, value, accumulate) => {
        const event = decodeSlashEvent(value);
        // QUIRK (spec-staking §2.7): the bounds are compared with the event's period, not its height.
        if (event.validatorPeriod < req.startingHeight || event.validatorPeriod > req.endingHeight) return false;
        if (accumulate) slashes.push(create(ValidatorSlashEventSchema, { validatorPeriod: event.validatorPeriod, fraction: event.fraction.toProtoString() }));
        return true;
      });
      return { slashes, pagination: create(PageResponseSchema, { nextKey: page.nextKey, total: page.total }) };
    }),

    unary(m.delegationRewards, (ctx, req) => {
      if (req.delegatorAddress === "") throw invalidArgument("empty delegator address");
      if (req.validatorAddress === "") throw invalidArgument("empty validator address");
      const valAddr = queryAddress(parseValoper, req.validatorAddress);
      const validator = k.staking.validator(ctx, valAddr);
      if (validator === undefined) throw ErrNoValidatorExists.wrap(req.validatorAddress);
      const delAddr = queryAddress(parseAcc, req.delegatorAddress);
      const delegation = k.staking.delegation(ctx, delAddr, valAddr);
      if (delegation === undefined) throw ErrNoDelegationExists;
      return { rewards: decCoinsToProto(pendingDelegationRewards(k, ctx, heightOf(ctx), validator, delegation)) };
    }),

    unary(m.delegationTotalRewards, (ctx, req) => {
      if (req.delegatorAddress === "") throw invalidArgument("empty delegator address");
      const delAddr = queryAddress(parseAcc, req.delegatorAddress);
      let total = DecCoins.EMPTY;
      const rewards = [];
      for (const delegation of k.staking.delegatorDelegations(ctx, delAddr)) {
        const validator = k.staking.validator(ctx, delegation.validator);
        if (validator === undefined) throw new Error(`delegation to unknown validator ${valoperString(delegation.validator)}`);
        const reward = pendingDelegationRewards(k, ctx, heightOf(ctx), validator, delegation);
        rewards.push({ validatorAddress: valoperString(delegation.validator), reward: decCoinsToProto(reward) });
        total = total.add(reward);
      }
      return { rewards, total: decCoinsToProto(total) };
    }),

    unary(m.delegatorValidators, (ctx, req) => {
      if (req.delegatorAddress === "") throw invalidArgument("empty delegator address");
      const delAddr = queryAddress(parseAcc, req.delegatorAddress);
      return { validators: [...k.staking.delegatorDelegations(ctx, delAddr)].map((d) => valoperString(d.validator)) };
    }),

    unary(m.delegatorWithdrawAddress, (ctx, req) => {
      if (req.delegatorAddress === "") throw invalidArgument("empty delegator address");
      const delAddr = queryAddress(parseAcc, req.delegatorAddress);
      return { withdrawAddress: accString(k.getWithdrawAddr(ctx, delAddr)) };
    }),

    unary(m.communityPool, (ctx) => ({ pool: decCoinsToProto(k.getCommunityPool(ctx)) })),
  ]);
}
