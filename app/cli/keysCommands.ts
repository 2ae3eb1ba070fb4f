/** `stchaind keys …`: create, recover, list, show, delete, rename, export and import eth_secp256k1 keys. */
import fs from "node:fs";
import { BECH32_PREFIX, isBech32Address } from "../crypto/address.js";
import { deriveEthSecp256k1Account, generateMnemonic, InvalidMnemonicError, STRATOS_COIN_TYPE } from "../crypto/hd.js";
import { CliError, dispatchGroup, flag, parseVerb, printResult, stdinLines, type FlagValues, type Verb, type VerbHandler } from "./common.js";
import { armorPrivateKey, Keyring, parseKeyringBackend, unarmorPrivateKey } from "./keyring.js";

export const PASSPHRASE_ENV = "STCHAIND_KEYRING_PASSPHRASE";

/** Flags of every verb that opens the keyring. */
export const KEYRING_FLAGS = {
  "keyring-backend": { type: "string", default: "file" },
  "keyring-passphrase": { type: "string" },
} as const;

/**
 * The keyring of `--home` / `--keyring-backend`. Its passphrase comes from `--keyring-passphrase`,
 * else $STCHAIND_KEYRING_PASSPHRASE, else the next line of stdin — asked only when a key is sealed or opened.
 */
export function keyringFromFlags(home: string, values: FlagValues): Keyring {
  const backend = parseKeyringBackend(flag(values, "keyring-backend"));
  return new Keyring(home, backend, {
    passphrase: async () => {
      const given = flag(values, "keyring-passphrase") ?? (process.env[PASSPHRASE_ENV] || undefined) ?? (await stdinLines.next("keyring passphrase"));
      if (given.length < 8) throw new CliError("the keyring passphrase must be at least 8 characters");
      return given;
    },
  });
}

/** An `st1…` address as given, or the address of the key of that name in the keyring of `values`. */
export function accountAddressOrKey(home: string, values: FlagValues, text: string): string {
  if (isBech32Address(text, BECH32_PREFIX.account)) return text;
  if (text.startsWith("st1")) throw new CliError(`invalid address ${text}`);
  const keyring = keyringFromFlags(home, values);
  const key = keyring.find(text);
  if (key === undefined) throw new CliError(`${text} is neither an st1… address nor a key in the ${keyring.backend} keyring`);
  return key.address;
}

function parseHdNumber(text: string | undefined, what: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^[0-9]+$/.test(text) || Number(text) >= 2 ** 31) throw new CliError(`--${what} must be an integer from 0 to 2^31-1, got ${text}`, 2);
  return Number(text);
}

