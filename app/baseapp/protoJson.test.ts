/**
 * Go encoding/json string escaping (json.Marshal: HTML-safe, invalid UTF-8 replaced), on the plain
 * fast path and the escaping path alike. Expected texts are what json.Marshal of Go 1.20 (the reference's
 * toolchain, go.mod `go 1.20`) prints; Go ≥ 1.22 writes \b and \f as short escapes instead.
 */
import { describe, expect, it } from "vitest";
import { goJsonQuote, goJsonStringify } from "./protoJson.js";

describe("goJsonQuote", () => {
  it("plain ASCII is quoted as is", () => {
    expect(goJsonQuote("st1qqqq9x8gf2tvdw0s3jn54khce6mua7l")).toBe('"st1qqqq9x8gf2tvdw0s3jn54khce6mua7l"');
    expect(goJsonQuote("")).toBe('""');
    expect(goJsonQuote("1000wei,5foo")).toBe('"1000wei,5foo"');
  });

  it("escapes quotes, backslashes, control characters and the HTML-unsafe characters", () => {
    expect(goJsonQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(goJsonQuote("\n\r\t\u0001\u001f")).toBe('"\\n\\r\\t\\u0001\\u001f"');
    expect(goJsonQuote("<a&b>")).toBe('"\\u003ca\\u0026b\\u003e"');
    expect(goJsonQuote("x\u2028y\u2029")).toBe('"x\\u2028y\\u2029"');
    expect(goJsonQuote("\b\f")).toBe('"\\u0008\\u000c"');
  });

  it("keeps non-ASCII text and valid surrogate pairs, replaces a lone surrogate", () => {
    expect(goJsonQuote("héllo")).toBe('"héllo"');
    expect(goJsonQuote("a😀b")).toBe('"a😀b"');
    expect(goJsonQuote("a\ud800b")).toBe('"a\\ufffdb"');
    expect(goJsonQuote("\udfff")).toBe('"\\ufffd"');
  });
});

describe("goJsonStringify", () => {
  it("compact, keys in the given order, Go escaping inside nested values", () => {
    expect(goJsonStringify({ z: 1, a: [true, null, "<x>"], m: { k: "v" } })).toBe('{"z":1,"a":[true,null,"\\u003cx\\u003e"],"m":{"k":"v"}}');
  });
});
