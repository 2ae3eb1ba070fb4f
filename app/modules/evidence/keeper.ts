/**
 * The evidence keeper: state I/O of the `evidence` store — the handled evidence by hash (stored as the
 * Any the reference's `MarshalInterface` writes) and the evidence age limits (params.ts).
 */
import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { EvidenceParams } from "cosmjs-types/tendermint/types/params";
import type { ReadContext } from "../../baseapp/context.js";
import { prefixEnd } from "../../store/bytes.js";
import { type Equivocation, equivocationFromAny, equivocationHash, equivocationToAny } from "./equivocation.js";
import type { SlashingForEvidence, StakingForEvidence, WriteContext } from "./expected.js";
import { EVIDENCE_PARAMS_KEY, EVIDENCE_PREFIX, EVIDENCE_STORE_KEY, evidenceKey } from "./keys.js";
import { ageLimitsFromEvidenceParams, DEFAULT_EVIDENCE_AGE_LIMITS, type EvidenceAgeLimits } from "./params.js";
import { NANOS_PER_SECOND } from "../register/logic/time.js";

export interface EvidenceKeeperDeps {
  readonly staking: StakingForEvidence;
  readonly slashing: SlashingForEvidence;
  /** What the reference only logs (evidence ignored, unknown misbehaviour types); for the node's log. */
  readonly log?: (line: string) => void;
}

export class EvidenceKeeper {
  constructor(readonly deps: EvidenceKeeperDeps) {}

  get staking(): StakingForEvidence {
    return this.deps.staking;
  }

  get slashing(): SlashingForEvidence {
    return this.deps.slashing;
  }

  log(line: string): void {
    this.deps.log?.(line);
  }

  /** Stores `e` under its hash; returns the hash. */
  setEvidence(ctx: WriteContext, e: Equivocation): Uint8Array {
    const hash = equivocationHash(e);
    ctx.kv(EVIDENCE_STORE_KEY).set(evidenceKey(hash), toBinary(AnySchema, equivocationToAny(e)));
    return hash;
  }

  getEvidence(ctx: ReadContext, hash: Uint8Array): Equivocation | undefined {
    const raw = ctx.kv(EVIDENCE_STORE_KEY).get(evidenceKey(hash));
    return raw === undefined || raw.length === 0 ? undefined : equivocationFromAny(fromBinary(AnySchema, raw));
  }

  /** Every stored evidence in hash byte order. */
  *evidence(ctx: ReadContext): Generator<{ readonly hash: Uint8Array; readonly evidence: Equivocation }> {
    for (const { key, value } of ctx.kv(EVIDENCE_STORE_KEY).iterator(EVIDENCE_PREFIX, prefixEnd(EVIDENCE_PREFIX))) {
      yield { hash: key.subarray(EVIDENCE_PREFIX.length), evidence: equivocationFromAny(fromBinary(AnySchema, value)) };
    }
  }

  /** The age limits InitChain recorded, or CometBFT's defaults (= stratos-1's) when none were. */
  getAgeLimits(ctx: ReadContext): EvidenceAgeLimits {
    const raw = ctx.kv(EVIDENCE_STORE_KEY).get(EVIDENCE_PARAMS_KEY);
    if (raw === undefined) return DEFAULT_EVIDENCE_AGE_LIMITS;
    return ageLimitsFromEvidenceParams(EvidenceParams.decode(raw));
  }

  setAgeLimits(ctx: WriteContext, limits: EvidenceAgeLimits): void {
    const bytes = EvidenceParams.encode({
      maxAgeNumBlocks: limits.maxAgeNumBlocks,
      maxAgeDuration: { seconds: limits.maxAgeDurationNanos / NANOS_PER_SECOND, nanos: Number(limits.maxAgeDurationNanos % NANOS_PER_SECOND) },
      maxBytes: limits.maxBytes,
    }).finish();
    ctx.kv(EVIDENCE_STORE_KEY).set(EVIDENCE_PARAMS_KEY, bytes);
  }
}
