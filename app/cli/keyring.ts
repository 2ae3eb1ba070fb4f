/**
 * The `stchaind keys` keyring: one JSON file per key under `<home>/keyring-<backend>/`.
 *
 * - `file`: the private key is encrypted with the keyring passphrase — scrypt (@noble/hashes) derives
 *   a 32-byte key, XChaCha20-Poly1305 (@noble/ciphers) seals the private key, so a wrong passphrase
 *   fails the authentication tag instead of yielding a wrong key. One passphrase per keyring, as the
 *   SDK's file keyring: adding a key to a non-empty keyring first checks the passphrase on a stored key.
 * - `test`: the private key in clear hex, for scripts and tests only.
 *
 * Mnemonics are never stored (`keys add` prints it once). Keys are eth_secp256k1, the Stratos type.
 */
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { scrypt } from "@noble/hashes/scrypt.js";
import { BECH32_PREFIX, formatBech32Address } from "../crypto/address.js";
import { ethAddressFromPubKey, ETH_SECP256K1_KEY_TYPE, ethPublicKeyFromPrivateKey } from "../crypto/ethSecp256k1.js";
import { CliError } from "./common.js";

export type KeyringBackend = "file" | "test";

export function parseKeyringBackend(text: string | undefined): KeyringBackend {
  const backend = text ?? "file";
  if (backend !== "file" && backend !== "test") throw new CliError(`--keyring-backend must be file or test, got ${backend}`, 2);
  return backend;
}

/** What `keys show` / `keys list` print. */
export interface KeyInfo {
  readonly name: string;
  readonly type: string;
  readonly address: string;
  /** 33-byte compressed public key, base64. */
  readonly pubkey: string;
  /** The HD path it was derived at ("" for an imported key). */
  readonly hd_path: string;
}

interface SealedKey {
  readonly kdf: "scrypt";
  readonly log_n: number;
  readonly r: number;
  readonly p: number;
  readonly salt: string;
  readonly cipher: "xchacha20-poly1305";
  readonly nonce: string;
  readonly ciphertext: string;
}

interface KeyRecord extends KeyInfo {
  readonly sealed?: SealedKey;
  readonly private_key_hex?: string;
}

/** scrypt cost 2^15 (32 MiB, a fraction of a second): the keyring guards funds, not sessions. */
export const DEFAULT_SCRYPT_LOG_N = 15;
const KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function sealPrivateKey(privateKey: Uint8Array, passphrase: string, logN: number = DEFAULT_SCRYPT_LOG_N): SealedKey {
  const salt = randomBytes(16);
  const nonce = randomBytes(24);
  const key = scrypt(passphrase, salt, { N: 2 ** logN, r: 8, p: 1, dkLen: 32 });
  const ciphertext = xchacha20poly1305(key, nonce).encrypt(privateKey);
  return {
    kdf: "scrypt", log_n: logN, r: 8, p: 1, salt: Buffer.from(salt).toString("base64"),
    cipher: "xchacha20-poly1305", nonce: Buffer.from(nonce).toString("base64"), ciphertext: Buffer.from(ciphertext).toString("base64"),
  };
}

/** @throws CliError "wrong passphrase" when the tag does not verify. */
export function openPrivateKey(sealed: SealedKey, passphrase: string, what: string): Uint8Array {
  if (sealed.kdf !== "scrypt" || sealed.cipher !== "xchacha20-poly1305" || !Number.isInteger(sealed.log_n) || sealed.log_n < 1 || sealed.log_n > 20) {
    throw new CliError(`${what}: unsupported key encryption`);
  }
  const key = scrypt(passphrase, Buffer.from(sealed.salt, "base64"), { N: 2 ** sealed.log_n, r: sealed.r, p: sealed.p, dkLen: 32 });
  try {
    return xchacha20poly1305(key, Buffer.from(sealed.nonce, "base64")).decrypt(Buffer.from(sealed.ciphertext, "base64"));
  } catch {
    throw new CliError(`${what}: wrong passphrase`);
  }
}

export function keyInfoOf(name: string, privateKey: Uint8Array, hdPath: string): KeyInfo {
  if (privateKey.length !== 32) throw new CliError(`key ${name}: a private key is 32 bytes, got ${privateKey.length}`);
  let publicKey: Uint8Array;
  try {
    publicKey = ethPublicKeyFromPrivateKey(privateKey);
  } catch {
    throw new CliError(`key ${name}: not a valid secp256k1 private key`);
  }
  return {
    name,
    type: ETH_SECP256K1_KEY_TYPE,
    address: formatBech32Address(ethAddressFromPubKey(publicKey), BECH32_PREFIX.account),
    pubkey: Buffer.from(publicKey).toString("base64"),
    hd_path: hdPath,
  };
}

export interface KeyringOptions {
  /** Asked at most once, only when a file-backend key is sealed or opened. */
  readonly passphrase: () => Promise<string>;
  readonly scryptLogN?: number;
}

export class Keyring {
  readonly dir: string;
  private passphraseCache: string | undefined;

  constructor(home: string, readonly backend: KeyringBackend, private readonly options: KeyringOptions) {
    this.dir = path.join(home, `keyring-${backend}`);
  }

