/**
 * gRPC query methods of `cosmos.staking.v1beta1.Query` (spec-staking §1.11; SDK v0.47
 * `keeper/grpc_query.go`, `keeper/query_utils.go`): request checks first with the reference's texts
 * and error kinds (gRPC statuses as QueryError, registered errors, plain Go errors), the reference's
 * pagination over the same key ranges (so `next_key` and result order match, spec-staking §0.8,
 * §11.3), and no state change: every handler only reads the committed view it is given.
 */
import { create } from "@bufbuild/protobuf";
import { queryAddress, unary } from "../../baseapp/grpcQuery.js";
import { filteredPaginate, PaginationError, type PageQuery, pageQueryFrom, paginate } from "../../baseapp/pagination.js";
import { type QueryContext, type QueryHandler, QueryError, invalidArgument, notFound } from "../../baseapp/queryRouter.js";
import type { ReadContext } from "../../baseapp/context.js";
import { PageResponseSchema } from "../../codec/cosmos/base/query/v1beta1/pagination_pb.js";
import { Query } from "../../codec/cosmos/staking/v1beta1/query_pb.js";
import {
  type DelegationResponse, DelegationResponseSchema, PoolSchema, type RedelegationResponse, RedelegationEntryResponseSchema, RedelegationResponseSchema,
  type Validator as ValidatorProto,
} from "../../codec/cosmos/staking/v1beta1/staking_pb.js";
import { AddressError } from "../../crypto/address.js";
import { equalBytes } from "../../store/bytes.js";
import { ErrNoDelegation, ErrNoValidatorFound } from "./errors.js";
import type { StakingKeeper } from "./keeper.js";
import {
  BONDED_POOL_NAME, NOT_BONDED_POOL_NAME, DELEGATION_PREFIX, STAKING_STORE_KEY, VALIDATORS_PREFIX, delegationsKey, redelegationsBySrcKey, redelegationsKey, splitLengthPrefixed,
  unbondingDelegationsByValidatorKey, unbondingDelegationsKey,
} from "./keys.js";
import { tokensFromShares } from "./logic/shares.js";
import { paramsToProto } from "./params.js";
import {
  bondStatusName, coinProto, decodeDelegation, decodeRedelegation, decodeUnbondingDelegation, decodeValidator, delegationToProto, parseAcc, parseVal,
  redelegationToProto, unbondingDelegationToProto, validatorToProto,
} from "./store.js";
import type { Delegation, Redelegation } from "./types.js";

const STATUS_NAMES = new Set(["BOND_STATUS_BONDED", "BOND_STATUS_UNBONDED", "BOND_STATUS_UNBONDING"]);

/** A paginator's own error ("either offset or key…"), which the staking handlers report as Internal. */
function internalOnError<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof PaginationError) throw new QueryError("Internal", e.message);
    throw e;
  }
}

/** An address parsed where the reference turns any error into an Internal status. */
function internalAddress(parse: (t: string) => Uint8Array, text: string): Uint8Array {
  try {
    return parse(text);
  } catch (e) {
    if (e instanceof AddressError) throw new QueryError("Internal", e.message);
    throw e;
  }
}

const pageResponse = (p: { nextKey: Uint8Array; total: bigint }) => create(PageResponseSchema, { nextKey: p.nextKey, total: p.total });

/** `DelegationToDelegationResponse`: the balance is what the shares are worth now, truncated. */
function delegationResponse(k: StakingKeeper, ctx: ReadContext, d: Delegation): DelegationResponse {
  const v = k.validator(ctx, d.validator);
  if (v === undefined) throw new QueryError("Internal", ErrNoValidatorFound.message);
  return create(DelegationResponseSchema, {
    delegation: delegationToProto(d),
    balance: coinProto(k.bondDenom(ctx), tokensFromShares(v, d.shares).truncateInt()),
  });
}

/** `RedelegationsToRedelegationResponses`: each entry with what its destination shares are worth now. */
function redelegationResponse(k: StakingKeeper, ctx: ReadContext, r: Redelegation): RedelegationResponse {
  const dst = k.validator(ctx, r.validatorDst);
  if (dst === undefined) throw new QueryError("Internal", ErrNoValidatorFound.message);
  const proto = redelegationToProto(r);
  return create(RedelegationResponseSchema, {
    redelegation: proto,
    entries: r.entries.map((e, i) => create(RedelegationEntryResponseSchema, {
      redelegationEntry: proto.entries[i],
      balance: tokensFromShares(dst, e.sharesDst).truncateInt().toString(),
    })),
  });
}

const page = (bytes: Uint8Array, field: number, decoded: { key: Uint8Array; offset: bigint; limit: bigint; countTotal: boolean; reverse: boolean } | undefined): PageQuery | undefined =>
  pageQueryFrom(bytes, field, decoded);

