/**
 * Issue 16's second acceptance item: a localnet of 2 validators whose keys, genesis, gentxs and peers
 * are made only with `stchaind` verbs (and `cp`, as operators exchange files): each node `init`s its own
 * home, the accounts go into one genesis, each operator signs a gentx with its node's consensus key,
 * `collect-gentxs` gathers both and writes the other node as persistent peer. Both nodes run (app +
 * CometBFT through Devnet, which keeps an existing home's genesis), both validators are bonded, and a
 * `tx bank send` through node 1 is seen by `query bank balances` on node 0.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { Devnet } from "../app/node/devnet.js";
import { ok } from "./helpers/cli.js";
import { waitForHeight } from "./helpers/devnet.js";
import { freePorts } from "./helpers/ports.js";

const CHAIN_ID = "cli-localnet-1";
const STOS = 10n ** 18n;

describe("a 2-validator localnet made with stchaind verbs", () => {
  const homes: string[] = [];
  const nodes: Devnet[] = [];
  const rpcs: string[] = [];
  const operators: string[] = [];
  let root: string;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "stchaind-localnet-"));
    const ports = await freePorts(6);
    for (const i of [0, 1]) {
      const home = path.join(root, `node${i}`);
      homes.push(home);
      rpcs.push(`http://127.0.0.1:${ports[3 * i + 1]!}`);
      operators.push(JSON.parse(await ok(["keys", "add", `v${i}`, "--home", home, "--keyring-backend", "test", "--output", "json"])).address);
      await ok(["init", `node${i}`, "--chain-id", CHAIN_ID, "--home", home]);
    }
    const [home0, home1] = [homes[0]!, homes[1]!];
    const genesis = (h: string): string => path.join(h, "config", "genesis.json");
    for (const operator of operators) await ok(["add-genesis-account", operator, "10000stos", "--home", home0]);
    fs.copyFileSync(genesis(home0), genesis(home1));
    for (const i of [0, 1]) {
      await ok(["gentx", `v${i}`, "1000stos", "--chain-id", CHAIN_ID, "--p2p-port", String(ports[3 * i]!), "--home", homes[i]!, "--keyring-backend", "test"]);
    }
    const gentxDir = path.join(home0, "config", "gentx");
    for (const f of fs.readdirSync(path.join(home1, "config", "gentx"))) fs.copyFileSync(path.join(home1, "config", "gentx", f), path.join(gentxDir, f));
    const collected0 = JSON.parse(await ok(["collect-gentxs", "--home", home0, "--output", "json"]));
    const collected1 = JSON.parse(await ok(["collect-gentxs", "--home", home1, "--gentx-dir", gentxDir, "--output", "json"]));
    expect([collected0.gen_txs, collected1.gen_txs]).toEqual([2, 2]);
    // Each node peers with the other one only.
    expect(collected0.persistent_peers).toMatch(new RegExp(`@127\\.0\\.0\\.1:${ports[3]!}$`));
    expect(collected1.persistent_peers).toMatch(new RegExp(`@127\\.0\\.0\\.1:${ports[0]!}$`));
    expect(fs.readFileSync(genesis(home1), "utf8")).toBe(fs.readFileSync(genesis(home0), "utf8"));
    expect(JSON.parse(await ok(["validate-genesis", "--home", home1, "--output", "json"]))).toMatchObject({ valid: true, validators: 2 });

    for (const i of [0, 1]) {
      nodes.push(new Devnet({ home: homes[i]!, ports: { p2p: ports[3 * i]!, rpc: ports[3 * i + 1]!, abci: ports[3 * i + 2]! }, onAppOutput: () => {} }));
    }
    await Promise.all(nodes.map((n) => n.start()));
    for (const rpc of rpcs) {
      const comet = await Comet38Client.connect(rpc);
      await waitForHeight(comet, 3, 90_000);
      comet.disconnect();
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it("both validators are bonded with their self-bond, and a send through node 1 shows on node 0", async () => {
    const validators = JSON.parse(await ok(["query", "staking", "validators", "--node", rpcs[0]!, "--output", "json"])).validators;
    expect(validators.map((v: { moniker: string }) => v.moniker).sort()).toEqual(["node0", "node1"]);
    expect(validators.every((v: { tokens: string }) => v.tokens === (1000n * STOS).toString())).toBe(true);

    const sent = JSON.parse(await ok(["tx", "bank", "send", "v1", operators[0]!, "7stos", "--node", rpcs[1]!, "--yes", "--home", homes[1]!, "--keyring-backend", "test", "--output", "json"]));
    expect(sent.code).toBe(0);
    // v0's balance: 10,000 STOS less the 1,000 self-bond, plus the 7 sent (it paid no fee).
    const comet0 = await Comet38Client.connect(rpcs[0]!);
    await waitForHeight(comet0, sent.height, 30_000);
    comet0.disconnect();
    const balance = JSON.parse(await ok(["query", "bank", "balances", operators[0]!, "--node", rpcs[0]!, "--denom", "wei", "--output", "json"])).balance;
    expect(balance.amount).toBe((9007n * STOS).toString());
  });
});
