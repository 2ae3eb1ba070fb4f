/**
 * Miller-loop line data for the fixed generator g as first pairing argument, computed once.
 *
 * Every line the Miller loop of f_{r,g} needs passes through a point T_k = 2^k·g known in advance:
 * l_k(x, y) = y − y_k − λ_k (x − x_k). At ψ(Q) = (−x_Q, i·y_Q) it is (λ_k·x_Q + c_k) + i·y_Q with
 * c_k = λ_k·x_k − y_k, so a precomputed (λ_k, c_k) leaves one multiplication per step.
 */
import { fpInv } from "./fp.js";
import { FIELD_PRIME, GENERATOR, ORDER_EXP1, ORDER_EXP2 } from "./params.js";

const q = FIELD_PRIME;

export interface LineCoefficients {
  /** Slope λ and constant c = λ·x_T − y_T of the line through T, for step k (0-based) of the loop. */
  readonly slope: readonly bigint[];
  readonly constant: readonly bigint[];
  /** The chord through 2^exp1·g and g, used by the 2^exp1 correction (see pairing.ts). */
  readonly chordSlope: bigint;
  readonly chordConstant: bigint;
}

let cached: LineCoefficients | undefined;

function computeGeneratorLines(): LineCoefficients {
  const slope: bigint[] = [];
  const constant: bigint[] = [];
  let x = GENERATOR.x;
  let y = GENERATOR.y;
  let chordSlope = 0n;
  let chordConstant = 0n;
  for (let k = 0; k < ORDER_EXP2; k++) {
    if (k === ORDER_EXP1) {
      // T = 2^exp1·g ≠ ±g because g has prime order r > 2^exp1 + 1.
      chordSlope = ((GENERATOR.y + q - y) * fpInv(GENERATOR.x + q - x)) % q;
      chordConstant = (chordSlope * x + q - y) % q;
    }
    const lambda = ((3n * x * x + 1n) * fpInv(2n * y)) % q;
    slope.push(lambda);
    constant.push((lambda * x + q - y) % q);
    const x2 = (lambda * lambda + 2n * (q - x)) % q;
    y = (lambda * (x + q - x2) + q - y) % q;
    x = x2;
  }
  return { slope, constant, chordSlope, chordConstant };
}

/** The table (≈ 160 inversions, a few ms, on first use). */
export function generatorLines(): LineCoefficients {
  cached ??= computeGeneratorLines();
  return cached;
}
