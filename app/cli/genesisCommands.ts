/**
 * Genesis tools (spec-chain §11, spec-staking §8): `init`, `add-genesis-account`, `gentx`,
 * `collect-gentxs`, `validate-genesis` — a network's genesis made by its operators, as with the reference.
 */
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import type { JsonValue } from "@bufbuild/protobuf";
import { parseGentx, signGentx } from "../modules/genutil/gentx.js";
import { buildAppState, GENESIS_DENOM } from "../node/genesisBuilder.js";
import { cometNodeId, cometValidatorPubKey } from "../node/genesisValidator.js";
import { COMETBFT_BIN } from "../node/devnet.js";
import { createStratosApp } from "../node/app.js";
import { RootMultiStore } from "../store/rootMultiStore.js";
import { CliError, dispatchGroup, flag, parseVerb, printResult, type Verb, type VerbHandler } from "./common.js";
import { accountAddressOrKey, keyringFromFlags, KEYRING_FLAGS } from "./keysCommands.js";
import { parseCliCoins, type CliCoin } from "./coinArgs.js";

type Json = Record<string, unknown>;

export function genesisPath(home: string): string {
  return path.join(home, "config", "genesis.json");
}

export function readGenesis(file: string): Json {
  if (!fs.existsSync(file)) throw new CliError(`${file}: no genesis (run stchaind init first)`);
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Json;
  } catch (e) {
    throw new CliError(`${file}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function writeGenesis(file: string, genesis: Json): void {
  fs.writeFileSync(file, JSON.stringify(genesis, null, 2) + "\n");
}

function section(appState: Json, name: string): Json {
  const s = appState[name];
  if (s === null || typeof s !== "object") throw new CliError(`genesis app_state has no ${name} section`);
  return s as Json;
}

const CHAIN_ID = /^[a-zA-Z0-9_.-]{1,50}$/;

interface BankBalance { address: string; coins: Array<{ denom: string; amount: string }> }

/**
 * Adds `coins` to a new genesis account: an auth BaseAccount (next account number), its bank
 * balance, and the bank supply. pot's `initial_total_supply` follows the wei supply while it equals
 * it (what buildAppState writes), so the supply restoration at block 1 mints nothing unasked.
 */
export function addGenesisAccount(appState: Json, address: string, coins: readonly CliCoin[]): void {
  const auth = section(appState, "auth");
  const bank = section(appState, "bank");
  const accounts = (auth["accounts"] ?? []) as Array<{ address?: string }>;
  if (accounts.some((a) => a.address === address)) throw new CliError(`genesis already has an account ${address}`);
  accounts.push({ "@type": "/cosmos.auth.v1beta1.BaseAccount", address, pub_key: null, account_number: String(accounts.length), sequence: "0" } as { address: string });
  auth["accounts"] = accounts;

  const supply = (bank["supply"] ?? []) as Array<{ denom: string; amount: string }>;
  const weiBefore = BigInt(supply.find((c) => c.denom === GENESIS_DENOM)?.amount ?? "0");
  const bySupply = new Map(supply.map((c) => [c.denom, BigInt(c.amount)]));
  for (const c of coins) bySupply.set(c.denom, (bySupply.get(c.denom) ?? 0n) + c.amount);
  bank["supply"] = [...bySupply.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([denom, amount]) => ({ denom, amount: amount.toString() }));
  const balances = (bank["balances"] ?? []) as BankBalance[];
  balances.push({ address, coins: coins.map((c) => ({ denom: c.denom, amount: c.amount.toString() })) });
  balances.sort((x, y) => (x.address < y.address ? -1 : x.address > y.address ? 1 : 0));
  bank["balances"] = balances;

  const potParams = (appState["pot"] as { params?: { initial_total_supply?: { denom: string; amount: string } } } | undefined)?.params;
  const initial = potParams?.initial_total_supply;
  if (initial !== undefined && initial.denom === GENESIS_DENOM && BigInt(initial.amount) === weiBefore) {
    initial.amount = (bySupply.get(GENESIS_DENOM) ?? 0n).toString();
  }
}

function weiBalanceOf(appState: Json, address: string): bigint {
  const balances = (section(appState, "bank")["balances"] ?? []) as BankBalance[];
  return BigInt(balances.find((b) => b.address === address)?.coins.find((c) => c.denom === GENESIS_DENOM)?.amount ?? "0");
}

/**
 * What the node would do with this genesis: InitChain on a fresh in-memory app. Returns the number of
 * genesis validators. @throws CliError with the app's message when InitChain refuses it.
 */
export async function validateGenesisFile(file: string): Promise<{ chainId: string; validators: number; accounts: number }> {
  const genesis = readGenesis(file);
  const chainId = genesis["chain_id"];
  if (typeof chainId !== "string" || !CHAIN_ID.test(chainId)) throw new CliError(`${file}: chain_id missing or malformed`);
  const appState = genesis["app_state"];
  if (appState === null || typeof appState !== "object") throw new CliError(`${file}: no app_state`);
  const time = typeof genesis["genesis_time"] === "string" ? Date.parse(genesis["genesis_time"]) : NaN;
  const parts = await createStratosApp(new RootMultiStore(), { minimumGasPrices: "", checkTxVerifyWorkers: 0, referenceQuirks: false });
  try {
    const init = parts.app.initChain({
      time: { seconds: BigInt(Number.isNaN(time) ? 0 : Math.floor(time / 1000)), nanos: 0 },
      chainId,
      validators: [],
      appStateBytes: new TextEncoder().encode(JSON.stringify(appState)),
      initialHeight: BigInt(typeof genesis["initial_height"] === "string" ? genesis["initial_height"] : "1"),
    });
    const validators = init.validators.length + (Array.isArray(genesis["validators"]) ? genesis["validators"].length : 0);
    if (validators === 0) throw new CliError(`${file}: the genesis makes no validator (add a gentx and run collect-gentxs)`);
    const accounts = ((appState as Json)["auth"] as { accounts?: unknown[] } | undefined)?.accounts?.length ?? 0;
    return { chainId, validators, accounts };
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${file}: invalid genesis: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`);
  } finally {
    await parts.close();
  }
}

