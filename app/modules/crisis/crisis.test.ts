/**
 * crisis (spec-staking §7, §13 item 15) in the whole app, with real signed txs: MsgVerifyInvariant on a
 * healthy chain (606 STOS to the fee collector, `invariant{route}`), an unknown route (crisis 3), a state
 * corrupted in-process (the tx fails with 111222 and keeps nothing but the tx fee and sequence; the chain
 * goes on), too little balance for the fee (sdk 5), a bad sender (sdk 7 before the ante chain);
 * MsgUpdateParams through its route; the genesis assertion at InitChain; `--inv-check-period`; genesis.
 */
import { afterEach, describe, expect, it } from "vitest";
import { create, toBinary } from "@bufbuild/protobuf";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { MsgUpdateParamsSchema } from "../../codec/cosmos/crisis/v1beta1/tx_pb.js";
import { createTestContext } from "../../baseapp/testing.js";
import { stratosRegistry } from "../../client/client.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../crypto/address.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { coin, Coins } from "../../math/coins.js";
import { buildDevnetAppState } from "../../node/devnetGenesis.js";
import { withGenesisValidator } from "../../node/genesisValidator.js";
import { TestApp } from "../../node/testApp.js";
import { createStratosApp } from "../../node/app.js";
import { RootMultiStore } from "../../store/rootMultiStore.js";
import type { ModuleHooks } from "../../baseapp/block.js";
import { GenesisError } from "../auth/protoJson.js";
import { createAuthModule } from "../auth/index.js";
import { createBankModule } from "../bank/index.js";
import { createCrisisModule, MAINNET_CONSTANT_FEE } from "./index.js";

const STOS = 10n ** 18n;
const FEE = 200_000n * 1_000_000_000n;
const GAS = 2_000_000n;
const FEE_COLLECTOR = formatBech32Address(moduleAddress("fee_collector"), BECH32_PREFIX.account);
const GOV = "st10d07y265gmmuvt4z0w9aw880jnsr700jx08hhw";

/** MsgVerifyInvariant as a CosmJS client builds it with the app's registry. */
const verify = (sender: string, module: string, route: string): Any =>
  stratosRegistry().encodeAsAny({ typeUrl: "/cosmos.crisis.v1beta1.MsgVerifyInvariant", value: { sender, invariantModuleName: module, invariantRoute: route } });

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** 1 wei more in register's resource-node bonded pool than its nodes deposited: register/module-accounts breaks. */
function corruptRegisterPool(a: TestApp): void {
  const auth = createAuthModule();
  const bank = createBankModule(auth.keeper);
  const ctx = createTestContext({ store: a.parts.store.working() });
  const pool = moduleAddress("resource_node_bonded_pool");
  const held = bank.keeper.getBalance(ctx, pool, "wei").amount;
  bank.keeper.initBalances(ctx, pool, Coins.of(coin("wei", held + 1n)));
}

function sequence(a: TestApp, address: string): bigint {
  const store = a.parts.store.committed();
  return a.parts.keepers.auth.getAccount({ kv: (n) => store.getReader(n) }, parseBech32Address(address, BECH32_PREFIX.account))?.sequence ?? 0n;
}

async function send(a: TestApp, index: number, msg: Any) {
  const key = a.keys[index]!;
  const [res] = await a.block([a.sign(key, [msg], { sequence: sequence(a, key.address), gasLimit: GAS, fee: [{ denom: "wei", amount: FEE.toString() }] })]);
  return res!;
}

