/**
 * The symmetric pairing of PBC type A (spec-pot §4.1.2): the reduced Tate pairing
 *   e(P, Q) = f_{r,P}(ψ(Q))^((q²−1)/r),   ψ(x, y) = (−x, i·y)  (the distortion map),
 * the same value PBC computes (pairing.test.ts checks e(g, g) against libpbc's).
 *
 * How it is made fast:
 *  - Miller loop over r = 2^160 − 2^76 − 1 using doublings only. With n = 2^160, m = 2^76 and rP = O,
 *    div(f_n / f_m) = div(f_r) + div(l/v), where l is the chord through mP and P and v the vertical at
 *    nP = mP + P; hence f_r = f_n · v / (f_m · l). Vertical lines take values in F_q at ψ(Q) (their
 *    x-coordinate is −x_Q ∈ F_q), and any F_q^* factor dies in the final exponentiation, whose exponent
 *    (q² − 1)/r is a multiple of q − 1. So v is dropped and the division by f_m·l becomes a conjugation
 *    (conj(a) = a^q = a^(−1) · N(a) with N(a) ∈ F_q^*).
 *  - Jacobian coordinates for the running point: each line is scaled by an F_q factor to clear the
 *    denominators, so the loop has no inversion.
 *  - Several pairings share one accumulator: f ← f² · Π lines, then one final exponentiation.
 *  - The fixed generator g as first argument uses precomputed lines (generatorLines.ts).
 *  - Final exponentiation (q − 1)·h: f^(q−1) = conj(f)² / N(f) (one F_q inversion), then a signed-window
 *    power by the 96-bit cofactor h on the unitary result, whose inverse is its conjugate.
 * All first arguments must have order r (never 2-torsion or infinity), which every caller guarantees.
 */
import { fpInv } from "./fp.js";
import { fp2Eq, fp2Mul, fp2Pow, fp2PowUnitary, FP2_ONE, type Fp2 } from "./fp2.js";
import { generatorLines } from "./generatorLines.js";
import { COFACTOR, FIELD_PRIME, ORDER_EXP1, ORDER_EXP2, type AffinePoint } from "./params.js";
import { slidingWindowSchedule } from "./window.js";

const q = FIELD_PRIME;
const qSquared = q * q;

/** Miller-loop state of one (P, Q) pair: T = 2^k·P in Jacobian coordinates. */
interface PairState {
  readonly p: AffinePoint;
  readonly qx: bigint;
  readonly qy: bigint;
  X: bigint;
  Y: bigint;
  Z: bigint;
}

/**
 * f = Π f_{r,P_i}(ψ(Q_i)) · Π f_{r,g}(ψ(R_j)), correct up to factors the final exponentiation removes.
 * `pairs` are (P_i, Q_i) with P_i of order r; `generatorPartners` are the R_j paired with g.
 */
export function millerLoop(pairs: readonly (readonly [AffinePoint, AffinePoint])[], generatorPartners: readonly AffinePoint[]): Fp2 {
  const states: PairState[] = pairs.map(([p, point]) => ({ p, qx: point.x, qy: point.y, X: p.x, Y: p.y, Z: 1n }));
  const lines = generatorLines();
  let f0 = 1n;
  let f1 = 0n;
  let m0 = 1n; // f_m · (chord lines), the part that gets divided out
  let m1 = 0n;
  for (let k = 0; k < ORDER_EXP2; k++) {
    if (k > 0) {
      const s0 = ((f0 + f1) * (f0 + q - f1)) % q;
      f1 = (2n * f0 * f1) % q;
      f0 = s0;
    }
    for (const st of states) {
      // Tangent at T, then T ← 2T ("dbl-2007-bl" with a = 1). The line y − y_T − λ(x − x_T) at ψ(Q),
      // times 2·Y·Z³ (an F_q factor): (M·(ZZ·x_Q + X) − 2·YY) + i·(Z3·ZZ·y_Q), M = 3X² + Z⁴, Z3 = 2YZ.
      const { X, Y, Z } = st;
      // S = 4·X·YY and YY² stay unreduced (< 4q², < q²): one `%` less each, see fp.ts.
      const XX = (X * X) % q;
      const YY = (Y * Y) % q;
      const ZZ = (Z * Z) % q;
      const S = 4n * X * YY;
      const M = (3n * XX + ZZ * ZZ) % q;
      const X3 = (M * M + 8n * qSquared - 2n * S) % q;
      const Z3 = (2n * Y * Z) % q;
      const l0 = (M * (ZZ * st.qx + X) + 2n * (q - YY)) % q;
      const l1 = (Z3 * ZZ * st.qy) % q;
      st.X = X3;
      st.Y = (M * (S + q - X3) + 8n * (qSquared - YY * YY)) % q;
      st.Z = Z3;
      const t0 = (f0 * l0 + f1 * (q - l1)) % q;
      f1 = (f0 * l1 + f1 * l0) % q;
      f0 = t0;
    }
    const slope = lines.slope[k]!;
    const constant = lines.constant[k]!;
    for (const r of generatorPartners) {
      const l0 = (slope * r.x + constant) % q;
      const l1 = r.y;
      const t0 = (f0 * l0 + f1 * (q - l1)) % q;
      f1 = (f0 * l1 + f1 * l0) % q;
      f0 = t0;
    }
    if (k + 1 === ORDER_EXP1) {
      // f now holds f_m (m = 2^76); T_i = m·P_i. Multiply in the chord lines through m·P_i and P_i.
      m0 = f0;
      m1 = f1;
      for (const st of states) {
        const [l0, l1] = chordLine(st);
        const t0 = (m0 * l0 + m1 * (q - l1)) % q;
        m1 = (m0 * l1 + m1 * l0) % q;
        m0 = t0;
      }
      for (const r of generatorPartners) {
        const l0 = (lines.chordSlope * r.x + lines.chordConstant) % q;
        const t0 = (m0 * l0 + m1 * (q - r.y)) % q;
        m1 = (m0 * r.y + m1 * l0) % q;
        m0 = t0;
      }
    }
  }
  // f_r ≡ f_n · conj(f_m · chords)
  return { c0: (f0 * m0 + f1 * m1) % q, c1: (f1 * m0 + (q - f0) * m1) % q };
}

