/**
 * Test vectors for the PBC type A BLS scheme, copied verbatim; never produced by this package.
 *
 * Sources:
 *  - TV6: spec-pot §11.6 (made with the spec's Appendix B Python model).
 *  - EXTRA rows: made for this package with the same Appendix B model (python3), saved as model.py and
 *    driven by a short script; each row names the model call that gave it, e.g.
 *      field_hash(bytes.fromhex(input), q)       hash_to_point(msg) → (x, y), compress(…)
 *      keypair_from_seed(seed) → (sk, compress(sk·G))       sign(msg, sk)       pairing(G, G)
 *    Invalid encodings: the smallest x ≥ 1 whose x³ + x is a non-square (x = 1); the smallest on-curve
 *    x outside G1 (x = 2); mul(h·r/3, (2, y)) for the order-3 point. Non-canonical encodings (decoded
 *    by the model's `decompress`, which reduces x mod q and reads any non-zero parity byte as odd): 16·G
 *    (the first multiple of G with x < 2^256 − q) re-encoded with x + q, parity bytes 0x02/0x80/0xff.
 *  - Every TV6 value and every EXTRA hash/key/signature/e(g, g) value was also reproduced with the real
 *    C library: PBC 1.0.0 (github.com/blynn/pbc) built from source with GMP 6.2.1, driven by a throwaway
 *    C program calling element_from_hash, element_pow_zn, element_to_bytes_compressed,
 *    element_from_bytes_compressed, element_mul and element_pairing exactly as Nik-U/pbc's Go wrapper
 *    does (SetFromHash, PowZn, CompressedBytes, SetCompressedBytes, ThenMul, Pair). PBC also maps the
 *    32-zero-byte message to the point at infinity.
 */

export const TV6 = {
  txData: "f34622108e484f6e9a0fe25555a087b137250e63f574ade3b3925353602aa63e",
  keys: [
    { seedByte: 0x11, sk: "1111111111111111111111111111111111111111", pk: "08a903f8419e4474a117b47c410a80364b9bce0cbc5674c8562e361659e11c9000" },
    { seedByte: 0x22, sk: "2222222222222222222222222222222222222222", pk: "04e1b984f0869b2ca7a5c21bb22b7dba01ff88798d8bfbaf9259beadc678103c00" },
    { seedByte: 0x33, sk: "3333333333333333333333333333333333333333", pk: "bfe7b9430e94c011bdc0e0a5f0c9425e420520528524b086711ca0f087ffd58f01" },
  ],
  hx: "6a7c0f90b59603fc4b153f824f796a3b80c0dee0764942a4bbf47b881f770e42",
  hy: "70978e62b6a90d90c9746ec989eb0d4c75e256f61e22fa4ea2991d1b34724ff2",
  aggregateSignature: "24efdab972f6a80d308419242f6140c77e6533be99cd2955f676f1775fc0d33f00",
  signatureOfKeys1And2: "6bbed0503f87517c56f53839a8a71dfdf96365bd96611c96e36fb0681e90be7700",
} as const;

/** field_hash(input, limit) — limit "q" (hash to F_q) or "r" (secret keys). */
export const FIELD_HASH = [
  { name: "empty input, limit q (counter bytes only)", input: "", limit: "q", want: "1780731860627700044960722568376592200742329637303199754547598369979440671" },
  { name: "1 byte, limit q", input: "01", limit: "q", want: "452319777395696515829222078479218771892961821892533232255668223543257989391" },
  { name: "3 bytes, limit q", input: "616263", limit: "q", want: "44048180608069219851362319425894257943031517430716582929977512551266419630855" },
  { name: "31 bytes, limit q (one counter byte)", input: "ab".repeat(31), limit: "q", want: "77648812782670860460512307594061302913369283834606025297048026922953510464256" },
  { name: "32 bytes above q, limit q (halved once)", input: "ff".repeat(32), limit: "q", want: "57896044618658097711785492504343953926634992332820282019728792003956564819967" },
  { name: "40 bytes, limit q (first 32 used)", input: "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627", limit: "q", want: "1780731860627700044960722568376592200742329637303199754547598369979440671" },
  { name: "4-byte seed, limit r", input: "73656564", limit: "r", want: "658795146279508108797960451630834439067707728899" },
  { name: "20 bytes above r, limit r", input: "ff".repeat(20), limit: "r", want: "730750818665451459101842416358141509827966271487" },
  { name: "19 bytes, limit r", input: "07".repeat(19), limit: "r", want: "40119652789475766382061936584368553480751089408" },
  { name: "32 bytes, limit r (first 20 used)", input: "11".repeat(32), limit: "r", want: "97433442488726861213578988847752201310395502865" },
] as const;

