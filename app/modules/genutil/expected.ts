/** What genutil needs from the modules it drives, declared here and satisfied in app/node/app.ts. */
import type { ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import type { Context } from "../../baseapp/context.js";
import type { DecodedMsg } from "../../baseapp/msgs.js";

export interface StakingForGenutil {
  /** §1.6 once, after the gentxs: bonds the new validators and returns the set CometBFT starts with. */
  applyAndReturnValidatorSetUpdates(ctx: Context): readonly ValidatorUpdate[];
}

/** Decodes a message of a given type URL as the tx decoder would (undefined for an unrouted type). */
export type MessageDecoder = (typeUrl: string, value: Uint8Array) => DecodedMsg | undefined;