/**
 * The chord through T = (X : Y : Z) (Jacobian) and P = (x_P, y_P) evaluated at ψ(Q), times the F_q
 * factor D = Z·(x_P·Z² − X): with N = y_P·Z³ − Y it is (N·(x_Q + x_P) − D·y_P) + i·(D·y_Q).
 */
function chordLine(st: PairState): [bigint, bigint] {
  const { X, Y, Z } = st;
  const ZZ = (Z * Z) % q;
  const N = (st.p.y * ZZ * Z + q - Y) % q;
  const D = (Z * (st.p.x * ZZ + q - X)) % q;
  return [(N * (st.qx + st.p.x) + D * (q - st.p.y)) % q, (D * st.qy) % q];
}

/** f^((q² − 1)/r) = (f^(q−1))^h for a non-zero f. */
export function finalExponentiation(f: Fp2): Fp2 {
  const normInverse = fpInv((f.c0 * f.c0 + f.c1 * f.c1) % q);
  // conj(f)² / N(f) = conj(f) / f = f^(q−1)
  const c0 = (((f.c0 + f.c1) * (f.c0 + q - f.c1)) % q) * normInverse;
  const c1 = (((2n * f.c0 * (q - f.c1)) % q) * normInverse) % q;
  return fp2PowUnitary({ c0: c0 % q, c1 }, COFACTOR);
}

/** e(P, Q) for P, Q of order r (both arguments of G1 = G2). */
export function pairing(p: AffinePoint, point: AffinePoint): Fp2 {
  return finalExponentiation(millerLoop([[p, point]], []));
}

/** e(g, R) through the precomputed generator lines. */
export function generatorPairing(r: AffinePoint): Fp2 {
  return finalExponentiation(millerLoop([], [r]));
}

/** True iff Π e(P_i, Q_i) · Π e(g, R_j) = 1, with a single final exponentiation. */
export function pairingProductIsOne(
  pairs: readonly (readonly [AffinePoint, AffinePoint])[],
  generatorPartners: readonly AffinePoint[],
): boolean {
  return fp2Eq(finalExponentiation(millerLoop(pairs, generatorPartners)), FP2_ONE);
}

const COFACTOR_WINDOW = 4;
const COFACTOR_SCHEDULE = slidingWindowSchedule(COFACTOR, COFACTOR_WINDOW);

/**
 * True iff e(P, h·Q0) · e(g, R) = 1, without computing h·Q0 (96 point doublings): the reduced Tate
 * pairing is bilinear in its second argument on all of E(F_{q²}), and ψ is a homomorphism, so
 * e(P, h·Q0) = t(P, ψ(Q0))^h = (f_{r,P}(ψ(Q0))^h)^((q²−1)/r). Q0 may be any curve point with y ≠ 0
 * (then ψ(Q0) has a non-F_q ordinate and no line of the loop vanishes there); P must have order r.
 * The price is a second accumulator (its squarings) and one F_{q²} power by h: about half the cost
 * of the point multiplication it replaces.
 */
export function cofactorPairingCheck(p: AffinePoint, q0: AffinePoint, r: AffinePoint): boolean {
  const withCofactor = fp2Pow(millerLoop([[p, q0]], []), COFACTOR_SCHEDULE, COFACTOR_WINDOW);
  return fp2Eq(finalExponentiation(fp2Mul(withCofactor, millerLoop([], [r]))), FP2_ONE);
}
