/** `stchaind query …`: read the chain over the node's CometBFT RPC (ABCI queries, the gRPC method paths). */
import { create, createRegistry, fromBinary, fromJson, toBinary, toJson, type DescMessage, type JsonValue, type DescFile, type MessageInitShape, type Registry } from "@bufbuild/protobuf";
import { QueryClient, setupBankExtension, setupStakingExtension, type BankExtension, type StakingExtension } from "@cosmjs/stargate";
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { PubKeySchema as Ed25519PubKeySchema } from "../codec/cosmos/crypto/ed25519/keys_pb.js";
import { QueryResourceNodeRequestSchema, QueryResourceNodeResponseSchema } from "../codec/stratos/register/v1/query_pb.js";
import { BECH32_PREFIX, parseBech32Address } from "../crypto/address.js";
import fs from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { TxSchema } from "../codec/cosmos/tx/v1beta1/tx_pb.js";
import { loadProtoCatalog } from "../server/descriptors.js";
import { buildQueryTable, RESERVED_QUERY_FLAGS, type GeneratedQuery } from "./queryGen.js";
import { positionalFields, requestFlags, requestJson } from "./protoArgs.js";
import { withLegacyDecimals } from "../baseapp/protoJson.js";
import { CliError, DEFAULT_NODE, dispatchGroup, flag, parseVerb, printResult, type Parsed, type Verb, type VerbHandler, reachNode } from "./common.js";
import { parseAccountAddress } from "./coinArgs.js";

const QUERY_FLAGS = { node: { type: "string", default: DEFAULT_NODE }, height: { type: "string" } } as const;

type Clients = { comet: Comet38Client; query: QueryClient & BankExtension & StakingExtension };

async function withNode<T>(p: Parsed, f: (c: Clients) => Promise<T>): Promise<T> {
  const node = flag(p.values, "node")!;
  const comet = await reachNode(node, () => Comet38Client.connect(node));
  try {
    return await f({ comet, query: QueryClient.withExtensions(comet, setupBankExtension, setupStakingExtension) });
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`query failed: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`);
  } finally {
    comet.disconnect();
  }
}

/** An ABCI query of a Stratos gRPC method with protobuf-es messages. */
async function abciQuery<I extends DescMessage, O extends DescMessage>(c: Clients, path: string, req: I, init: MessageInitShape<I>, res: O, height?: number) {
  const response = await c.query.queryAbci(path, toBinary(req, create(req, init)), height);
  return fromBinary(res, response.value);
}

function heightOf(p: Parsed): number | undefined {
  const h = flag(p.values, "height");
  if (h === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(h)) throw new CliError(`--height must be a positive integer, got ${h}`, 2);
  return Number(h);
}

interface QueryVerb {
  readonly verb: Verb;
  readonly positionals: number;
  readonly run: (p: Parsed, c: Clients) => Promise<unknown>;
  readonly check?: (positionals: string[]) => void;
}

const BOND_STATUSES = ["BOND_STATUS_BONDED", "BOND_STATUS_UNBONDING", "BOND_STATUS_UNBONDED"] as const;

export const QUERY_VERBS: Readonly<Record<string, Readonly<Record<string, QueryVerb>>>> = {
  bank: {
    balances: {
      verb: { usage: "stchaind query bank balances <address> [--denom D] [--node URL]", example: "stchaind query bank balances st1… --node http://127.0.0.1:26657 --output json" },
      positionals: 1,
      check: ([address]) => void parseAccountAddress(address!),
      run: async (p, c) => {
        const address = p.positionals[0]!;
        const denom = flag(p.values, "denom");
        if (denom !== undefined) return { balance: await c.query.bank.balance(address, denom) };
        return { balances: await c.query.bank.allBalances(address) };
      },
    },
  },
  staking: {
    validators: {
      verb: { usage: "stchaind query staking validators [--status BOND_STATUS_BONDED|…] [--node URL]", example: "stchaind query staking validators --output json" },
      positionals: 0,
      run: async (p, c) => {
        const status = flag(p.values, "status") ?? "BOND_STATUS_BONDED";
        if (!(BOND_STATUSES as readonly string[]).includes(status)) throw new CliError(`--status must be one of ${BOND_STATUSES.join(", ")}`, 2);
        const response = await c.query.staking.validators(status as (typeof BOND_STATUSES)[number]);
        return {
          validators: response.validators.map((v) => ({
            operator_address: v.operatorAddress, moniker: v.description?.moniker ?? "", jailed: v.jailed, status: v.status, tokens: v.tokens, delegator_shares: v.delegatorShares,
          })),
        };
      },
    },
  },
  register: {
    "resource-node": {
      verb: { usage: "stchaind query register resource-node <stsds1… network address> [--node URL]", example: "stchaind query register resource-node stsds1… --output json" },
      positionals: 1,
      check: ([network]) => {
        try {
          parseBech32Address(network!, BECH32_PREFIX.sds);
        } catch (e) {
          throw new CliError(`invalid network address "${network!}": ${e instanceof Error ? e.message : String(e)}`);
        }
      },
      run: async (p, c) => {
        const response = await abciQuery(c, "/stratos.register.v1.Query/ResourceNode", QueryResourceNodeRequestSchema, { networkAddr: p.positionals[0]! }, QueryResourceNodeResponseSchema, heightOf(p));
        if (response.node === undefined) throw new CliError(`no resource node ${p.positionals[0]!}`);
        return toJson(QueryResourceNodeResponseSchema, response, { useProtoFieldName: true, registry: createRegistry(Ed25519PubKeySchema) });
      },
    },
  },
};

