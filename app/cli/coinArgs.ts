/** Coin and address arguments of `stchaind` verbs, with one-line errors. */
import { BECH32_PREFIX, parseBech32Address } from "../crypto/address.js";
import { parseStratosCoins } from "../client/coins.js";
import { CliError } from "./common.js";

export interface CliCoin {
  readonly denom: string;
  readonly amount: bigint;
}

/**
 * `1.5stos`, `1000000gwei`, `10wei,5foo` → normalised coins (stos and gwei become wei, spec-chain §3).
 * @throws CliError on a malformed or empty list, or a zero amount.
 */
export function parseCliCoins(text: string): CliCoin[] {
  let coins;
  try {
    coins = parseStratosCoins(text);
  } catch (e) {
    throw new CliError(`invalid coins "${text}": ${e instanceof Error ? e.message : String(e)}`);
  }
  if (coins.length === 0) throw new CliError(`invalid coins "${text}": no amount given (e.g. 1000stos or 1000000wei)`);
  const result = coins.map((c) => ({ denom: c.denom, amount: BigInt(c.amount) }));
  if (result.some((c) => c.amount <= 0n)) throw new CliError(`invalid coins "${text}": amounts must be positive`);
  return result;
}

/** An `st1…` account address. @throws CliError naming what is wrong with it. */
export function parseAccountAddress(text: string): string {
  try {
    parseBech32Address(text, BECH32_PREFIX.account);
  } catch (e) {
    throw new CliError(`invalid address "${text}": ${e instanceof Error ? e.message : String(e)}`);
  }
  return text;
}

/** An `stvaloper1…` validator operator address. */
export function parseValidatorAddress(text: string): string {
  try {
    parseBech32Address(text, BECH32_PREFIX.validator);
  } catch (e) {
    throw new CliError(`invalid validator address "${text}": ${e instanceof Error ? e.message : String(e)}`);
  }
  return text;
}