const PEER = /^[0-9a-f]{40}@[^\s,@]+:[0-9]{1,5}$/;

/** The gentxs' memos that name a peer other than `ownNodeId`, in gentx order. */
export function persistentPeersOf(gentxs: readonly JsonValue[], ownNodeId: string): string[] {
  return gentxs
    .map((g) => ((g as { body?: { memo?: unknown } }).body?.memo))
    .filter((m): m is string => typeof m === "string" && PEER.test(m) && !m.startsWith(`${ownNodeId}@`));
}

const verbs: Record<string, { verb: Verb; run: VerbHandler }> = {
  init: {
    verb: {
      usage: "stchaind init <moniker> --chain-id ID [--home DIR] [--overwrite]",
      example: "stchaind init my-node --chain-id stratos-testnet-1 --home ~/.stchaind",
    },
    run: async (args) => {
      const p = parseVerb(args, verbs["init"]!.verb, { "chain-id": { type: "string" }, overwrite: { type: "boolean", default: false } }, { min: 1, max: 1 });
      if (p.help) return 0;
      const moniker = p.positionals[0]!;
      const chainId = flag(p.values, "chain-id");
      if (chainId === undefined || !CHAIN_ID.test(chainId)) throw new CliError("--chain-id is required (letters, digits, . _ -)", 2);
      const file = genesisPath(p.home);
      if (fs.existsSync(file) && p.values["overwrite"] !== true) throw new CliError(`${file} already exists (use --overwrite to replace it)`);
      if (!fs.existsSync(COMETBFT_BIN)) throw new CliError(`CometBFT is not built at ${COMETBFT_BIN}: run 'npm install'`);
      fs.mkdirSync(p.home, { recursive: true });
      const r = spawnSync(COMETBFT_BIN, ["init", "--home", p.home], { encoding: "utf8" });
      if (r.status !== 0) throw new CliError(`cometbft init failed: ${(r.stderr || r.stdout).trim().split("\n")[0]}`);
      // cometbft init keeps an existing genesis: the app's replaces it.
      const genesis = JSON.parse(fs.readFileSync(file, "utf8")) as Json;
      genesis["chain_id"] = chainId;
      genesis["app_state"] = buildAppState({ accounts: [], validatorOperator: null });
      // Validators come from the gentxs at InitChain (spec-staking §8), never from CometBFT's list.
      delete genesis["validators"];
      writeGenesis(file, genesis);
      const configFile = path.join(p.home, "config", "config.toml");
      fs.writeFileSync(configFile, fs.readFileSync(configFile, "utf8").replace(/^moniker = .*$/m, `moniker = ${JSON.stringify(moniker)}`));
      printResult(p.output, { moniker, chain_id: chainId, node_id: cometNodeId(p.home), genesis: file });
      return 0;
    },
  },
  "add-genesis-account": {
    verb: {
      usage: "stchaind add-genesis-account <address|key name> <coins> [--keyring-backend file|test]",
      example: "stchaind add-genesis-account alice 1000000stos --keyring-backend test",
    },
    run: async (args) => {
      const p = parseVerb(args, verbs["add-genesis-account"]!.verb, KEYRING_FLAGS, { min: 2, max: 2 });
      if (p.help) return 0;
      const [who, coinText] = [p.positionals[0]!, p.positionals[1]!];
      const coins = parseCliCoins(coinText);
      const address = accountAddressOrKey(p.home, p.values, who);
      const file = genesisPath(p.home);
      const genesis = readGenesis(file);
      addGenesisAccount(genesis["app_state"] as Json, address, coins);
      writeGenesis(file, genesis);
      printResult(p.output, { address, coins: coins.map((c) => `${c.amount}${c.denom}`).join(",") });
      return 0;
    },
  },
  gentx: {
    verb: {
      usage: "stchaind gentx <key name> <self-bond> [--chain-id ID] [--moniker M] [--ip 127.0.0.1] [--p2p-port 26656] [--keyring-backend file|test]",
      example: "stchaind gentx alice 1000stos --chain-id stratos-testnet-1 --keyring-backend test",
    },
    run: async (args) => {
      const p = parseVerb(args, verbs["gentx"]!.verb, {
        ...KEYRING_FLAGS, "chain-id": { type: "string" }, moniker: { type: "string" }, ip: { type: "string", default: "127.0.0.1" }, "p2p-port": { type: "string", default: "26656" },
      }, { min: 2, max: 2 });
      if (p.help) return 0;
      const [name, amountText] = [p.positionals[0]!, p.positionals[1]!];
      const coins = parseCliCoins(amountText);
      if (coins.length !== 1 || coins[0]!.denom !== GENESIS_DENOM) throw new CliError(`the self-bond must be one amount of the bond denom (e.g. 1000stos), got ${amountText}`);
      const selfBond = coins[0]!.amount;
      const genesis = readGenesis(genesisPath(p.home));
      const chainId = flag(p.values, "chain-id") ?? String(genesis["chain_id"]);
      if (chainId !== genesis["chain_id"]) throw new CliError(`--chain-id ${chainId} differs from the genesis' ${String(genesis["chain_id"])}`);
      const keyring = keyringFromFlags(p.home, p.values);
      const key = keyring.show(name);
      const balance = weiBalanceOf(genesis["app_state"] as Json, key.address);
      if (balance < selfBond) throw new CliError(`insufficient funds: ${key.address} has ${balance}wei in the genesis, the self-bond is ${selfBond}wei`);
      const nodeId = cometNodeId(p.home);
      const configToml = fs.readFileSync(path.join(p.home, "config", "config.toml"), "utf8");
      const moniker = flag(p.values, "moniker") ?? (/^moniker = "(.*)"$/m.exec(configToml)?.[1] ?? name);
      const gentx = signGentx({
        chainId,
        operatorPrivateKey: await keyring.privateKey(name),
        consensusPubKey: cometValidatorPubKey(p.home),
        selfBond,
        moniker,
        memo: `${nodeId}@${flag(p.values, "ip")!}:${flag(p.values, "p2p-port")!}`,
      });
      const dir = path.join(p.home, "config", "gentx");
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `gentx-${nodeId}.json`);
      fs.writeFileSync(file, JSON.stringify(gentx) + "\n");
      printResult(p.output, { gentx: file, validator: key.address, self_bond: `${selfBond}wei` });
      return 0;
    },
  },
  "collect-gentxs": {
    verb: { usage: "stchaind collect-gentxs [--gentx-dir DIR] [--home DIR]", example: "stchaind collect-gentxs --home ~/.stchaind" },
    run: async (args) => {
      const p = parseVerb(args, verbs["collect-gentxs"]!.verb, { "gentx-dir": { type: "string" } }, { min: 0, max: 0 });
      if (p.help) return 0;
      const dir = flag(p.values, "gentx-dir") ?? path.join(p.home, "config", "gentx");
      if (!fs.existsSync(dir)) throw new CliError(`${dir}: no gentx directory (run stchaind gentx first)`);
      const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
      if (files.length === 0) throw new CliError(`${dir}: no gentx files`);
      const genesisFile = genesisPath(p.home);
      const genesis = readGenesis(genesisFile);
      const gentxs: JsonValue[] = files.map((f) => {
        const json = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as JsonValue;
        try {
          parseGentx(json);
        } catch (e) {
          throw new CliError(`${f}: not a valid gentx: ${e instanceof Error ? e.message : String(e)}`);
        }
        return json;
      });
      section(genesis["app_state"] as Json, "genutil")["gen_txs"] = gentxs;
      writeGenesis(genesisFile, genesis);
      // As the SDK's collect-gentxs: the other validators' `<node id>@<host>:<port>` memos become this node's persistent peers.
      const peers = persistentPeersOf(gentxs, cometNodeId(p.home));
      const configFile = path.join(p.home, "config", "config.toml");
      fs.writeFileSync(configFile, fs.readFileSync(configFile, "utf8").replace(/^persistent_peers = .*$/m, `persistent_peers = ${JSON.stringify(peers.join(","))}`));
      printResult(p.output, { gen_txs: files.length, genesis: genesisFile, persistent_peers: peers.join(",") });
      return 0;
    },
  },
  "validate-genesis": {
    verb: { usage: "stchaind validate-genesis [genesis.json] [--home DIR]", example: "stchaind validate-genesis ~/.stchaind/config/genesis.json" },
    run: async (args) => {
      const p = parseVerb(args, verbs["validate-genesis"]!.verb, {}, { min: 0, max: 1 });
      if (p.help) return 0;
      const file = p.positionals[0] ?? genesisPath(p.home);
      const result = await validateGenesisFile(file);
      printResult(p.output, { file, valid: true, chain_id: result.chainId, validators: result.validators, accounts: result.accounts });
      return 0;
    },
  },
};

/** The genesis verbs sit at the top level (`stchaind init`, `stchaind gentx`, …). */
export const GENESIS_VERBS = verbs;

export function runGenesisHelp(args: string[]): Promise<number> {
  return dispatchGroup("genesis", verbs, args);
}
