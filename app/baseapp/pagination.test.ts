import { BinaryWriter } from "cosmjs-types/binary";
import { describe, expect, it } from "vitest";
import { memoryMultiStore } from "../store/memory.js";
import { PaginationError, filteredPaginate, pageKeyPresent, paginate, type PageQuery } from "./pagination.js";

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

/** Keys "p/a" … "p/e" under prefix "p/", plus neighbours outside the prefix. */
function store() {
  const ms = memoryMultiStore();
  const kv = ms.getStore("s");
  for (const k of ["o/z", "p/a", "p/b", "p/c", "p/d", "p/e", "q/a"]) kv.set(ascii(k), ascii(k.toUpperCase()));
  return ms.getReader("s");
}

const page = (p: Partial<PageQuery>): PageQuery => ({ key: undefined, offset: 0n, limit: 0n, countTotal: false, reverse: false, ...p });

function run(p: PageQuery | undefined) {
  const keys: string[] = [];
  const res = paginate(store(), ascii("p/"), p, (k) => void keys.push(text(k)));
  return { keys, next: text(res.nextKey), total: res.total };
}

describe("paginate (SDK query.Paginate)", () => {
  it.each([
    { name: "no request: default limit, total forced", p: undefined, want: { keys: ["a", "b", "c", "d", "e"], next: "", total: 5n } },
    { name: "limit 0 means 100 with total", p: page({}), want: { keys: ["a", "b", "c", "d", "e"], next: "", total: 5n } },
    { name: "limit 2", p: page({ limit: 2n }), want: { keys: ["a", "b"], next: "c", total: 0n } },
    { name: "offset 1 limit 2 count", p: page({ offset: 1n, limit: 2n, countTotal: true }), want: { keys: ["b", "c"], next: "d", total: 5n } },
    { name: "key c", p: page({ key: ascii("c"), limit: 2n, countTotal: true }), want: { keys: ["c", "d"], next: "e", total: 0n } },
    { name: "key between keys", p: page({ key: ascii("bb"), limit: 9n }), want: { keys: ["c", "d", "e"], next: "", total: 0n } },
    { name: "reverse", p: page({ limit: 2n, reverse: true }), want: { keys: ["e", "d"], next: "c", total: 0n } },
    { name: "reverse from key c", p: page({ key: ascii("c"), limit: 2n, reverse: true }), want: { keys: ["c", "b"], next: "a", total: 0n } },
    { name: "reverse from a key past the end walks from the end", p: page({ key: ascii("z"), limit: 1n, reverse: true }), want: { keys: ["e"], next: "d", total: 0n } },
    { name: "empty key is no key", p: page({ key: new Uint8Array(), limit: 1n }), want: { keys: ["a"], next: "b", total: 0n } },
    { name: "offset + limit wraps at 2^64: an empty page", p: page({ offset: 2n, limit: (1n << 64n) - 2n, countTotal: true }), want: { keys: [], next: "", total: 5n } },
  ])("$name", ({ p, want }) => {
    expect(run(p)).toEqual(want);
  });

  it("offset with a present key (even empty) is refused", () => {
    expect(() => run(page({ key: new Uint8Array(), offset: 1n }))).toThrow(PaginationError);
    expect(() => run(page({ key: ascii("c"), offset: 1n }))).toThrow("invalid request, either offset or key is expected, got both");
  });

  it("reverse from the last key panics like the reference's prefix iterator", () => {
    expect(() => run(page({ key: ascii("e"), reverse: true }))).toThrow("prefixIterator invalid, cannot call Key(): panic");
  });
});

describe("filteredPaginate (SDK query.FilteredPaginate)", () => {
  /** Only b, d, e are hits. */
  function runFiltered(p: PageQuery | undefined) {
    const keys: string[] = [];
    const res = filteredPaginate(store(), ascii("p/"), p, (k, _v, accumulate) => {
      const hit = ["b", "d", "e"].includes(text(k));
      if (hit && accumulate) keys.push(text(k));
      return hit;
    });
    return { keys, next: text(res.nextKey), total: res.total };
  }

  it.each([
    { name: "all hits", p: undefined, want: { keys: ["b", "d", "e"], next: "", total: 3n } },
    { name: "limit 1: next key is the next hit", p: page({ limit: 1n }), want: { keys: ["b"], next: "d", total: 0n } },
    { name: "offset counts hits only", p: page({ offset: 1n, limit: 1n, countTotal: true }), want: { keys: ["d"], next: "e", total: 3n } },
    { name: "key path counts hits against the limit", p: page({ key: ascii("c"), limit: 1n }), want: { keys: ["d"], next: "e", total: 0n } },
  ])("$name", ({ p, want }) => {
    expect(runFiltered(p)).toEqual(want);
  });
});

describe("pageKeyPresent", () => {
  const request = (pageBytes: Uint8Array | undefined, field = 2): Uint8Array => {
    const w = BinaryWriter.create().uint32(10).string("st1…");
    if (pageBytes !== undefined) w.uint32((field << 3) | 2).bytes(pageBytes);
    return w.finish();
  };
  it("sees an explicitly encoded empty key, and no key when absent", () => {
    expect(pageKeyPresent(request(BinaryWriter.create().uint32(10).bytes(new Uint8Array()).finish()), 2)).toBe(true);
    expect(pageKeyPresent(request(BinaryWriter.create().uint32(16).uint64(3n).finish()), 2)).toBe(false);
    expect(pageKeyPresent(request(undefined), 2)).toBe(false);
    expect(pageKeyPresent(request(BinaryWriter.create().uint32(10).bytes(ascii("k")).finish(), 99), 99)).toBe(true);
  });
});
