/**
 * `stchaind status` (the node's CometBFT status), `stchaind export` (the app state and validators of a
 * stopped node as a genesis, the SDK's export) and `stchaind add-genesis-meta-node` (meta nodes into the
 * genesis register state, from `config/genmetanodes/*.json` as the reference's command reads them).
 */
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { BECH32_PREFIX, parseBech32Address } from "../crypto/address.js";
import { sdsAddressOfPubKey, sdsPubKeyFromBech32 } from "../crypto/sdsKeys.js";
import { GENESIS_DENOM } from "../node/genesisBuilder.js";
import { CliError, DEFAULT_NODE, flag, parseVerb, printResult, type Verb } from "./common.js";
import { parseAccountAddress, parseCliCoins } from "./coinArgs.js";
import { genesisPath, readGenesis } from "./genesisCommands.js";
import { accountAddressOrKey, KEYRING_FLAGS } from "./keysCommands.js";

type Json = Record<string, unknown>;

export const STATUS_VERB: Verb = {
  usage: "stchaind status [--node URL] [--output json|text]",
  example: "stchaind status --node http://127.0.0.1:26657",
  description: "Prints the node's CometBFT status: node_info, sync_info (latest height, catching_up) and validator_info.",
};

export async function runStatus(args: string[]): Promise<number> {
  const p = parseVerb(args, STATUS_VERB, { node: { type: "string", default: DEFAULT_NODE } }, { min: 0, max: 0 });
  if (p.help) return 0;
  const node = flag(p.values, "node")!.replace(/^tcp:\/\//, "http://").replace(/\/+$/, "");
  let body: { result?: unknown; error?: { message?: string } };
  try {
    const response = await fetch(`${node}/status`);
    body = (await response.json()) as typeof body;
  } catch (e) {
    throw new CliError(`cannot reach the node at ${node}: ${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)}`);
  }
  if (body.result === undefined) throw new CliError(`the node at ${node} answered no status: ${body.error?.message ?? "no result"}`);
  printResult(p.output === "text" ? "json" : p.output, body.result);
  return 0;
}

export const EXPORT_VERB: Verb = {
  usage: "stchaind export [--height H] [--home DIR] [--output-document FILE]",
  example: "stchaind export --home ~/.stchaind > exported-genesis.json",
  description:
    "Writes the committed app state (every module's genesis section) and the bonded validators as a genesis JSON, at the latest height or a retained --height. The node must be stopped (its store is opened here). The chain id, genesis time and consensus params come from <home>/config/genesis.json; initial_height is 1 (the app starts chains at height 1 only: the export seeds a new chain, as the SDK's --for-zero-height).",
};

/** CometBFT's address of an ed25519 key: the first 20 bytes of its SHA-256, upper-case hex. */
function cometAddress(pubKey: Buffer): string {
  return createHash("sha256").update(pubKey).digest().subarray(0, 20).toString("hex").toUpperCase();
}

/** The genesis `validators` of an exported staking section: last_validator_powers with their keys. */
export function exportedValidators(staking: Json): Json[] {
  const validators = (staking["validators"] ?? []) as Array<{ operator_address: string; consensus_pubkey?: { key?: string }; description?: { moniker?: string } }>;
  const byOperator = new Map(validators.map((v) => [v.operator_address, v]));
  const powers = (staking["last_validator_powers"] ?? []) as Array<{ address: string; power: string }>;
  return powers.map((lv) => {
    const v = byOperator.get(lv.address);
    const key = v?.consensus_pubkey?.key;
    if (key === undefined) throw new CliError(`exported staking state has no consensus key for ${lv.address}`);
    return { address: cometAddress(Buffer.from(key, "base64")), pub_key: { type: "tendermint/PubKeyEd25519", value: key }, power: String(lv.power), name: v?.description?.moniker ?? "" };
  });
}

export async function runExport(args: string[]): Promise<number> {
  const p = parseVerb(args, EXPORT_VERB, { height: { type: "string" }, "output-document": { type: "string" } }, { min: 0, max: 0 });
  if (p.help) return 0;
  const heightText = flag(p.values, "height");
  if (heightText !== undefined && !/^[1-9][0-9]*$/.test(heightText)) throw new CliError(`--height must be a positive integer, got ${heightText}`, 2);
  const original = readGenesis(genesisPath(p.home));
  const dbPath = path.join(p.home, "data", "application.db");
  if (!fs.existsSync(dbPath)) throw new CliError(`${dbPath}: no application state (has the node run?)`);
  const { RootMultiStore } = await import("../store/rootMultiStore.js");
  const { createStratosApp } = await import("../node/app.js");
  const store = new RootMultiStore({ path: dbPath });
  let parts;
  try {
    parts = await createStratosApp(store, { checkTxVerifyWorkers: 0 });
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    // LevelDB's lock: the running node holds the store.
    if (/lock|failed to open/i.test(text)) throw new CliError(`${dbPath} is in use or unreadable (${text.split("\n")[0]}): stop the node before exporting`);
    throw new CliError(`cannot open ${dbPath}: ${text.split("\n")[0]}`);
  }
  try {
    const latest = store.lastCommit().height;
    if (latest === 0) throw new CliError(`${dbPath}: no block committed yet`);
    const height = heightText === undefined ? latest : Number(heightText);
    if (height > latest) throw new CliError(`--height ${height} is above the latest committed height ${latest}`);
    let appState: Record<string, unknown>;
    try {
      appState = JSON.parse(JSON.stringify(parts.exportAppState(height === latest ? undefined : height))) as Record<string, unknown>;
    } catch (e) {
      throw new CliError(`cannot export height ${height}: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`);
    }
    const genesis = {
      genesis_time: original["genesis_time"],
      chain_id: original["chain_id"],
      // The app starts chains at height 1 only (its InitChain refuses another initial height), so the
      // export starts a new chain from this state, as the SDK's --for-zero-height export does.
      initial_height: "1",
      consensus_params: original["consensus_params"] ?? null,
      app_hash: "",
      app_state: appState,
      validators: exportedValidators((appState["staking"] ?? {}) as Json),
    };
    const text = JSON.stringify(genesis, null, 2) + "\n";
    const out = flag(p.values, "output-document");
    if (out !== undefined) fs.writeFileSync(out, text);
    else process.stdout.write(text);
    return 0;
  } finally {
    await parts.close();
  }
}

export const ADD_META_NODE_VERB: Verb = {
  usage: "stchaind add-genesis-meta-node [--pubkey stsdspub1… --amount COIN --owner KEY|st1… --moniker M [--beneficiary st1…]] [--home DIR] [--keyring-backend file|test]",
  example: "stchaind add-genesis-meta-node --pubkey stsdspub1… --amount 1000stos --owner alice --moniker meta-1 --keyring-backend test",
  description:
    "Adds the meta nodes described in <home>/config/genmetanodes/*.json (GenesisMetaNode proto JSON: network_address, pubkey, suspend, status, tokens, owner_address, beneficiary_address, description) to the genesis register state as bonded meta nodes. With --pubkey … the file for one node is written there first. Each owner must hold the node's tokens in the genesis (InitChain moves them to the meta node pool).",
};

const ZERO_TIME = "0001-01-01T00:00:00Z";

interface GenesisMetaNodeFile {
  network_address?: string;
  pubkey?: { "@type"?: string; key?: string };
  suspend?: boolean;
  status?: string;
  tokens?: { denom?: string; amount?: string };
  owner_address?: string;
  beneficiary_address?: string;
  description?: Json;
}

/** A GenesisMetaNode file → the register genesis MetaNode (coin normalised to wei, beneficiary defaulting to the owner, zero creation time). */
export function metaNodeFromFile(file: string, node: GenesisMetaNodeFile): Json {
  const fail = (what: string): never => {
    throw new CliError(`${file}: ${what}`);
  };
  const key = node.pubkey?.key;
  if (node.pubkey?.["@type"] !== "/cosmos.crypto.ed25519.PubKey" || typeof key !== "string" || Buffer.from(key, "base64").length !== 32) fail("pubkey must be {\"@type\": \"/cosmos.crypto.ed25519.PubKey\", \"key\": <32 bytes base64>}");
  const network = sdsAddressOfPubKey(Buffer.from(key!, "base64"));
  if (node.network_address !== undefined && node.network_address !== network) fail(`network_address ${node.network_address} is not the pubkey's (${network})`);
  const owner = node.owner_address ?? fail("owner_address is missing");
  try {
    parseAccountAddress(owner);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const tokens = parseCliCoins(`${node.tokens?.amount ?? ""}${node.tokens?.denom ?? ""}`);
  if (tokens.length !== 1 || tokens[0]!.denom !== GENESIS_DENOM) fail(`tokens must be one amount of ${GENESIS_DENOM} (or stos/gwei)`);
  const status = node.status ?? "BOND_STATUS_BONDED";
  if (!["BOND_STATUS_BONDED", "BOND_STATUS_UNBONDED", "BOND_STATUS_UNBONDING"].includes(status)) fail(`unknown status ${status}`);
  const beneficiary = node.beneficiary_address || owner;
  return {
    network_address: network,
    pubkey: { "@type": "/cosmos.crypto.ed25519.PubKey", key },
    suspend: node.suspend ?? false,
    status,
    tokens: tokens[0]!.amount.toString(),
    owner_address: owner,
    description: { moniker: "", identity: "", website: "", security_contact: "", details: "", ...(node.description ?? {}) },
    creation_time: ZERO_TIME,
    beneficiary_address: beneficiary,
  };
}

function balanceOf(appState: Json, address: string): bigint {
  const balances = ((appState["bank"] as Json | undefined)?.["balances"] ?? []) as Array<{ address: string; coins: Array<{ denom: string; amount: string }> }>;
  return BigInt(balances.find((b) => b.address === address)?.coins.find((c) => c.denom === GENESIS_DENOM)?.amount ?? "0");
}

export async function runAddGenesisMetaNode(args: string[]): Promise<number> {
  const p = parseVerb(args, ADD_META_NODE_VERB, {
    ...KEYRING_FLAGS, pubkey: { type: "string" }, amount: { type: "string" }, owner: { type: "string" }, moniker: { type: "string" }, beneficiary: { type: "string" },
  }, { min: 0, max: 0 });
  if (p.help) return 0;
  const dir = path.join(p.home, "config", "genmetanodes");
  const pubkeyText = flag(p.values, "pubkey");
  if (pubkeyText !== undefined) {
    let key: Uint8Array;
    try {
      key = sdsPubKeyFromBech32(pubkeyText);
    } catch (e) {
      throw new CliError(`invalid --pubkey "${pubkeyText}": ${e instanceof Error ? e.message : String(e)}`);
    }
    const amount = flag(p.values, "amount");
    const ownerText = flag(p.values, "owner");
    if (amount === undefined || ownerText === undefined) throw new CliError("--pubkey needs --amount and --owner", 2);
    const coins = parseCliCoins(amount);
    if (coins.length !== 1) throw new CliError(`--amount takes one coin, got ${amount}`);
    const owner = accountAddressOrKey(p.home, p.values, ownerText);
    const beneficiary = flag(p.values, "beneficiary");
    if (beneficiary !== undefined) parseBech32Address(beneficiary, BECH32_PREFIX.account);
    const network = sdsAddressOfPubKey(key);
    fs.mkdirSync(dir, { recursive: true });
    const file: GenesisMetaNodeFile = {
      network_address: network, pubkey: { "@type": "/cosmos.crypto.ed25519.PubKey", key: Buffer.from(key).toString("base64") }, suspend: false, status: "BOND_STATUS_BONDED",
      tokens: { denom: coins[0]!.denom, amount: coins[0]!.amount.toString() }, owner_address: owner, beneficiary_address: beneficiary ?? owner, description: { moniker: flag(p.values, "moniker") ?? "" },
    };
    fs.writeFileSync(path.join(dir, `${network}.json`), JSON.stringify(file, null, 2) + "\n");
  }
  if (!fs.existsSync(dir)) throw new CliError(`${dir}: no meta node files (give --pubkey … or put GenesisMetaNode JSON files there)`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  if (files.length === 0) throw new CliError(`${dir}: no meta node files`);
  const gfile = genesisPath(p.home);
  const genesis = readGenesis(gfile);
  const appState = genesis["app_state"] as Json;
  const register = appState["register"] as Json | undefined;
  if (register === undefined) throw new CliError("genesis app_state has no register section");
  const nodes = (register["meta_nodes"] ?? []) as Json[];
  const added: string[] = [];
  const owed = new Map<string, bigint>();
  for (const n of nodes) owed.set(String(n["owner_address"]), (owed.get(String(n["owner_address"])) ?? 0n) + BigInt(String(n["tokens"] ?? "0")));
  for (const f of files) {
    const full = path.join(dir, f);
    let json: GenesisMetaNodeFile;
    try {
      json = JSON.parse(fs.readFileSync(full, "utf8")) as GenesisMetaNodeFile;
    } catch (e) {
      throw new CliError(`${full}: not JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    const node = metaNodeFromFile(full, json);
    const existing = nodes.findIndex((n) => n["network_address"] === node["network_address"]);
    if (existing >= 0) continue;
    const owner = String(node["owner_address"]);
    const need = (owed.get(owner) ?? 0n) + BigInt(String(node["tokens"]));
    if (balanceOf(appState, owner) < need) throw new CliError(`insufficient funds: meta node ${String(node["network_address"])} needs ${need}wei of ${owner}'s genesis balance, which is ${balanceOf(appState, owner)}wei (add-genesis-account first)`);
    owed.set(owner, need);
    nodes.push(node);
    added.push(String(node["network_address"]));
  }
  register["meta_nodes"] = nodes;
  fs.writeFileSync(gfile, JSON.stringify(genesis, null, 2) + "\n");
  printResult(p.output, { added, meta_nodes: nodes.length });
  return 0;
}
