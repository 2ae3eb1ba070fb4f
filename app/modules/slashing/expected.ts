/**
 * What slashing needs from staking (spec-staking §1.9, §1.10, §3): reads through the staking contract
 * (`StakingView`) and the three write methods the staking keeper offers. Declared here, satisfied by
 * the staking keeper in app/node/app.ts.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import type { ReadContext } from "../../baseapp/context.js";
import type { Dec } from "../../math/dec.js";
import type { KVStore, StoreName } from "../../store/types.js";
import type { StakingView } from "../staking/types.js";

/** Store writes and the event sink (a baseapp `Context` is one; staking's hooks pass theirs). */
export interface WriteContext extends ReadContext {
  kv(name: StoreName): KVStore;
  emit(event: Event): void;
}

/** A write context that knows the block: liveness and unjail read the height and the block time. */
export interface BlockContext extends WriteContext {
  readonly header: {
    readonly height: bigint;
    readonly time: { readonly seconds: bigint; readonly nanos: number };
  };
}

/**
 * The staking reads slashing makes: the validator of a vote (jailed? known?), the validator and the
 * self-delegation of MsgUnjail, the consensus key of a new validator, and every validator at genesis.
 */
export type StakingViewForSlashing = Pick<StakingView, "validator" | "validatorByConsAddr" | "validators" | "delegation">;

/** The staking keeper's write methods (spec-staking §1.9–§1.10), with exactly these signatures. */
export interface StakingWritesForSlashing {
  /**
   * §1.10: burns `fraction` of `power × 10^15` from the validator and its entries created at or after
   * `infractionHeight`; fires `beforeValidatorSlashed`. Returns the wei burned from the validator itself.
   */
  slash(ctx: WriteContext, consAddr: Uint8Array, infractionHeight: bigint, power: bigint, fraction: Dec): bigint;
  /** §1.9: sets `jailed` and removes the validator from the power index. */
  jail(ctx: WriteContext, consAddr: Uint8Array): void;
  /** §1.9: clears `jailed` and puts the validator back in the power index. */
  unjail(ctx: WriteContext, consAddr: Uint8Array): void;
}

export type StakingForSlashing = StakingViewForSlashing & StakingWritesForSlashing;
