// Placeholder while the query handlers are written (replaced in the same change).
import type { QueryHandler } from "../../baseapp/queryRouter.js";
import type { RegisterKeeper } from "./keeper.js";

export function registerQueryHandlers(_k: RegisterKeeper): Record<string, QueryHandler> {
  return {};
}
