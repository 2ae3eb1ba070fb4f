/**
 * gRPC query methods of `stratos.register.v1.Query` (spec-register §6; reference `x/register/keeper/
 * grpc_query.go`): request checks first, with the reference's texts and error kinds — gRPC status
 * errors (QueryError), registered errors (TxError) and plain Go errors (Error) — which baseapp maps as
 * the SDK's `gRPCErrorToSDKError` does.
 *
 * Every handler is protobuf request bytes in, protobuf response bytes out, keyed by the gRPC method path
 * read from the generated service descriptor. Nothing here is per-path: the REST gateway can serve the
 * same handlers from the `google.api.http` options of that descriptor (method.input / method.output
 * give the schemas to build the request and render the answer).
 *
 * Go's "empty request" (InvalidArgument) answers a handler called with a nil request; here the request
 * bytes always decode to a message (an empty one for no bytes), so that check cannot fire and is omitted.
 */
import { create } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { ErrPanic, type TxError } from "../../baseapp/errors.js";
import { queryAddress, unary } from "../../baseapp/grpcQuery.js";
import { PaginationError, pageQueryFrom } from "../../baseapp/pagination.js";
import { type QueryContext, type QueryHandler, QueryError, invalidArgument, notFound } from "../../baseapp/queryRouter.js";
import { type Coin as CoinProto, CoinSchema } from "../../codec/cosmos/base/v1beta1/coin_pb.js";
import { PageResponseSchema } from "../../codec/cosmos/base/query/v1beta1/pagination_pb.js";
import { type DepositInfo, DepositInfoSchema, Query } from "../../codec/stratos/register/v1/query_pb.js";
import { AddressError } from "../../crypto/address.js";
import { isValidDenom } from "../../math/coins.js";
import { concatBytes, prefixEnd } from "../../store/bytes.js";
import { parseAcc, parseSds, sdsString } from "./addresses.js";
import { type RecordScan, depositByOwnerPage } from "./depositByOwner.js";
import { POOL, type RegisterKeeper } from "./keeper.js";
import { META_NODE_PREFIX, REGISTER_STORE_KEY, RESOURCE_NODE_PREFIX } from "./keys.js";
import { BondStatus } from "./logic/bondStatus.js";
import { utcTime } from "./logic/time.js";
import { paramsToProto } from "./params.js";
import {
  bondStatusName, decodeMetaNode, decodeResourceNode, descriptionToProto, metaNodeToProto, resourceNodeToProto, timestampOf,
} from "./store.js";
import { EMPTY_DESCRIPTION, type NodeRecord, unbondingBalance } from "./types.js";

/** `query_type` of DepositByNode (reference `types.QueryType*`). */
const QUERY_TYPE = { all: 0, metaNode: 1, resourceNode: 2 } as const;

/** Go's zero `time.Time`, as a non-nullable Timestamp of a zero DepositInfo carries it. */
const GO_ZERO_TIME = utcTime(1, 1, 1);

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** A status the reference refuses (`getNodeDeposit`), as the error value it returns, not a panic. */
class DepositInfoError {
  constructor(readonly error: TxError) {}
}