describe("MsgVerifyInvariant through signed txs", () => {
  it("on a healthy chain: 606 STOS to the fee collector, invariant{route}", async () => {
    app = await TestApp.create();
    const sender = app.keys[0]!.address;
    const balance = app.balance(sender);
    const collected = app.balance(FEE_COLLECTOR);
    const res = await send(app, 0, verify(sender, "register", "module-accounts"));
    expect(res).toMatchObject({ code: 0 });
    expect(res.events.at(-1)).toEqual({ type: "invariant", attributes: [{ key: "route", value: "module-accounts", index: true }] });
    expect(app.balance(sender)).toBe(balance - FEE - 606n * STOS);
    // The fee collector is emptied by distribution only once it runs F1; here it keeps both fees.
    expect(app.balance(FEE_COLLECTOR) - collected).toBe(FEE + 606n * STOS);
  });

  it("an unknown route: crisis 3, only the tx fee and the sequence are taken", async () => {
    app = await TestApp.create();
    const sender = app.keys[1]!.address;
    const balance = app.balance(sender);
    const seq = sequence(app, sender);
    const res = await send(app, 1, verify(sender, "register", "no-such-invariant"));
    expect(res).toMatchObject({ code: 3, codespace: "crisis", log: "failed to execute message; message index: 0: unknown invariant" });
    expect(app.balance(sender)).toBe(balance - FEE);
    expect(sequence(app, sender)).toBe(seq + 1n);
  });

  it("on a corrupted state: the tx fails with 111222, the constant fee stays with the sender, and the chain goes on", async () => {
    app = await TestApp.create();
    corruptRegisterPool(app);
    await app.block([]);
    const sender = app.keys[0]!.address;
    const balance = app.balance(sender);
    const res = await send(app, 0, verify(sender, "register", "module-accounts"));
    expect(res.code).toBe(111222);
    expect(res.codespace).toBe("undefined");
    expect(res.log).toMatch(/invariant broken: register\/module-accounts: resource_node_bonded_pool holds .* but the tokens of its BONDED resource nodes add up to .*: panic$/);
    expect(res.events.some((e) => e.type === "invariant")).toBe(false);
    expect(app.balance(sender)).toBe(balance - FEE);
    // Other invariants still pass, and blocks keep coming.
    expect(await send(app, 0, verify(sender, "register", "nonnegative-amounts"))).toMatchObject({ code: 0 });
    const next = await app.finalize([]);
    expect(next.txResults).toEqual([]);
  });

  it("a sender who cannot pay the fee: sdk 5", async () => {
    app = await TestApp.create();
    const poor = TestApp.keyAt(50, 4n);
    // Fund the new account with just the tx fee and 1 wei less than the constant fee.
    const [funded] = await app.block([app.sign(app.keys[0]!, [TestApp.send(app.keys[0]!.address, poor.address, FEE + 606n * STOS - 1n)], { sequence: 0n })]);
    expect(funded!.code).toBe(0);
    const store = app.parts.store.committed();
    const accountNumber = app.parts.keepers.auth.getAccount({ kv: (n) => store.getReader(n) }, parseBech32Address(poor.address, BECH32_PREFIX.account))!.accountNumber;
    const [res] = await app.block([app.sign(poor, [verify(poor.address, "register", "module-accounts")], { sequence: 0n, accountNumber, gasLimit: GAS, fee: [{ denom: "wei", amount: FEE.toString() }] })]);
    expect(res).toMatchObject({ code: 5, codespace: "sdk" });
    expect(res!.log).toMatch(/insufficient funds$/);
    expect(app.balance(poor.address)).toBe(606n * STOS - 1n);
  });

  it("a malformed sender: sdk 7 before the ante chain", async () => {
    app = await TestApp.create();
    const tx = app.sign(app.keys[0]!, [verify("st1bad", "register", "module-accounts")], { sequence: 0n });
    expect(app.check(tx)).toMatchObject({ code: 7, codespace: "sdk" });
    expect(app.check(tx).log).toMatch(/^invalid sender address: .*: invalid address$/);
  });
});

describe("MsgUpdateParams (the constant fee)", () => {
  function setup() {
    const auth = createAuthModule();
    const bank = createBankModule(auth.keeper);
    const crisis = createCrisisModule({ bank: bank.keeper, authority: auth.keeper.authority });
    const ctx = createTestContext({ mode: "initGenesis" });
    crisis.module.initGenesis?.(ctx, { constant_fee: { denom: "wei", amount: "606000000000000000000" } });
    const route = crisis.module.msgs!.find((r) => r.typeUrl === "/cosmos.crisis.v1beta1.MsgUpdateParams")!;
    const run = (authority: string, fee?: { denom: string; amount: string }) => {
      try {
        const msg = route.decode(toBinary(MsgUpdateParamsSchema, create(MsgUpdateParamsSchema, { authority, ...(fee ? { constantFee: fee } : {}) })));
        msg.validateBasic();
        msg.execute(ctx);
        return { code: 0, log: "" };
      } catch (e) {
        const { code, message } = e as { code: number; message: string };
        return { code, log: message };
      }
    };
    return { crisis, ctx, run };
  }

  it("the gov account sets it", () => {
    const { crisis, ctx, run } = setup();
    expect(run(GOV, { denom: "wei", amount: "1000" })).toEqual({ code: 0, log: "" });
    expect(crisis.keeper.getConstantFee(ctx)).toEqual({ denom: "wei", amount: 1000n });
  });

  it.each([
    { name: "another authority", authority: formatBech32Address(new Uint8Array(20).fill(1), BECH32_PREFIX.account), fee: { denom: "wei", amount: "1" }, code: 13, log: /^invalid authority; expected st10d07/ },
    { name: "no fee (nil amount)", authority: GOV, fee: undefined, code: 10, log: "invalid costant fee: invalid coins" },
    { name: "a bad denom", authority: GOV, fee: { denom: "1x", amount: "1" }, code: 10, log: "invalid costant fee: invalid coins" },
    { name: "a negative amount", authority: GOV, fee: { denom: "wei", amount: "-1" }, code: 10, log: "invalid costant fee: invalid coins" },
  ])("refuses $name", ({ authority, fee, code, log }) => {
    const { crisis, ctx, run } = setup();
    const res = run(authority, fee);
    expect(res.code).toBe(code);
    expect(res.log).toMatch(log);
    expect(crisis.keeper.getConstantFee(ctx)).toEqual(MAINNET_CONSTANT_FEE);
  });
});

