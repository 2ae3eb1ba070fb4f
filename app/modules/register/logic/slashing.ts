/**
 * `DeductSlashing(wallet, coins, denom)` without the store (spec-register §5.8): the wallet's debt
 * (key 0x05 ‖ wallet, wei) is paid first out of `coins`' amount of `denom`. Used by register's
 * unbonding completion (denom = bond denom) and pot's reward maturity (denom = reward denom).
 */
import { coin, Coins } from "../../../math/coins.js";

export interface SlashingDeduction {
  /** `coins` minus what was taken. */
  readonly remaining: Coins;
  /** What was taken: empty or one coin of `denom`. */
  readonly deducted: Coins;
  /** The debt after the deduction. */
  readonly debtAfter: bigint;
  /**
   * Whether the reference writes the debt back: true whenever something was taken, including a debt
   * that drops to exactly zero (a zero is stored, not deleted).
   */
  readonly storeDebt: boolean;
}

/**
 * Nothing happens when debt ≤ 0, `coins` is empty or holds none of `denom` (checked in that order;
 * an invalid `denom` then throws InvalidDenomError where Go panics). Otherwise
 * taken = min(debt, amount of denom).
 */
export function deductSlashing(debt: bigint, coins: Coins, denom: string): SlashingDeduction {
  if (debt <= 0n || coins.isEmpty()) return { remaining: coins, deducted: Coins.EMPTY, debtAfter: debt, storeDebt: false };
  const available = coins.amountOf(denom);
  if (available === 0n) return { remaining: coins, deducted: Coins.EMPTY, debtAfter: debt, storeDebt: false };
  const taken = available >= debt ? debt : available;
  const deducted = Coins.of(coin(denom, taken));
  return { remaining: coins.sub(deducted), deducted, debtAfter: debt - taken, storeDebt: true };
}
