/**
 * Test oracle: the spec's straightforward model of the curve and the pairing (spec-pot Appendix B,
 * transcribed into TypeScript): affine coordinates, Fermat inversions, bit-by-bit Miller loop with
 * addition steps, plain final exponentiation by (q² − 1)/r. Slow (~0.1 s per pairing) and shares no code
 * with the package, so the optimised paths can be checked against it. Not for production use.
 */
import { FIELD_PRIME as q, GROUP_ORDER as r } from "./params.js";

export type ModelPoint = { readonly x: bigint; readonly y: bigint } | null; // null = infinity

const mod = (a: bigint): bigint => ((a % q) + q) % q;

export function modelPow(base: bigint, exponent: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % q;
    b = (b * b) % q;
  }
  return result;
}

const inv = (a: bigint): bigint => modelPow(a, q - 2n);

export function modelAdd(p: ModelPoint, o: ModelPoint): ModelPoint {
  if (p === null) return o;
  if (o === null) return p;
  if (p.x === o.x && mod(p.y + o.y) === 0n) return null;
  const l = p.x === o.x && p.y === o.y ? mod((3n * p.x * p.x + 1n) * inv(2n * p.y)) : mod((o.y - p.y) * inv(o.x - p.x));
  const x = mod(l * l - p.x - o.x);
  return { x, y: mod(l * (p.x - x) - p.y) };
}

export function modelMul(k: bigint, p: ModelPoint): ModelPoint {
  let acc: ModelPoint = null;
  let base = p;
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) acc = modelAdd(acc, base);
    base = modelAdd(base, base);
  }
  return acc;
}

type F2 = readonly [bigint, bigint];
const f2mul = (a: F2, b: F2): F2 => [mod(a[0] * b[0] - a[1] * b[1]), mod(a[0] * b[1] + a[1] * b[0])];
function f2pow(a: F2, e: bigint): F2 {
  let result: F2 = [1n, 0n];
  let b = a;
  for (let k = e; k > 0n; k >>= 1n) {
    if (k & 1n) result = f2mul(result, b);
    b = f2mul(b, b);
  }
  return result;
}

/** Reduced Tate pairing with distortion map, exactly as Appendix B computes it. */
export function modelPairing(p: { x: bigint; y: bigint }, o: { x: bigint; y: bigint }): { c0: bigint; c1: bigint } {
  const xq = mod(-o.x);
  const yq = o.y;
  let f: F2 = [1n, 0n];
  let t: ModelPoint = p;
  for (const bit of r.toString(2).slice(1)) {
    const { x, y } = t!;
    const l = mod((3n * x * x + 1n) * inv(2n * y));
    f = f2mul(f2mul(f, f), [mod(-y - l * (xq - x)), yq]);
    t = modelAdd(t, t);
    if (bit === "1") {
      const tt = t!;
      if (tt.x !== p.x) {
        const l2 = mod((p.y - tt.y) * inv(p.x - tt.x));
        f = f2mul(f, [mod(-tt.y - l2 * (xq - tt.x)), yq]);
      }
      t = modelAdd(t, p);
    }
  }
  const [c0, c1] = f2pow(f, (q * q - 1n) / r);
  return { c0, c1 };
}

/** [r]P = O, the plain subgroup test. */
export function modelInSubgroup(p: ModelPoint): boolean {
  return modelMul(r, p) === null;
}

/** Some point of E(F_q) with x ≥ start (not necessarily in G1). */
export function modelPointFrom(start: bigint): { x: bigint; y: bigint } {
  for (let x = mod(start); ; x = mod(x + 1n)) {
    const t = mod(x * x * x + x);
    const y = modelPow(t, (q + 1n) / 4n);
    if ((y * y) % q === t) return { x, y };
  }
}

/**
 * Appendix B `decompress`: exactly 33 bytes; x = int(bytes[0..32]) mod q; the odd root if the flag
 * byte is non-zero, else the even one; null (the model raises) off the curve or outside G1.
 */
export function modelDecompress(bytes: Uint8Array): { x: bigint; y: bigint } | null {
  if (bytes.length !== 33) return null;
  let x = 0n;
  for (const byte of bytes.subarray(0, 32)) x = (x << 8n) | BigInt(byte);
  x %= q;
  const t = mod(x * x * x + x);
  if (t !== 0n && modelPow(t, (q - 1n) / 2n) !== 1n) return null;
  const root = modelPow(t, (q + 1n) / 4n);
  const odd = root !== 0n && root % 2n === 0n ? q - root : root;
  const p = { x, y: bytes[32] !== 0 ? odd : mod(q - odd) };
  return modelInSubgroup(p) ? p : null;
}
