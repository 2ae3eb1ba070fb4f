import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { SnapshotItemSchema } from "../codec/cosmos/base/snapshots/v1beta1/snapshot_pb.js";
import { decodeIavlItem, encodeDelimited, encodeIavlItemDelimited, iavlItem, ItemReader, storeItem } from "./items.js";

const node = fc.record({
  key: fc.uint8Array({ minLength: 1, maxLength: 300 }),
  value: fc.option(fc.uint8Array({ minLength: 1, maxLength: 300 }), { nil: undefined }),
  version: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  height: fc.integer({ min: 0, max: 127 }),
});

describe("snapshot items", () => {
  it("the hand-written IAVL item codec matches the generic one", () => {
    fc.assert(
      fc.property(node, (n) => {
        const fast = encodeIavlItemDelimited(n);
        expect(Buffer.from(fast).toString("hex")).toBe(Buffer.from(encodeDelimited(iavlItem(n))).toString("hex"));
        const [item] = new ItemReader().push(fast);
        const body = toBinary(SnapshotItemSchema, iavlItem(n));
        expect(decodeIavlItem(body)).toEqual(fromBinary(SnapshotItemSchema, body));
        expect(item).toEqual(fromBinary(SnapshotItemSchema, body));
      }),
      { numRuns: 300 },
    );
  });

  it("leaves other items, unknown fields and oversized varints to the generic decoder", () => {
    expect(decodeIavlItem(toBinary(SnapshotItemSchema, storeItem("acc")))).toBeUndefined();
    expect(decodeIavlItem(Uint8Array.of(0x12, 0x03, 0x28, 0x01, 0x00))).toBeUndefined(); // field 5
    expect(decodeIavlItem(Uint8Array.of(0x12, 0x0a, 0x18, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f))).toBeUndefined();
  });

  it("splits a stream fed in arbitrary pieces", () => {
    const items = [encodeDelimited(storeItem("acc")), encodeIavlItemDelimited({ key: Uint8Array.of(1), value: Uint8Array.of(2), version: 3, height: 0 })];
    const all = Buffer.concat(items);
    for (let cut = 0; cut <= all.length; cut++) {
      const r = new ItemReader();
      const got = [...r.push(all.subarray(0, cut)), ...r.push(all.subarray(cut))];
      expect(got.map((i) => i.item.case)).toEqual(["store", "iavl"]);
      expect(r.pending).toBe(0);
    }
  });

  it("refuses a length beyond the item limit and garbage", () => {
    expect(() => new ItemReader().push(Uint8Array.of(0x80, 0x80, 0x80, 0x80, 0x7f))).toThrow(/exceeds/);
    expect(() => new ItemReader().push(Uint8Array.of(0x02, 0xff, 0xff))).toThrow(/does not decode/);
  });
});
