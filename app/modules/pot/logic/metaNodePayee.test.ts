import { describe, expect, it } from "vitest";
import { metaNodePayee } from "./metaNodePayee.js";

describe("metaNodePayee (blank = Go strings.TrimSpace gives \"\")", () => {
  it.each([
    { name: "empty → owner", ben: "", want: "owner" },
    { name: "ASCII spaces → owner", ben: " \t\n\v\f\r", want: "owner" },
    { name: "NEL U+0085 → owner", ben: "\u0085", want: "owner" },
    { name: "NBSP U+00A0 → owner", ben: "\u00a0", want: "owner" },
    { name: "U+1680, U+2000..U+200A → owner", ben: "\u1680\u2000\u2005\u200a", want: "owner" },
    { name: "U+2028, U+2029, U+202F, U+205F, U+3000 → owner", ben: "\u2028\u2029\u202f\u205f\u3000", want: "owner" },
    { name: "BOM U+FEFF is not a Go space → used as is", ben: "\ufeff", want: "\ufeff" },
    { name: "zero-width space U+200B is not a Go space → used as is", ben: "\u200b", want: "\u200b" },
    { name: "beneficiary with spaces → used untrimmed", ben: " ben ", want: " ben " },
  ])("$name", ({ ben, want }) => {
    expect(metaNodePayee("owner", ben)).toBe(want);
  });
});
