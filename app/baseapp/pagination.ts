/**
 * The SDK's query pagination (v0.47 `types/query/pagination.go` `Paginate`, `filtered_pagination.go`
 * `FilteredPaginate`) over one prefix of a module store, with the reference's exact semantics:
 * - no `pagination` in the request ⇒ limit 100 and `count_total` forced on;
 * - `limit` 0 ⇒ 100 and `count_total` forced on;
 * - a non-empty `key` starts at that key (inclusive) and never counts a total;
 * - `offset` and a *present* `key` together are refused, even when the key is empty (gogoproto keeps
 *   an explicitly encoded empty bytes field non-nil), so presence is read from the request bytes;
 * - `offset + limit` wraps around 2^64 as Go's uint64 does;
 * - `reverse` with a key starts at that key and walks down; if the key is the last one the reference
 *   panics inside its prefix iterator (reported as ErrPanic, as the SDK's Query recovery does).
 * Keys handed to callbacks and `next_key` are relative to the prefix, as with a Go prefix store.
 */
import { BinaryReader, WireType } from "cosmjs-types/binary";
import type { PageRequest, PageResponse } from "cosmjs-types/cosmos/base/query/v1beta1/pagination";
import type { KVPair, KVReader } from "../store/types.js";
import { ErrPanic } from "./errors.js";
import { concatBytes, prefixEnd } from "../store/bytes.js";

/** SDK `query.DefaultLimit`. */
export const DEFAULT_PAGE_LIMIT = 100n;

const UINT64_MASK = (1n << 64n) - 1n;

/** A PageRequest as Go sees it: `key` is undefined where Go's slice is nil. */
export interface PageQuery {
  readonly key: Uint8Array | undefined;
  readonly offset: bigint;
  readonly limit: bigint;
  readonly countTotal: boolean;
  readonly reverse: boolean;
}

/** Plain Go error of the paginators (no registered code); each query wraps it its own way. */
export class PaginationError extends Error {
  override readonly name = "PaginationError";
}

/**
 * The PageRequest of a query request as Go decodes it. `decoded` is the cosmjs-types decoding of
 * the `pagination` field (number `field`) of `requestBytes`; undefined when absent.
 */
export function pageQueryFrom(requestBytes: Uint8Array, field: number, decoded: PageRequest | undefined): PageQuery | undefined {
  if (decoded === undefined) return undefined;
  const keyPresent = pageKeyPresent(requestBytes, field);
  return {
    key: keyPresent ? decoded.key : undefined,
    offset: decoded.offset,
    limit: decoded.limit,
    countTotal: decoded.countTotal,
    reverse: decoded.reverse,
  };
}

/** True if any occurrence of the PageRequest at `field` carries field 1 (`key`), even empty. */
export function pageKeyPresent(requestBytes: Uint8Array, field: number): boolean {
  for (const page of lengthDelimitedFields(requestBytes, field)) {
    if ([...lengthDelimitedFields(page, 1)].length > 0) return true;
  }
  return false;
}

function* lengthDelimitedFields(bytes: Uint8Array, field: number): Generator<Uint8Array> {
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [fieldNo, wireType] = reader.tag();
    if (fieldNo === field && wireType === WireType.Bytes) yield reader.bytes();
    else reader.skipType(wireType);
  }
}

/** SDK `query.Paginate` over the keys under `prefix`. `onResult` may throw; the error propagates. */
export function paginate(
  store: KVReader,
  prefix: Uint8Array,
  page: PageQuery | undefined,
  onResult: (key: Uint8Array, value: Uint8Array) => void,
): PageResponse {
  const { key, offset, limit, countTotal, reverse } = normalise(page);
  if (key !== undefined && key.length !== 0) {
    let count = 0n;
    let nextKey: Uint8Array | undefined;
    for (const kv of pageIterator(store, prefix, key, reverse)) {
      if (count === limit) {
        nextKey = kv.key;
        break;
      }
      onResult(kv.key, kv.value);
      count++;
    }
    return response(nextKey, undefined);
  }
  const end = (offset + limit) & UINT64_MASK;
  const endPlusOne = (end + 1n) & UINT64_MASK;
  let count = 0n;
  let nextKey: Uint8Array | undefined;
  for (const kv of pageIterator(store, prefix, undefined, reverse)) {
    count++;
    if (count <= offset) continue;
    if (count <= end) {
      onResult(kv.key, kv.value);
    } else if (count === endPlusOne) {
      nextKey = kv.key;
      if (!countTotal) break;
    }
  }
  return response(nextKey, countTotal ? count : undefined);
}

