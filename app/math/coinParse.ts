/**
 * Coin strings as the reference parses them: SDK v0.47 `ParseDecCoin(s)`, `ParseCoinNormalized`,
 * `ParseCoinsNormalized`, with the denominations stratos registers at start-up (spec-chain §3):
 * `stos` = 1, `gwei` = 10^-9, `wei` = 10^-18; `wei`, the smallest, is the base denom that registered
 * denoms are normalised to. Used by the SimPrepay query and the CLI (spec-sds §6).
 *
 * Rules (all from the SDK): Go `strings.TrimSpace`, then `^(amount)[ \t\n\v\f\r]*(denom)$` with amount
 * `[0-9]+(\.[0-9]+)?|\.[0-9]+` parsed by LegacyNewDecFromStr (so ".5" and more than 18 decimals are
 * errors); a registered denom is converted with Dec arithmetic `amount × unit / unit(wei)` and the
 * fraction truncated ("0.5wei" → 0 wei, "1.9foo" → 1 foo: unregistered denoms only lose the fraction).
 */
import { CoinParseError } from "./coinErrors.js";
import { validateCoinList, type Coin } from "./coinList.js";
import { coin, Coins } from "./coinSet.js";
import { Dec, DecOverflowError } from "./dec.js";
import { decCoin, DecCoins, type DecCoin } from "./decCoins.js";

/** Registered denom units (value of one unit in stos, as a Dec raw) — `cmd/stchaind/main.go`. */
export const REGISTERED_DENOM_UNITS: ReadonlyMap<string, Dec> = new Map([
  ["stos", Dec.ONE],
  ["gwei", Dec.fromRaw(10n ** 9n)],
  ["wei", Dec.fromRaw(1n)],
]);
/** Smallest registered unit (SDK `GetBaseDenom`). */
export const BASE_DENOM = "wei";

const DEC_COIN_RE = /^([0-9]+(?:\.[0-9]+)?|\.[0-9]+)[\t\n\v\f\r ]*([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/;

/** Go `unicode.IsSpace` (Latin-1 spaces incl. U+0085 and U+00A0, plus the White_Space property). */
function isGoSpace(code: number): boolean {
  return (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0x85 || code === 0xa0 ||
    code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000;
}

/** Go `strings.TrimSpace` (differs from String.prototype.trim on U+0085 and U+FEFF). */
export function goTrimSpace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isGoSpace(s.charCodeAt(start))) start++;
  while (end > start && isGoSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

/** SDK `ParseDecCoin`: one `<amount><denom>` (zero allowed, no sign). Throws CoinParseError. */
export function parseDecCoin(s: string): DecCoin {
  const text = goTrimSpace(s);
  const m = DEC_COIN_RE.exec(text);
  if (m === null) throw new CoinParseError(`invalid decimal coin expression: ${text}`);
  const amountText = m[1] ?? "";
  const denom = m[2] ?? "";
  let amount: Dec;
  try {
    amount = Dec.parse(amountText);
  } catch (e) {
    throw new CoinParseError(`failed to parse decimal coin amount: ${amountText}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return decCoin(denom, amount);
}

/** SDK `ParseDecCoins`: comma-separated, sanitized (zeros dropped, sorted) and validated; "" → empty. */
export function parseDecCoins(s: string): DecCoins {
  const text = goTrimSpace(s);
  if (text.length === 0) return DecCoins.EMPTY;
  const list = text.split(",").map(parseDecCoin);
  try {
    return DecCoins.fromArray(list);
  } catch (e) {
    throw new CoinParseError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * SDK `NormalizeDecCoin`: a registered denom converted to `wei` (`amount.Mul(src).Quo(wei)`), any
 * other denom unchanged. Go panics if the conversion overflows the Dec range; here CoinParseError.
 */
export function normalizeDecCoin(c: DecCoin): DecCoin {
  const unit = REGISTERED_DENOM_UNITS.get(c.denom);
  const base = REGISTERED_DENOM_UNITS.get(BASE_DENOM);
  if (unit === undefined || base === undefined) return c;
  if (unit.equals(base)) return decCoin(BASE_DENOM, c.amount);
  try {
    return decCoin(BASE_DENOM, c.amount.mul(unit).quo(base));
  } catch (e) {
    if (e instanceof DecOverflowError) {
      throw new CoinParseError(`normalizing ${c.amount.toString()}${c.denom} to ${BASE_DENOM} overflows (the reference panics)`);
    }
    throw e;
  }
}

const truncateToCoin = (c: DecCoin): Coin => coin(c.denom, c.amount.truncateInt());

/** SDK `ParseCoinNormalized`: "1.5stos" → 1500000000000000000wei; the amount may be 0. */
export function parseCoinNormalized(s: string): Coin {
  return truncateToCoin(normalizeDecCoin(parseDecCoin(s)));
}

/**
 * SDK `ParseCoinsNormalized` exactly: after normalising, the list may hold duplicates
 * ("1stos,1000000000000000000wei" → two wei coins), zero amounts ("0.5wei") or be unsorted
 * ("1stos,1vvv" → [wei, vvv]); Go returns it as is and later validation rejects it.
 */
export function parseCoinsNormalizedRaw(s: string): readonly Coin[] {
  return parseDecCoins(s).toArray().map((c) => truncateToCoin(normalizeDecCoin(c)));
}

/**
 * `ParseCoinsNormalized` as a valid `Coins`: where Go would return an invalid list (see the Raw
 * variant) this throws CoinParseError right away — the SDK rejects such a list at ValidateBasic.
 */
export function parseCoinsNormalized(s: string): Coins {
  const list = parseCoinsNormalizedRaw(s);
  const problem = validateCoinList(list);
  if (problem !== undefined) throw new CoinParseError(`parseCoinsNormalized: ${JSON.stringify(s)} normalizes to an invalid coin set: ${problem}`);
  return Coins.fromArray(list);
}
