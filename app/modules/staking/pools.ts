/**
 * Token movements between the staking pools and out of them (SDK `keeper/pool.go`): the bonded pool
 * holds the tokens of Bonded validators, the not-bonded pool those of the others and every unbonding
 * entry's balance (spec-staking §1.1).
 */
import { coin, Coins } from "../../math/coins.js";
import type { WriteContext } from "./expected.js";
import type { StakingKeeper } from "./keeper.js";
import { BONDED_POOL_NAME, NOT_BONDED_POOL_NAME } from "./keys.js";

function bondCoins(k: StakingKeeper, ctx: WriteContext, amount: bigint): Coins {
  return Coins.of(coin(k.bondDenom(ctx), amount));
}

export function bondedTokensToNotBonded(k: StakingKeeper, ctx: WriteContext, amount: bigint): void {
  k.bank.sendCoinsFromModuleToModule(ctx, BONDED_POOL_NAME, NOT_BONDED_POOL_NAME, bondCoins(k, ctx, amount));
}

export function notBondedTokensToBonded(k: StakingKeeper, ctx: WriteContext, amount: bigint): void {
  k.bank.sendCoinsFromModuleToModule(ctx, NOT_BONDED_POOL_NAME, BONDED_POOL_NAME, bondCoins(k, ctx, amount));
}

/** Burns from the bonded pool; nothing (no events) for a non-positive amount. */
export function burnBondedTokens(k: StakingKeeper, ctx: WriteContext, amount: bigint): void {
  if (amount <= 0n) return;
  k.bank.burnCoins(ctx, BONDED_POOL_NAME, bondCoins(k, ctx, amount));
}

export function burnNotBondedTokens(k: StakingKeeper, ctx: WriteContext, amount: bigint): void {
  if (amount <= 0n) return;
  k.bank.burnCoins(ctx, NOT_BONDED_POOL_NAME, bondCoins(k, ctx, amount));
}