function queryVerbHandler(v: QueryVerb): VerbHandler {
  return async (args) => {
    const p = parseVerb(args, v.verb, { ...QUERY_FLAGS, denom: { type: "string" }, status: { type: "string" } }, { min: v.positionals, max: v.positionals });
    if (p.help) return 0;
    v.check?.(p.positionals);
    heightOf(p);
    printResult(p.output, await withNode(p, (c) => v.run(p, c)));
    return 0;
  };
}

const RESERVED_FLAGS = RESERVED_QUERY_FLAGS;

function generatedVerbHandler(q: GeneratedQuery, registry: Registry): VerbHandler {
  return async (args) => {
    const input = q.method.input;
    const p = parseVerb(args, q.verb, { ...QUERY_FLAGS, ...requestFlags(input, RESERVED_FLAGS) }, { min: 0, max: positionalFields(input).length });
    if (p.help) return 0;
    let request;
    try {
      request = fromJson(input, requestJson(input, p.positionals, p.values, RESERVED_FLAGS), { registry });
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`invalid request: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`, 2);
    }
    const height = heightOf(p);
    const answer = await withNode(p, async (c) => {
      const response = await c.comet.abciQuery({ path: q.path, data: toBinary(input, request), ...(height !== undefined ? { height } : {}) });
      if (response.code !== 0) throw new CliError(`query ${q.module} ${q.name} failed: ${response.log ?? `code ${response.code}`}`);
      const message = fromBinary(q.method.output, response.value);
      // LegacyDec fields as the SDK's CLI prints them: the human decimal, not the wire's raw integer.
      try {
        return withLegacyDecimals(q.method.output, toJson(q.method.output, message, { useProtoFieldName: true, registry, alwaysEmitImplicit: true }), registry);
      } catch {
        // An Any of a type outside the module's file (an account, a proposal's message): the whole catalog knows it.
        const all = (await queryCatalog()).registry;
        return withLegacyDecimals(q.method.output, toJson(q.method.output, message, { useProtoFieldName: true, registry: all, alwaysEmitImplicit: true }), all);
      }
    });
    printResult(p.output, answer);
    return 0;
  };
}

/** `message.action=/cosmos.bank.v1beta1.MsgSend&message.sender=st1…` → CometBFT's `message.action='…' AND …`. */
export function eventsToTxQuery(events: string): string {
  const parts = events.split("&").map((e) => e.trim()).filter((e) => e.length > 0);
  if (parts.length === 0) throw new CliError("--events is empty (e.g. --events 'message.action=/cosmos.bank.v1beta1.MsgSend')", 2);
  return parts.map((part) => {
    const eq = part.indexOf("=");
    const key = eq < 0 ? "" : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_.-]+$/.test(key) || value === "" || value.includes("'")) {
      throw new CliError(`invalid event "${part}": expected type.attribute=value, e.g. message.sender=st1…`, 2);
    }
    return key === "tx.height" && /^[0-9]+$/.test(value) ? `${key}=${value}` : `${key}='${value}'`;
  }).join(" AND ");
}

interface IndexedTx { readonly height: number; readonly hash: Uint8Array; readonly tx: Uint8Array; readonly result: { readonly code: number; readonly codespace?: string; readonly log?: string; readonly gasWanted: bigint; readonly gasUsed: bigint; readonly events: readonly { type: string; attributes: readonly { key: string; value: string }[] }[] } }

