/**
 * What evidence needs from staking and slashing (spec-staking §4.1; SDK v0.47
 * `x/evidence/types/expected_keepers.go`), declared here and satisfied by their keepers in app/node/app.ts.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import type { ReadContext } from "../../baseapp/context.js";
import type { Dec } from "../../math/dec.js";
import type { KVStore, StoreName } from "../../store/types.js";
import type { StakingView } from "../staking/types.js";

/** Store writes and the event sink (a baseapp `Context` is one). */
export interface WriteContext extends ReadContext {
  kv(name: StoreName): KVStore;
  emit(event: Event): void;
}

/** The validator of a misbehaviour (is it known, bonded, jailed?). */
export type StakingForEvidence = Pick<StakingView, "validatorByConsAddr">;

/** The slashing keeper's part in a double-sign: the pubkey relation, signing info, the slash and the jail. */
export interface SlashingForEvidence {
  /** The consensus key stored for an address, undefined when none. */
  getPubkey(ctx: ReadContext, consAddr: Uint8Array): Uint8Array | undefined;
  hasSigningInfo(ctx: ReadContext, consAddr: Uint8Array): boolean;
  isTombstoned(ctx: ReadContext, consAddr: Uint8Array): boolean;
  slashFractionDoubleSign(ctx: ReadContext): Dec;
  /** Staking's slash plus `slash{address, power, reason, burned_coins}`; returns the wei burned. */
  slashWithReason(ctx: WriteContext, consAddr: Uint8Array, fraction: Dec, power: bigint, infractionHeight: bigint, reason: "double_sign"): bigint;
  /** Staking's jail plus `slash{jailed}`. */
  jail(ctx: WriteContext, consAddr: Uint8Array): void;
  jailUntil(ctx: WriteContext, consAddr: Uint8Array, until: bigint): void;
  tombstone(ctx: WriteContext, consAddr: Uint8Array): void;
}
