/**
 * Public surface of the coin types (SDK v0.47 Coin/Coins/DecCoin/DecCoins and coin-string parsing).
 * Each part lives in its own file; import from here.
 */
export { InvalidCoinsError, InsufficientCoinsError, CoinParseError } from "./coinErrors.js";
export { DENOM_REGEX, InvalidDenomError, compareDenoms, isValidDenom, validateDenom } from "./denom.js";
export { amountOfCoinList, coinListString, isZeroCoinList, validateCoinList } from "./coinList.js";
export { coin, Coins, type Coin } from "./coinSet.js";
export { decCoin, DecCoins, type DecCoin } from "./decCoins.js";
export {
  BASE_DENOM, REGISTERED_DENOM_UNITS, goTrimSpace, normalizeDecCoin, parseCoinNormalized,
  parseCoinsNormalized, parseCoinsNormalizedRaw, parseDecCoin, parseDecCoins,
} from "./coinParse.js";