export function stakingQueryHandlers(k: StakingKeeper): Record<string, QueryHandler> {
  const m = Query.method;
  const store = (ctx: QueryContext) => ctx.kv(STAKING_STORE_KEY);
  return Object.fromEntries([
    unary(m.validators, (ctx, req, bytes) => {
      if (req.status !== "" && !STATUS_NAMES.has(req.status)) throw invalidArgument(`invalid validator status ${req.status}`);
      const validators: ValidatorProto[] = [];
      const res = internalOnError(() => filteredPaginate(store(ctx), VALIDATORS_PREFIX, page(bytes, 2, req.pagination), (_key, value, accumulate) => {
        const v = decodeValidator(value);
        if (req.status !== "" && bondStatusName(v.status) !== req.status) return false;
        if (accumulate) validators.push(validatorToProto(v));
        return true;
      }));
      return { validators, pagination: pageResponse(res) };
    }),

    unary(m.validator, (ctx, req) => {
      if (req.validatorAddr === "") throw invalidArgument("validator address cannot be empty");
      const v = k.validator(ctx, queryAddress(parseVal, req.validatorAddr));
      if (v === undefined) throw notFound(`validator ${req.validatorAddr} not found`);
      return { validator: validatorToProto(v) };
    }),

    unary(m.validatorDelegations, (ctx, req, bytes) => {
      if (req.validatorAddr === "") throw invalidArgument("validator address cannot be empty");
      const found: Delegation[] = [];
      const res = internalOnError(() => filteredPaginate(store(ctx), DELEGATION_PREFIX, page(bytes, 2, req.pagination), (_key, value, accumulate) => {
        const d = decodeDelegation(value);
        // The reference parses the address inside the filter: a bad one fails only if a delegation exists.
        if (!equalBytes(d.validator, internalAddress(parseVal, req.validatorAddr))) return false;
        if (accumulate) found.push(d);
        return true;
      }));
      return { delegationResponses: found.map((d) => delegationResponse(k, ctx, d)), pagination: pageResponse(res) };
    }),

    unary(m.validatorUnbondingDelegations, (ctx, req, bytes) => {
      if (req.validatorAddr === "") throw invalidArgument("validator address cannot be empty");
      const operator = queryAddress(parseVal, req.validatorAddr);
      const prefix = unbondingDelegationsByValidatorKey(operator);
      const unbondingResponses: ReturnType<typeof unbondingDelegationToProto>[] = [];
      const res = internalOnError(() => paginate(store(ctx), prefix, page(bytes, 2, req.pagination), (key) => {
        const [delegator] = splitLengthPrefixed(key);
        const u = k.unbondingDelegation(ctx, delegator!, operator);
        if (u === undefined) throw new QueryError("Internal", "unbonding delegation index points at a missing record");
        unbondingResponses.push(unbondingDelegationToProto(u));
      }));
      return { unbondingResponses, pagination: pageResponse(res) };
    }),

    unary(m.delegation, (ctx, req) => {
      if (req.delegatorAddr === "") throw invalidArgument("delegator address cannot be empty");
      if (req.validatorAddr === "") throw invalidArgument("validator address cannot be empty");
      const delegator = queryAddress(parseAcc, req.delegatorAddr);
      const operator = queryAddress(parseVal, req.validatorAddr);
      const d = k.delegation(ctx, delegator, operator);
      if (d === undefined) throw notFound(`delegation with delegator ${req.delegatorAddr} not found for validator ${req.validatorAddr}`);
      return { delegationResponse: delegationResponse(k, ctx, d) };
    }),

    unary(m.unbondingDelegation, (ctx, req) => {
      if (req.delegatorAddr === "") throw invalidArgument("delegator address cannot be empty");
      if (req.validatorAddr === "") throw invalidArgument("validator address cannot be empty");
      const delegator = queryAddress(parseAcc, req.delegatorAddr);
      const operator = queryAddress(parseVal, req.validatorAddr);
      const u = k.unbondingDelegation(ctx, delegator, operator);
      if (u === undefined) throw notFound(`unbonding delegation with delegator ${req.delegatorAddr} not found for validator ${req.validatorAddr}`);
      return { unbond: unbondingDelegationToProto(u) };
    }),

    unary(m.delegatorDelegations, (ctx, req, bytes) => {
      if (req.delegatorAddr === "") throw invalidArgument("delegator address cannot be empty");
      const delegator = queryAddress(parseAcc, req.delegatorAddr);
      const found: Delegation[] = [];
      const res = internalOnError(() => paginate(store(ctx), delegationsKey(delegator), page(bytes, 2, req.pagination), (_key, value) => {
        found.push(decodeDelegation(value));
      }));
      return { delegationResponses: found.map((d) => delegationResponse(k, ctx, d)), pagination: pageResponse(res) };
    }),

    unary(m.delegatorValidator, (ctx, req) => {
      if (req.delegatorAddr === "") throw invalidArgument("delegator address cannot be empty");
      if (req.validatorAddr === "") throw invalidArgument("validator address cannot be empty");
      const delegator = queryAddress(parseAcc, req.delegatorAddr);
      const operator = queryAddress(parseVal, req.validatorAddr);
      if (k.delegation(ctx, delegator, operator) === undefined) throw new QueryError("Internal", ErrNoDelegation.message);
      const v = k.validator(ctx, operator);
      if (v === undefined) throw new Error(ErrNoValidatorFound.message); // the reference panics
      return { validator: validatorToProto(v) };
    }),

    unary(m.delegatorUnbondingDelegations, (ctx, req, bytes) => {
      if (req.delegatorAddr === "") throw invalidArgument("delegator address cannot be empty");
      const delegator = queryAddress(parseAcc, req.delegatorAddr);
      const unbondingResponses: ReturnType<typeof unbondingDelegationToProto>[] = [];
      const res = internalOnError(() => paginate(store(ctx), unbondingDelegationsKey(delegator), page(bytes, 2, req.pagination), (_key, value) => {
        unbondingResponses.push(unbondingDelegationToProto(decodeUnbondingDelegation(value)));
      }));
      return { unbondingResponses, pagination: pageResponse(res) };
    }),

    unary(m.historicalInfo, (ctx, req) => {
      if (req.height < 0n) throw invalidArgument("height cannot be negative");
      const hist = k.historicalInfo(ctx, req.height);
      if (hist === undefined) throw notFound(`historical info for height ${req.height} not found`);
      return { hist };
    }),

    unary(m.redelegations, (ctx, req, bytes) => {
      const pageReq = page(bytes, 4, req.pagination);
      // Every error of the three lookups, a NotFound status included, is re-wrapped as Internal.
      const internal = (run: () => { reds: Redelegation[]; res?: { nextKey: Uint8Array; total: bigint } }) => {
        try {
          return run();
        } catch (e) {
          if (e instanceof QueryError || e instanceof AddressError || e instanceof PaginationError) throw new QueryError("Internal", e.message);
          throw e;
        }
      };
      const { reds, res } = internal(() => {
        if (req.delegatorAddr !== "" && req.srcValidatorAddr !== "" && req.dstValidatorAddr !== "") {
          const r = k.redelegation(ctx, parseAcc(req.delegatorAddr), parseVal(req.srcValidatorAddr), parseVal(req.dstValidatorAddr));
          if (r === undefined) {
            throw notFound(`redelegation not found for delegator address ${req.delegatorAddr} from validator address ${req.srcValidatorAddr}`);
          }
          return { reds: [r] };
        }
        if (req.delegatorAddr === "" && req.srcValidatorAddr !== "" && req.dstValidatorAddr === "") {
          const src = parseVal(req.srcValidatorAddr);
          const prefix = redelegationsBySrcKey(src);
          const reds: Redelegation[] = [];
          const res = paginate(store(ctx), prefix, pageReq, (key) => {
            const [delegator, dst] = splitLengthPrefixed(key);
            const r = k.redelegation(ctx, delegator!, src, dst!);
            if (r === undefined) throw new Error("redelegation index points at a missing record");
            reds.push(r);
          });
          return { reds, res };
        }
        const delegator = parseAcc(req.delegatorAddr);
        const reds: Redelegation[] = [];
        const res = paginate(store(ctx), redelegationsKey(delegator), pageReq, (_key, value) => {
          reds.push(decodeRedelegation(value));
        });
        return { reds, res };
      });
      return {
        redelegationResponses: reds.map((r) => redelegationResponse(k, ctx, r)),
        ...(res === undefined ? {} : { pagination: pageResponse(res) }),
      };
    }),

    unary(m.delegatorValidators, (ctx, req, bytes) => {
      if (req.delegatorAddr === "") throw invalidArgument("delegator address cannot be empty");
      const delegator = queryAddress(parseAcc, req.delegatorAddr);
      const validators: ValidatorProto[] = [];
      const res = internalOnError(() => paginate(store(ctx), delegationsKey(delegator), page(bytes, 2, req.pagination), (_key, value) => {
        const d = decodeDelegation(value);
        const v = k.validator(ctx, d.validator);
        if (v === undefined) throw new QueryError("Internal", ErrNoValidatorFound.message);
        validators.push(validatorToProto(v));
      }));
      return { validators, pagination: pageResponse(res) };
    }),

    unary(m.pool, (ctx) => ({
      pool: create(PoolSchema, {
        notBondedTokens: k.poolBalance(ctx, NOT_BONDED_POOL_NAME).toString(),
        bondedTokens: k.poolBalance(ctx, BONDED_POOL_NAME).toString(),
      }),
    })),

    unary(m.params, (ctx) => ({ params: paramsToProto(k.getParams(ctx)) })),
  ]);
}