/**
 * SDK `query.FilteredPaginate`: `onResult(key, value, accumulate)` returns whether the entry is a hit;
 * only hits count towards offset, limit and total, and only entries with `accumulate` belong to the page.
 */
export function filteredPaginate(
  store: KVReader,
  prefix: Uint8Array,
  page: PageQuery | undefined,
  onResult: (key: Uint8Array, value: Uint8Array, accumulate: boolean) => boolean,
): PageResponse {
  const { key, offset, limit, countTotal, reverse } = normalise(page);
  if (key !== undefined && key.length !== 0) {
    let hits = 0n;
    let nextKey: Uint8Array | undefined;
    for (const kv of pageIterator(store, prefix, key, reverse)) {
      if (hits === limit) {
        nextKey = kv.key;
        break;
      }
      if (onResult(kv.key, kv.value, true)) hits++;
    }
    return response(nextKey, undefined);
  }
  const end = (offset + limit) & UINT64_MASK;
  const endPlusOne = (end + 1n) & UINT64_MASK;
  let hits = 0n;
  let nextKey: Uint8Array | undefined;
  for (const kv of pageIterator(store, prefix, undefined, reverse)) {
    const accumulate = hits >= offset && hits < end;
    if (onResult(kv.key, kv.value, accumulate)) hits++;
    if (hits === endPlusOne) {
      nextKey ??= kv.key;
      if (!countTotal) break;
    }
  }
  return response(nextKey, countTotal ? hits : undefined);
}

function normalise(page: PageQuery | undefined): PageQuery {
  const p: PageQuery = page ?? { key: undefined, offset: 0n, limit: 0n, countTotal: false, reverse: false };
  if (p.offset > 0n && p.key !== undefined) {
    throw new PaginationError("invalid request, either offset or key is expected, got both");
  }
  return p.limit === 0n ? { ...p, limit: DEFAULT_PAGE_LIMIT, countTotal: true } : p;
}

function response(nextKey: Uint8Array | undefined, total: bigint | undefined): PageResponse {
  return { nextKey: nextKey ?? new Uint8Array(), total: total ?? 0n };
}

/** SDK `getIterator`: forward from `start`, or backwards from `start` included. */
function pageIterator(store: KVReader, prefix: Uint8Array, start: Uint8Array | undefined, reverse: boolean): Iterable<KVPair> {
  if (!reverse) return prefixIterator(store, prefix, start, undefined, false);
  let end: Uint8Array | undefined;
  if (start !== undefined) {
    const forward = prefixIterator(store, prefix, start, undefined, false)[Symbol.iterator]();
    if (!forward.next().done) {
      const after = forward.next();
      forward.return?.(undefined);
      // Go calls Key() on the exhausted prefix iterator here and panics.
      if (after.done) throw ErrPanic.wrap("prefixIterator invalid, cannot call Key()");
      end = after.value.key;
    }
  }
  return prefixIterator(store, prefix, undefined, end, true);
}

/** A Go prefix store's iterator: [prefix‖start, prefix‖end) with the prefix stripped from keys. */
function* prefixIterator(
  store: KVReader,
  prefix: Uint8Array,
  start: Uint8Array | undefined,
  end: Uint8Array | undefined,
  reverse: boolean,
): Generator<KVPair> {
  const lo = start === undefined ? prefix : concatBytes(prefix, start);
  const hi = end === undefined ? prefixEnd(prefix) : concatBytes(prefix, end);
  const inner = reverse ? store.reverseIterator(lo, hi) : store.iterator(lo, hi);
  for (const { key, value } of inner) yield { key: key.subarray(prefix.length), value };
}

