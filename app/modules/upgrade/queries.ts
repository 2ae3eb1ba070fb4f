/** `cosmos.upgrade.v1beta1.Query` (spec-staking §9; SDK v0.47 `x/upgrade/keeper/grpc_query.go`). */
import { unary } from "../../baseapp/grpcQuery.js";
import { ErrNotFound } from "../../baseapp/errors.js";
import type { QueryHandler } from "../../baseapp/queryRouter.js";
import { Query } from "../../codec/cosmos/upgrade/v1beta1/query_pb.js";
import type { UpgradeKeeper } from "./keeper.js";
import { planToProto } from "./plan.js";

export function upgradeQueryHandlers(k: UpgradeKeeper): Record<string, QueryHandler> {
  const m = Query.method;
  return Object.fromEntries([
    unary(m.currentPlan, (ctx) => {
      const plan = k.getPlan(ctx);
      return plan === undefined ? {} : { plan: planToProto(plan) };
    }),
    unary(m.appliedPlan, (ctx, req) => ({ height: k.getDoneHeight(ctx, req.name) })),
    // IBC upgrade states are not kept by this chain (its plans cannot carry a client state).
    unary(m.upgradedConsensusState, () => ({})),
    unary(m.moduleVersions, (ctx, req) => {
      const all = k.getVersionMap(ctx);
      if (req.moduleName.length > 0) {
        const version = all.get(req.moduleName);
        if (version === undefined) throw ErrNotFound.wrap(`x/upgrade: QueryModuleVersions module ${req.moduleName} not found`);
        return { moduleVersions: [{ name: req.moduleName, version }] };
      }
      // Store order: by module name bytes.
      return { moduleVersions: [...all].map(([name, version]) => ({ name, version })) };
    }),
    unary(m.authority, () => ({ address: k.authority })),
  ]);
}
