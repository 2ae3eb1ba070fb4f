/**
 * `/app/invariants`: every module invariant evaluated on committed state at the asked height, as JSON
 * `{"<module>/<name>": null | "<what is broken>"}` in module then name order. An ABCI query (no gas,
 * no state change), so integration tests can check invariants after every block through CometBFT.
 */
import type { ModuleHooks } from "../baseapp/block.js";
import type { QueryHandler } from "../baseapp/queryRouter.js";

export const INVARIANTS_PATH = "/app/invariants";

export function invariantsHandler(modules: readonly ModuleHooks[]): QueryHandler {
  return (ctx) => {
    const result: Record<string, string | null> = {};
    for (const m of modules) {
      const entries = Object.entries(m.invariants ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [name, check] of entries) result[`${m.name}/${name}`] = check(ctx) ?? null;
    }
    return new TextEncoder().encode(JSON.stringify(result));
  };
}
