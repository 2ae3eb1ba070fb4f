/** Errors of the coin types. Messages keep the SDK's wording so logs grep alike. */

/** A coin or coin set the SDK would refuse (NewCoin/NewCoins/NewDecCoins panic or Validate error). */
export class InvalidCoinsError extends Error {
  override readonly name: string = "InvalidCoinsError";
}

/** A subtraction that would leave a negative amount (SDK Coins.Sub panics "negative coin amount"). */
export class InsufficientCoinsError extends RangeError {
  override readonly name = "InsufficientCoinsError";
}

/** A coin string the SDK parser rejects (ParseDecCoin / ParseCoinNormalized / ParseCoinsNormalized). */
export class CoinParseError extends Error {
  override readonly name = "CoinParseError";
}
