/**
 * The page of `DepositByOwner` (spec-register §6): the reference's own pagination (its keeper's
 * `FilteredPaginate` + `GetIterator`, not the SDK helper) applied to the resource nodes, then to the
 * meta nodes, with every quirk kept because clients page through it:
 * - `limit` 0 means 100, but `count_total` is NOT forced on (unlike the SDK);
 * - offset and a present key together are refused (a plain Go error; the query reports it as Internal);
 * - the meta pass gets `limit − resource total` and `offset − resource total` but never the key, so with
 *   `count_total = false` both lists are paged independently (up to 2 × limit results, the offset applied
 *   to both) — QUIRK, reproduced;
 * - the answer's `next_key` is the resource pass's, its `total` the number of records returned.
 *
 * Pure: each list is given as a range scan (a Go prefix-store iterator), so it runs over a store or an
 * array alike. Record keys are relative to the list's prefix (the raw network-address bytes).
 */
import { ErrPanic } from "../../baseapp/errors.js";
import { type PageQuery, PaginationError } from "../../baseapp/pagination.js";
import { AddressError } from "../../crypto/address.js";
import { equalBytes } from "../../store/bytes.js";
import { parseAcc } from "./addresses.js";

/** The reference's `types.QueryDefaultLimit`. */
export const DEPOSIT_BY_OWNER_DEFAULT_LIMIT = 100n;

const UINT64_MASK = (1n << 64n) - 1n;

/** One stored entry; `record` is undefined when the stored bytes do not decode (the pager skips it). */
export interface KeyedRecord<T> {
  readonly key: Uint8Array;
  readonly record: T | undefined;
}

/**
 * A Go prefix-store iterator over one list: the entries with `start ≤ key < end` (an undefined bound is
 * open), ascending, or descending when `reverse`.
 */
export type RecordScan<T> = (start: Uint8Array | undefined, end: Uint8Array | undefined, reverse: boolean) => Iterable<KeyedRecord<T>>;

/** What the pager reads of a node record: its owner's `st1…` text as stored. */
export interface OwnedRecord {
  readonly ownerAddress: string;
}

export interface DepositByOwnerPage<R, M> {
  /** Resource nodes of the page, in iteration order. */
  readonly resourceNodes: readonly R[];
  /** Meta nodes of the page, in iteration order (answered after the resource nodes). */
  readonly metaNodes: readonly M[];
  /** The resource pass's next key; undefined = none (Go nil). */
  readonly nextKey: Uint8Array | undefined;
  /** The number of records returned (the reference overwrites the counted total with it). */
  readonly total: bigint;
}

const NO_PAGINATION: PageQuery = { key: undefined, offset: 0n, limit: 0n, countTotal: false, reverse: false };

/**
 * Selects the owner's nodes for one `DepositByOwner` page.
 * @param owner raw bytes of the queried owner (already parsed).
 * @param pagination the request's PageRequest as Go decoded it (`key` undefined = nil), or undefined when absent.
 * @throws PaginationError "invalid request, either offset or key is expected, got both" (the query maps it to Internal).
 * @throws ErrPanic where the reference panics: `reverse` with a key whose first resource-node entry at or
 *   after it is the last one (Go calls `Key()` on an exhausted prefix iterator).
 */
export function depositByOwnerPage<R extends OwnedRecord, M extends OwnedRecord>(
  owner: Uint8Array,
  pagination: PageQuery | undefined,
  resourceNodes: RecordScan<R>,
  metaNodes: RecordScan<M>,
): DepositByOwnerPage<R, M> {
  const pr = pagination ?? NO_PAGINATION;
  const res = filteredPage(owner, resourceNodes, pr);
  // Compared with the request's raw limit (0 when unset): with count_total and no limit, any resource
  // node ends the answer before the meta nodes.
  if (pr.limit < res.total) {
    return { resourceNodes: res.taken, metaNodes: [], nextKey: res.nextKey, total: BigInt(res.taken.length) };
  }
  const meta = filteredPage(owner, metaNodes, {
    key: undefined,
    offset: pr.offset > res.total ? pr.offset - res.total : 0n,
    limit: pr.limit - res.total, // ≥ 0 here; 0 becomes the default 100 again
    countTotal: pr.countTotal,
    reverse: pr.reverse,
  });
  return { resourceNodes: res.taken, metaNodes: meta.taken, nextKey: res.nextKey, total: BigInt(res.taken.length + meta.taken.length) };
}

