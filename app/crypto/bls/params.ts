/**
 * The PBC type A parameters Stratos uses for BLS (spec-pot §4.1.2; stratos-chain `crypto/bls/config.go`):
 *
 *   type a  q …  h …  r …  exp2 160  exp1 76  sign1 -1  sign0 -1
 *
 * Curve E: y² = x³ + x over F_q (supersingular, #E(F_q) = q + 1 = h·r, embedding degree 2).
 * G1 = G2 = E(F_q)[r]; GT ⊂ F_{q²}^* with F_{q²} = F_q[i]/(i² + 1).
 */

/** Base field prime q (256 bits, q ≡ 3 mod 4, so −1 is a non-square and i² = −1 defines F_{q²}). */
export const FIELD_PRIME = 111883039802014540742638515425631208377440717422111030738555230553573602549347n;

/** Exponents of the group order r = 2^160 − 2^76 − 1 ("exp2 160, exp1 76, sign1 −1, sign0 −1"). */
export const ORDER_EXP2 = 160;
export const ORDER_EXP1 = 76;

/** Prime group order r = 2^160 − 2^76 − 1 (the order of G1, G2 and GT). */
export const GROUP_ORDER = (1n << BigInt(ORDER_EXP2)) - (1n << BigInt(ORDER_EXP1)) - 1n;

/** Cofactor h = (q + 1) / r = 2² · 3 · 7 · 1979 · 2189477 · 210329158134121181. */
export const COFACTOR = 76553482352810235020926853532n;

/** Byte length of an encoded field element (PBC `fixed_length_in_bytes` of F_q). */
export const FIELD_BYTES = 32;

/** Byte length of a compressed point: x (32 bytes, big-endian) ‖ one parity byte. */
export const POINT_BYTES = FIELD_BYTES + 1;

/** A finite point of E(F_q) in affine coordinates. The point at infinity is never an AffinePoint. */
export interface AffinePoint {
  readonly x: bigint;
  readonly y: bigint;
}

/** The fixed generator g of the order-r subgroup (`blsGenerator` in config.go). */
export const GENERATOR: AffinePoint = {
  x: 7450342596568074891770011364444075585630992484704200481904768097661178197184n,
  y: 12840831487288433404479563278842210281426538508788525550982744564854326501497n,
};
