/**
 * The evidence module (spec-staking §4; SDK v0.47 x/evidence): double signs CometBFT reports in
 * `misbehavior` are punished in BeginBlock (slash 5 %, jail forever, tombstone) through the slashing
 * keeper, and kept by hash for the `cosmos.evidence.v1beta1.Query` service and genesis. MsgSubmitEvidence
 * is routed but refused (no evidence handler, as in Stratos; see msgs/submitEvidence.ts).
 */
import type { ModuleHooks } from "../../baseapp/block.js";
import { EquivocationSchema } from "../../codec/cosmos/evidence/v1beta1/evidence_pb.js";
import { evidenceBeginBlock } from "./beginBlock.js";
import type { SlashingForEvidence, StakingForEvidence } from "./expected.js";
import { exportEvidenceGenesis, initEvidenceGenesis, parseEvidenceGenesis } from "./genesis.js";
import { EvidenceKeeper } from "./keeper.js";
import { EVIDENCE_MODULE_NAME, EVIDENCE_STORE_KEY } from "./keys.js";
import { submitEvidenceRoute } from "./msgs/submitEvidence.js";
import { ageLimitsFromConsensusParams } from "./params.js";
import { evidenceQueryHandlers } from "./queries.js";

export { EvidenceKeeper } from "./keeper.js";
export type { SlashingForEvidence, StakingForEvidence } from "./expected.js";
export { EVIDENCE_MODULE_NAME, EVIDENCE_STORE_KEY } from "./keys.js";
export { DEFAULT_EVIDENCE_AGE_LIMITS, DOUBLE_SIGN_JAIL_END_TIME, type EvidenceAgeLimits } from "./params.js";
export { type Equivocation, equivocationHash, EQUIVOCATION_TYPE_URL, hashText } from "./equivocation.js";
export * from "./errors.js";

export interface EvidenceModuleOptions {
  readonly staking: StakingForEvidence;
  readonly slashing: SlashingForEvidence;
  /** What the reference only logs (ignored evidence); for the node's log. */
  readonly log?: (line: string) => void;
}

export interface EvidenceModule {
  readonly module: ModuleHooks;
  readonly keeper: EvidenceKeeper;
}

export function createEvidenceModule(options: EvidenceModuleOptions): EvidenceModule {
  const keeper = new EvidenceKeeper(options);
  const module: ModuleHooks = {
    name: EVIDENCE_MODULE_NAME,
    stores: [{ name: EVIDENCE_STORE_KEY, kind: "iavl" }],
    msgs: [submitEvidenceRoute(keeper)],
    anyTypes: [EquivocationSchema],
    queries: evidenceQueryHandlers(keeper),
    initGenesis(ctx, genesis) {
      // The max evidence age comes with the consensus params, whatever the evidence section holds.
      const limits = ageLimitsFromConsensusParams(ctx.header.consensusParams);
      if (limits !== undefined) keeper.setAgeLimits(ctx, limits);
      // The SDK module manager skips a module whose app_state entry is absent.
      if (genesis === undefined) return;
      initEvidenceGenesis(ctx, keeper, parseEvidenceGenesis(genesis));
    },
    exportGenesis: (ctx) => exportEvidenceGenesis(ctx, keeper),
    beginBlock(ctx) {
      evidenceBeginBlock(keeper, ctx, ctx.header.comet?.misbehavior ?? []);
    },
  };
  return { module, keeper };
}
