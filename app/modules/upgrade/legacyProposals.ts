/**
 * The legacy gov contents upgrade serves on route "upgrade" (spec-staking §5.4, §9):
 * SoftwareUpgradeProposal schedules its plan, CancelSoftwareUpgradeProposal clears the scheduled one.
 * The app hands them to gov's legacy router; their shape is gov's `LegacyContentType`.
 */
import { create, fromBinary, type DescMessage } from "@bufbuild/protobuf";
import type { Context } from "../../baseapp/context.js";
import { CancelSoftwareUpgradeProposalSchema, PlanSchema, SoftwareUpgradeProposalSchema } from "../../codec/cosmos/upgrade/v1beta1/upgrade_pb.js";
import type { UpgradeKeeper } from "./keeper.js";
import { planFromProto, validatePlan } from "./plan.js";

interface LegacyContent {
  readonly title: string;
  readonly description: string;
  validateBasic(abstract: () => void): void;
  handle(ctx: Context): void;
}

interface LegacyContentType {
  readonly schema: DescMessage;
  readonly route: string;
  readonly proposalType: string;
  decode(bytes: Uint8Array): LegacyContent;
}

export function upgradeLegacyContents(k: UpgradeKeeper): LegacyContentType[] {
  return [
    {
      schema: SoftwareUpgradeProposalSchema,
      route: "upgrade",
      proposalType: "SoftwareUpgrade",
      decode(bytes) {
        const p = fromBinary(SoftwareUpgradeProposalSchema, bytes);
        // The plan is non-nullable: a missing one is Go's zero Plan.
        const plan = planFromProto(p.plan ?? create(PlanSchema));
        return {
          title: p.title,
          description: p.description,
          validateBasic(abstract) {
            validatePlan(plan);
            abstract();
          },
          handle: (ctx) => k.scheduleUpgrade(ctx, plan),
        };
      },
    },
    {
      schema: CancelSoftwareUpgradeProposalSchema,
      route: "upgrade",
      proposalType: "CancelSoftwareUpgrade",
      decode(bytes) {
        const p = fromBinary(CancelSoftwareUpgradeProposalSchema, bytes);
        return { title: p.title, description: p.description, validateBasic: (abstract) => abstract(), handle: (ctx) => k.clearPlan(ctx) };
      },
    },
  ];
}
