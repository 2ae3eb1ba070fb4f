import { Bip39, EnglishMnemonic, Slip10, Slip10Curve, stringToPath } from "@cosmjs/crypto";
import { mnemonicToSeedSync } from "@scure/bip39";
import { describe, expect, it } from "vitest";
import { GO_SEED_VECTORS } from "./goReference.vectors.js";
import {
  InvalidMnemonicError,
  STRATOS_COIN_TYPE,
  derivePrivateKey,
  deriveEthSecp256k1Account,
  generateMnemonic,
  isValidMnemonic,
  mnemonicToSeed,
  stratosHdPath,
} from "./hd.js";
import { ethAddressFromPubKey, ethPublicKeyFromPrivateKey } from "./ethSecp256k1.js";
import { HD_VECTOR } from "./spec.vectors.js";

const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");

describe("spec-chain §4 vector 2 (abandon ×11 about, m/44'/606'/0'/0/0)", () => {
  const account = deriveEthSecp256k1Account(HD_VECTOR.mnemonic);

  it("path", () => expect(account.path).toBe(HD_VECTOR.path));
  it("private key", () => expect(hex(account.privateKey)).toBe(HD_VECTOR.privateKey));
  it("public key", () => expect(hex(account.publicKey)).toBe(HD_VECTOR.pub33));
  it("eth address", () => expect(hex(account.address)).toBe(HD_VECTOR.ethAddress));
  it("st address", () => expect(account.bech32).toBe(HD_VECTOR.account));

  it("control: m/44'/60'/0'/0/0 gives the well-known Ethereum address", () => {
    const control = deriveEthSecp256k1Account(HD_VECTOR.mnemonic, 0, { path: HD_VECTOR.controlPath });
    expect(hex(control.address)).toBe(HD_VECTOR.controlEthAddress.slice(2).toLowerCase());
  });
});

describe("seed as go-bip39 computes it (Go reference vectors)", () => {
  it.each(GO_SEED_VECTORS)("$name", ({ mnemonic, passphrase, seed }) => {
    expect(hex(mnemonicToSeed(mnemonic, passphrase))).toBe(seed);
  });

  it("differs from NFKD-normalising BIP-39 libraries only for non-NFKD passphrases", () => {
    const [, ascii, nfc, nfd] = GO_SEED_VECTORS;
    expect(hex(mnemonicToSeedSync(ascii.mnemonic, ascii.passphrase))).toBe(ascii.seed);
    expect(hex(mnemonicToSeedSync(nfd.mnemonic, nfd.passphrase))).toBe(nfd.seed);
    expect(hex(mnemonicToSeedSync(nfc.mnemonic, nfc.passphrase))).not.toBe(nfc.seed); // scure normalises NFC → NFD
  });
});

describe("BIP-32 derivation agrees with CosmJS (Slip10 secp256k1)", () => {
  it.each([0, 1, 2, 7, 2 ** 31 - 1])("index %i", async (index) => {
    const path = stratosHdPath(index);
    const cosmjsSeed = await Bip39.mnemonicToSeed(new EnglishMnemonic(HD_VECTOR.mnemonic), "pw");
    const seed = mnemonicToSeed(HD_VECTOR.mnemonic, "pw");
    expect(hex(seed)).toBe(hex(cosmjsSeed));
    const { privkey } = Slip10.derivePath(Slip10Curve.Secp256k1, cosmjsSeed, stringToPath(path));
    const account = deriveEthSecp256k1Account(HD_VECTOR.mnemonic, index, { passphrase: "pw" });
    expect(hex(account.privateKey)).toBe(hex(privkey));
    expect(hex(derivePrivateKey(seed, path))).toBe(hex(privkey));
    expect(account.address).toEqual(ethAddressFromPubKey(ethPublicKeyFromPrivateKey(privkey)));
  });

  it("account numbers change the hardened level", async () => {
    const cosmjsSeed = await Bip39.mnemonicToSeed(new EnglishMnemonic(HD_VECTOR.mnemonic));
    const { privkey } = Slip10.derivePath(Slip10Curve.Secp256k1, cosmjsSeed, stringToPath("m/44'/606'/3'/0/5"));
    expect(hex(deriveEthSecp256k1Account(HD_VECTOR.mnemonic, 5, { account: 3 }).privateKey)).toBe(hex(privkey));
  });
});

describe("paths", () => {
  it("coin type 606", () => {
    expect(STRATOS_COIN_TYPE).toBe(606);
    expect(stratosHdPath()).toBe("m/44'/606'/0'/0/0");
    expect(stratosHdPath(12, 4)).toBe("m/44'/606'/4'/0/12");
  });

  it.each([-1, 1.5, 2 ** 31, Number.NaN])("refuses index %s", (i) => {
    expect(() => stratosHdPath(i)).toThrow(RangeError);
    expect(() => stratosHdPath(0, i)).toThrow(RangeError);
  });

  it.each(["", "44'/606'", "m/44'/x", "m//0", "m/0/"])("derivePrivateKey refuses path %j", (path) => {
    expect(() => derivePrivateKey(new Uint8Array(64), path)).toThrow(RangeError);
  });
});

describe("mnemonic validation (go-bip39 rules)", () => {
  const words = HD_VECTOR.mnemonic.split(" ");
  it.each([
    { name: "bad checksum", m: [...words.slice(0, 11), "abandon"].join(" ") },
    { name: "11 words", m: words.slice(0, 11).join(" ") },
    { name: "unknown word", m: [...words.slice(0, 10), "stratos", "about"].join(" ") },
    { name: "double space", m: words.join("  ") },
    { name: "leading space", m: " " + HD_VECTOR.mnemonic },
    { name: "trailing newline", m: HD_VECTOR.mnemonic + "\n" },
    { name: "uppercase", m: HD_VECTOR.mnemonic.toUpperCase() },
    { name: "full-width letters (NFKD would fold them)", m: HD_VECTOR.mnemonic.replace("about", "ａbout") },
    { name: "empty", m: "" },
  ])("$name is refused", ({ m }) => {
    expect(isValidMnemonic(m)).toBe(false);
    expect(() => mnemonicToSeed(m)).toThrow(InvalidMnemonicError);
    expect(() => deriveEthSecp256k1Account(m)).toThrow(InvalidMnemonicError);
  });

  it("generated mnemonics are valid and have the requested length", () => {
    expect(generateMnemonic().split(" ")).toHaveLength(24);
    const twelve = generateMnemonic(12);
    expect(twelve.split(" ")).toHaveLength(12);
    expect(isValidMnemonic(twelve)).toBe(true);
  });
});
