/**
 * Evidence genesis (spec-staking §4.4) and query errors (§4.2): the evidence list round-trips through
 * InitGenesis and ExportGenesis; bad entries are refused with their path; the Evidence query answers
 * InvalidArgument / a plain error / NotFound as the reference does.
 */
import { describe, expect, it } from "vitest";
import { QueryEvidenceRequestSchema, QueryEvidenceResponseSchema } from "../../codec/cosmos/evidence/v1beta1/query_pb.js";
import { QueryError } from "../../baseapp/queryRouter.js";
import { GenesisError } from "../auth/protoJson.js";
import { SlashingChain, STOS, testValidator, valcons } from "../slashing/chain.testing.js";
import { EQUIVOCATION_TYPE_URL, hashText } from "./equivocation.js";
import { exportEvidenceGenesis } from "./genesis.js";
import { decodeHexGo } from "./queries.js";

const V = testValidator(0x11, 10n * STOS);
const entry = (height: string, time = "2024-03-01T12:00:00.500Z") => ({
  "@type": EQUIVOCATION_TYPE_URL, height, time, power: "10000", consensus_address: valcons(V.consAddr),
});
const chain = (evidence: unknown) => new SlashingChain({ accounts: [{ address: V.operator, balance: 100n * STOS }], validators: [V], evidenceGenesis: evidence });

describe("evidence genesis", () => {
  it("round-trips, in hash order", () => {
    const g = { evidence: [entry("7"), entry("5"), entry("9", "2024-03-01T12:00:01Z")] };
    const c = chain(g);
    const exported = exportEvidenceGenesis(c.context(), c.evidence.keeper) as { evidence: Array<{ height: string }> };
    expect(exported.evidence.map((e) => e.height).sort()).toEqual(["5", "7", "9"]);
    expect(new Set(exported.evidence.map((e) => JSON.stringify(e)))).toEqual(new Set(g.evidence.map((e) => JSON.stringify(e))));
    const again = chain(JSON.parse(JSON.stringify(exported)));
    expect(exportEvidenceGenesis(again.context(), again.evidence.keeper)).toEqual(exported);
    // Export order is hash order.
    const hashes = [...c.evidence.keeper.evidence(c.context())].map((e) => hashText(e.hash));
    expect([...hashes].sort()).toEqual(hashes);
  });

  it.each([
    { name: "another type", g: { evidence: [{ ...entry("5"), "@type": "/cosmos.bank.v1beta1.MsgSend" }] }, error: /evidence\[0\]\.@type: .* is not an evidence type/ },
    { name: "an invalid equivocation", g: { evidence: [entry("0")] }, error: "evidence.evidence[0]: failed to validate evidence genesis state: invalid equivocation height: 0" },
    { name: "a repeated one", g: { evidence: [entry("5"), entry("5")] }, error: /evidence\[1\]: evidence with hash [0-9A-F]{64} already exists/ },
    { name: "a bad time", g: { evidence: [entry("5", "yesterday")] }, error: /evidence\[0\]\.time: bad Timestamp/ },
    { name: "an unknown field", g: { evidence: [{ ...entry("5"), extra: true }] }, error: 'evidence.evidence[0]: unknown field "extra"' },
  ])("refuses $name", ({ g, error }) => {
    expect(() => chain(g)).toThrow(GenesisError);
    expect(() => chain(g)).toThrow(error);
  });
});

describe("the Evidence query's errors", () => {
  const c = chain({ evidence: [entry("5")] });
  const q = (hash: string) => c.query("/cosmos.evidence.v1beta1.Query/Evidence", QueryEvidenceRequestSchema, QueryEvidenceResponseSchema, { hash });

  it("an empty hash is InvalidArgument", () => {
    expect(() => q("")).toThrow(new QueryError("InvalidArgument", "invalid request; hash is empty"));
  });

  it("bad hex is a plain error with Go's text", () => {
    expect(() => q("zz")).toThrow("invalid evidence hash: encoding/hex: invalid byte: U+007A 'z'");
    expect(() => q("abc")).toThrow("invalid evidence hash: encoding/hex: odd length hex string");
  });

  it("an unknown hash is NotFound", () => {
    expect(() => q("00")).toThrow(new QueryError("NotFound", "evidence 00 not found"));
  });

  it.each([
    ["", new Uint8Array()], ["0aFf", Uint8Array.of(0x0a, 0xff)], ["0g", "encoding/hex: invalid byte: U+0067 'g'"],
    ["g0", "encoding/hex: invalid byte: U+0067 'g'"], ["abc", "encoding/hex: odd length hex string"], ["abg", "encoding/hex: invalid byte: U+0067 'g'"],
    ["\u0001a", "encoding/hex: invalid byte: U+0001"], ["é0", "encoding/hex: invalid byte: U+00C3 'Ã'"],
  ] as const)("hex %j", (text, want) => {
    expect(decodeHexGo(text)).toEqual(want);
  });
});