/** An indexed tx as the SDK's TxResponse JSON (tx decoded, Any values expanded). */
function txResponseJson(t: IndexedTx, registry: Registry): JsonValue {
  let tx: JsonValue;
  try {
    const decoded = fromBinary(TxSchema, t.tx);
    // CosmJS signs with cosmos/evm's eth_secp256k1 key type URL; its message is the Stratos one (`bytes key = 1`).
    const foreignKeys = new Map<number, string>();
    decoded.authInfo?.signerInfos.forEach((s, i) => {
      if (s.publicKey !== undefined && registry.getMessage(s.publicKey.typeUrl.slice(s.publicKey.typeUrl.lastIndexOf("/") + 1)) === undefined && s.publicKey.typeUrl.endsWith(".ethsecp256k1.PubKey")) {
        foreignKeys.set(i, s.publicKey.typeUrl);
        s.publicKey.typeUrl = ETH_PUBKEY_TYPE_URL;
      }
    });
    const json = toJson(TxSchema, decoded, { useProtoFieldName: true, registry }) as { auth_info?: { signer_infos?: Array<{ public_key?: { "@type"?: string } }> } };
    for (const [i, url] of foreignKeys) {
      const key = json.auth_info?.signer_infos?.[i]?.public_key;
      if (key !== undefined) key["@type"] = url;
    }
    tx = json as JsonValue;
  } catch {
    tx = Buffer.from(t.tx).toString("base64");
  }
  return {
    height: String(t.height), txhash: Buffer.from(t.hash).toString("hex").toUpperCase(), codespace: t.result.codespace ?? "", code: t.result.code,
    raw_log: t.result.log ?? "", gas_wanted: t.result.gasWanted.toString(), gas_used: t.result.gasUsed.toString(), tx,
    events: t.result.events.map((e) => ({ type: e.type, attributes: e.attributes.map((a) => ({ key: a.key, value: a.value })) })),
  };
}

const ETH_PUBKEY_TYPE_URL = "/stratos.crypto.v1.ethsecp256k1.PubKey";

const TX_VERB: Verb = {
  usage: "stchaind query tx <hash> [--node URL] [--output json|text]",
  example: "stchaind query tx 4F1C…E2 --output json",
  description: "Prints the committed transaction with this hash (hex) from CometBFT's tx index: its height, code, log, gas, decoded tx and events.",
};

const TXS_VERB: Verb = {
  usage: "stchaind query txs --events 'type.attr=value&…' [--page N] [--limit N] [--node URL] [--output json|text]",
  example: "stchaind query txs --events 'message.action=/cosmos.bank.v1beta1.MsgSend&message.sender=st1…' --output json",
  description: "Searches CometBFT's tx index (tx_search) for transactions whose events match every type.attr=value condition.",
};

async function runQueryTx(args: string[], registry: () => Promise<Registry>): Promise<number> {
  const p = parseVerb(args, TX_VERB, { node: QUERY_FLAGS.node }, { min: 1, max: 1 });
  if (p.help) return 0;
  const hash = p.positionals[0]!;
  if (!/^(0x)?[0-9a-fA-F]{64}$/.test(hash)) throw new CliError(`invalid tx hash "${hash}": expected 64 hex digits`, 2);
  const types = await registry();
  const answer = await withNode(p, async (c) => {
    let found;
    try {
      found = await c.comet.tx({ hash: Buffer.from(hash.replace(/^0x/, ""), "hex") });
    } catch (e) {
      throw new CliError(`tx ${hash.toUpperCase()} not found: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`);
    }
    return txResponseJson(found, types);
  });
  printResult(p.output, answer);
  return 0;
}

async function runQueryTxs(args: string[], registry: () => Promise<Registry>): Promise<number> {
  const p = parseVerb(args, TXS_VERB, { node: QUERY_FLAGS.node, events: { type: "string" }, page: { type: "string", default: "1" }, limit: { type: "string", default: "30" } }, { min: 0, max: 0 });
  if (p.help) return 0;
  const events = flag(p.values, "events");
  if (events === undefined) throw new CliError("--events is required (e.g. --events 'message.sender=st1…')", 2);
  const query = eventsToTxQuery(events);
  const page = flag(p.values, "page")!;
  const limit = flag(p.values, "limit")!;
  if (!/^[1-9][0-9]*$/.test(page) || !/^[1-9][0-9]*$/.test(limit) || Number(limit) > 100) throw new CliError("--page must be ≥ 1 and --limit 1 to 100", 2);
  const types = await registry();
  const answer = await withNode(p, async (c) => {
    const result = await c.comet.txSearch({ query, page: Number(page), per_page: Number(limit), order_by: "asc" });
    return { total_count: String(result.totalCount), count: String(result.txs.length), page_number: page, limit, txs: result.txs.map((t) => txResponseJson(t, types)) };
  });
  printResult(p.output, answer);
  return 0;
}

type QueryCatalog = { table: Map<string, Map<string, GeneratedQuery>>; registry: Registry };

