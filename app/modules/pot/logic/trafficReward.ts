import { Dec } from "../../../math/dec.js";
import { ZeroDivisorError } from "./errors.js";

/**
 * The traffic reward R = ((S + Pt) · Y) / (Lt + Y) of spec-pot §5.2, in LegacyDec arithmetic:
 * `quo(mul(toDec(S) + toDec(Pt), toDec(Y)), toDec(Lt) + toDec(Y))`. Also values a slashing in noz
 * (§4.4 step 6). Zero inputs are legal (the reference only logs them) except `Lt + Y = 0`.
 *
 * @param s  effective total deposit S (wei, register 0x10)
 * @param pt unissued prepay balance Pt (wei)
 * @param lt remaining ozone limit Lt (noz, register 0x04), read before the report increases it
 * @param y  total consumed volume Y (noz)
 * @throws ZeroDivisorError when Lt + Y = 0 (the reference panics)
 */
export function trafficReward(s: bigint, pt: bigint, lt: bigint, y: bigint): Dec {
  const denominator = Dec.fromInt(lt).add(Dec.fromInt(y));
  if (denominator.isZero()) throw new ZeroDivisorError("trafficReward", `Lt + Y (${lt} + ${y})`);
  return Dec.fromInt(s).add(Dec.fromInt(pt)).mul(Dec.fromInt(y)).quo(denominator);
}

