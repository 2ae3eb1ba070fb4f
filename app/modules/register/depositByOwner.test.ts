import { describe, expect, it } from "vitest";
import { ErrPanic, TxError } from "../../baseapp/errors.js";
import { type PageQuery, PaginationError } from "../../baseapp/pagination.js";
import { compareBytes } from "../../store/bytes.js";
import { accString } from "./addresses.js";
import { type KeyedRecord, type RecordScan, depositByOwnerPage } from "./depositByOwner.js";

// Expected pages worked out by hand from the reference's FilteredPaginate / GetIterator / DepositByOwner
// (spec-register §6 pseudo-code), not by running the code under test.

interface Rec {
  readonly name: string;
  readonly ownerAddress: string;
}

const OWNER = new Uint8Array(20).fill(0xa1);
const A = accString(OWNER);
const B = accString(new Uint8Array(20).fill(0xb2));

/** A list as a Go prefix-store iterator: sorted by key bytes, [start, end), either direction. */
function scanOf(entries: readonly KeyedRecord<Rec>[]): RecordScan<Rec> {
  const sorted = [...entries].sort((x, y) => compareBytes(x.key, y.key));
  return (start, end, reverse) => {
    const inRange = sorted.filter((e) => (start === undefined || compareBytes(e.key, start) >= 0) && (end === undefined || compareBytes(e.key, end) < 0));
    return reverse ? inRange.reverse() : inRange;
  };
}

const k = (b: number): Uint8Array => Uint8Array.of(b);
const rec = (key: number, name: string, ownerAddress: string): KeyedRecord<Rec> => ({ key: k(key), record: { name, ownerAddress } });

// Owner A has r1 r3 r4 r6 and m1 m3 m4; r5 does not decode; r2 and m2 belong to B. r3's owner is
// spelled in upper case (the reference compares parsed addresses), r7's owner does not parse.
const RESOURCE = scanOf([
  rec(0x10, "r1", A), rec(0x20, "r2", B), rec(0x30, "r3", A.toUpperCase()), rec(0x40, "r4", A),
  { key: k(0x50), record: undefined }, rec(0x60, "r6", A), rec(0x70, "r7", "st1notanaddress"),
]);
const META = scanOf([rec(0x11, "m1", A), rec(0x21, "m2", B), rec(0x31, "m3", A), rec(0x41, "m4", A)]);

const page = (p: Partial<PageQuery>): PageQuery => ({ key: undefined, offset: 0n, limit: 0n, countTotal: false, reverse: false, ...p });

function run(p: PageQuery | undefined, resource: RecordScan<Rec> = RESOURCE, meta: RecordScan<Rec> = META) {
  const r = depositByOwnerPage(OWNER, p, resource, meta);
  return {
    names: [...r.resourceNodes, ...r.metaNodes].map((n) => n.name),
    nextKey: r.nextKey === undefined ? undefined : Array.from(r.nextKey),
    total: r.total,
  };
}

describe("DepositByOwner pagination (spec-register §6)", () => {
  it.each([
    { name: "no pagination: up to 100 resource nodes then up to 100 meta nodes, total = returned", p: undefined,
      names: ["r1", "r3", "r4", "r6", "m1", "m3", "m4"], nextKey: undefined, total: 7n },
    { name: "an empty PageRequest is the same", p: page({}),
      names: ["r1", "r3", "r4", "r6", "m1", "m3", "m4"], nextKey: undefined, total: 7n },
    { name: "limit < resource count, no count_total: both lists paged (QUIRK: 2 × limit)", p: page({ limit: 2n }),
      names: ["r1", "r3", "m1", "m3"], nextKey: [0x40], total: 4n },
    { name: "limit < resource count with count_total: resource page only", p: page({ limit: 2n, countTotal: true }),
      names: ["r1", "r3"], nextKey: [0x40], total: 2n },
    { name: "offset without count_total is applied to both lists", p: page({ offset: 1n, limit: 2n }),
      names: ["r3", "r4", "m3", "m4"], nextKey: [0x60], total: 4n },
    { name: "offset + limit spanning both lists (count_total)", p: page({ offset: 3n, limit: 5n, countTotal: true }),
      names: ["r6", "m1"], nextKey: undefined, total: 2n },
    { name: "offset past the resource nodes continues into the meta nodes (count_total)", p: page({ offset: 5n, limit: 10n, countTotal: true }),
      names: ["m3", "m4"], nextKey: undefined, total: 2n },
    { name: "count_total without limit: 0 < 4 resource nodes ends the answer (QUIRK)", p: page({ countTotal: true }),
      names: ["r1", "r3", "r4", "r6"], nextKey: undefined, total: 4n },
    { name: "limit = resource count with count_total: meta limit 0 becomes 100", p: page({ limit: 4n, countTotal: true }),
      names: ["r1", "r3", "r4", "r6", "m1", "m3", "m4"], nextKey: undefined, total: 7n },
    { name: "key mode: from the key; next_key = the entry after the last match, whatever it holds", p: page({ key: k(0x30), limit: 2n }),
      names: ["r3", "r4", "m1", "m3"], nextKey: [0x50], total: 4n },
    { name: "key mode: a key between entries starts at the next one", p: page({ key: k(0x31), limit: 10n }),
      names: ["r4", "r6", "m1", "m3", "m4"], nextKey: undefined, total: 5n },
    { name: "key mode ignores count_total (no total)", p: page({ key: k(0x40), limit: 1n, countTotal: true }),
      names: ["r4", "m1"], nextKey: [0x50], total: 2n },
    { name: "reverse", p: page({ reverse: true, limit: 2n }),
      names: ["r6", "r4", "m4", "m3"], nextKey: [0x30], total: 4n },
    { name: "reverse with a key: from the key (included) downwards", p: page({ reverse: true, key: k(0x40), limit: 10n }),
      names: ["r4", "r3", "r1", "m4", "m3", "m1"], nextKey: undefined, total: 6n },
    { name: "reverse with a key past every entry: the whole list backwards", p: page({ reverse: true, key: k(0xf0), limit: 3n }),
      names: ["r6", "r4", "r3", "m4", "m3", "m1"], nextKey: [0x20], total: 6n },
    { name: "an empty key is offset mode", p: page({ key: new Uint8Array(), limit: 1n }),
      names: ["r1", "m1"], nextKey: [0x30], total: 2n },
    { name: "offset + limit wraps around 2^64 as a Go uint64: nothing taken, next_key at match end + 1 = 3", p: page({ offset: 5n, limit: (1n << 64n) - 3n }),
      names: [], nextKey: [0x40], total: 0n },
  ])("$name", ({ p, names, nextKey, total }) => {
    expect(run(p)).toEqual({ names, nextKey, total });
  });

  it("an owner without resource nodes gets the meta nodes, also with count_total and no limit", () => {
    const none = scanOf([rec(0x20, "r2", B)]);
    expect(run(page({ countTotal: true }), none)).toEqual({ names: ["m1", "m3", "m4"], nextKey: undefined, total: 3n });
  });

  it("offset and key together are refused, even an empty key (present on the wire)", () => {
    for (const key of [k(0x30), new Uint8Array()]) {
      expect(() => run(page({ key, offset: 1n }))).toThrow(new PaginationError("invalid request, either offset or key is expected, got both"));
    }
  });

  it("reverse with a key whose first entry is the last one panics as the reference does", () => {
    let caught: unknown;
    try {
      run(page({ reverse: true, key: k(0x65) }));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TxError);
    expect(ErrPanic.is(caught)).toBe(true);
    expect((caught as TxError).message).toBe("prefixIterator invalid, cannot call Key(): panic");
  });
});
