import type { Coin } from "@cosmjs/stargate";
import { parseCoinsNormalized } from "../math/coinParse.js";

/**
 * Human coin strings to chain coins, with the reference's normalisation (spec-chain.md §3):
 * "1.5stos" → 1500000000000000000wei, "3gwei" → 3000000000wei, "10wei,5foo" → both, sorted.
 */
export function parseStratosCoins(text: string): Coin[] {
  return parseCoinsNormalized(text)
    .toArray()
    .map((c) => ({ denom: c.denom, amount: c.amount.toString() }));
}

/** One coin: `stos("1.5")` → { denom: "wei", amount: "1500000000000000000" }. */
export function stos(amount: string): Coin {
  const [c] = parseStratosCoins(`${amount}stos`);
  return c ?? { denom: "wei", amount: "0" };
}