/** hash_to_point(msg); `retries` = how many times x ← x² + 1 was applied (from the model). */
export const HASH_TO_POINT = [
  { name: "empty message", msg: "", retries: 0, x: "dce4b84d7592388aea83d203017b4e9b34c2f6bf6ff4171be7d96d6b1be71bb3", y: "e4b8d8314186a4d6949d7acdf1988d7dd40acb1e283ca9f2a4dd4c5144adc8d6", encoded: "dce4b84d7592388aea83d203017b4e9b34c2f6bf6ff4171be7d96d6b1be71bb300" },
  { name: "one zero byte", msg: "00", retries: 0, x: "3bbb0f9dedf495c4ef728e01ddfb5cbb124b6d4480da9488bec79615077ce2fc", y: "4cd4f05977e1ba80abd91c1562dc01580a7c2b4d6203c85b69958a5e54b2702a", encoded: "3bbb0f9dedf495c4ef728e01ddfb5cbb124b6d4480da9488bec79615077ce2fc00" },
  { name: "ascii 'stratos' (odd y)", msg: "73747261746f73", retries: 1, x: "1f5d7044b4c503bd289016a75b9e1e62f50bf53414595fd3b007b5297374a70e", y: "c6d412ea86bd19bac55f4765b12d56d9e2b03860ee55929419786698a1290491", encoded: "1f5d7044b4c503bd289016a75b9e1e62f50bf53414595fd3b007b5297374a70e01" },
  { name: "32 x 0xff", msg: "ff".repeat(32), retries: 4, x: "04edf69e91ce6939a73028ff1f2211a176df06f2f621cf2a92e8f93ed1a01e25", y: "7819b4df92f396d69417b27eb2f03718d12984ae3c4b53e528bbd2391fffcad4", encoded: "04edf69e91ce6939a73028ff1f2211a176df06f2f621cf2a92e8f93ed1a01e2500" },
  { name: "40 bytes (same first 32 as empty)", msg: "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627", retries: 0, x: "dce4b84d7592388aea83d203017b4e9b34c2f6bf6ff4171be7d96d6b1be71bb3", y: "e4b8d8314186a4d6949d7acdf1988d7dd40acb1e283ca9f2a4dd4c5144adc8d6", encoded: "dce4b84d7592388aea83d203017b4e9b34c2f6bf6ff4171be7d96d6b1be71bb300" },
  { name: "ascii 'retry-0'", msg: "72657472792d30", retries: 3, x: "c7a56e7c31173ba7a8a66df8d9c6340967006b7df36c278ea25d76ed18c91e6d", y: "e4a2549ecdbe945cac7db4aace65340ff15b4c2258f5e846c50a452b44b3aa6c", encoded: "c7a56e7c31173ba7a8a66df8d9c6340967006b7df36c278ea25d76ed18c91e6d00" },
] as const;

/** A message the model (and PBC) hash to the point at infinity: x = 0 gives (0, 0), and h is even. */
export const HASH_TO_INFINITY_MSG = "00".repeat(32);

/** keypair_from_seed(seed). */
export const KEYS = [
  { name: "4-byte seed (counter-extended)", seed: "73656564", sk: "7365656400736565640173656564027365656403", pk: "4ae06306568f1cf21a78a7a84fc252d2fddfa8e00226398d080b2d2b78a4d96801" },
  { name: "1-byte seed", seed: "01", sk: "0100010101020103010401050106010701080109", pk: "1e723162afff54f818008cc9cf919af73da0f5bad433ede65167af564699d64f01" },
  { name: "20 x 0xff (halved below r)", seed: "ff".repeat(20), sk: "7fffffffffffffffffffffffffffffffffffffff", pk: "570caee6ec24beef500c302846b40fd942bfc25093ac30c0fb8aa9843942e16e01" },
  { name: "32-byte seed 00..1f", seed: "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", sk: "000102030405060708090a0b0c0d0e0f10111213", pk: "8b592ff4e0960f523b61240cf64ce154d749534dbb90e46ee905e3f433a45b0501" },
] as const;

