import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Request } from "cosmjs-types/tendermint/abci/types";
import { encodeFrame, FrameDecoder, FramingError, uvarintLength } from "./framing.js";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");

// Wire examples from abci-cosmjs.md §1.1 (produced there with cosmjs-types and checked against CometBFT).
describe("frame encoding matches the CometBFT 0.38 wire examples", () => {
  it.each([
    { name: "Request{flush}", body: "1200", frame: "021200" },
    { name: "Request{echo:hello}", body: "0a070a0568656c6c6f", frame: "090a070a0568656c6c6f" },
    { name: "Response{flush}", body: "1a00", frame: "021a00" },
    { name: "Response{processProposal:ACCEPT}", body: "9201020801", frame: "059201020801" },
  ])("$name", ({ body, frame }) => {
    expect(hex(encodeFrame(Buffer.from(body, "hex")))).toBe(frame);
    expect(new FrameDecoder().push(Buffer.from(frame, "hex")).map(hex)).toEqual([body]);
  });

  it("encodes the request protos to the documented bodies", () => {
    expect(hex(Request.encode({ flush: {} }).finish())).toBe("1200");
    expect(hex(Request.encode({ echo: { message: "hello" } }).finish())).toBe("0a070a0568656c6c6f");
  });
});

describe("uvarint header", () => {
  it.each([
    [0, 1],
    [127, 1],
    [128, 2],
    [16383, 2],
    [16384, 3],
    [2 ** 21, 4],
    [2 ** 28, 5],
    [0x7fffffff, 5],
  ])("length %i takes %i bytes", (n, len) => {
    expect(uvarintLength(n)).toBe(len);
  });

  it("is unsigned, not the zig-zag varint of CometBFT 0.34", () => {
    // 300 = 0b1_0010_1100 → ac 02 unsigned; zig-zag would give d8 04.
    const frame = encodeFrame(new Uint8Array(300));
    expect(hex(frame.subarray(0, 2))).toBe("ac02");
  });

  it("rejects a varint longer than 5 bytes and a body over MaxInt32", () => {
    expect(() => new FrameDecoder().push(Buffer.from("ffffffffff01", "hex"))).toThrow(FramingError);
    expect(() => new FrameDecoder().push(Buffer.from("8080808008", "hex"))).toThrow(/exceeds/);
  });
});

describe("stream decoding", () => {
  const bodies = [
    new Uint8Array(0),
    Buffer.from("1200", "hex"),
    new Uint8Array(127).fill(7),
    new Uint8Array(128).fill(9),
    new Uint8Array(70_000).map((_, i) => i % 251),
    Buffer.from("0a070a0568656c6c6f", "hex"),
  ];
  const stream = Buffer.concat(bodies.map((b) => encodeFrame(b)));

  it("decodes several frames glued in one chunk", () => {
    const out = new FrameDecoder().push(stream);
    expect(out.map(hex)).toEqual(bodies.map(hex));
  });

  it("decodes the same frames when the stream is split at every offset", () => {
    for (let cut = 0; cut <= stream.length; cut += cut < 300 ? 1 : 997) {
      const decoder = new FrameDecoder();
      const out = [...decoder.push(stream.subarray(0, cut)), ...decoder.push(stream.subarray(cut))];
      expect(out.map(hex)).toEqual(bodies.map(hex));
      expect(decoder.bufferedBytes).toBe(0);
    }
  });

  it("decodes byte by byte", () => {
    const decoder = new FrameDecoder();
    const out: Uint8Array[] = [];
    for (let i = 0; i < stream.length; i++) out.push(...decoder.push(stream.subarray(i, i + 1)));
    expect(out.map(hex)).toEqual(bodies.map(hex));
  });

  it("returns private copies that later chunks never overwrite", () => {
    const decoder = new FrameDecoder();
    const chunk = Buffer.from(encodeFrame(Buffer.from("abcd", "hex")));
    const [body] = decoder.push(chunk);
    chunk.fill(0);
    expect(hex(body!)).toBe("abcd");
  });

  it("round-trips random frames split into random chunks (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 600 }), { maxLength: 12 }),
        fc.array(fc.nat({ max: 800 }), { maxLength: 20 }),
        (frames, cuts) => {
          const wire = Buffer.concat(frames.map((b) => encodeFrame(b)));
          const points = [...new Set(cuts.map((c) => c % (wire.length + 1)))].sort((a, b) => a - b);
          const decoder = new FrameDecoder();
          const out: Uint8Array[] = [];
          let prev = 0;
          for (const p of [...points, wire.length]) {
            out.push(...decoder.push(wire.subarray(prev, p)));
            prev = p;
          }
          expect(out.map(hex)).toEqual(frames.map(hex));
        },
      ),
      { numRuns: 300 },
    );
  });
});
