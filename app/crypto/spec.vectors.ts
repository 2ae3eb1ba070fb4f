/** Test vectors copied verbatim from /work/shared/specs/spec-chain.md (§2, §4, §9) and spec-register.md §11 R12. */

/** §2: ed25519 keys (base64) → `stsds` addresses. */
export const SDS_ADDRESS_VECTORS = [
  { name: "sample genesis", pubBase64: "vSUv5j+90PCPwWtgoIM7PRi+ozP9K19QMIzyDFu6tRw=", sds: "stsds18648ls7x859se9y58jsep4r09srdud90qhz7us" },
  { name: "mainnet meta node", pubBase64: "d4F4uIkzXEjmu1kTXWmFKXe64u4ITa9RZ6cE/PaT0E8=", sds: "stsds1793jm44fj9tw0c9c8gxwymc6dtnefw0u9p22wk" },
  // spec-register R12: address bytes 72cd6e8422c407fb6d098690f1130b7ded7ec2f7
  { name: "R12 node key 32 x 0x01", pubBase64: "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=", sds: "stsds1wtxkappzcsrlkmgfs6g0zyct0hkhashhvkkdqa" },
] as const;

/** spec-register R12: owner = 20 × 0xB1. */
export const OWNER_B1_VECTOR = { hex: "b1".repeat(20), account: "st1kxcmrvd3kxcmrvd3kxcmrvd3kxcmrvd3v32wdp" } as const;

/** §2: mainnet gentx account ↔ operator (same 20 bytes). */
export const GENTX_VECTOR = {
  account: "st1cxmws9w5ej8847q5ycfskhetrccnhruf56rgc0",
  valoper: "stvaloper1cxmws9w5ej8847q5ycfskhetrccnhrufrk2gyy",
} as const;

/** §4 vector 1: private key 0x…01. */
export const PRIVKEY_ONE_VECTOR = {
  privateKey: "0000000000000000000000000000000000000000000000000000000000000001",
  pub33: "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
  ethAddress: "7e5f4552091a69125d5dfcb7b8c2659029395bdf",
  account: "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv",
  valoper: "stvaloper10e0525sfrf53yh2aljmm3sn9jq5njk7l0p35a8",
  /** Control: the Cosmos secp256k1 address of the same key (`751e76e8…3bd6`). */
  cosmosAddressPrefix: "751e76e8",
  cosmosAddressSuffix: "3bd6",
  cosmosAccount: "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9",
} as const;

/** §4 vector 2: HD derivation. */
export const HD_VECTOR = {
  mnemonic: "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
  passphrase: "",
  path: "m/44'/606'/0'/0/0",
  privateKey: "e3df8df9b971c35167691356293a15e511df59520f8ff64a74afbf4293aebadd",
  pub33: "03258d3a4003527ec82d93553d419c66b976681d09dba38b02a84bb80e45071f27",
  ethAddress: "39330eb4d159cd194a044041900aef978d7532fa",
  account: "st18yesadx3t8x3jjsygpqeqzh0j7xh2vh66945zx",
  /** Control: the same code on `m/44'/60'/0'/0/0` gives the well-known Ethereum address. */
  controlPath: "m/44'/60'/0'/0/0",
  controlEthAddress: "0x9858EfFD232B4033E47d90003D41EC34EcaEda94",
} as const;

/** §9: module accounts with an address (rows without one are left out). */
export const MODULE_ADDRESS_VECTORS = [
  { name: "fee_collector", address: "st17xpfvakm2amg962yls6f84z3kell8c5lv5hj2q" },
  { name: "distribution", address: "st1jv65s3grqf6v6jl3dp4t6c9t9rk99cd8mjswgz" },
  { name: "mint", address: "st1m3h30wlvsf8llruxtpukdvsy0km2kum85un2xa" },
  { name: "bonded_tokens_pool", address: "st1fl48vsnmsdzcv85q5d2q4z5ajdha8yu3fkaac2" },
  { name: "not_bonded_tokens_pool", address: "st1tygms3xhhs3yv487phx3dw4a95jn7t7lakpvw7" },
  { name: "gov", address: "st10d07y265gmmuvt4z0w9aw880jnsr700jx08hhw" },
  { name: "register", address: "st1sauqlfw7dp8g0jujkfulp0q8k984w2z3v9jk6s" },
  { name: "resource_node_bonded_pool", address: "st17ancryq8j2d98qzpkx2nkr9j7htxd9jhtv7zjf" },
  { name: "resource_node_not_bonded_pool", address: "st1ah3srlga6mqr7cq4gd887k2ys97rzfspjae0sz" },
  { name: "meta_node_bonded_pool", address: "st1fz67scxv3hjy0nxafuf0c4made74gfcf7myjqg" },
  { name: "meta_node_not_bonded_pool", address: "st1cm90laq9qjzjd78lkyp49lpdxdfyjrm7jq9wmg" },
  { name: "total_unissued_prepay", address: "st15fmkzxwtq5p64gc0zxmd87cmdwjnn3sakmkuu7" },
  { name: "pot", address: "st1wjj3c08flup92g6c3swpmcwd4xzul9hu5wehxc" },
  { name: "foundation_account", address: "st1y0ujk7aqvuxt6t058gn6k2kq8f3pe96vzwknau" },
  { name: "total_reward_pool", address: "st100qkxrzlcahgh4zeug0p0l8aqcnuaygz3vvv42" },
  { name: "sds", address: "st1y23us4sf6ntzd0qpekra7uwsra4mnf3ww75x67" },
  { name: "evm", address: "st1vqu8rska6swzdmnhf90zuv0xmelej4lq3l3x44" },
] as const;