export function registerQueryHandlers(k: RegisterKeeper): Record<string, QueryHandler> {
  const m = Query.method;
  return Object.fromEntries([
    unary(m.resourceNode, (ctx, req) => {
      if (req.networkAddr === "") throw invalidArgument(" Network address cannot be empty"); // sic
      const node = k.getResourceNode(ctx, queryAddress(parseSds, req.networkAddr));
      if (node === undefined) throw notFound(`network address ${req.networkAddr} not found`);
      return { node: resourceNodeToProto(node) };
    }),

    unary(m.metaNode, (ctx, req) => {
      if (req.networkAddr === "") throw invalidArgument(" network address cannot be empty"); // sic
      const node = k.getMetaNode(ctx, queryAddress(parseSds, req.networkAddr));
      if (node === undefined) throw notFound(`network address ${req.networkAddr} not found`);
      return { node: metaNodeToProto(node) };
    }),

    unary(m.params, (ctx) => ({ params: paramsToProto(k.getParams(ctx)) })),

    unary(m.depositByNode, (ctx, req) => {
      if (req.networkAddr === "") throw invalidArgument("node network address cannot be empty");
      const addr = queryAddress(parseSds, req.networkAddr);
      const type = req.queryType;
      // Not found (or another query_type) is a success with Go's zero DepositInfo. With type 0 the
      // meta node is read first and a resource node at the same address replaces it.
      let info = emptyDepositInfo();
      if (type === QUERY_TYPE.all || type === QUERY_TYPE.metaNode) {
        const node = k.getMetaNode(ctx, addr);
        if (node !== undefined) info = orThrow(depositInfoOf(k, ctx, node, 0));
      }
      if (type === QUERY_TYPE.all || type === QUERY_TYPE.resourceNode) {
        const node = k.getResourceNode(ctx, addr);
        if (node !== undefined) info = orThrow(depositInfoOf(k, ctx, node, node.nodeType));
      }
      return { depositInfo: info };
    }),

    unary(m.depositByOwner, (ctx, req, bytes) => {
      if (req.ownerAddr === "") throw invalidArgument("owner address cannot be empty");
      const owner = queryAddress(parseAcc, req.ownerAddr);
      const page = internalOnPaginationError(() =>
        depositByOwnerPage(owner, pageQueryFrom(bytes, 2, req.pagination),
          storeScan(ctx, RESOURCE_NODE_PREFIX, decodeResourceNode), storeScan(ctx, META_NODE_PREFIX, decodeMetaNode)));
      // A node with an invalid status is a returned error here, reported as Internal.
      const internal = (r: DepositInfo | DepositInfoError): DepositInfo => {
        if (r instanceof DepositInfoError) throw new QueryError("Internal", r.error.message);
        return r;
      };
      const depositInfos = [
        ...page.resourceNodes.map((n) => internal(depositInfoOf(k, ctx, n, n.nodeType))),
        ...page.metaNodes.map((n) => internal(depositInfoOf(k, ctx, n, 0))),
      ];
      const pagination = create(PageResponseSchema, { nextKey: page.nextKey ?? new Uint8Array(), total: page.total });
      return { depositInfos, pagination };
    }),

    unary(m.depositTotal, (ctx) => {
      // Bank balances of the pools, not sums of records (§6).
      const resourceBonded = k.poolBalance(ctx, POOL.resourceBonded);
      const metaBonded = k.poolBalance(ctx, POOL.metaBonded);
      const resourceNotBonded = k.poolBalance(ctx, POOL.resourceNotBonded);
      const metaNotBonded = k.poolBalance(ctx, POOL.metaNotBonded);
      let unbonding = 0n;
      for (const { value } of k.unbondingNodes(ctx)) unbonding += unbondingBalance(value);
      const denom = k.bondDenom(ctx);
      return {
        resourceNodesTotalDeposit: newCoin(denom, resourceBonded + resourceNotBonded),
        metaNodesTotalDeposit: newCoin(denom, metaBonded + metaNotBonded),
        totalBondedDeposit: newCoin(denom, resourceBonded + metaBonded),
        totalUnbondedDeposit: newCoin(denom, resourceNotBonded + metaNotBonded - unbonding),
        totalUnbondingDeposit: newCoin(denom, unbonding),
      };
    }),

    unary(m.bondedResourceNodeCount, (ctx) => ({ number: goUint64OfInt64(k.getBondedResourceNodeCount(ctx)) })),

    unary(m.bondedMetaNodeCount, (ctx) => ({ number: goUint64OfInt64(k.getBondedMetaNodeCount(ctx)) })),

    unary(m.remainingOzoneLimit, (ctx) => ({ ozoneLimit: k.getRemainingOzoneLimit(ctx).toString() })),
  ]);
}

/** The pager's own error is a plain Go error the reference returns as `status.Error(codes.Internal, …)`. */
function internalOnPaginationError<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof PaginationError) throw new QueryError("Internal", e.message);
    throw e;
  }
}

