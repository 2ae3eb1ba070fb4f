/**
 * Issue 16's first acceptance item, from the shell: `stchaind keys add` → `init` → `add-genesis-account`
 * → `gentx` → `collect-gentxs` → `validate-genesis` → the node started on that home (app + CometBFT,
 * through Devnet, which keeps an existing genesis) → `tx bank send` → `query bank balances` shows it;
 * then staking verbs, and each failure on bad input exits non-zero with one line on stderr.
 * Every command runs as its own child process (`node --import tsx app/cli/stchaind.ts …`).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Devnet } from "../app/node/devnet.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../app/crypto/address.js";
import { ed25519PublicKey } from "../app/crypto/ed25519.js";
import { sdsAddressOfPubKey, sdsPubKeyToBech32 } from "../app/crypto/sdsKeys.js";
import { freePorts } from "./helpers/ports.js";
import { fails, inParallel, ok, stchaind, startCliMadeNode } from "./helpers/cli.js";

const CHAIN_ID = "cli-test-1";
const PASSPHRASE = "correct horse battery";
const STOS = 10n ** 18n;

describe("stchaind from the shell: genesis tools, a node, bank send and queries", () => {
  let home: string;
  let devnet: Devnet;
  let rpc: string;
  let valAddress: string;
  let aliceAddress: string;
  let bobAddress: string;
  const test = (): string[] => ["--home", home, "--keyring-backend", "test"];
  const file = (): string[] => ["--home", home, "--keyring-backend", "file", "--keyring-passphrase", PASSPHRASE];

  beforeAll(async () => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), "stchaind-cli-"));
    const [p2p, rpcPort, abci] = await freePorts(3);
    rpc = `http://127.0.0.1:${rpcPort!}`;

    valAddress = JSON.parse(await ok(["keys", "add", "val", ...test(), "--output", "json"])).address;
    aliceAddress = JSON.parse(await ok(["keys", "add", "alice", ...file(), "--output", "json"])).address;
    const mnemonic = (await ok(["keys", "mnemonic"])).trim();
    bobAddress = JSON.parse(await ok(["keys", "add", "bob", "--recover", ...test(), "--output", "json"], mnemonic + "\n")).address;

    await ok(["init", "cli-node", "--chain-id", CHAIN_ID, "--home", home]);
    await ok(["add-genesis-account", "val", "10000stos", ...test()]);
    await ok(["add-genesis-account", aliceAddress, "100stos", "--home", home]);
    await ok(["gentx", "val", "1000stos", "--chain-id", CHAIN_ID, "--p2p-port", String(p2p!), ...test()]);
    const collected = JSON.parse(await ok(["collect-gentxs", "--home", home, "--output", "json"]));
    expect(collected.gen_txs).toBe(1);
    const validated = JSON.parse(await ok(["validate-genesis", "--home", home, "--output", "json"]));
    expect(validated).toMatchObject({ valid: true, chain_id: CHAIN_ID, validators: 1, accounts: 2 });

    devnet = await startCliMadeNode(home, { p2p: p2p!, rpc: rpcPort!, abci: abci! });
  }, 120_000);

  afterAll(async () => {
    await devnet?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it("the genesis the commands made is the node's: one validator, the funded accounts", async () => {
    const genesis = JSON.parse(fs.readFileSync(path.join(home, "config", "genesis.json"), "utf8"));
    expect(genesis.chain_id).toBe(CHAIN_ID);
    expect(genesis.app_state.genutil.gen_txs).toHaveLength(1);
    const validators = JSON.parse(await ok(["query", "staking", "validators", "--node", rpc, "--output", "json"])).validators;
    expect(validators).toHaveLength(1);
    expect(validators[0]).toMatchObject({ moniker: "cli-node", tokens: (1000n * STOS).toString(), operator_address: formatBech32Address(parseBech32Address(valAddress, "st"), BECH32_PREFIX.validator) });
    const alice = JSON.parse(await ok(["query", "bank", "balances", aliceAddress, "--node", rpc, "--output", "json"]));
    expect(alice.balances).toEqual([{ denom: "wei", amount: (100n * STOS).toString() }]);
  });

  it("tx bank send (file keyring, gas auto) → query bank balances shows the amount", async () => {
    const sent = JSON.parse(await ok(["tx", "bank", "send", "alice", bobAddress, "1.5stos", "--node", rpc, "--chain-id", CHAIN_ID, "--yes", "--output", "json", ...file()]));
    expect(sent.code).toBe(0);
    expect(sent.txhash).toMatch(/^[0-9A-F]{64}$/);
    const bob = JSON.parse(await ok(["query", "bank", "balances", bobAddress, "--node", rpc, "--output", "json"]));
    expect(bob.balances).toEqual([{ denom: "wei", amount: (15n * STOS / 10n).toString() }]);
    const text = await ok(["query", "bank", "balances", bobAddress, "--node", rpc, "--denom", "wei"]);
    expect(text).toContain(`amount: ${15n * STOS / 10n}`);
  });

  it("tx staking delegate and tx distribution withdraw-rewards", async () => {
    const valoper = formatBech32Address(parseBech32Address(valAddress, "st"), BECH32_PREFIX.validator);
    const delegated = JSON.parse(await ok(["tx", "staking", "delegate", valoper, "2stos", "--from", "alice", "--node", rpc, "--yes", "--output", "json", ...file()]));
    expect(delegated.code).toBe(0);
    const validators = JSON.parse(await ok(["query", "staking", "validators", "--node", rpc, "--output", "json"])).validators;
    expect(validators[0].tokens).toBe((1002n * STOS).toString());
    const withdrawn = JSON.parse(await ok(["tx", "distribution", "withdraw-rewards", valoper, "--from", "alice", "--node", rpc, "--yes", "--output", "json", ...file()]));
    expect(withdrawn.code).toBe(0);
  });

  it("tx register create-resource-node → query register resource-node shows it", async () => {
    const nodePubKey = ed25519PublicKey(new Uint8Array(32).fill(42));
    const network = sdsAddressOfPubKey(nodePubKey);
    const created = JSON.parse(await ok([
      "tx", "register", "create-resource-node", "--pubkey", sdsPubKeyToBech32(nodePubKey), "--amount", "2stos", "--moniker", "cli-resource", "--node-type", "4",
      "--from", "alice", "--node", rpc, "--yes", "--output", "json", ...file(),
    ]));
    expect(created.code).toBe(0);
    const node = JSON.parse(await ok(["query", "register", "resource-node", network, "--node", rpc, "--output", "json"])).node;
    expect(node).toMatchObject({ network_address: network, owner_address: aliceAddress, tokens: (2n * STOS).toString(), description: { moniker: "cli-resource" }, node_type: 4 });
    await fails(["query", "register", "resource-node", sdsAddressOfPubKey(new Uint8Array(32).fill(1)), "--node", rpc], /./);
  });

  it("keys export → import, rename, delete; --coin-type 60 warns and gives another address", async () => {
    const armored = await ok(["keys", "export", "alice", "--export-passphrase", "export passphrase", ...file()]);
    expect(armored).toMatch(/^-----BEGIN STRATOS-TS PRIVATE KEY-----\n/);
    const keyFile = path.join(home, "alice.key");
    fs.writeFileSync(keyFile, armored);
    await fails(["keys", "import", "alice2", keyFile, "--export-passphrase", "not the one", ...test()], /exported key: wrong passphrase/);
    await fails(["keys", "import", "alice2", keyFile, "--export-passphrase", "export passphrase", ...file()], /same key is already stored as alice/);
    const imported = JSON.parse(await ok(["keys", "import", "alice2", keyFile, "--export-passphrase", "export passphrase", ...test(), "--output", "json"]));
    expect(imported.address).toBe(aliceAddress);
    expect(JSON.parse(await ok(["keys", "rename", "alice2", "alice3", ...test(), "--output", "json"])).address).toBe(aliceAddress);
    await ok(["keys", "delete", "alice3", "--yes", ...test()]);
    await fails(["keys", "show", "alice3", ...test()], /key alice3 not found/);

    const mnemonic = (await ok(["keys", "mnemonic", "--words", "12"])).trim();
    const stratos = JSON.parse(await ok(["keys", "add", "k606", "--recover", ...test(), "--output", "json"], mnemonic + "\n"));
    const r = await stchaind(["keys", "add", "k60", "--recover", "--coin-type", "60", ...test(), "--output", "json"], mnemonic + "\n");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: coin type 60 .* different address/);
    const eth = JSON.parse(r.stdout);
    expect(eth.hd_path).toBe("m/44'/60'/0'/0/0");
    expect(eth.address).not.toBe(stratos.address);
    expect(stratos.hd_path).toBe("m/44'/606'/0'/0/0");
  });

  it("bad input fails with one line and a non-zero exit code", async () => {
    const node = ["--node", rpc, "--yes"];
    const badGenesis = JSON.parse(fs.readFileSync(path.join(home, "config", "genesis.json"), "utf8"));
    badGenesis.app_state.bank.supply[0].amount = "1";
    const badGenesisFile = path.join(home, "bad-genesis.json");
    fs.writeFileSync(badGenesisFile, JSON.stringify(badGenesis));
    await inParallel<[string[], RegExp]>([
      [["validate-genesis", badGenesisFile], /invalid genesis: .*supply/i],
      [["tx", "register", "create-resource-node", "--pubkey", "stsdspub1xyz", "--amount", "1stos", "--moniker", "m", "--from", "alice", ...node, ...file()], /invalid --pubkey "stsdspub1xyz"/],
      [["tx", "staking", "delegate", valAddress, "1stos", "--from", "alice", ...node, ...file()], /invalid validator address/],
      [["tx", "bank", "send", "alice", "st1notanaddress", "1stos", ...node, ...file()], /invalid address "st1notanaddress"/],
      [["tx", "bank", "send", "nobody", bobAddress, "1stos", ...node, ...file()], /key nobody not found/],
      [["tx", "bank", "send", "alice", bobAddress, "1stos", ...node, "--home", home, "--keyring-passphrase", "wrong passphrase"], /key alice: wrong passphrase/],
      [["tx", "bank", "send", "alice", bobAddress, "1000stos", ...node, ...file()], /insufficient funds/],
      [["tx", "bank", "send", "alice", bobAddress, "lots", ...node, ...file()], /invalid coins "lots"/],
      [["query", "bank", "balances", "st1bad", "--node", rpc], /invalid address "st1bad"/],
      [["keys", "show", "nobody", ...test()], /key nobody not found/],
      [["keys", "add", "val", ...test()], /already exists/],
      [["keys", "add", "carol", "--recover", ...test()], /no mnemonic given/],
      [["add-genesis-account", "nobody", "1stos", ...test()], /neither an st1… address nor a key/],
      [["gentx", "val", "1000000stos", "--chain-id", CHAIN_ID, ...test()], /insufficient funds/],
      [["tx", "gov", "vote", "1", "maybe", "--from", "alice", ...node, ...file()], /invalid vote option maybe/],
      [["frobnicate"], /unknown command frobnicate/],
      [["keys", "list", "--bogus", ...test()], /Unknown option '--bogus'/],
    ], ([args, pattern]) => fails(args, pattern));
  });

  // Every verb's table entry has a usage and an example (app/cli/verbs.test.ts); here, that --help prints them.
  it("--help prints the verb's usage and example", async () => {
    const verbs = [["keys", "add"], ["gentx"], ["tx", "register", "create-resource-node"], ["start"]];
    await inParallel(verbs, async (verb) => {
      const out = await ok([...verb, "--help"]);
      expect(out, verb.join(" ")).toMatch(/Example:\n  stchaind /);
    });
  });
});