  private file(name: string): string {
    if (!KEY_NAME.test(name)) throw new CliError(`invalid key name ${JSON.stringify(name)} (letters, digits, . _ -; at most 64)`, 2);
    return path.join(this.dir, `${name}.json`);
  }

  private async passphrase(): Promise<string> {
    this.passphraseCache ??= await this.options.passphrase();
    return this.passphraseCache;
  }

  private read(name: string): KeyRecord {
    const file = this.file(name);
    if (!fs.existsSync(file)) throw new CliError(`key ${name} not found in the ${this.backend} keyring (${this.dir})`);
    return JSON.parse(fs.readFileSync(file, "utf8")) as KeyRecord;
  }

  has(name: string): boolean {
    return fs.existsSync(this.file(name));
  }

  list(): KeyInfo[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs.readdirSync(this.dir)
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => publicPart(JSON.parse(fs.readFileSync(path.join(this.dir, f), "utf8")) as KeyRecord));
  }

  show(name: string): KeyInfo {
    return publicPart(this.read(name));
  }

  /** Finds a key by name or by its `st1…` address. */
  find(nameOrAddress: string): KeyInfo | undefined {
    if (KEY_NAME.test(nameOrAddress) && this.has(nameOrAddress)) return this.show(nameOrAddress);
    return this.list().find((k) => k.address === nameOrAddress);
  }

  async add(name: string, privateKey: Uint8Array, hdPath: string): Promise<KeyInfo> {
    const file = this.file(name);
    if (fs.existsSync(file)) throw new CliError(`key ${name} already exists (delete it first)`);
    const info = keyInfoOf(name, privateKey, hdPath);
    const duplicate = this.list().find((k) => k.address === info.address);
    if (duplicate) throw new CliError(`key ${name}: the same key is already stored as ${duplicate.name}`);
    let record: KeyRecord;
    if (this.backend === "file") {
      const existing = this.list()[0];
      const passphrase = await this.passphrase();
      if (existing !== undefined) await this.privateKey(existing.name); // one passphrase per keyring
      record = { ...info, sealed: sealPrivateKey(privateKey, passphrase, this.options.scryptLogN) };
    } else {
      record = { ...info, private_key_hex: Buffer.from(privateKey).toString("hex") };
    }
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, JSON.stringify(record, null, 2) + "\n", { mode: 0o600 });
    return info;
  }

  async privateKey(name: string): Promise<Uint8Array> {
    const record = this.read(name);
    if (record.sealed !== undefined) return openPrivateKey(record.sealed, await this.passphrase(), `key ${name}`);
    if (record.private_key_hex !== undefined) return Uint8Array.from(Buffer.from(record.private_key_hex, "hex"));
    throw new CliError(`key ${name}: no private key stored`);
  }

  delete(name: string): void {
    this.read(name);
    fs.rmSync(this.file(name));
  }

  rename(from: string, to: string): KeyInfo {
    const record = this.read(from);
    if (this.has(to)) throw new CliError(`key ${to} already exists`);
    fs.writeFileSync(this.file(to), JSON.stringify({ ...record, name: to }, null, 2) + "\n", { mode: 0o600 });
    fs.rmSync(this.file(from));
    return this.show(to);
  }
}

function publicPart(r: KeyRecord): KeyInfo {
  return { name: r.name, type: r.type, address: r.address, pubkey: r.pubkey, hd_path: r.hd_path };
}

const ARMOR_BEGIN = "-----BEGIN STRATOS-TS PRIVATE KEY-----";
const ARMOR_END = "-----END STRATOS-TS PRIVATE KEY-----";

/** `keys export`: the private key sealed with an export passphrase, as base64 text between armor lines. */
export function armorPrivateKey(privateKey: Uint8Array, passphrase: string, logN?: number): string {
  const body = Buffer.from(JSON.stringify({ type: ETH_SECP256K1_KEY_TYPE, ...sealPrivateKey(privateKey, passphrase, logN) })).toString("base64");
  return [ARMOR_BEGIN, ...(body.match(/.{1,64}/g) ?? []), ARMOR_END].join("\n") + "\n";
}

/** `keys import`: the inverse of armorPrivateKey. @throws CliError on a malformed armor or a wrong passphrase. */
export function unarmorPrivateKey(text: string, passphrase: string): Uint8Array {
  const lines = text.trim().split(/\r?\n/).map((l) => l.trim());
  if (lines[0] !== ARMOR_BEGIN || lines[lines.length - 1] !== ARMOR_END) throw new CliError("not an exported key (missing the armor lines)");
  let sealed: SealedKey & { type?: string };
  try {
    sealed = JSON.parse(Buffer.from(lines.slice(1, -1).join(""), "base64").toString("utf8")) as SealedKey & { type?: string };
  } catch {
    throw new CliError("not an exported key (bad armor body)");
  }
  if (sealed.type !== ETH_SECP256K1_KEY_TYPE) throw new CliError(`unsupported exported key type ${String(sealed.type)}`);
  return openPrivateKey(sealed, passphrase, "exported key");
}
