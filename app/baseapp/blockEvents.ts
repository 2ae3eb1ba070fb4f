/**
 * `stratosts.node.v1.Query/BlockEvents`: the block-level events of a FinalizeBlock (begin- and
 * end-block hooks: rewards, unbonding completions, …). CometBFT 0.38 keeps them per block as
 * `finalize_block_events` of `/block_results`, which CosmJS 0.39 does not read; this query serves
 * them over ABCI query (CosmJS `QueryClient`), gRPC and REST. They are read from this node's CometBFT
 * for every block it retains (its `discard_abci_responses` must stay false, the default).
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { QueryBlockEventsRequestSchema, QueryBlockEventsResponseSchema } from "../codec/stratosts/node/v1/query_pb.js";
import { type QueryHandler, QueryError, invalidArgument, notFound } from "./queryRouter.js";

export const BLOCK_EVENTS_PATH = "/stratosts.node.v1.Query/BlockEvents";

export interface BlockResultsEvent {
  readonly type: string;
  readonly attributes: readonly { key: string; value: string; index: boolean }[];
}

/** Reads one height's `finalize_block_events`; undefined when CometBFT no longer (or never) had it. */
export type BlockEventsSource = (height: bigint) => Promise<readonly BlockResultsEvent[] | undefined>;

export function blockEventsHandler(source: BlockEventsSource): QueryHandler {
  return async (ctx, bytes) => {
    const req = fromBinary(QueryBlockEventsRequestSchema, bytes);
    if (req.height < 0n) throw invalidArgument(`height ${req.height} must not be negative`);
    // Height 0: the block whose state the query reads (the last committed one).
    const height = req.height === 0n ? BigInt(ctx.height) : req.height;
    if (height > BigInt(ctx.height)) throw invalidArgument(`height ${height} is not committed yet (latest ${ctx.height})`);
    const events = await source(height);
    if (events === undefined) throw notFound(`block events of height ${height} are not retained by this node`);
    return toBinary(QueryBlockEventsResponseSchema, create(QueryBlockEventsResponseSchema, {
      height,
      events: events.map((e) => ({ type: e.type, attributes: e.attributes.map((a) => ({ ...a })) })),
    }));
  };
}

/** BlockEventsSource over CometBFT's JSON-RPC `/block_results`. */
export function cometRpcBlockEvents(rpcUrl: string): BlockEventsSource {
  const base = rpcUrl.replace(/\/$/, "");
  return async (height) => {
    let body: { result?: { finalize_block_events?: { type: string; attributes?: { key: string; value: string; index?: boolean }[] }[] | null }; error?: { data?: string; message?: string } };
    try {
      const res = await fetch(`${base}/block_results?height=${height}`, { signal: AbortSignal.timeout(10_000) });
      body = (await res.json()) as typeof body;
    } catch (e) {
      throw new QueryError("Unknown", `CometBFT /block_results: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (body.error) {
      const text = `${body.error.data ?? ""} ${body.error.message ?? ""}`;
      if (/not available|lowest height|could not find results/i.test(text)) return undefined;
      throw new QueryError("Unknown", `CometBFT /block_results: ${(body.error.data ?? body.error.message ?? "").trim()}`);
    }
    return (body.result?.finalize_block_events ?? []).map((e) => ({
      type: e.type,
      attributes: (e.attributes ?? []).map((a) => ({ key: a.key, value: a.value, index: a.index ?? false })),
    }));
  };
}