/** sign(msg, keypair_from_seed(seed).sk); each verifies with the seed's public key (model: True). */
export const SIGNATURES = [
  { name: "seed 'seed', msg 'stratos'", seed: "73656564", msg: "73747261746f73", signature: "2bdd011802d38ea60ee84f161d6804327398be08c88d104ceddde2cafa511d4b00" },
  { name: "seed 00..1f, empty msg", seed: "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", msg: "", signature: "2d97e9050b4573cb34e5bc2e60dc3c1c6631639241b497015178ed7ab2971ae100" },
] as const;

/** pairing(G, G) from the model; libpbc's element_pairing(g, g) prints the same two coordinates. */
export const PAIRING_G_G = {
  c0: "102151309550387300371109689070705145536467698376737098381642818045915478384086",
  c1: "16322816830896822864388682474861832106252180873478792396678100940070992369410",
} as const;

/** The compressed generator and its negation. */
export const GENERATOR_ENCODED = "1078be95d6d505db3f881fafb7c89c63b1f1f83983bdebaaf4d43e940315b4c001";
export const NEG_GENERATOR_ENCODED = "1078be95d6d505db3f881fafb7c89c63b1f1f83983bdebaaf4d43e940315b4c000";

/**
 * Encodings decoding must refuse (spec-pot §4.1.2 R:, Appendix B `decompress`: wrong length, not on the
 * curve, not in the order-r subgroup). PBC accepts the all-zero one and the small-order points.
 */
export const INVALID_ENCODINGS = [
  { name: "empty", hex: "" },
  { name: "32 bytes (parity byte missing)", hex: GENERATOR_ENCODED.slice(0, 64) },
  { name: "34 bytes (trailing byte)", hex: `${GENERATOR_ENCODED}00` },
  { name: "x = 1: x³ + x is not a square", hex: `${"00".repeat(31)}0100` },
  { name: "all zero: (0, 0), 2-torsion (PBC's encoding of infinity)", hex: "00".repeat(33) },
  { name: "x = 2: on the curve, not in G1", hex: `${"00".repeat(31)}0201` },
  { name: "point of order 3", hex: "11303b9d891d58cd6dd420dd0aff79316bc7f5feef3e524e8b3c6563620f191b01" },
  { name: "2^256 − 1 reduced mod q is not on the curve", hex: `${"ff".repeat(32)}01` },
] as const;

/**
 * Non-canonical encodings that PBC and the Appendix B model both decode (x is reduced mod q; any
 * non-zero parity byte selects the odd root), with the canonical encoding of the point they name.
 * Model: `compress(decompress(bytes.fromhex(hex)))`.
 */
export const NON_CANONICAL_ENCODINGS = [
  {
    name: "x + q for 16·g",
    hex: "f7be76c24615f18daf6b99b3dd0ae6286427f5fdae3995284f54dc034ccd7c5701",
    canonical: "0062e8505c84441f44be878d95f204c17efedca977aee39a38e68971b77a9df401",
  },
  { name: "parity byte 0x02 on g", hex: `${GENERATOR_ENCODED.slice(0, 64)}02`, canonical: GENERATOR_ENCODED },
  { name: "parity byte 0x80 on g", hex: `${GENERATOR_ENCODED.slice(0, 64)}80`, canonical: GENERATOR_ENCODED },
  { name: "parity byte 0xff on g", hex: `${GENERATOR_ENCODED.slice(0, 64)}ff`, canonical: GENERATOR_ENCODED },
] as const;

/**
 * TV6 with non-canonical key/signature encodings, and the model's `verify` result:
 * pk2 re-encoded with x + q and pk3 with parity byte 0x07 name the same keys (true); the aggregate
 * signature (even y) with parity 0x02 names −σ (false); pk1 (even y) with parity 0x05 names −pk1 (false).
 */
export const TV6_NON_CANONICAL = {
  pk2XPlusQ: "fc3d47f6da18489b1252d441f9445f20e728a1cdc416ad3da8c8113f5bcaee9f00",
  pk3Parity07: "bfe7b9430e94c011bdc0e0a5f0c9425e420520528524b086711ca0f087ffd58f07",
  aggregateParity02: "24efdab972f6a80d308419242f6140c77e6533be99cd2955f676f1775fc0d33f02",
  pk1Parity05: "08a903f8419e4474a117b47c410a80364b9bce0cbc5674c8562e361659e11c9005",
} as const;

/** 16·g, canonically encoded (the valid twin of the x + q row above). */
export const SIXTEEN_G_ENCODED = "0062e8505c84441f44be878d95f204c17efedca977aee39a38e68971b77a9df401";