interface OnePage<T> {
  readonly taken: T[];
  readonly nextKey: Uint8Array | undefined;
  /** Matches counted in offset mode with count_total; 0 otherwise. */
  readonly total: bigint;
}

/** The reference keeper's `FilteredPaginate` over one list, keeping the owner's records. */
function filteredPage<T extends OwnedRecord>(owner: Uint8Array, scan: RecordScan<T>, p: PageQuery): OnePage<T> {
  if (p.offset > 0n && p.key !== undefined) {
    throw new PaginationError("invalid request, either offset or key is expected, got both");
  }
  const limit = p.limit === 0n ? DEPOSIT_BY_OWNER_DEFAULT_LIMIT : p.limit;
  const taken: T[] = [];
  let nextKey: Uint8Array | undefined;

  if (p.key !== undefined && p.key.length > 0) {
    // Key mode. The "page full" check comes before the owner filter, so next_key is the key of the
    // entry right after the last match, whoever owns it. No total.
    for (const { key, record } of goIterator(scan, p.key, p.reverse)) {
      if (BigInt(taken.length) === limit) {
        nextKey = key;
        break;
      }
      if (ownedBy(record, owner)) taken.push(record);
    }
    return { taken, nextKey, total: 0n };
  }

  // Offset mode; `offset + limit` is a Go uint64 and wraps.
  const end = (p.offset + limit) & UINT64_MASK;
  const endPlusOne = (end + 1n) & UINT64_MASK;
  let hits = 0n;
  for (const { key, record } of goIterator(scan, undefined, p.reverse)) {
    if (!ownedBy(record, owner)) continue;
    if (hits >= p.offset && hits < end) taken.push(record);
    hits++;
    if (hits === endPlusOne) {
      nextKey = key; // the first match not taken
      if (!p.countTotal) break;
    }
  }
  return { taken, nextKey, total: p.countTotal ? hits : 0n };
}

/**
 * The reference keeper's `GetIterator`: forward from `start`; backwards from `start` included, which
 * needs the key after `start` as the exclusive upper bound (none when `start` is past the end: then the
 * whole list, backwards).
 */
function goIterator<T>(scan: RecordScan<T>, start: Uint8Array | undefined, reverse: boolean): Iterable<KeyedRecord<T>> {
  if (!reverse) return scan(start, undefined, false);
  let end: Uint8Array | undefined;
  if (start !== undefined) {
    const forward = scan(start, undefined, false)[Symbol.iterator]();
    try {
      if (!forward.next().done) {
        const after = forward.next();
        // Go calls Key() on the exhausted prefix iterator here and panics.
        if (after.done === true) throw ErrPanic.wrap("prefixIterator invalid, cannot call Key()");
        end = after.value.key;
      }
    } finally {
      forward.return?.();
    }
  }
  return scan(undefined, end, true);
}

/**
 * The reference compares `AccAddressFromBech32(record owner).String()` with the queried owner's string,
 * so an owner that does not parse never matches and a differently-cased spelling does.
 */
function ownedBy<T extends OwnedRecord>(record: T | undefined, owner: Uint8Array): record is T {
  if (record === undefined) return false;
  try {
    return equalBytes(parseAcc(record.ownerAddress), owner);
  } catch (e) {
    if (e instanceof AddressError) return false;
    throw e;
  }
}