describe("invariant assertions", () => {
  it("InitChain asserts every invariant after genesis (a broken one fails InitChain) unless told to skip", async () => {
    let broken = true;
    const probe: ModuleHooks = { name: "probe", invariants: { "flag": () => (broken ? "the probe's flag is set" : undefined) } };
    await expect(TestApp.create({ extraModules: [probe] })).rejects.toThrow(
      "invariant broken: probe/flag: the probe's flag is set\n\tCRITICAL please submit the following transaction:\n\t\t tx crisis invariant-broken probe flag",
    );
    // Without the crisis section there is no assertion (the SDK skips a module without genesis).
    const keys = [0, 1, 2, 3].map((i) => TestApp.keyAt(i));
    const { crisis: _omitted, ...withoutCrisis } = buildDevnetAppState(keys.map((k, index) => ({ index, hdPath: "", address: k.address })));
    app = await TestApp.create({ appState: withoutCrisis, extraModules: [probe] });
    await app.close();
    broken = false;
    app = await TestApp.create({ extraModules: [probe] });
    expect(app.nextHeight).toBe(2n);
  });

  it("--x-crisis-skip-assert-invariants skips the InitChain assertion", async () => {
    const probe: ModuleHooks = { name: "probe", invariants: { "flag": () => "the probe's flag is set" } };
    const parts = await createStratosApp(new RootMultiStore(), { extraModules: [probe], skipGenesisInvariants: true });
    const keys = [0].map((i) => TestApp.keyAt(i));
    const appState = withGenesisValidator(buildDevnetAppState(keys.map((k, index) => ({ index, hdPath: "", address: k.address }))), {
      chainId: "stratos-test-1", consensusPubKey: TestApp.consensusKey.publicKey,
    });
    expect(() => parts.app.initChain({
      time: { seconds: 1_700_000_000n, nanos: 0 }, chainId: "stratos-test-1", consensusParams: undefined, validators: [],
      appStateBytes: new TextEncoder().encode(JSON.stringify(appState)), initialHeight: 1n,
    })).not.toThrow();
    await parts.close();
  });

  it("--inv-check-period N asserts every invariant in EndBlock at heights divisible by N; a broken one stops the node", async () => {
    const auth = createAuthModule();
    const bank = createBankModule(auth.keeper);
    let calls = 0;
    const crisis = createCrisisModule({ bank: bank.keeper, authority: auth.keeper.authority, invCheckPeriod: 3n });
    let broken = false;
    crisis.keeper.registerRoute("probe", "counted", () => {
      calls++;
      return broken ? "probe state is broken" : undefined;
    });
    const at = (height: bigint) => createTestContext({ header: { height } });
    for (const h of [1n, 2n, 3n, 4n, 5n, 6n]) crisis.module.endBlock?.(at(h));
    expect(calls).toBe(2);
    broken = true;
    expect(() => crisis.module.endBlock?.(at(4n))).not.toThrow();
    expect(() => crisis.module.endBlock?.(at(9n))).toThrow(
      "invariant broken: probe/counted: probe state is broken\n\tCRITICAL please submit the following transaction:\n\t\t tx crisis invariant-broken probe counted",
    );
    expect(() => createCrisisModule({ bank: bank.keeper, authority: auth.keeper.authority, invCheckPeriod: -1n })).toThrow(RangeError);
  });

  it("the app registers every module's invariants as <module>/<name>", async () => {
    app = await TestApp.create();
    const routes = app.parts.keepers.crisis.routes().map((r) => `${r.moduleName}/${r.route}`);
    expect(routes).toContain("register/module-accounts");
    expect(routes.some((r) => r.startsWith("pot/"))).toBe(true);
    expect(new Set(routes).size).toBe(routes.length);
  });
});

describe("genesis", () => {
  const fresh = () => {
    const auth = createAuthModule();
    return createCrisisModule({ bank: createBankModule(auth.keeper).keeper, authority: auth.keeper.authority });
  };

  it("round-trips mainnet's constant fee", () => {
    const crisis = fresh();
    const ctx = createTestContext({ mode: "initGenesis" });
    const g = { constant_fee: { denom: "wei", amount: "606000000000000000000" } };
    crisis.module.initGenesis?.(ctx, g);
    expect(crisis.module.exportGenesis?.(ctx)).toEqual(g);
  });

  it.each([
    { name: "no amount", g: { constant_fee: { denom: "wei" } }, error: /amount: missing amount/ },
    { name: "a negative amount", g: { constant_fee: { denom: "wei", amount: "-5" } }, error: "crisis.constant_fee: negative or invalid constant fee: -5wei" },
    { name: "a bad denom", g: { constant_fee: { denom: "", amount: "5" } }, error: /negative or invalid constant fee: 5$/ },
    { name: "an unknown field", g: { constant_fee: { denom: "wei", amount: "5" }, other: 1 }, error: 'crisis: unknown field "other"' },
  ])("refuses $name", ({ g, error }) => {
    const crisis = fresh();
    const ctx = createTestContext({ mode: "initGenesis" });
    expect(() => crisis.module.initGenesis?.(ctx, g)).toThrow(GenesisError);
    expect(() => crisis.module.initGenesis?.(ctx, g)).toThrow(error);
  });
});
