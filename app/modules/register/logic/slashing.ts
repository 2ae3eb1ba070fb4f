/**
 * `DeductSlashing(wallet, coins, denom)` without the store (spec-register §5.8): the wallet's debt
 * (key 0x05 ‖ wallet, wei) is paid first out of `coins`' amount of `denom`. The only implementation:
 * register's unbonding completion (denom = bond denom, §7.1) and pot's reward maturity (denom =
 * reward denom, spec-pot §6.2) both call it.
 */
import { coin, Coins } from "../../../math/coins.js";

export interface SlashingDeduction {
  /** `coins` minus what was taken. */
  readonly remaining: Coins;
  /** What was taken: empty or one coin of `denom`. */
  readonly deducted: Coins;
  /** The debt after the deduction (the input debt when nothing was taken). */
  readonly debtAfter: bigint;
  /**
   * Whether the reference writes the debt back: true whenever something was taken, including a debt
   * that drops to exactly zero (a zero is stored, not deleted); false means nothing is written.
   */
  readonly storeDebt: boolean;
}

/**
 * Nothing happens when debt ≤ 0, `coins` is empty or holds none of `denom`, tested in that order as
 * Go's `||` short-circuits (§5.8). Otherwise taken = min(debt, amount of denom).
 * @throws InvalidDenomError if `denom` is invalid and the first two tests did not already return:
 *   Go's `Coins.AmountOf` panics there, so an invalid denom goes unnoticed when there is no debt or no coin.
 */
export function deductSlashing(debt: bigint, coins: Coins, denom: string): SlashingDeduction {
  const nothing = { remaining: coins, deducted: Coins.EMPTY, debtAfter: debt, storeDebt: false };
  if (debt <= 0n || coins.isEmpty()) return nothing;
  const available = coins.amountOf(denom);
  if (available === 0n) return nothing;
  const taken = available >= debt ? debt : available;
  const deducted = Coins.of(coin(denom, taken));
  return { remaining: coins.sub(deducted), deducted, debtAfter: debt - taken, storeDebt: true };
}
