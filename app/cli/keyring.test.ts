import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { deriveEthSecp256k1Account } from "../crypto/hd.js";
import { CliError } from "./common.js";
import { armorPrivateKey, Keyring, openPrivateKey, sealPrivateKey, unarmorPrivateKey } from "./keyring.js";

// spec-chain.md §4's test mnemonic (the BIP-39 "abandon … about" vector); its 606 address is derived, not hard-coded.
const MNEMONIC = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
const FAST = 4; // scrypt 2^4: the format and the checks, not the cost, are under test here
const homes: string[] = [];
const tempHome = (): string => {
  const h = fs.mkdtempSync(path.join(os.tmpdir(), "keyring-"));
  homes.push(h);
  return h;
};
afterEach(() => {
  for (const h of homes.splice(0)) fs.rmSync(h, { recursive: true, force: true });
});

describe("sealed private keys", () => {
  const account = deriveEthSecp256k1Account(MNEMONIC);

  it("round-trips with the passphrase and fails clearly with another", () => {
    const sealed = sealPrivateKey(account.privateKey, "passphrase-1", FAST);
    expect(Buffer.from(sealed.ciphertext, "base64").includes(Buffer.from(account.privateKey))).toBe(false);
    expect(openPrivateKey(sealed, "passphrase-1", "key k")).toEqual(account.privateKey);
    expect(() => openPrivateKey(sealed, "passphrase-2", "key k")).toThrow(new CliError("key k: wrong passphrase"));
  });

  it("fresh salt and nonce each time", () => {
    const a = sealPrivateKey(account.privateKey, "passphrase-1", FAST);
    const b = sealPrivateKey(account.privateKey, "passphrase-1", FAST);
    expect(a.salt).not.toBe(b.salt);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it("a tampered ciphertext is refused like a wrong passphrase", () => {
    const sealed = sealPrivateKey(account.privateKey, "passphrase-1", FAST);
    const bytes = Buffer.from(sealed.ciphertext, "base64");
    bytes[0]! ^= 1;
    expect(() => openPrivateKey({ ...sealed, ciphertext: bytes.toString("base64") }, "passphrase-1", "key k")).toThrow(/wrong passphrase/);
  });

  it("export armor round-trips and rejects a wrong passphrase or a non-armor", () => {
    const armor = armorPrivateKey(account.privateKey, "export-pass", FAST);
    expect(armor.startsWith("-----BEGIN STRATOS-TS PRIVATE KEY-----\n")).toBe(true);
    expect(unarmorPrivateKey(armor, "export-pass")).toEqual(account.privateKey);
    expect(() => unarmorPrivateKey(armor, "other-pass")).toThrow(/wrong passphrase/);
    expect(() => unarmorPrivateKey("hello", "export-pass")).toThrow(/not an exported key/);
  });
});

describe("Keyring", () => {
  const account = deriveEthSecp256k1Account(MNEMONIC);
  const other = deriveEthSecp256k1Account(MNEMONIC, 1);

  it("file backend: stores the key encrypted, shows the public part, opens it with the passphrase", async () => {
    const home = tempHome();
    const keyring = new Keyring(home, "file", { passphrase: async () => "passphrase-1", scryptLogN: FAST });
    const info = await keyring.add("alice", account.privateKey, account.path);
    expect(info).toEqual({ name: "alice", type: "eth_secp256k1", address: account.bech32, pubkey: Buffer.from(account.publicKey).toString("base64"), hd_path: "m/44'/606'/0'/0/0" });
    const stored = fs.readFileSync(path.join(home, "keyring-file", "alice.json"), "utf8");
    expect(stored).not.toContain(Buffer.from(account.privateKey).toString("hex"));
    expect(keyring.show("alice")).toEqual(info);
    expect(keyring.find(account.bech32)).toEqual(info);
    expect(await keyring.privateKey("alice")).toEqual(account.privateKey);

    const wrong = new Keyring(home, "file", { passphrase: async () => "passphrase-2", scryptLogN: FAST });
    await expect(wrong.privateKey("alice")).rejects.toThrow("key alice: wrong passphrase");
    // One passphrase per keyring: a second key under another passphrase is refused.
    await expect(wrong.add("bob", other.privateKey, other.path)).rejects.toThrow(/wrong passphrase/);
    expect(keyring.has("bob")).toBe(false);
  });

  it("test backend: clear key; duplicates, unknown names, rename and delete", async () => {
    const home = tempHome();
    const keyring = new Keyring(home, "test", { passphrase: async () => { throw new Error("the test backend asks for no passphrase"); } });
    await keyring.add("alice", account.privateKey, account.path);
    expect(await keyring.privateKey("alice")).toEqual(account.privateKey);
    await expect(keyring.add("alice", other.privateKey, other.path)).rejects.toThrow("key alice already exists");
    await expect(keyring.add("alias", account.privateKey, account.path)).rejects.toThrow("already stored as alice");
    await expect(keyring.add("../evil", other.privateKey, other.path)).rejects.toThrow(/invalid key name/);
    expect(() => keyring.show("nobody")).toThrow(/key nobody not found in the test keyring/);
    await keyring.add("bob", other.privateKey, other.path);
    expect(keyring.list().map((k) => k.name)).toEqual(["alice", "bob"]);
    expect(keyring.rename("bob", "carol").address).toBe(other.bech32);
    keyring.delete("alice");
    expect(keyring.list().map((k) => k.name)).toEqual(["carol"]);
    expect(() => keyring.delete("alice")).toThrow(/not found/);
  });

  it("refuses a private key that is not a secp256k1 scalar", async () => {
    const keyring = new Keyring(tempHome(), "test", { passphrase: async () => "" });
    await expect(keyring.add("zero", new Uint8Array(32), "")).rejects.toThrow(/not a valid secp256k1 private key/);
    await expect(keyring.add("short", new Uint8Array(31).fill(1), "")).rejects.toThrow(/32 bytes/);
  });
});
