/**
 * The generated query table (a verb for every method of every module's Query service, each served by
 * the app's query router, each documented), argument → request parsing, the tx verb table, client.toml
 * defaults, and the new verbs' refusals of bad input (in-process: a CliError of one line, non-zero exit
 * code, before any node or key is touched). test/cli.modules.test.ts runs them against a node.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProtoCatalog, type ProtoCatalog } from "../server/descriptors.js";
import { createStratosApp } from "../node/app.js";
import { RootMultiStore } from "../store/rootMultiStore.js";
import { QueryBalanceRequestSchema } from "../codec/cosmos/bank/v1beta1/query_pb.js";
import { QueryProposalsRequestSchema } from "../codec/cosmos/gov/v1/query_pb.js";
import { QueryDelegatorDelegationsRequestSchema, QueryHistoricalInfoRequestSchema } from "../codec/cosmos/staking/v1beta1/query_pb.js";
import { buildQueryTable, kebabCase, moduleOfService, RESERVED_QUERY_FLAGS } from "./queryGen.js";
import { positionalFields, requestFlags, requestJson } from "./protoArgs.js";
import { CliError } from "./common.js";
import { runTx, TX_VERBS } from "./txCommands.js";
import { eventsToTxQuery, runQuery } from "./queryCommands.js";
import { runConfig, withClientDefaults } from "./clientConfig.js";
import { parseWeightedVote } from "./txModules.js";
import { runAddGenesisMetaNode } from "./nodeCommands.js";
import { BECH32_PREFIX, formatBech32Address } from "../crypto/address.js";
import { ed25519PublicKey } from "../crypto/ed25519.js";
import { sdsAddressOfPubKey, sdsPubKeyToBech32 } from "../crypto/sdsKeys.js";

let catalog: ProtoCatalog;
beforeAll(async () => {
  catalog = await loadProtoCatalog();
});

describe("generated query verbs", () => {
  it("every method of every module's Query service has a verb, and the app serves its path", async () => {
    const table = buildQueryTable(catalog.services);
    const parts = await createStratosApp(new RootMultiStore(), { checkTxVerifyWorkers: 0 });
    try {
      const modules = catalog.services.filter((s) => moduleOfService(s) !== undefined);
      expect(modules.map((s) => moduleOfService(s)).sort()).toEqual(["auth", "bank", "distribution", "evidence", "gov", "mint", "pot", "register", "sds", "slashing", "staking", "upgrade"]);
      for (const service of modules) {
        const verbs = table.get(moduleOfService(service)!)!;
        for (const method of service.methods) {
          const q = verbs.get(kebabCase(method.name));
          expect(q, `${service.typeName}/${method.name}`).toBeDefined();
          expect(q!.path).toBe(`/${service.typeName}/${method.name}`);
          expect(parts.queries.has(q!.path), `${q!.path} is served`).toBe(true);
        }
      }
    } finally {
      await parts.close();
    }
  });

  it("each verb's help names it, its arguments, its gRPC path and an example", () => {
    for (const [module, verbs] of buildQueryTable(catalog.services)) {
      for (const [name, q] of verbs) {
        expect(q.verb.usage.startsWith(`stchaind query ${module} ${name}`)).toBe(true);
        expect(q.verb.example).toMatch(new RegExp(`^stchaind query ${module} ${name}( |$)`));
        expect(q.verb.description).toContain(q.path);
        for (const f of positionalFields(q.method.input)) expect(q.verb.usage).toContain(`[${f.name}]`);
      }
    }
  });

  it("the SDK's names point at the SDK's methods", () => {
    const table = buildQueryTable(catalog.services);
    expect(table.get("bank")!.get("total")!.method.name).toBe("TotalSupply");
    expect(table.get("distribution")!.get("rewards")!.method.name).toBe("DelegationTotalRewards");
    expect(table.get("gov")!.get("tally")!.path).toBe("/cosmos.gov.v1.Query/TallyResult");
    expect(table.get("staking")!.get("delegations")!.method.name).toBe("DelegatorDelegations");
    expect(kebabCase("AccountAddressByID")).toBe("account-address-by-id");
  });
});

describe("arguments → request", () => {
  it("positionals fill scalar fields in order; flags fill any field; trailing ones may be left out", () => {
    expect(requestJson(QueryBalanceRequestSchema, ["st1abc", "wei"], {})).toEqual({ address: "st1abc", denom: "wei" });
    expect(requestJson(QueryBalanceRequestSchema, ["st1abc"], { denom: "wei" })).toEqual({ address: "st1abc", denom: "wei" });
    expect(requestJson(QueryBalanceRequestSchema, [], {})).toEqual({});
    expect(() => requestJson(QueryBalanceRequestSchema, ["a"], { address: "b" })).toThrow(/address given both/);
    expect(() => requestJson(QueryBalanceRequestSchema, ["a", "b", "c"], {})).toThrow(/at most 2 argument/);
  });

  it("enums by short or full name or number; integers checked; pagination flags", () => {
    expect(requestJson(QueryProposalsRequestSchema, ["voting_period"], {})).toEqual({ proposalStatus: "PROPOSAL_STATUS_VOTING_PERIOD" });
    expect(requestJson(QueryProposalsRequestSchema, ["PROPOSAL_STATUS_PASSED"], {})).toEqual({ proposalStatus: "PROPOSAL_STATUS_PASSED" });
    expect(requestJson(QueryProposalsRequestSchema, ["4"], {})).toEqual({ proposalStatus: "PROPOSAL_STATUS_REJECTED" });
    expect(() => requestJson(QueryProposalsRequestSchema, ["sideways"], {})).toThrow(/invalid proposal-status "sideways": one of PROPOSAL_STATUS_UNSPECIFIED/);
    expect(requestJson(QueryDelegatorDelegationsRequestSchema, ["st1x"], { limit: "5", "count-total": true, "page-key": "AAE=" }))
      .toEqual({ delegatorAddr: "st1x", pagination: { limit: "5", countTotal: true, key: "AAE=" } });
    expect(() => requestJson(QueryDelegatorDelegationsRequestSchema, [], { limit: "-1" })).toThrow(/--limit must be a non-negative integer/);
    expect(() => requestJson(QueryHistoricalInfoRequestSchema, ["x"], {}, RESERVED_QUERY_FLAGS)).toThrow(/invalid height "x": expected a 64-bit integer/);
  });

  it("a field named like a common flag (HistoricalInfo's height) is positional only", () => {
    expect(Object.keys(requestFlags(QueryHistoricalInfoRequestSchema, RESERVED_QUERY_FLAGS))).toEqual([]);
    expect(requestJson(QueryHistoricalInfoRequestSchema, ["7"], { height: "99" }, RESERVED_QUERY_FLAGS)).toEqual({ height: "7" });
  });

  it("--events becomes CometBFT's tx_search query", () => {
    expect(eventsToTxQuery("message.action=/cosmos.bank.v1beta1.MsgSend&message.sender=st1x")).toBe("message.action='/cosmos.bank.v1beta1.MsgSend' AND message.sender='st1x'");
    expect(eventsToTxQuery("tx.height=5")).toBe("tx.height=5");
    expect(() => eventsToTxQuery("nonsense")).toThrow(/invalid event "nonsense"/);
    expect(() => eventsToTxQuery("a.b=x'y")).toThrow(/invalid event/);
  });

  it("weighted votes must name known options and sum to 1", () => {
    expect(parseWeightedVote("yes=0.6,no=0.4")).toEqual([{ option: 1, weight: "0.600000000000000000" }, { option: 3, weight: "0.400000000000000000" }]);
    expect(() => parseWeightedVote("yes=0.6,no=0.3")).toThrow(/sum to 1/);
    expect(() => parseWeightedVote("maybe=1")).toThrow(/invalid weighted vote "maybe=1"/);
  });
});

describe("tx verbs", () => {
  it("cover every message a user sends, with usage and example", () => {
    const names = Object.entries(TX_VERBS).flatMap(([m, vs]) => Object.keys(vs).map((v) => `${m} ${v}`));
    expect(names).toEqual(expect.arrayContaining([
      "bank send", "bank multi-send",
      "staking create-validator", "staking edit-validator", "staking delegate", "staking redelegate", "staking unbond", "staking cancel-unbond",
      "distribution withdraw-rewards", "distribution withdraw-all-rewards", "distribution set-withdraw-addr", "distribution fund-community-pool",
      "slashing unjail", "gov submit-proposal", "gov deposit", "gov vote", "gov weighted-vote",
      "register create-resource-node", "register update-resource-node", "register update-resource-node-deposit", "register remove-resource-node",
      "register create-meta-node", "register update-meta-node", "register update-meta-node-deposit", "register remove-meta-node",
      "register meta-node-reg-vote", "register kick-meta-node-vote", "register update-effective-deposit",
      "sds prepay", "sds upload", "pot volume-report", "pot withdraw", "pot foundation-deposit", "pot slashing-resource-node", "pot set-meta-node-bls-key",
      "crisis invariant-broken",
    ]));
    for (const [m, vs] of Object.entries(TX_VERBS)) {
      for (const [n, v] of Object.entries(vs)) {
        expect(v.verb.usage.startsWith(`stchaind tx ${m} ${n}`), `${m} ${n}`).toBe(true);
        expect(v.verb.example, `${m} ${n}`).toMatch(new RegExp(`^stchaind tx ${m} ${n}( |$)`));
      }
    }
  });
});

describe("bad input: one-line CliError, non-zero exit code, before any node or key is used", () => {
  let home: string;
  beforeAll(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "stchaind-args-"));
  });
  afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

  const VALOPER = "stvaloper1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqs0c2sa";
  const cases: Array<[string, () => string[], RegExp, (a: string[]) => Promise<number>]> = [
    ["redelegate to a bad address", () => ["staking", "redelegate", "stvaloper1bad", "stvaloper1bad", "1stos"], /invalid validator address "stvaloper1bad"/, runTx],
    ["cancel-unbond with a bad height", () => ["staking", "cancel-unbond", "stvaloper1bad", "1stos", "x"], /invalid validator address|invalid creation height x/, runTx],
    ["create-validator with a bad pubkey", () => ["staking", "create-validator", "--amount", "1stos", "--pubkey", "nope", "--moniker", "m"], /invalid --pubkey/, runTx],
    ["gov deposit to proposal 0", () => ["gov", "deposit", "0", "1stos"], /invalid proposal id 0/, runTx],
    ["weights not summing to 1", () => ["gov", "weighted-vote", "1", "yes=0.5,no=0.2"], /weights must sum to 1/, runTx],
    ["a missing proposal file", () => ["gov", "submit-proposal", path.join(home, "missing.json")], /cannot read .*missing\.json/, runTx],
    ["sds prepay to a bad address", () => ["sds", "prepay", "alice", "st1bad", "1stos"], /invalid address "st1bad"/, runTx],
    ["remove-meta-node with a bad network address", () => ["register", "remove-meta-node", "--network-address", "stsds1bad"], /invalid network address "stsds1bad"/, runTx],
    ["update-resource-node without --node-type", () => ["register", "update-resource-node", "--network-address", "stsds1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqg5ts6k"], /--node-type is required|invalid network address/, runTx],
    ["pot withdraw of non-coins", () => ["pot", "withdraw", "lots"], /invalid coins "lots"/, runTx],
    ["a verb that does not exist", () => ["staking", "frobnicate"], /unknown verb "tx staking frobnicate"/, runTx],
    ["sign without the file", () => ["sign", path.join(home, "missing.json"), "--from", "alice"], /cannot read/, runTx],
    ["an unknown key", () => ["staking", "unbond", VALOPER, "1stos", "--from", "nobody", "--keyring-backend", "test"], /key nobody not found|invalid validator address/, runTx],
    ["query tx with a bad hash", () => ["tx", "ABC"], /invalid tx hash "ABC"/, runQuery],
    ["query txs with a bad event", () => ["txs", "--events", "nonsense"], /invalid event "nonsense"/, runQuery],
    ["query with a non-number id", () => ["gov", "proposal", "one"], /invalid proposal-id "one"/, runQuery],
    ["query with an unknown enum", () => ["gov", "proposals", "sideways"], /invalid proposal-status "sideways"/, runQuery],
    ["query with too many arguments", () => ["bank", "balance", "st1x", "wei", "extra"], /expected 0 to 2 argument\(s\), got 3/, runQuery],
    ["query of an unknown module", () => ["frob"], /unknown verb "query frob"/, runQuery],
    ["config of an unknown key", () => ["colour", "blue"], /unknown client config key colour/, runConfig],
    ["config output yaml", () => ["output", "yaml"], /output must be json or text/, runConfig],
  ];

  it.each(cases)("%s", async (_name, args, pattern, run) => {
    const error = await run([...args(), "--home", home, "--yes"].filter((a, _i, all) => !(a === "--yes" && (run !== runTx || all[0] === "sign")))).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toMatch(pattern);
    expect((error as CliError).message).not.toContain("\n");
    expect((error as CliError).exitCode).not.toBe(0);
  });

  it("add-genesis-meta-node needs the owner's genesis balance, then adds a bonded meta node once", async () => {
    const owner = formatBech32Address(new Uint8Array(20).fill(3), BECH32_PREFIX.account);
    const pub = ed25519PublicKey(new Uint8Array(32).fill(5));
    fs.mkdirSync(path.join(home, "config"), { recursive: true });
    const genesisFile = path.join(home, "config", "genesis.json");
    const genesis = { chain_id: "t-1", app_state: { register: { meta_nodes: [] }, bank: { balances: [{ address: owner, coins: [{ denom: "wei", amount: (5n * 10n ** 18n).toString() }] }] } } };
    fs.writeFileSync(genesisFile, JSON.stringify(genesis));
    const args = ["--pubkey", sdsPubKeyToBech32(pub), "--amount", "10stos", "--owner", owner, "--moniker", "m1", "--home", home, "--output", "json"];
    await expect(runAddGenesisMetaNode(args)).rejects.toThrow(/insufficient funds: meta node stsds1.* needs 10000000000000000000wei/);
    fs.rmSync(path.join(home, "config", "genmetanodes"), { recursive: true });
    genesis.app_state.bank.balances[0]!.coins[0]!.amount = (10n * 10n ** 18n).toString();
    fs.writeFileSync(genesisFile, JSON.stringify(genesis));
    await runAddGenesisMetaNode(args);
    await runAddGenesisMetaNode(args);
    const metaNodes = JSON.parse(fs.readFileSync(genesisFile, "utf8")).app_state.register.meta_nodes;
    expect(metaNodes).toEqual([expect.objectContaining({
      network_address: sdsAddressOfPubKey(pub), owner_address: owner, beneficiary_address: owner, tokens: (10n * 10n ** 18n).toString(),
      status: "BOND_STATUS_BONDED", suspend: false, creation_time: "0001-01-01T00:00:00Z", description: expect.objectContaining({ moniker: "m1" }),
    })]);
  });

  it("client.toml values become flag defaults; a flag on the command line wins", async () => {
    await runConfig(["node", "tcp://127.0.0.1:36657", "--home", home]);
    await runConfig(["output", "json", "--home", home]);
    const options = withClientDefaults({ node: { type: "string", default: "http://127.0.0.1:26657" }, output: { type: "string", default: "text" }, other: { type: "string" } }, ["--home", home]);
    expect(options.node.default).toBe("http://127.0.0.1:36657");
    expect(options.output.default).toBe("json");
    expect(options.other).toEqual({ type: "string" });
    expect(withClientDefaults({ node: { type: "string", default: "x" } }, ["--home", path.join(home, "elsewhere")]).node.default).toBe("x");
  });
});

describe("file-driven tx verbs build their messages", () => {
  it("pot volume-report: the JSON file's report with the sender as reporter_owner, encodable for signing", async () => {
    const { MODULE_TX_VERBS } = await import("./txModules.js");
    const { stratosRegistry } = await import("../client/client.js");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stchaind-report-"));
    try {
      const owner = formatBech32Address(new Uint8Array(20).fill(4), BECH32_PREFIX.account);
      const reporter = sdsAddressOfPubKey(ed25519PublicKey(new Uint8Array(32).fill(6)));
      const file = path.join(dir, "report.json");
      fs.writeFileSync(file, JSON.stringify({ wallet_volumes: [{ wallet_address: owner, volume: "100" }], reporter, epoch: "3", report_reference: "ref-1", BLS_signature: { pub_keys: [], signature: "", txData: "" } }));
      const tools = { node: "http://127.0.0.1:1", registry: async () => catalog.registry };
      const [message] = await MODULE_TX_VERBS["pot"]!["volume-report"]!.build([file], owner, {}, tools);
      expect(message!.typeUrl).toBe("/stratos.pot.v1.MsgVolumeReport");
      const any = stratosRegistry().encodeAsAny(message!);
      const decoded = stratosRegistry().decode(any) as { reporterOwner: string; reporter: string; epoch: string; walletVolumes: Array<{ volume: string }> };
      expect(decoded).toMatchObject({ reporterOwner: owner, reporter, epoch: "3" });
      expect(decoded.walletVolumes[0]!.volume).toBe("100");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
