/**
 * Evidence genesis (spec-staking §4.4; SDK v0.47 `genesis.go`): a list of evidence Anys (only
 * Equivocation is registered), read strictly, each checked by its ValidateBasic and refused when its
 * hash repeats (the reference panics at InitChain), stored by hash; export lists them in hash order.
 */
import type { JsonValue } from "@bufbuild/protobuf";
import type { ReadContext } from "../../baseapp/context.js";
import { toGoProtoJson } from "../../baseapp/protoJson.js";
import { EquivocationSchema } from "../../codec/cosmos/evidence/v1beta1/evidence_pb.js";
import { hexOf } from "../../store/bytes.js";
import { GenesisError, JsonFields } from "../auth/protoJson.js";
import { GO_ZERO_TIME, parseRfc3339Nano } from "../register/genesis.js";
import { type Equivocation, EQUIVOCATION_TYPE_URL, equivocationHash, equivocationProblem, equivocationToProto, hashText } from "./equivocation.js";
import type { WriteContext } from "./expected.js";
import type { EvidenceKeeper } from "./keeper.js";

const ROOT = "evidence";
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

export interface EvidenceGenesis {
  readonly evidence: readonly Equivocation[];
}

function show(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value !== null && typeof value === "object") return "an object";
  return JSON.stringify(value) ?? String(value);
}

function int64Field(f: JsonFields, name: string): bigint {
  const v = f.raw(name);
  if (v === undefined) return 0n;
  let n: bigint | undefined;
  if (typeof v === "string" && /^-?(?:0|[1-9][0-9]*)$/.test(v)) n = BigInt(v);
  else if (typeof v === "number" && Number.isSafeInteger(v)) n = BigInt(v);
  if (n === undefined || n < INT64_MIN || n > INT64_MAX) throw new GenesisError(`${f.pathOf(name)}: expected a 64-bit integer, got ${show(v)}`);
  return n;
}

/** Timestamp as jsonpb reads it (RFC 3339); absent is Go's zero time. */
function timestampField(f: JsonFields, name: string): bigint {
  const v = f.raw(name);
  if (v === undefined) return GO_ZERO_TIME;
  if (typeof v !== "string") throw new GenesisError(`${f.pathOf(name)}: expected an RFC 3339 timestamp string, got ${show(v)}`);
  const t = parseRfc3339Nano(v);
  if (typeof t === "string") throw new GenesisError(`${f.pathOf(name)}: bad Timestamp: ${t}`);
  return t;
}

/** Parses and checks the `evidence` part of `app_state`. @throws GenesisError naming the problem */
export function parseEvidenceGenesis(json: unknown): EvidenceGenesis {
  const root = JsonFields.of(json, ROOT);
  const seen = new Set<string>();
  const evidence = root.array("evidence").map((v, i) => {
    const path = `${root.pathOf("evidence")}[${i}]`;
    const f = JsonFields.of(v, path);
    const typeUrl = f.string("@type");
    if (typeUrl !== EQUIVOCATION_TYPE_URL) {
      throw new GenesisError(`${path}.@type: ${JSON.stringify(typeUrl)} is not an evidence type (only ${EQUIVOCATION_TYPE_URL} is registered)`);
    }
    const time = timestampField(f, "time");
    const e: Equivocation = { height: int64Field(f, "height"), time, power: int64Field(f, "power"), consensusAddress: f.string("consensus_address") };
    f.finish();
    const problem = equivocationProblem(e);
    if (problem !== undefined) throw new GenesisError(`${path}: failed to validate evidence genesis state: ${problem}`);
    const id = hexOf(equivocationHash(e));
    if (seen.has(id)) throw new GenesisError(`${path}: evidence with hash ${hashText(equivocationHash(e))} already exists`);
    seen.add(id);
    return e;
  });
  root.finish();
  return { evidence };
}

export function initEvidenceGenesis(ctx: WriteContext, k: EvidenceKeeper, g: EvidenceGenesis): void {
  for (const e of g.evidence) {
    if (k.getEvidence(ctx, equivocationHash(e)) !== undefined) {
      throw new GenesisError(`${ROOT}: evidence with hash ${hashText(equivocationHash(e))} already exists`);
    }
    k.setEvidence(ctx, e);
  }
}

/** Every stored evidence as an Any in Go's jsonpb form (`@type` first), in hash order. */
export function exportEvidenceGenesis(ctx: ReadContext, k: EvidenceKeeper): JsonValue {
  const evidence: JsonValue[] = [];
  for (const { evidence: e } of k.evidence(ctx)) {
    const fields = toGoProtoJson(EquivocationSchema, equivocationToProto(e));
    if (fields === null || typeof fields !== "object" || Array.isArray(fields)) throw new Error("Equivocation JSON is not an object");
    evidence.push({ "@type": EQUIVOCATION_TYPE_URL, ...fields });
  }
  return { evidence };
}
