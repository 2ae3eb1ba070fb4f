/**
 * Issue 16, the rest of the CLI against one node, every command a child process: client.toml defaults
 * (`config`), `status`, a genesis meta node (`add-genesis-meta-node`), register meta/resource flows, sds
 * prepay, staking create-validator/unbond/redelegate/cancel-unbond, gov submit-proposal/deposit/vote/
 * weighted-vote, --generate-only → tx sign → tx broadcast, `query tx` / `query txs --events`, generated
 * queries, bad input (one line, non-zero exit), and last `export` of the stopped node → `validate-genesis`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Devnet } from "../app/node/devnet.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../app/crypto/address.js";
import { ed25519PublicKey } from "../app/crypto/ed25519.js";
import { moduleAddress } from "../app/crypto/moduleAddress.js";
import { sdsAddressOfPubKey, sdsPubKeyToBech32 } from "../app/crypto/sdsKeys.js";
import { freePorts } from "./helpers/ports.js";
import { fails, inParallel, ok, startCliMadeNode } from "./helpers/cli.js";

const CHAIN_ID = "cli-modules-1";
const STOS = 10n ** 18n;

describe("stchaind: every module's tx and query verbs against one node", () => {
  let home: string;
  let devnet: Devnet | undefined;
  let rpc: string;
  const addr: Record<string, string> = {};
  let valoper: string;
  let bobValoper: string;
  const metaPub = ed25519PublicKey(new Uint8Array(32).fill(7));
  const metaNetwork = sdsAddressOfPubKey(metaPub);
  // Every verb reads --home; chain-id, node, keyring-backend and output come from client.toml (set in beforeAll).
  const h = (): string[] => ["--home", home];
  const json = async (args: string[], input?: string): Promise<any> => JSON.parse(await ok([...args, ...h()], input));
  const tx = (args: string[]): Promise<any> => json(["tx", ...args, "--yes"]);

  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "stchaind-modules-"));
    const [p2p, rpcPort, abci] = await freePorts(3);
    rpc = `http://127.0.0.1:${rpcPort!}`;
    await ok(["init", "modules-node", "--chain-id", CHAIN_ID, ...h()]);
    await ok(["config", "keyring-backend", "test", ...h()]);
    await ok(["config", "output", "json", ...h()]);
    await inParallel(["val", "alice", "bob", "meta"], async (name) => {
      addr[name] = (await json(["keys", "add", name])).address;
    });
    valoper = formatBech32Address(parseBech32Address(addr["val"]!, "st"), BECH32_PREFIX.validator);
    bobValoper = formatBech32Address(parseBech32Address(addr["bob"]!, "st"), BECH32_PREFIX.validator);
    for (const [name, coins] of [["val", "10000stos"], ["alice", "1000stos"], ["meta", "1000stos"]] as const) await ok(["add-genesis-account", name, coins, ...h()]);
    const added = await json(["add-genesis-meta-node", "--pubkey", sdsPubKeyToBech32(metaPub), "--amount", "100stos", "--owner", "meta", "--moniker", "genesis-meta"]);
    expect(added).toEqual({ added: [metaNetwork], meta_nodes: 1 });
    await ok(["gentx", "val", "1000stos", "--chain-id", CHAIN_ID, "--p2p-port", String(p2p!), ...h()]);
    await ok(["collect-gentxs", ...h()]);
    await ok(["config", "chain-id", CHAIN_ID, ...h()]);
    await ok(["config", "node", rpc.replace("http://", "tcp://"), ...h()]);

    devnet = await startCliMadeNode(home, { p2p: p2p!, rpc: rpcPort!, abci: abci! }, `[consensus]\ntimeout_commit = "300ms"`);
  }, 150_000);

  afterAll(async () => {
    await devnet?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it("config prints and sets client.toml; status reads the node through it", async () => {
    expect(await json(["config"])).toEqual({ "chain-id": CHAIN_ID, "keyring-backend": "test", output: "json", node: rpc.replace("http://", "tcp://"), "broadcast-mode": "sync" });
    expect((await ok(["config", "chain-id", ...h()])).trim()).toBe(CHAIN_ID);
    const status = await json(["status"]);
    expect(status.node_info.network).toBe(CHAIN_ID);
    expect(Number(status.sync_info.latest_block_height)).toBeGreaterThanOrEqual(2);
    await inParallel<[string[], RegExp]>([
      [["config", "colour", "blue", ...h()], /unknown client config key colour/],
      [["config", "output", "yaml", ...h()], /output must be json or text/],
      [["status", "--node", "http://127.0.0.1:1", ...h()], /cannot reach the node at http:\/\/127\.0\.0\.1:1/],
    ], ([args, pattern]) => fails(args, pattern));
  });

  it("register: genesis meta node; create-meta-node approved by its vote; resource node created, updated, deposit raised", async () => {
    expect((await json(["query", "register", "meta-node", metaNetwork])).node).toMatchObject({ network_address: metaNetwork, owner_address: addr["meta"], status: "BOND_STATUS_BONDED", tokens: (100n * STOS).toString() });
    const candidatePub = ed25519PublicKey(new Uint8Array(32).fill(8));
    const candidate = sdsAddressOfPubKey(candidatePub);
    expect((await tx(["register", "create-meta-node", "--pubkey", sdsPubKeyToBech32(candidatePub), "--amount", "10stos", "--moniker", "candidate", "--from", "alice"])).code).toBe(0);
    expect((await json(["query", "register", "meta-node", candidate])).node.status).toBe("BOND_STATUS_UNBONDED");
    expect((await tx(["register", "meta-node-reg-vote", "--candidate-network-address", candidate, "--candidate-owner-address", addr["alice"]!, "--opinion", "true", "--voter-network-address", metaNetwork, "--from", "meta"])).code).toBe(0);
    expect((await json(["query", "register", "meta-node", candidate])).node).toMatchObject({ status: "BOND_STATUS_BONDED", description: { moniker: "candidate" } });

    const resourcePub = ed25519PublicKey(new Uint8Array(32).fill(9));
    const resource = sdsAddressOfPubKey(resourcePub);
    expect((await tx(["register", "create-resource-node", "--pubkey", sdsPubKeyToBech32(resourcePub), "--amount", "2stos", "--moniker", "res", "--from", "alice"])).code).toBe(0);
    expect((await tx(["register", "update-resource-node", "--network-address", resource, "--node-type", "7", "--moniker", "res-renamed", "--from", "alice"])).code).toBe(0);
    expect((await tx(["register", "update-resource-node-deposit", "--network-address", resource, "--deposit-delta", "1stos", "--from", "alice"])).code).toBe(0);
    const node = (await json(["query", "register", "resource-node", resource])).node;
    expect(node).toMatchObject({ node_type: 7, description: { moniker: "res-renamed" }, tokens: (3n * STOS).toString() });
    const byOwner = await json(["query", "register", "deposit-by-owner", addr["alice"]!]);
    expect(byOwner.deposit_infos.map((d: any) => d.network_address)).toContain(resource);
  });

  it("sds prepay (the reference's <from> <beneficiary> <coins>) → query txs --events finds it; query tx shows it", async () => {
    const prepaid = await tx(["sds", "prepay", "alice", addr["bob"]!, "1stos"]);
    expect(prepaid.code).toBe(0);
    const found = await json(["query", "txs", "--events", `message.action=/stratos.sds.v1.MsgPrepay&message.sender=${addr["alice"]!}`]);
    expect(found.total_count).toBe("1");
    expect(found.txs[0].txhash).toBe(prepaid.txhash);
    const one = await json(["query", "tx", prepaid.txhash]);
    expect(one).toMatchObject({ txhash: prepaid.txhash, code: 0, height: String(prepaid.height) });
    expect(one.tx.body.messages[0]).toMatchObject({ "@type": "/stratos.sds.v1.MsgPrepay", sender: addr["alice"], beneficiary: addr["bob"], amount: [{ denom: "wei", amount: STOS.toString() }] });
  });

  it("staking: create-validator, delegate, unbond, redelegate, cancel-unbond; queries show each", async () => {
    expect((await tx(["bank", "send", "alice", addr["bob"]!, "20stos"])).code).toBe(0);
    const consensusKey = Buffer.from(ed25519PublicKey(new Uint8Array(32).fill(11))).toString("base64");
    const created = await tx(["staking", "create-validator", "--amount", "5stos", "--pubkey", JSON.stringify({ "@type": "/cosmos.crypto.ed25519.PubKey", key: consensusKey }), "--moniker", "bob-val", "--commission-rate", "0.05", "--from", "bob"]);
    expect(created.code).toBe(0);
    const bobVal = (await json(["query", "staking", "validator", bobValoper])).validator;
    expect(bobVal).toMatchObject({ operator_address: bobValoper, tokens: (5n * STOS).toString(), description: { moniker: "bob-val" } });
    // LegacyDec fields print as the SDK's CLI prints them (the wire holds the raw integer).
    expect(bobVal.commission.commission_rates.rate).toBe("0.050000000000000000");
    expect(bobVal.delegator_shares).toBe("5000000000000000000.000000000000000000");

    expect((await tx(["staking", "delegate", valoper, "10stos", "--from", "alice"])).code).toBe(0);
    expect((await tx(["staking", "unbond", valoper, "2stos", "--from", "alice"])).code).toBe(0);
    expect((await tx(["staking", "redelegate", valoper, bobValoper, "3stos", "--from", "alice"])).code).toBe(0);
    const [delegationsAnswer, unbondingAnswer, redelegationsAnswer] = await Promise.all([
      json(["query", "staking", "delegations", addr["alice"]!]),
      json(["query", "staking", "unbonding-delegation", addr["alice"]!, valoper]),
      json(["query", "staking", "redelegations", addr["alice"]!]),
    ]);
    const delegations = delegationsAnswer.delegation_responses;
    expect(delegations.map((d: any) => [d.delegation.validator_address, d.balance.amount]).sort()).toEqual([[bobValoper, (3n * STOS).toString()], [valoper, (5n * STOS).toString()]].sort());
    const unbonding = unbondingAnswer.unbond;
    expect(unbonding.entries).toHaveLength(1);
    expect(redelegationsAnswer.redelegation_responses).toHaveLength(1);
    const creationHeight = unbonding.entries[0].creation_height;
    expect((await tx(["staking", "cancel-unbond", valoper, "2stos", creationHeight, "--from", "alice"])).code).toBe(0);
    await fails(["query", "staking", "unbonding-delegation", addr["alice"]!, valoper, ...h()], /query staking unbonding-delegation failed: .*not found/);
    expect((await json(["query", "staking", "delegation", addr["alice"]!, valoper])).delegation_response.balance.amount).toBe((7n * STOS).toString());
    expect((await tx(["distribution", "withdraw-all-rewards", "--from", "alice"])).code).toBe(0);
  });

  it("gov: submit-proposal (v1 JSON file), deposit to the minimum, vote and weighted-vote; queries show them", async () => {
    const gov = formatBech32Address(moduleAddress("gov"), BECH32_PREFIX.account);
    const file = path.join(home, "proposal.json");
    fs.writeFileSync(file, JSON.stringify({
      messages: [{ "@type": "/cosmos.bank.v1beta1.MsgSend", from_address: gov, to_address: addr["bob"], amount: [{ denom: "wei", amount: "1" }] }],
      metadata: "", deposit: "1stos", title: "pay bob", summary: "one wei from the gov account",
    }));
    expect((await tx(["gov", "submit-proposal", file, "--from", "alice"])).code).toBe(0);
    const proposal = (await json(["query", "gov", "proposal", "1"])).proposal;
    expect(proposal).toMatchObject({ id: "1", status: "PROPOSAL_STATUS_DEPOSIT_PERIOD", title: "pay bob" });
    expect(proposal.messages[0]).toMatchObject({ "@type": "/cosmos.bank.v1beta1.MsgSend", to_address: addr["bob"] });
    expect((await tx(["gov", "deposit", "1", "100stos", "--from", "alice"])).code).toBe(0);
    expect((await json(["query", "gov", "proposals", "voting_period"])).proposals.map((p: any) => p.id)).toEqual(["1"]);
    expect((await tx(["gov", "vote", "1", "yes", "--from", "alice"])).code).toBe(0);
    expect((await tx(["gov", "weighted-vote", "1", "yes=0.7,no=0.3", "--from", "val"])).code).toBe(0);
    const [votesAnswer, depositsAnswer] = await Promise.all([json(["query", "gov", "votes", "1"]), json(["query", "gov", "deposits", "1"])]);
    const votes = votesAnswer.votes;
    expect(votes.map((v: any) => v.voter).sort()).toEqual([addr["alice"], addr["val"]].sort());
    const weighted = votes.find((v: any) => v.voter === addr["val"]);
    expect(weighted.options.map((o: any) => [o.option, Number(o.weight)])).toEqual([["VOTE_OPTION_YES", 0.7], ["VOTE_OPTION_NO", 0.3]]);
    // Both of alice's deposits make one record.
    expect(depositsAnswer.deposits).toMatchObject([{ depositor: addr["alice"], amount: [{ denom: "wei", amount: (101n * STOS).toString() }] }]);
  });

  it("--generate-only → tx sign → tx broadcast; the signed tx lands", async () => {
    const unsigned = await ok(["tx", "bank", "send", "alice", addr["bob"]!, "0.25stos", "--generate-only", "--gas", "200000", "--memo", "offline", ...h()]);
    const parsed = JSON.parse(unsigned);
    expect(parsed.signatures).toEqual([]);
    expect(parsed.auth_info.fee.gas_limit).toBe("200000");
    expect(parsed.body.messages[0]).toMatchObject({ "@type": "/cosmos.bank.v1beta1.MsgSend", from_address: addr["alice"], to_address: addr["bob"] });
    const unsignedFile = path.join(home, "unsigned.json");
    const signedFile = path.join(home, "signed.json");
    fs.writeFileSync(unsignedFile, unsigned);
    await ok(["tx", "sign", unsignedFile, "--from", "alice", "--output-document", signedFile, ...h()]);
    expect(JSON.parse(fs.readFileSync(signedFile, "utf8")).signatures).toHaveLength(1);
    const before = BigInt((await json(["query", "bank", "balance", addr["bob"]!, "wei"])).balance.amount);
    const sent = await json(["tx", "broadcast", signedFile]);
    expect(sent.code).toBe(0);
    expect(BigInt((await json(["query", "bank", "balance", addr["bob"]!, "wei"])).balance.amount) - before).toBe(STOS / 4n);
    expect((await json(["query", "tx", sent.txhash])).tx.body.memo).toBe("offline");
    // The same signed tx again: the sequence was used.
    await fails(["tx", "broadcast", signedFile, ...h()], /sequence|signature verification failed|already exists/i);
    await fails(["tx", "broadcast", unsignedFile, ...h()], /not signed/);
  });

  // Argument errors of every new verb are unit tests (app/cli/cliModules.test.ts); these need the node.
  it("bad input the node refuses fails with one line and a non-zero exit code", async () => {
    await inParallel<[string[], RegExp]>([
      [["tx", "slashing", "unjail", "--from", "alice", "--yes", ...h()], /address is not associated with any known validator/],
      [["tx", "sds", "prepay", "alice", addr["bob"]!, "100000stos", "--yes", ...h()], /insufficient funds/],
      [["tx", "bank", "send", formatBech32Address(moduleAddress("distribution"), BECH32_PREFIX.account), addr["bob"]!, "1stos", "--generate-only", ...h()], /--gas auto with --generate-only needs --from to be a key/],
      [["query", "tx", "A".repeat(64), ...h()], /tx A{64} not found/],
      [["query", "staking", "validator", "stvaloper1bad", ...h()], /query staking validator failed/],
      [["query", "gov", "proposal", "one", ...h()], /invalid proposal-id "one"/],
      [["export", ...h()], /in use or unreadable .*stop the node before exporting/],
    ], ([args, pattern]) => fails(args, pattern));
  });

  it("generated queries answer for the modules the flows above do not touch", async () => {
    const asked: Array<[string, string[], (a: any) => void]> = [
      ["auth", ["module-account-by-name", "gov"], (a) => expect(a.account["@type"]).toBe("/cosmos.auth.v1beta1.ModuleAccount")],
      ["mint", ["params"], (a) => expect(a.params.mint_denom).toBe("wei")],
      ["slashing", ["signing-infos", "--limit", "1", "--count-total"], (a) => expect(a.info).toHaveLength(1)],
      ["distribution", ["community-pool"], (a) => expect(Array.isArray(a.pool)).toBe(true)],
      ["sds", ["params"], (a) => expect(a.params.bond_denom).toBe("wei")],
      ["pot", ["params"], (a) => expect(a.params.bond_denom).toBe("wei")],
      // --height reads an older state: at height 2 only the genesis accounts existed (bob got wei later).
      ["bank", ["balance", addr["bob"]!, "wei", "--height", "2"], (a) => expect(a.balance.amount).toBe("0")],
    ];
    await inParallel(asked, async ([module, args, check]) => check(await json(["query", module, ...args])));
    expect(await ok(["query", "upgrade", "authority", "--output", "text", ...h()])).toMatch(/^address: st1/);
  });

  it("export of the stopped node is a genesis validate-genesis accepts", async () => {
    await devnet!.stop();
    devnet = undefined;
    const exported = path.join(home, "exported.json");
    await ok(["export", "--output-document", exported, ...h()]);
    const genesis = JSON.parse(fs.readFileSync(exported, "utf8"));
    expect(genesis.chain_id).toBe(CHAIN_ID);
    expect(genesis.initial_height).toBe("1");
    expect(genesis.validators.length).toBeGreaterThanOrEqual(1);
    expect(genesis.app_state.register.meta_nodes).toHaveLength(2);
    expect(await json(["validate-genesis", exported])).toMatchObject({ valid: true, chain_id: CHAIN_ID });
  });
});