/** A node's records under one prefix as the pager scans them; undecodable values are skipped by it. */
function storeScan<T>(ctx: QueryContext, prefix: Uint8Array, decode: (bytes: Uint8Array) => T): RecordScan<T> {
  const store = ctx.kv(REGISTER_STORE_KEY);
  return function* scan(start, end, reverse) {
    const lo = start === undefined ? prefix : concatBytes(prefix, start);
    const hi = end === undefined ? prefixEnd(prefix) : concatBytes(prefix, end);
    for (const { key, value } of reverse ? store.reverseIterator(lo, hi) : store.iterator(lo, hi)) {
      let record: T | undefined;
      try {
        record = decode(value);
      } catch {
        record = undefined; // the reference `continue`s past a record that does not unmarshal
      }
      yield { key: key.subarray(prefix.length), record };
    }
  };
}

function orThrow(r: DepositInfo | DepositInfoError): DepositInfo {
  if (r instanceof DepositInfoError) throw r.error;
  return r;
}

/**
 * `NewDepositInfoBy{Resource,Meta}NodeAddr` after `getNodeDeposit`: exactly one of the three coins may be
 * non-zero. The unbonding balance is read at the address parsed from the record's own text (Go ignores a
 * parse failure and reads the nil address: no record, 0).
 */
function depositInfoOf(k: RegisterKeeper, ctx: QueryContext, node: NodeRecord, nodeType: number): DepositInfo | DepositInfoError {
  const addr = parseOrEmpty(node.networkAddress);
  let bonded = 0n;
  let unbonding = 0n;
  let unbonded = 0n;
  switch (node.status) {
    case BondStatus.Unbonding:
      unbonding = k.getUnbondingBalance(ctx, addr);
      break;
    case BondStatus.Unbonded:
      unbonded = node.tokens;
      break;
    case BondStatus.Bonded:
      bonded = node.tokens;
      break;
    default:
      return new DepositInfoError(ErrPanic.wrap(
        `Invalid status of node ${sdsString(addr)}, expected Bonded, Unbonded, or Unbonding, got ${bondStatusName(node.status)}`));
  }
  const denom = k.bondDenom(ctx);
  // The reference builds the coins in this order; the first invalid one panics.
  const bondedDeposit = newCoin(denom, bonded);
  const unBondedDeposit = newCoin(denom, unbonded);
  const unBondingDeposit = newCoin(denom, unbonding);
  return create(DepositInfoSchema, {
    networkAddress: node.networkAddress,
    pubkey: node.pubKey === undefined ? undefined : create(AnySchema, { typeUrl: node.pubKey.typeUrl, value: node.pubKey.value }),
    suspend: node.suspend,
    status: node.status,
    tokens: node.tokens.toString(),
    ownerAddress: node.ownerAddress,
    description: descriptionToProto(node.description),
    creationTime: timestampOf(node.creationTime),
    nodeType,
    bondedDeposit,
    unBondingDeposit,
    unBondedDeposit,
  });
}

/**
 * Go's zero `DepositInfo`: its non-nullable fields are still encoded — tokens and the coin amounts as
 * "0" (a nil Int), the description empty, the creation time 0001-01-01T00:00:00Z.
 */
function emptyDepositInfo(): DepositInfo {
  const zeroCoin = (): CoinProto => create(CoinSchema, { denom: "", amount: "0" });
  return create(DepositInfoSchema, {
    tokens: "0",
    description: descriptionToProto(EMPTY_DESCRIPTION),
    creationTime: timestampOf(GO_ZERO_TIME),
    bondedDeposit: zeroCoin(),
    unBondingDeposit: zeroCoin(),
    unBondedDeposit: zeroCoin(),
  });
}

/** `sdk.NewCoin`: panics (recovered by the query as ErrPanic) on an invalid denom or a negative amount. */
function newCoin(denom: string, amount: bigint): CoinProto {
  if (!isValidDenom(denom)) throw ErrPanic.wrap(`invalid denom: ${denom}`);
  if (amount < 0n) throw ErrPanic.wrap(`negative coin amount: ${amount}`);
  return create(CoinSchema, { denom, amount: amount.toString() });
}

/** `uint64(x.Int64())`: `Int64()` panics outside int64; a negative value wraps. */
function goUint64OfInt64(n: bigint): bigint {
  if (n < INT64_MIN || n > INT64_MAX) throw ErrPanic.wrap("Int64() out of bound");
  return BigInt.asUintN(64, n);
}

function parseOrEmpty(text: string): Uint8Array {
  try {
    return parseSds(text);
  } catch (e) {
    if (e instanceof AddressError) return new Uint8Array();
    throw e;
  }
}
