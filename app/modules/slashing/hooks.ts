/**
 * Slashing's staking-hook listener (spec-staking §1.3; SDK v0.47 `x/slashing/keeper/hooks.go`). The app
 * adds it to the staking keeper's `MultiStakingHooks` after distribution's (spec-staking §0.6).
 *
 * The contract's `WriteContext` does not promise the block header, but a new signing info records the
 * height: staking passes its baseapp `Context` through, which carries it; anything else is refused.
 */
import type { StakingHooks } from "../staking/hooks.js";
import type { WriteContext as StakingWriteContext } from "../staking/expected.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import type { BlockContext } from "./expected.js";
import { consAddrString, type SlashingKeeper } from "./keeper.js";
import { UNIX_EPOCH } from "./types.js";

function blockContext(ctx: StakingWriteContext): BlockContext {
  const header = (ctx as Partial<BlockContext>).header;
  if (header === undefined || typeof header.height !== "bigint") {
    throw new Error("slashing staking hooks need a context with the block header (pass the baseapp Context)");
  }
  return ctx as BlockContext;
}

/** AfterValidatorCreated, AfterValidatorBonded, AfterValidatorRemoved; the other hooks do nothing in slashing. */
export function slashingStakingHooks(k: SlashingKeeper): StakingHooks {
  return {
    /** Remember the new validator's consensus key by its address (evidence checks it). */
    afterValidatorCreated(ctx, valAddr) {
      const validator = k.staking.validator(ctx, valAddr);
      if (validator === undefined) throw new Error(`validator ${formatBech32Address(valAddr, BECH32_PREFIX.validator)} does not exist`);
      k.addPubkey(ctx, validator.consensusPubKey);
    },

    /** Liveness counts from the height the validator (re)enters the set; a first bonding creates its signing info. */
    afterValidatorBonded(ctx, consAddr) {
      const block = blockContext(ctx);
      const info = k.getSigningInfo(block, consAddr);
      k.setSigningInfo(block, consAddr, info !== undefined
        ? { ...info, startHeight: block.header.height }
        : { address: consAddrString(consAddr), startHeight: block.header.height, indexOffset: 0n, jailedUntil: UNIX_EPOCH, tombstoned: false, missedBlocksCounter: 0n });
    },

    /** The validator is gone: forget its key (its signing info stays, as in the reference). */
    afterValidatorRemoved(ctx, consAddr) {
      k.deletePubkey(ctx, consAddr);
    },
  };
}