export const KEYS_VERBS: Record<string, { verb: Verb; run: VerbHandler }> = {
  add: {
    verb: {
      usage: "stchaind keys add <name> [--recover] [--coin-type 606|60] [--account N] [--index N] [--keyring-backend file|test] [--keyring-passphrase P]",
      example: "stchaind keys add alice --keyring-backend test\n  echo \"$MNEMONIC\" | stchaind keys add bob --recover --keyring-backend test",
    },
    run: async (args) => {
      const p = parseVerb(args, KEYS_VERBS["add"]!.verb, {
        ...KEYRING_FLAGS, recover: { type: "boolean", default: false }, "coin-type": { type: "string" }, account: { type: "string" }, index: { type: "string" },
      }, { min: 1, max: 1 });
      if (p.help) return 0;
      const name = p.positionals[0]!;
      const keyring = keyringFromFlags(p.home, p.values);
      if (keyring.has(name)) throw new CliError(`key ${name} already exists (delete it first)`);
      const coinType = parseHdNumber(flag(p.values, "coin-type"), "coin-type", STRATOS_COIN_TYPE);
      const account = parseHdNumber(flag(p.values, "account"), "account", 0);
      const index = parseHdNumber(flag(p.values, "index"), "index", 0);
      const recover = p.values["recover"] === true;
      const mnemonic = recover ? (await stdinLines.next("mnemonic")).trim().replace(/\s+/g, " ") : generateMnemonic(24);
      let derived;
      try {
        derived = deriveEthSecp256k1Account(mnemonic, index, { path: `m/44'/${coinType}'/${account}'/0/${index}` });
      } catch (e) {
        if (e instanceof InvalidMnemonicError) throw new CliError("invalid mnemonic (need 12-24 English words with a valid checksum)");
        throw e;
      }
      if (coinType !== STRATOS_COIN_TYPE) {
        process.stderr.write(`warning: coin type ${coinType} (path ${derived.path}) gives a different address than Stratos' ${STRATOS_COIN_TYPE} from the same mnemonic\n`);
      }
      const info = await keyring.add(name, derived.privateKey, derived.path);
      if (p.output === "json") printResult("json", recover ? info : { ...info, mnemonic });
      else {
        printResult("text", info);
        if (!recover) process.stdout.write(`\n**Write this mnemonic down and keep it safe: it is the only way to recover the key.**\n\n${mnemonic}\n`);
      }
      return 0;
    },
  },
  list: {
    verb: { usage: "stchaind keys list [--keyring-backend file|test]", example: "stchaind keys list --keyring-backend test --output json" },
    run: async (args) => {
      const p = parseVerb(args, KEYS_VERBS["list"]!.verb, KEYRING_FLAGS, { min: 0, max: 0 });
      if (p.help) return 0;
      printResult(p.output, keyringFromFlags(p.home, p.values).list());
      return 0;
    },
  },
  show: {
    verb: { usage: "stchaind keys show <name|address> [--address] [--keyring-backend file|test]", example: "stchaind keys show alice --address --keyring-backend test" },
    run: async (args) => {
      const p = parseVerb(args, KEYS_VERBS["show"]!.verb, { ...KEYRING_FLAGS, address: { type: "boolean", short: "a", default: false } }, { min: 1, max: 1 });
      if (p.help) return 0;
      const keyring = keyringFromFlags(p.home, p.values);
      const info = keyring.find(p.positionals[0]!);
      if (info === undefined) throw new CliError(`key ${p.positionals[0]!} not found in the ${keyring.backend} keyring (${keyring.dir})`);
      if (p.values["address"] === true) process.stdout.write(info.address + "\n");
      else printResult(p.output, info);
      return 0;
    },
  },
  delete: {
    verb: { usage: "stchaind keys delete <name> --yes [--keyring-backend file|test]", example: "stchaind keys delete alice --yes --keyring-backend test" },
    run: async (args) => {
      const p = parseVerb(args, KEYS_VERBS["delete"]!.verb, { ...KEYRING_FLAGS, yes: { type: "boolean", short: "y", default: false } }, { min: 1, max: 1 });
      if (p.help) return 0;
      if (p.values["yes"] !== true) throw new CliError("deleting a key cannot be undone: confirm with --yes", 2);
      keyringFromFlags(p.home, p.values).delete(p.positionals[0]!);
      process.stderr.write(`key ${p.positionals[0]!} deleted\n`);
      return 0;
    },
  },
  rename: {
    verb: { usage: "stchaind keys rename <old> <new> [--keyring-backend file|test]", example: "stchaind keys rename alice alice-old --keyring-backend test" },
    run: async (args) => {
      const p = parseVerb(args, KEYS_VERBS["rename"]!.verb, KEYRING_FLAGS, { min: 2, max: 2 });
      if (p.help) return 0;
      printResult(p.output, keyringFromFlags(p.home, p.values).rename(p.positionals[0]!, p.positionals[1]!));
      return 0;
    },
  },
  export: {
    verb: {
      usage: "stchaind keys export <name> [--export-passphrase P] [--unarmored-hex --unsafe] [--keyring-backend file|test]",
      example: "stchaind keys export alice --export-passphrase 'long secret' --keyring-backend test > alice.key",
    },
    run: async (args) => {
      const p = parseVerb(args, KEYS_VERBS["export"]!.verb, {
        ...KEYRING_FLAGS, "export-passphrase": { type: "string" }, "unarmored-hex": { type: "boolean", default: false }, unsafe: { type: "boolean", default: false },
      }, { min: 1, max: 1 });
      if (p.help) return 0;
      const privateKey = await keyringFromFlags(p.home, p.values).privateKey(p.positionals[0]!);
      if (p.values["unarmored-hex"] === true) {
        if (p.values["unsafe"] !== true) throw new CliError("--unarmored-hex prints the private key in clear: confirm with --unsafe", 2);
        process.stdout.write(Buffer.from(privateKey).toString("hex") + "\n");
        return 0;
      }
      const passphrase = flag(p.values, "export-passphrase") ?? (await stdinLines.next("export passphrase"));
      if (passphrase.length < 8) throw new CliError("the export passphrase must be at least 8 characters");
      process.stdout.write(armorPrivateKey(privateKey, passphrase));
      return 0;
    },
  },
  import: {
    verb: {
      usage: "stchaind keys import <name> <keyfile> [--export-passphrase P] [--keyring-backend file|test]",
      example: "stchaind keys import alice alice.key --export-passphrase 'long secret' --keyring-backend test",
    },
    run: async (args) => {
      const p = parseVerb(args, KEYS_VERBS["import"]!.verb, { ...KEYRING_FLAGS, "export-passphrase": { type: "string" } }, { min: 2, max: 2 });
      if (p.help) return 0;
      const [name, file] = [p.positionals[0]!, p.positionals[1]!];
      if (!fs.existsSync(file)) throw new CliError(`${file}: no such file`);
      const passphrase = flag(p.values, "export-passphrase") ?? (await stdinLines.next("export passphrase"));
      const privateKey = unarmorPrivateKey(fs.readFileSync(file, "utf8"), passphrase);
      printResult(p.output, await keyringFromFlags(p.home, p.values).add(name, privateKey, ""));
      return 0;
    },
  },
  mnemonic: {
    verb: { usage: "stchaind keys mnemonic [--words 12|24]", example: "stchaind keys mnemonic --words 24" },
    run: async (args) => {
      const p = parseVerb(args, KEYS_VERBS["mnemonic"]!.verb, { words: { type: "string", default: "24" } }, { min: 0, max: 0 });
      if (p.help) return 0;
      const words = Number(flag(p.values, "words"));
      if (words !== 12 && words !== 15 && words !== 18 && words !== 21 && words !== 24) throw new CliError("--words must be 12, 15, 18, 21 or 24", 2);
      const mnemonic = generateMnemonic(words);
      if (p.output === "json") printResult("json", { mnemonic });
      else process.stdout.write(mnemonic + "\n");
      return 0;
    },
  },
};

export function runKeys(args: string[]): Promise<number> {
  return dispatchGroup("keys", KEYS_VERBS, args);
}
