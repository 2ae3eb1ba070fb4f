// Placeholder while genesis is written (replaced in the same change).
import type { Context, ReadContext } from "../../baseapp/context.js";
import type { RegisterKeeper } from "./keeper.js";

export interface RegisterGenesis {
  readonly raw: unknown;
}

export function parseRegisterGenesis(json: unknown): RegisterGenesis {
  return { raw: json };
}

export function initRegisterGenesis(_ctx: Context, _k: RegisterKeeper, _g: RegisterGenesis): void {
  throw new Error("register genesis: not written yet");
}

export function exportRegisterGenesis(_ctx: ReadContext, _k: RegisterKeeper): unknown {
  throw new Error("register genesis export: not written yet");
}