/** The generated table (loaded once: importing every codec module takes about a second). */
let catalog: Promise<QueryCatalog> | undefined;
export function queryCatalog(): Promise<QueryCatalog> {
  catalog ??= loadProtoCatalog().then((c) => ({ table: buildQueryTable(c.services), registry: c.registry }));
  return catalog;
}

/** Where each module's query.proto was generated: one verb needs only that file (and its imports). */
const QUERY_FILES: Readonly<Record<string, string>> = {
  auth: "cosmos/auth/v1beta1", bank: "cosmos/bank/v1beta1", distribution: "cosmos/distribution/v1beta1", evidence: "cosmos/evidence/v1beta1",
  gov: "cosmos/gov/v1", mint: "cosmos/mint/v1beta1", slashing: "cosmos/slashing/v1beta1", staking: "cosmos/staking/v1beta1", upgrade: "cosmos/upgrade/v1beta1",
  register: "stratos/register/v1", sds: "stratos/sds/v1", pot: "stratos/pot/v1",
};

/**
 * The catalog of one module's query file: a verb starts in a fraction of the time the whole catalog
 * takes. Its registry holds the file and its imports; an answer holding an Any of another type is
 * rendered with the whole catalog (generatedVerbHandler retries).
 */
async function moduleCatalog(module: string): Promise<QueryCatalog | undefined> {
  const dir = QUERY_FILES[module];
  if (dir === undefined) return undefined;
  // The path as a file (as descriptors.ts loads codec modules): `*_pb.ts` under tsx, `*_pb.js` when built.
  const base = fileURLToPath(new URL(`../codec/${dir}/query_pb`, import.meta.url));
  const file0 = fs.existsSync(`${base}.ts`) ? `${base}.ts` : `${base}.js`;
  const exports = (await import(/* @vite-ignore */ pathToFileURL(file0).href)) as Record<string, unknown>;
  const file = Object.values(exports).find((v): v is DescFile => typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "file");
  if (file === undefined) return undefined;
  const files = new Map<string, DescFile>();
  const add = (f: DescFile): void => {
    if (files.has(f.proto.name)) return;
    files.set(f.proto.name, f);
    f.dependencies.forEach(add);
  };
  add(file);
  return { table: buildQueryTable(file.services), registry: createRegistry(...files.values()) };
}

export async function runQuery(args: string[]): Promise<number> {
  const [first, ...rest] = args;
  const registry = async (): Promise<Registry> => (await queryCatalog()).registry;
  if (first === "tx") return runQueryTx(rest, registry);
  if (first === "txs") return runQueryTxs(rest, registry);
  // `query <module> <verb> …` loads one module's file (a hand-written verb none); listings (--help) load them all.
  const verb = rest[0];
  const handWritten = first === undefined || verb === undefined ? undefined : QUERY_VERBS[first]?.[verb];
  if (handWritten !== undefined) return queryVerbHandler(handWritten)(rest.slice(1));
  const single = first !== undefined && verb !== undefined && !verb.startsWith("-") && verb !== "help" && QUERY_VERBS[first]?.[verb] === undefined ? await moduleCatalog(first) : undefined;
  const { table, registry: types } = single?.table.get(first!)?.has(verb!) ? single : await queryCatalog();
  const modules = new Set([...Object.keys(QUERY_VERBS), ...table.keys()]);
  const groups: Record<string, { verb: Verb; run: VerbHandler }> = {
    tx: { verb: TX_VERB, run: (a) => runQueryTx(a, registry) },
    txs: { verb: TXS_VERB, run: (a) => runQueryTxs(a, registry) },
  };
  for (const name of [...modules].sort()) {
    const verbs: Record<string, { verb: Verb; run: VerbHandler }> = {};
    for (const [verb, q] of table.get(name) ?? []) verbs[verb] = { verb: q.verb, run: generatedVerbHandler(q, types) };
    // The hand-written verbs (bank balances, staking validators, register resource-node) keep their shape.
    for (const [verb, v] of Object.entries(QUERY_VERBS[name] ?? {})) verbs[verb] = { verb: v.verb, run: queryVerbHandler(v) };
    const sorted = Object.fromEntries(Object.entries(verbs).sort(([a], [b]) => (a < b ? -1 : 1)));
    groups[name] = {
      verb: { usage: `stchaind query ${name} <${Object.keys(sorted).join("|")}> …`, example: `stchaind query ${name} ${Object.keys(sorted)[0]!} --help` },
      run: (a: string[]) => dispatchGroup(`query ${name}`, sorted, a),
    };
  }
  return dispatchGroup("query", groups, args);
}
