/**
 * Register genesis: spec-register §11 R1 (Genesis G non-fresh and fresh, mainnet `stratos-1`, the store
 * encodings), R12's record encoding through genesis, §8.1's default JSON both ways, export → import
 * round trips (and the S "repair" of §5.3 item 4), and a table of invalid genesis files with their
 * messages. Auth, bank and distribution are the real modules, initialised from genesis JSON first.
 */
import { create, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import type { Context } from "../../baseapp/context.js";
import { goJsonStringify } from "../../baseapp/protoJson.js";
import { createTestContext } from "../../baseapp/testing.js";
import { PubKeySchema as Ed25519PubKeySchema } from "../../codec/cosmos/crypto/ed25519/keys_pb.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { coin, Coins } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import { hexOf } from "../../store/bytes.js";
import { createAuthModule, GenesisError } from "../auth/index.js";
import { createBankModule } from "../bank/index.js";
import { createDistributionModule, NO_VALIDATORS } from "../distribution/index.js";
import { accString, parseAcc, parseSds, sdsString } from "./addresses.js";
import { exportRegisterGenesis, GO_ZERO_TIME, parseGoDuration, parseRegisterGenesis, parseRfc3339Nano } from "./genesis.js";
import { createRegisterModule, POOL, type RegisterKeeper } from "./index.js";
import { registerInvariants } from "./invariants.js";
import {
  BONDED_META_NODE_COUNT_KEY, BONDED_RESOURCE_NODE_COUNT_KEY, DEPOSIT_NOZ_RATE_KEY, EFFECTIVE_TOTAL_DEPOSIT_KEY,
  INITIAL_GENESIS_DEPOSIT_TOTAL_KEY, PARAMS_KEY, REGISTER_STORE_KEY, REMAINING_OZONE_LIMIT_KEY, resourceNodeKey, unbondingQueueKey,
} from "./keys.js";
import { BondStatus } from "./logic/bondStatus.js";
import { nozPrice, nozSupply } from "./logic/ozone.js";
import { utcTime } from "./logic/time.js";
import { kickApprovalsNeeded, kickRejectsToDeletePool, registrationApprovalsNeeded } from "./logic/votes.js";
import { DEFAULT_REGISTER_PARAMS } from "./params.js";
import type { PubKeyAny } from "./types.js";

// ---- fixtures ----------------------------------------------------------------------------------

const STOS = 10n ** 18n;
const edKey = (fill: number): Uint8Array => new Uint8Array(32).fill(fill);
const netOf = (key: Uint8Array): string => sdsString(ed25519Address(key));
const wallet = (fill: number): string => accString(new Uint8Array(20).fill(fill));
const moduleAcc = (name: string): string => accString(moduleAddress(name));
const pubKeyJson = (key: Uint8Array) => ({ "@type": "/cosmos.crypto.ed25519.PubKey", key: Buffer.from(key).toString("base64") });
const pubKeyAny = (key: Uint8Array): PubKeyAny => ({
  typeUrl: "/cosmos.crypto.ed25519.PubKey", value: toBinary(Ed25519PubKeySchema, create(Ed25519PubKeySchema, { key })),
});

const DEFAULT_PARAMS_JSON = {
  bond_denom: "wei", unbonding_threashold_time: "15552000s", unbonding_completion_time: "1209600s", max_entries: 16,
  resource_node_reg_enabled: true, resource_node_min_deposit: { denom: "wei", amount: "1000000000000000000" }, voting_period: "604800s",
};
/** §8.1: what `stchaind init` writes, compact, in the reference's field order. */
const DEFAULT_GENESIS_TEXT =
  '{"params":{"bond_denom":"wei","unbonding_threashold_time":"15552000s","unbonding_completion_time":"1209600s",' +
  '"max_entries":16,"resource_node_reg_enabled":true,"resource_node_min_deposit":{"denom":"wei","amount":"1000000000000000000"},' +
  '"voting_period":"604800s"},"resource_nodes":[],"meta_nodes":[],"remaining_noz_limit":"0","slashing":[],' +
  '"deposit_noz_rate":"1000000.000000000000000000","meta_node_reg_vote_pool":[],"unbonding_nodes":[],"kick_meta_node_vote_pool":[]}';

const G_CREATED = "2021-09-24T14:37:13Z";
const RES = [1, 2, 3, 4, 5].map((i) => ({ key: edKey(0x10 + i), owner: wallet(0xc0 + i) }));
const META = [1, 2, 3].map((i) => ({ key: edKey(0x20 + i), owner: wallet(0xd0 + i) }));

interface NodeSpec {
  readonly key: Uint8Array;
  readonly owner: string;
  readonly tokens: bigint;
  readonly eff?: bigint;
  readonly status?: string;
  readonly suspend?: boolean;
  readonly created?: string;
  readonly moniker?: string;
}

const resourceJson = (n: NodeSpec): Record<string, unknown> => ({
  network_address: netOf(n.key), pubkey: pubKeyJson(n.key), suspend: n.suspend ?? false, status: n.status ?? "BOND_STATUS_BONDED",
  tokens: n.tokens.toString(), owner_address: n.owner,
  description: { moniker: n.moniker ?? "res", identity: "", website: "", security_contact: "", details: "" },
  creation_time: n.created ?? G_CREATED, node_type: 4, effective_tokens: (n.eff ?? n.tokens).toString(), beneficiary_address: n.owner,
});

const metaJson = (n: NodeSpec): Record<string, unknown> => ({
  network_address: netOf(n.key), pubkey: pubKeyJson(n.key), suspend: n.suspend ?? false, status: n.status ?? "BOND_STATUS_BONDED",
  tokens: n.tokens.toString(), owner_address: n.owner,
  description: { moniker: n.moniker ?? "meta", identity: "", website: "", security_contact: "", details: "" },
  creation_time: n.created ?? G_CREATED, beneficiary_address: n.owner,
});

/** Genesis G of §11 (RES1…RES5, META1…META3, 1 STOS each) as register JSON. */
function genesisG(remainingNozLimit: string): Record<string, unknown> {
  return {
    params: DEFAULT_PARAMS_JSON,
    resource_nodes: RES.map((r, i) => resourceJson({ ...r, tokens: STOS, moniker: `res${i + 1}` })),
    meta_nodes: META.map((m, i) => metaJson({ ...m, tokens: STOS, moniker: `meta${i + 1}` })),
    remaining_noz_limit: remainingNozLimit,
    slashing: [],
    deposit_noz_rate: "1000000.000000000000000000",
  };
}

/** auth + bank `app_state` parts: BaseAccounts for `accounts`, balances for them and for module accounts. */
function bankAndAuth(accounts: Readonly<Record<string, bigint>>, modules: Readonly<Record<string, bigint>> = {}): Record<string, unknown> {
  const balances = new Map<string, bigint>(Object.entries(accounts));
  for (const [name, amount] of Object.entries(modules)) balances.set(moduleAcc(name), amount);
  return {
    auth: {
      params: { max_memo_characters: "256", tx_sig_limit: "7", tx_size_cost_per_byte: "10", sig_verify_cost_ed25519: "590", sig_verify_cost_secp256k1: "1000" },
      accounts: Object.keys(accounts).map((address, i) => ({
        "@type": "/cosmos.auth.v1beta1.BaseAccount", address, pub_key: null, account_number: String(i), sequence: "0",
      })),
    },
    bank: {
      params: { send_enabled: [], default_send_enabled: true },
      balances: [...balances].filter(([, amount]) => amount > 0n).map(([address, amount]) => ({ address, coins: [{ denom: "wei", amount: amount.toString() }] })),
      supply: [],
      denom_metadata: [],
      send_enabled: [],
    },
  };
}

const G_OWNERS: Record<string, bigint> = Object.fromEntries([...RES, ...META].map((n) => [n.owner, 100n * STOS]));

interface Chain {
  readonly ctx: Context;
  readonly k: RegisterKeeper;
  readonly balance: (address: string) => bigint;
  readonly pool: (name: (typeof POOL)[keyof typeof POOL]) => bigint;
  readonly exportAll: () => Record<string, unknown>;
  readonly hex: (key: Uint8Array) => string | undefined;
  readonly registerStore: () => Map<string, string>;
}

/** A chain initialised from `appState` in the module order of spec-chain §8 (auth, bank, distribution, register). */
function initChain(appState: Record<string, unknown>): Chain {
  const auth = createAuthModule();
  const bank = createBankModule(auth.keeper);
  const distribution = createDistributionModule({ bank: bank.keeper, accounts: auth.keeper, staking: NO_VALIDATORS, authority: auth.keeper.authority });
  const register = createRegisterModule({ bank: bank.keeper, accounts: auth.keeper, communityPool: distribution.keeper, authority: auth.keeper.authority });
  const modules = [auth.module, bank.module, distribution.module, register.module];
  const ctx = createTestContext({ mode: "initGenesis" });
  for (const m of modules) m.initGenesis?.(ctx, appState[m.name]);
  const k = register.keeper;
  return {
    ctx,
    k,
    balance: (address) => bank.keeper.getBalance(ctx, parseAcc(address), "wei").amount,
    pool: (name) => k.poolBalance(ctx, name),
    // Through text, as a genesis file would be. (Distribution is left out: register does not need it
    // here, and its import refuses an empty community pool.)
    exportAll: () => JSON.parse(JSON.stringify({
      auth: auth.module.exportGenesis?.(ctx), bank: bank.module.exportGenesis?.(ctx),
      register: JSON.parse(goJsonStringify(exportRegisterGenesis(ctx, k))),
    })),
    hex: (key) => {
      const v = ctx.kv(REGISTER_STORE_KEY).get(key);
      return v === undefined ? undefined : hexOf(v);
    },
    registerStore: () => {
      const out = new Map<string, string>();
      for (const { key, value } of ctx.kv(REGISTER_STORE_KEY).iterator()) out.set(hexOf(key), hexOf(value));
      return out;
    },
  };
}

function brokenInvariants(c: Chain): string[] {
  return Object.entries(registerInvariants(c.k)).flatMap(([name, check]) => {
    const problem = check(c.ctx);
    return problem === undefined ? [] : [`${name}: ${problem}`];
  });
}

/** LP `Int` value hex of a decimal text. */
const lpInt = (text: string): string => (text.length + 2).toString(16).padStart(2, "0") + "0a" + text.length.toString(16).padStart(2, "0") + Buffer.from(text).toString("hex");

// ---- R1 ----------------------------------------------------------------------------------------

describe("R1: InitGenesis of Genesis G", () => {
  it("non-fresh (pools pre-funded): Lt from the genesis, S and 0x06 from the node list, counters, owners untouched", () => {
    const c = initChain({
      ...bankAndAuth(G_OWNERS, { resource_node_bonded_pool: 5n * STOS, meta_node_bonded_pool: 3n * STOS }),
      register: genesisG("8000000000000"),
    });
    expect(c.k.getRemainingOzoneLimit(c.ctx)).toBe(8_000_000_000_000n);
    expect(c.k.getEffectiveTotalDeposit(c.ctx)).toBe(8n * STOS);
    expect(c.k.getInitialGenesisDepositTotal(c.ctx)).toBe(8n * STOS);
    expect(c.k.getBondedResourceNodeCount(c.ctx)).toBe(5n);
    expect(c.k.getBondedMetaNodeCount(c.ctx)).toBe(3n);
    for (const owner of Object.keys(G_OWNERS)) expect(c.balance(owner)).toBe(100n * STOS);
    expect([c.pool(POOL.resourceBonded), c.pool(POOL.metaBonded)]).toEqual([5n * STOS, 3n * STOS]);
    const { s, lt } = c.k.ozoneState(c.ctx);
    expect(nozPrice(s, c.k.getTotalUnissuedPrepay(c.ctx), lt).toString()).toBe("1000000.000000000000000000");
    expect(nozSupply(s, lt, c.k.getDepositNozRate(c.ctx))).toEqual({ remaining: 8_000_000_000_000n, total: 8_000_000_000_000n });
    expect(brokenInvariants(c)).toEqual([]);
  });

  it("store values (hex) of 0x04, 0x10, 0x06, 0x07, 0x08, 0x09, 0x20", () => {
    const c = initChain({
      ...bankAndAuth(G_OWNERS, { resource_node_bonded_pool: 5n * STOS, meta_node_bonded_pool: 3n * STOS }),
      register: genesisG("8000000000000"),
    });
    expect(c.hex(REMAINING_OZONE_LIMIT_KEY)).toBe("0f0a0d38303030303030303030303030");
    expect(c.hex(EFFECTIVE_TOTAL_DEPOSIT_KEY)).toBe("150a1338303030303030303030303030303030303030");
    expect(c.hex(INITIAL_GENESIS_DEPOSIT_TOTAL_KEY)).toBe("150a1338303030303030303030303030303030303030");
    expect(c.hex(DEPOSIT_NOZ_RATE_KEY)).toBe("1b0a1931303030303030303030303030303030303030303030303030");
    expect(c.hex(BONDED_META_NODE_COUNT_KEY)).toBe("030a0133");
    expect(c.hex(BONDED_RESOURCE_NODE_COUNT_KEY)).toBe("030a0135");
    expect(c.hex(PARAMS_KEY)).toBe(
      "0a03776569120508809cb5071a040880ea4920102801321a0a037765691213313030303030303030303030303030303030303a040880f524",
    );
  });

  it("fresh (pools empty): each owner pays 1 STOS into its pool, Lt = trunc(S / rate), the genesis limit ignored", () => {
    const c = initChain({ ...bankAndAuth(G_OWNERS), register: genesisG("0") });
    for (const owner of Object.keys(G_OWNERS)) expect(c.balance(owner)).toBe(99n * STOS);
    expect([c.pool(POOL.resourceBonded), c.pool(POOL.resourceNotBonded), c.pool(POOL.metaBonded), c.pool(POOL.metaNotBonded)])
      .toEqual([5n * STOS, 0n, 3n * STOS, 0n]);
    expect(c.k.ozoneState(c.ctx)).toEqual({ s: 8n * STOS, lt: 8_000_000_000_000n });
    expect(c.hex(INITIAL_GENESIS_DEPOSIT_TOTAL_KEY)).toBe(lpInt("8000000000000000000"));
    expect([c.k.getBondedResourceNodeCount(c.ctx), c.k.getBondedMetaNodeCount(c.ctx)]).toEqual([5n, 3n]);
    expect(c.hex(REMAINING_OZONE_LIMIT_KEY)).toBe("0f0a0d38303030303030303030303030");
    expect(brokenInvariants(c)).toEqual([]);
  });

  it("fresh but total_unissued_prepay already holds tokens: Lt = remaining_noz_limit", () => {
    const c = initChain({ ...bankAndAuth(G_OWNERS, { total_unissued_prepay: 20n * STOS }), register: genesisG("2285714285715") });
    expect(c.pool(POOL.resourceBonded)).toBe(5n * STOS); // still a fresh start: the deposits moved
    expect(c.k.ozoneState(c.ctx)).toEqual({ s: 8n * STOS, lt: 2_285_714_285_715n });
  });

  it("mainnet stratos-1 shape: 7 meta nodes × 9 900 STOS, zero creation time, no beneficiary, only six keys", () => {
    // The first key is the mainnet one of R12 (stsds1793jm…); the others are synthetic.
    const keys = [new Uint8Array(Buffer.from("d4F4uIkzXEjmu1kTXWmFKXe64u4ITa9RZ6cE/PaT0E8=", "base64")), ...[1, 2, 3, 4, 5, 6].map((i) => edKey(0x40 + i))];
    expect(netOf(keys[0]!)).toBe("stsds1793jm44fj9tw0c9c8gxwymc6dtnefw0u9p22wk");
    const owners = keys.map((_, i) => wallet(0x50 + i));
    const register = {
      params: { ...DEFAULT_PARAMS_JSON, resource_node_reg_enabled: false },
      resource_nodes: [],
      meta_nodes: keys.map((key, i) => {
        const { beneficiary_address: _dropped, ...node } = metaJson({ key, owner: owners[i]!, tokens: 9_900n * STOS, created: "0001-01-01T00:00:00Z" });
        return node;
      }),
      remaining_noz_limit: "0",
      slashing: [],
      deposit_noz_rate: "1000000.000000000000000000",
    };
    const c = initChain({ ...bankAndAuth(Object.fromEntries(owners.map((o) => [o, 10_000n * STOS]))), register });
    expect(c.pool(POOL.metaBonded)).toBe(69_300n * STOS);
    for (const o of owners) expect(c.balance(o)).toBe(100n * STOS);
    expect(c.k.ozoneState(c.ctx)).toEqual({ s: 69_300n * STOS, lt: 69_300_000_000_000_000n });
    expect([c.k.getBondedMetaNodeCount(c.ctx), c.k.getBondedResourceNodeCount(c.ctx)]).toEqual([7n, 0n]);
    const { s, lt } = c.k.ozoneState(c.ctx);
    expect(nozPrice(s, 0n, lt).toString()).toBe("1000000.000000000000000000");
    const n = c.k.activeMetaNodeCount(c.ctx);
    expect([registrationApprovalsNeeded(n), kickApprovalsNeeded(n), kickRejectsToDeletePool(n)]).toEqual([5, 5, 2]);
    keys.forEach((key, i) => {
      const node = c.k.getMetaNode(c.ctx, ed25519Address(key));
      expect(node).toMatchObject({ beneficiaryAddress: owners[i], ownerAddress: owners[i], creationTime: GO_ZERO_TIME, status: BondStatus.Bonded });
    });
    expect(c.k.getParams(c.ctx).resourceNodeRegEnabled).toBe(false);
    expect(brokenInvariants(c)).toEqual([]);
  });
});

// ---- R12 ---------------------------------------------------------------------------------------

const R12_KEY = edKey(0x01);
const R12_OWNER = "st1kxcmrvd3kxcmrvd3kxcmrvd3kxcmrvd3v32wdp";
// spec-register §11 R12 prints the tokens field with one "30" too many (20 digits after its length
// byte 0x13 = 19, and a 248-byte body under its own f701 = 247 prefix); corrected here.
const R12_VALUE = `
f701 0a2c7374736473317774786b6170707a6373726c6b6d6766733667307a79637430686b6861736868766b6b647161
12430a1d2f636f736d6f732e63727970746f2e656432353531392e5075624b657912220a20
0101010101010101010101010101010101010101010101010101010101010101
1801 2003 2a1332303030303030303030303030303030303030
32297374316b78636d727664336b78636d727664336b78636d727664336b78636d72766433763332776470
3a060a0472657336 42060880c9e9b206 4804 520130
5a297374316b78636d727664336b78636d727664336b78636d727664336b78636d72766433763332776470`.replace(/\s+/g, "");
const R12_QUERY_JSON =
  '{"network_address":"stsds1wtxkappzcsrlkmgfs6g0zyct0hkhashhvkkdqa","pubkey":{"@type":"/cosmos.crypto.ed25519.PubKey","key":"AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="},' +
  '"suspend":true,"status":"BOND_STATUS_BONDED","tokens":"2000000000000000000","owner_address":"st1kxcmrvd3kxcmrvd3kxcmrvd3kxcmrvd3v32wdp",' +
  '"description":{"moniker":"res6","identity":"","website":"","security_contact":"","details":""},"creation_time":"2024-06-01T00:00:00Z",' +
  '"node_type":4,"effective_tokens":"0","beneficiary_address":"st1kxcmrvd3kxcmrvd3kxcmrvd3kxcmrvd3v32wdp"}';

describe("R12: a resource node record through genesis", () => {
  it("stores the 0x01 record byte for byte and exports it as the reference's JSON", () => {
    expect(wallet(0xb1)).toBe(R12_OWNER);
    expect(netOf(R12_KEY)).toBe("stsds1wtxkappzcsrlkmgfs6g0zyct0hkhashhvkkdqa");
    const node = {
      network_address: netOf(R12_KEY), pubkey: pubKeyJson(R12_KEY), suspend: true, status: "BOND_STATUS_BONDED", tokens: "2000000000000000000",
      owner_address: R12_OWNER, description: { moniker: "res6" }, creation_time: "2024-06-01T00:00:00Z", node_type: 4, effective_tokens: "0",
    };
    const c = initChain({
      ...bankAndAuth({ [R12_OWNER]: 10n * STOS }),
      register: { params: DEFAULT_PARAMS_JSON, resource_nodes: [node], deposit_noz_rate: "1000000.000000000000000000" },
    });
    const addr = parseSds(netOf(R12_KEY));
    expect(hexOf(resourceNodeKey(addr))).toBe("0172cd6e8422c407fb6d098690f1130b7ded7ec2f7");
    expect(c.hex(resourceNodeKey(addr))).toBe(R12_VALUE);
    const exported = c.exportAll().register as { resource_nodes: unknown[] };
    expect(JSON.stringify(exported.resource_nodes[0])).toBe(R12_QUERY_JSON);
    expect(c.balance(R12_OWNER)).toBe(8n * STOS);
    expect(c.k.ozoneState(c.ctx)).toEqual({ s: 0n, lt: 0n }); // suspended: not in S
    expect(brokenInvariants(c)).toEqual([]);
  });
});

// ---- §8.1 default genesis ----------------------------------------------------------------------

describe("§8.1 default genesis", () => {
  it("parses to the defaults", () => {
    expect(parseRegisterGenesis(JSON.parse(DEFAULT_GENESIS_TEXT))).toEqual({
      params: DEFAULT_REGISTER_PARAMS, resourceNodes: [], metaNodes: [], remainingNozLimit: 0n, slashing: [],
      depositNozRate: Dec.fromInt(1_000_000n), registrationPools: [], unbondingNodes: [], kickPools: [],
    });
  });

  it("exports back to exactly that JSON (key order = field order)", () => {
    const c = initChain({ ...bankAndAuth({}), register: JSON.parse(DEFAULT_GENESIS_TEXT) });
    expect(goJsonStringify(exportRegisterGenesis(c.ctx, c.k))).toBe(DEFAULT_GENESIS_TEXT);
    expect(brokenInvariants(c)).toEqual([]);
  });

  it("accepts camelCase names and null as jsonpb does", () => {
    const { remaining_noz_limit: _, ...rest } = JSON.parse(DEFAULT_GENESIS_TEXT) as Json;
    const g = parseRegisterGenesis({ ...rest, remainingNozLimit: "7", meta_nodes: null });
    expect([g.remainingNozLimit, g.metaNodes]).toEqual([7n, []]);
  });
});

// ---- unbonding records at genesis --------------------------------------------------------------

describe("InitGenesis of unbonding nodes", () => {
  it("R: a fresh start puts an UNBONDING node's deposit into the not-bonded pool and queues each entry", () => {
    const [r1, r2] = RES;
    const entry = (t: string, amount: string) => ({ creation_height: "1000", completion_time: t, initial_balance: amount, balance: amount });
    const c = initChain({
      ...bankAndAuth({ [r1!.owner]: 10n * STOS, [r2!.owner]: 10n * STOS }),
      register: {
        ...genesisG("0"),
        resource_nodes: [resourceJson({ ...r1!, tokens: STOS }), resourceJson({ ...r2!, tokens: 3n * STOS, status: "BOND_STATUS_UNBONDING" })],
        meta_nodes: [],
        unbonding_nodes: [{
          network_addr: netOf(r2!.key), is_meta_node: false,
          entries: [entry("2024-06-15T00:00:00Z", "1000000000000000000"), entry("2024-06-15T00:00:00Z", "1500000000000000000"), entry("2024-07-01T00:00:00.5+02:00", "500000000000000000")],
        }],
      },
    });
    expect([c.pool(POOL.resourceBonded), c.pool(POOL.resourceNotBonded)]).toEqual([STOS, 3n * STOS]);
    expect(c.k.ozoneState(c.ctx).s).toBe(STOS); // the UNBONDING node's effective deposit is not counted
    expect(c.k.getBondedResourceNodeCount(c.ctx)).toBe(1n);
    const queued = [...c.k.unbondingQueue(c.ctx)].map(({ key, addresses }) => [Buffer.from(key).toString(), addresses]);
    expect(queued).toEqual([
      ["2024-06-15T00:00:00.000000000", [netOf(r2!.key), netOf(r2!.key)]],
      ["2024-06-30T22:00:00.500000000", [netOf(r2!.key)]],
    ]);
    expect(c.hex(unbondingQueueKey(utcTime(2024, 6, 15)))).toBeDefined();
    expect(brokenInvariants(c)).toEqual([]);
  });
});

// ---- round trip --------------------------------------------------------------------------------

/** Register store of `c` minus the keys InitGenesis recomputes (0x06 = S at the import). */
function diff(a: Map<string, string>, b: Map<string, string>): Record<string, [string | undefined, string | undefined]> {
  const out: Record<string, [string | undefined, string | undefined]> = {};
  for (const key of new Set([...a.keys(), ...b.keys()])) if (a.get(key) !== b.get(key)) out[key] = [a.get(key), b.get(key)];
  return out;
}

describe("export → InitChain round trip", () => {
  const start = (): Chain => initChain({
    ...bankAndAuth({ ...G_OWNERS, [wallet(0xe4)]: 10n * STOS }, { resource_node_bonded_pool: 5n * STOS, meta_node_bonded_pool: 3n * STOS }),
    register: genesisG("8000000000000"),
  });
  const denom = "wei";
  const T = utcTime(2024, 6, 1);

  it("gives the same register store for a consistent state (only 0x06 becomes the S of the import)", () => {
    const c = start();
    const { ctx, k } = c;
    const [res1, res2] = RES.map((r) => parseSds(netOf(r.key)));
    // pot-style suspension of RES2 (S −= 1 STOS, Lt −= 1e12), then its removal: no drift.
    k.setResourceNode(ctx, res2!, { ...k.getResourceNode(ctx, res2!)!, suspend: true, effectiveTokens: 0n });
    k.decreaseOzoneLimit(ctx, STOS);
    k.bank.sendCoinsFromModuleToModule(ctx, POOL.resourceBonded, POOL.resourceNotBonded, Coins.of(coin(denom, STOS)));
    k.setBondedResourceNodeCount(ctx, 4n);
    k.setResourceNode(ctx, res2!, { ...k.getResourceNode(ctx, res2!)!, status: BondStatus.Unbonding });
    const mature = utcTime(2024, 6, 15);
    k.setUnbondingNode(ctx, res2!, { networkAddr: netOf(RES[1]!.key), isMetaNode: false, entries: [{ creationHeight: 1000n, completionTime: mature, initialBalance: STOS, balance: STOS }] });
    k.enqueueUnbonding(ctx, mature, netOf(RES[1]!.key));
    // A pending meta candidate with its registration pool, a kick pool, a debt, a new Lt, an edited description.
    const m4Key = edKey(0x24);
    const m4 = ed25519Address(m4Key);
    k.bank.sendCoinsFromAccountToModule(ctx, parseAcc(wallet(0xe4)), POOL.metaNotBonded, Coins.of(coin(denom, 2n * STOS)));
    k.setMetaNode(ctx, m4, {
      networkAddress: sdsString(m4), pubKey: pubKeyAny(m4Key), suspend: true, status: BondStatus.Unbonded, tokens: 2n * STOS,
      ownerAddress: wallet(0xe4), description: { moniker: "meta4", identity: "", website: "", securityContact: "", details: "<&>" },
      creationTime: T, beneficiaryAddress: wallet(0xe4),
    });
    const metaNets = META.map((m) => netOf(m.key));
    k.setRegistrationPool(ctx, m4, { networkAddress: sdsString(m4), approveList: [metaNets[0]!], rejectList: [], expireTime: T + 7n * 86_400n * 10n ** 9n, isVotePassed: false });
    k.setKickPool(ctx, parseSds(metaNets[2]!), { networkAddress: metaNets[2]!, approveList: [metaNets[0]!], rejectList: [metaNets[1]!], expireTime: T + 123n, isVotePassed: false });
    k.setSlashing(ctx, parseAcc(RES[0]!.owner), 122_499_999_464n);
    k.setRemainingOzoneLimit(ctx, 6_543_210n);
    k.setResourceNode(ctx, res1!, { ...k.getResourceNode(ctx, res1!)!, description: { moniker: "res1", identity: "id", website: "w", securityContact: "sc", details: "d" } });
    expect(brokenInvariants(c)).toEqual([]);

    const exported = c.exportAll();
    const again = initChain(exported);
    expect(diff(c.registerStore(), again.registerStore())).toEqual({
      "06": [lpInt("8000000000000000000"), lpInt("7000000000000000000")],
    });
    expect(brokenInvariants(again)).toEqual([]);
    // And the second export is the same file.
    expect(JSON.stringify(again.exportAll())).toBe(JSON.stringify(exported));
  });

  it("repairs a drifted S (§5.3 items 1 and 2, §10 Q12) as the reference does; Lt stays", () => {
    const c = start();
    const { ctx, k } = c;
    const [res1, res2] = RES.map((r) => parseSds(netOf(r.key)));
    // Item 1: RES2 removed unsuspended, its effective deposit stays in S.
    k.bank.sendCoinsFromModuleToModule(ctx, POOL.resourceBonded, POOL.resourceNotBonded, Coins.of(coin(denom, STOS)));
    k.setBondedResourceNodeCount(ctx, 4n);
    k.setResourceNode(ctx, res2!, { ...k.getResourceNode(ctx, res2!)!, status: BondStatus.Unbonding });
    k.setUnbondingNode(ctx, res2!, { networkAddr: netOf(RES[1]!.key), isMetaNode: false, entries: [{ creationHeight: 9n, completionTime: T, initialBalance: STOS, balance: STOS }] });
    k.enqueueUnbonding(ctx, T, netOf(RES[1]!.key));
    // Item 2: a refused decrease of RES1's effective deposit (S unchanged).
    k.setResourceNode(ctx, res1!, { ...k.getResourceNode(ctx, res1!)!, effectiveTokens: STOS / 2n });
    expect(k.ozoneState(ctx)).toEqual({ s: 8n * STOS, lt: 8_000_000_000_000n });
    expect(brokenInvariants(c)).toEqual([]); // S ≥ active deposits (6.5 STOS)

    const again = initChain(c.exportAll());
    expect(again.k.ozoneState(again.ctx)).toEqual({ s: 6_500_000_000_000_000_000n, lt: 8_000_000_000_000n });
    expect(diff(c.registerStore(), again.registerStore())).toEqual({
      "06": [lpInt("8000000000000000000"), lpInt("6500000000000000000")],
      "10": [lpInt("8000000000000000000"), lpInt("6500000000000000000")],
    });
    expect(brokenInvariants(again)).toEqual([]);
  });

  it("drops zero debts (export writes debts > 0 only) and refuses a debt beyond int64", () => {
    const c = start();
    c.k.setSlashing(c.ctx, parseAcc(RES[0]!.owner), 0n);
    c.k.setSlashing(c.ctx, parseAcc(RES[1]!.owner), 9_223_372_036_854_775_807n);
    const exported = c.exportAll().register as { slashing: unknown[] };
    expect(exported.slashing).toEqual([{ wallet_address: RES[1]!.owner, value: "9223372036854775807" }]);
    c.k.setSlashing(c.ctx, parseAcc(RES[1]!.owner), 9_223_372_036_854_775_808n);
    expect(() => exportRegisterGenesis(c.ctx, c.k)).toThrow(new GenesisError(
      `register.slashing: the debt of ${RES[1]!.owner} is 9223372036854775808 wei, beyond the int64 range of the genesis format; it cannot be exported`,
    ));
  });
});

// ---- invalid genesis files ---------------------------------------------------------------------

type Json = Record<string, unknown>;
const [R1] = RES as [(typeof RES)[0]];
const [M1] = META as [(typeof META)[0]];

/** One resource node (R1) and one meta node (M1), fresh, valid. */
function small(): Json {
  return {
    params: { ...DEFAULT_PARAMS_JSON },
    resource_nodes: [resourceJson({ ...R1, tokens: STOS })],
    meta_nodes: [metaJson({ ...M1, tokens: STOS })],
    remaining_noz_limit: "0",
    slashing: [],
    deposit_noz_rate: "1000000.000000000000000000",
  };
}
const res0 = (g: Json): Json => (g.resource_nodes as Json[])[0]!;
const withRes = (patch: Json) => (g: Json): void => void Object.assign(res0(g), patch);
const withParams = (patch: Json) => (g: Json): void => void Object.assign(g.params as Json, patch);
const unbondingR1 = (entries: unknown[], extra: Json = {}) => (g: Json): void => {
  Object.assign(res0(g), { status: "BOND_STATUS_UNBONDING" });
  g.unbonding_nodes = [{ network_addr: netOf(R1.key), is_meta_node: false, entries, ...extra }];
};
const entry = (balance: string, height: unknown = "5") => ({ creation_height: height, completion_time: "2024-06-15T00:00:00Z", initial_balance: balance, balance });
const R1_NET = netOf(R1.key);
const M1_NET = netOf(M1.key);
const KEY31 = new Uint8Array(31).fill(1);

const INVALID: ReadonlyArray<{ name: string; edit: (g: Json) => void; error: string }> = [
  { name: "unknown top-level field", edit: (g) => void (g.foo = 1), error: 'register: unknown field "foo"' },
  { name: "no params", edit: (g) => void delete g.params, error: "register.params: bond denom cannot be blank" },
  { name: "duration in days", edit: withParams({ voting_period: "7d" }), error: 'register.params.voting_period: bad Duration: time: unknown unit "d" in duration "7d"' },
  { name: "duration as a number", edit: withParams({ voting_period: 604800 }), error: 'register.params.voting_period: expected a duration string like "604800s", got 604800' },
  { name: "negative completion time", edit: withParams({ unbonding_completion_time: "-5s" }), error: "register.params: unbonding completion time must be positive: -5000000000" },
  { name: "max entries 0", edit: withParams({ max_entries: 0 }), error: "register.params: max entries must be positive: 0" },
  {
    name: "min deposit in another denom", edit: withParams({ resource_node_min_deposit: { denom: "stos", amount: "1" } }),
    error: "register.params: resource node min deposit denom stos must be the bond denom wei",
  },
  { name: "unknown params field", edit: withParams({ initial_noz_price: "1" }), error: 'register.params: unknown field "initial_noz_price"' },
  { name: "rate 0", edit: (g) => void (g.deposit_noz_rate = "0"), error: "register.deposit_noz_rate: deposit noz rate must be positive, got 0.000000000000000000" },
  { name: "no rate", edit: (g) => void delete g.deposit_noz_rate, error: "register.deposit_noz_rate: deposit noz rate must be positive, got 0.000000000000000000" },
  { name: "rate as raw proto Dec", edit: (g) => void (g.deposit_noz_rate = "1000000000000000000000000.0000000000000000001"), error: "register.deposit_noz_rate: Dec.parse: value '1000000000000000000000000.0000000000000000001' exceeds max precision by -1 decimal places: max precision 18" },
  { name: "negative Lt", edit: (g) => void (g.remaining_noz_limit = "-1"), error: "register.remaining_noz_limit: remaining Noz Limit must be non-negative, got -1" },
  { name: "Lt as a number", edit: (g) => void (g.remaining_noz_limit = 5), error: "register.remaining_noz_limit: expected an integer string, got 5" },
  { name: "fractional tokens", edit: withRes({ tokens: "1.5" }), error: 'register.resource_nodes[0].tokens: math/big: cannot unmarshal "1.5" into a *big.Int' },
  { name: "empty tokens", edit: withRes({ tokens: "" }), error: 'register.resource_nodes[0].tokens: math/big: cannot unmarshal "" into a *big.Int' },
  { name: "negative tokens", edit: withRes({ tokens: "-1", effective_tokens: "0" }), error: "register.resource_nodes[0].tokens: must not be negative, got -1" },
  { name: "status by short name", edit: withRes({ status: "BONDED" }), error: 'register.resource_nodes[0].status: unknown value "BONDED" for enum cosmos.staking.v1beta1.BondStatus' },
  { name: "status missing", edit: (g) => void delete res0(g).status, error: "register.resource_nodes[0].status: BOND_STATUS_UNSPECIFIED is not a node status" },
  {
    name: "UNBONDED resource node", edit: withRes({ status: 1, effective_tokens: "0" }),
    error: "register.resource_nodes[0].status: a resource node is BOND_STATUS_BONDED or BOND_STATUS_UNBONDING (an unbonded one would let MsgUpdateEffectiveDeposit move S without a bonded deposit)",
  },
  { name: "node type 8", edit: withRes({ node_type: 8 }), error: "register.resource_nodes[0].node_type: node type(s) not supported: 8 (valid: 1…7)" },
  { name: "network address with the account prefix", edit: withRes({ network_address: R1.owner }), error: "register.resource_nodes[0].network_address: invalid Bech32 prefix; expected stsds, got st" },
  {
    name: "network address of another key", edit: withRes({ network_address: M1_NET }),
    error: `register.resource_nodes[0].network_address: ${M1_NET} is not the address of its pubkey (${R1_NET})`,
  },
  { name: "no pubkey", edit: withRes({ pubkey: null }), error: "register.resource_nodes[0].pubkey: missing public key" },
  {
    name: "31-byte ed25519 key", edit: withRes({ pubkey: pubKeyJson(KEY31) }),
    error: `register.resource_nodes[0].pubkey: invalid public key: ed25519Address: public key must be 32 bytes, got 31: ${hexOf(KEY31)}`,
  },
  {
    name: "unsupported key type", edit: withRes({ pubkey: { "@type": "/cosmos.crypto.sr25519.PubKey", key: "AQ==" } }),
    error: 'register.resource_nodes[0].pubkey.@type: unsupported public key type "/cosmos.crypto.sr25519.PubKey"',
  },
  { name: "key not base64", edit: withRes({ pubkey: { "@type": "/cosmos.crypto.ed25519.PubKey", key: "???" } }), error: 'register.resource_nodes[0].pubkey.key: expected base64 bytes, got "???"' },
  { name: "empty owner", edit: withRes({ owner_address: "" }), error: "register.resource_nodes[0].owner_address: empty address string is not allowed" },
  { name: "beneficiary with the sds prefix", edit: withRes({ beneficiary_address: R1_NET }), error: "register.resource_nodes[0].beneficiary_address: invalid Bech32 prefix; expected st, got stsds" },
  { name: "effective above tokens", edit: withRes({ effective_tokens: "2000000000000000000" }), error: "register.resource_nodes[0].effective_tokens: 2000000000000000000 exceeds the deposit 1000000000000000000" },
  { name: "negative effective", edit: withRes({ effective_tokens: "-1" }), error: "register.resource_nodes[0].effective_tokens: must not be negative, got -1" },
  {
    name: "suspended with an effective deposit", edit: withRes({ suspend: true }),
    error: "register.resource_nodes[0].effective_tokens: a suspended resource node has no effective deposit (suspension sets it to 0), got 1000000000000000000",
  },
  {
    name: "the same address as resource and meta node", edit: (g) => void ((g.meta_nodes as Json[])[0] = metaJson({ ...M1, key: R1.key, tokens: STOS })),
    error: `register.meta_nodes[0].network_address: ${R1_NET} is already registered by register.resource_nodes[0]`,
  },
  { name: "time with a space", edit: withRes({ creation_time: "2021-09-24 14:37:13" }), error: 'register.resource_nodes[0].creation_time: bad Timestamp: parsing time "2021-09-24 14:37:13" as RFC 3339 failed' },
  { name: "February 30", edit: withRes({ creation_time: "2021-02-30T00:00:00Z" }), error: 'register.resource_nodes[0].creation_time: bad Timestamp: parsing time "2021-02-30T00:00:00Z": day out of range' },
  {
    name: "before year 1", edit: withRes({ creation_time: "0001-01-01T00:00:00+00:01" }),
    error: 'register.resource_nodes[0].creation_time: bad Timestamp: timestamp "0001-01-01T00:00:00+00:01" is outside 0001-01-01 … 9999-12-31',
  },
  { name: "unknown node field", edit: withRes({ foo: 1 }), error: 'register.resource_nodes[0]: unknown field "foo"' },
  { name: "unknown description field", edit: withRes({ description: { name: "x" } }), error: 'register.resource_nodes[0].description: unknown field "name"' },
  { name: "node not an object", edit: (g) => void ((g.meta_nodes as unknown[])[0] = "x"), error: 'register.meta_nodes[0]: expected a JSON object, got "x"' },
  {
    name: "slashing wallet with the sds prefix", edit: (g) => void (g.slashing = [{ wallet_address: R1_NET, value: "5" }]),
    error: "register.slashing[0].wallet_address: invalid Bech32 prefix; expected st, got stsds",
  },
  { name: "negative debt", edit: (g) => void (g.slashing = [{ wallet_address: R1.owner, value: "-5" }]), error: "register.slashing[0].value: a slashing debt must not be negative, got -5" },
  {
    name: "debt beyond int64", edit: (g) => void (g.slashing = [{ wallet_address: R1.owner, value: "9223372036854775808" }]),
    error: 'register.slashing[0].value: expected a 64-bit integer, got "9223372036854775808"',
  },
  {
    name: "two debts of one wallet", edit: (g) => void (g.slashing = [{ wallet_address: R1.owner, value: "5" }, { wallet_address: R1.owner, value: 6 }]),
    error: `register.slashing[1].wallet_address: ${R1.owner} has a second slashing entry`,
  },
  {
    name: "registration pool without address", edit: (g) => void (g.meta_node_reg_vote_pool = [{ network_address: "", approve_list: [], reject_list: [], expire_time: G_CREATED, is_vote_passed: false }]),
    error: "register.meta_node_reg_vote_pool[0].network_address: empty address string is not allowed",
  },
  {
    name: "a vote that is not a string", edit: (g) => void (g.meta_node_reg_vote_pool = [{ network_address: M1_NET, approve_list: [5] }]),
    error: "register.meta_node_reg_vote_pool[0].approve_list[0]: expected a string, got 5",
  },
  {
    name: "two kick pools for one target",
    edit: (g) => void (g.kick_meta_node_vote_pool = [{ target_network_address: M1_NET }, { target_network_address: M1_NET, is_vote_passed: true }]),
    error: `register.kick_meta_node_vote_pool[1].target_network_address: ${M1_NET} is already listed at register.kick_meta_node_vote_pool[0]`,
  },
  {
    name: "unbonding record of a BONDED node", edit: (g) => void (g.unbonding_nodes = [{ network_addr: R1_NET, entries: [entry("1000000000000000000")] }]),
    error: `register.unbonding_nodes[0]: the resource node ${R1_NET} is BOND_STATUS_BONDED, not unbonding`,
  },
  { name: "unbonding record of the wrong kind", edit: unbondingR1([entry("1000000000000000000")], { is_meta_node: true }), error: `register.unbonding_nodes[0].network_addr: no meta node ${R1_NET} in register.meta_nodes` },
  { name: "UNBONDING node without record", edit: withRes({ status: "BOND_STATUS_UNBONDING" }), error: "register.resource_nodes[0]: an UNBONDING node needs its record in register.unbonding_nodes (else it never completes)" },
  {
    name: "unbonding balances ≠ tokens", edit: unbondingR1([entry("5")]),
    error: "register.unbonding_nodes[0].entries: the balances add up to 5 but register.resource_nodes[0] holds tokens 1000000000000000000",
  },
  { name: "unbonding record without entries", edit: unbondingR1([]), error: "register.unbonding_nodes[0].entries: an unbonding record needs at least one entry" },
  {
    name: "fractional creation height", edit: unbondingR1([entry("1000000000000000000", "1.5")]),
    error: 'register.unbonding_nodes[0].entries[0].creation_height: expected a 64-bit integer, got "1.5"',
  },
];

describe("invalid genesis files fail InitChain with a GenesisError naming the path", () => {
  it("the base file is valid", () => {
    expect(() => parseRegisterGenesis(small())).not.toThrow();
  });

  it.each(INVALID)("$name", ({ edit, error }) => {
    const g = small();
    edit(g);
    let thrown: unknown;
    try {
      parseRegisterGenesis(g);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(GenesisError);
    expect((thrown as Error).message).toBe(error);
  });

  it("not an object at all", () => {
    expect(() => parseRegisterGenesis([])).toThrow(new GenesisError("register: expected a JSON object, got an array"));
  });

  it("pools funded in the bank genesis must match the nodes (not a fresh start)", () => {
    const appState = { ...bankAndAuth(G_OWNERS, { resource_node_bonded_pool: 5n * STOS, meta_node_bonded_pool: 2n * STOS }), register: genesisG("0") };
    expect(() => initChain(appState)).toThrow(new GenesisError(
      "register: the node pools are funded in the bank genesis (not a fresh start), but meta_node_bonded_pool holds 2000000000000000000wei while its nodes' tokens add up to 3000000000000000000wei",
    ));
  });

  it("an owner that cannot pay its deposit on a fresh start", () => {
    const appState = { ...bankAndAuth({ ...G_OWNERS, [META[2]!.owner]: STOS / 2n }), register: genesisG("0") };
    expect(() => initChain(appState)).toThrow(
      new RegExp(`^register\\.meta_nodes\\[2\\]: cannot move the deposit 1000000000000000000wei from the owner ${META[2]!.owner} to meta_node_bonded_pool: .*insufficient funds`),
    );
  });
});

// ---- Go time parsing ---------------------------------------------------------------------------

describe("Go duration and RFC 3339 parsing (jsonpb)", () => {
  it.each([
    ["604800s", 604_800_000_000_000n], ["168h", 604_800_000_000_000n], ["1h30m", 5_400_000_000_000n], ["0", 0n], ["-1.5s", -1_500_000_000n],
    ["+2ms", 2_000_000n], ["1.000000001s", 1_000_000_001n], ["0.5h", 1_800_000_000_000n], ["3µs", 3_000n], ["9223372036854775807ns", 9_223_372_036_854_775_807n],
    ["", 'time: invalid duration ""'], ["s", 'time: invalid duration "s"'], ["5", 'time: missing unit in duration "5"'],
    ["1d", 'time: unknown unit "d" in duration "1d"'], ["9223372036854775808ns", 'time: invalid duration "9223372036854775808ns"'],
    ["1.5ns", 'time: invalid duration "1.5ns": a fraction finer than a nanosecond of its unit is not supported'],
  ] as const)("%s", (text, want) => {
    expect(parseGoDuration(text)).toBe(want);
  });

  it.each([
    ["0001-01-01T00:00:00Z", GO_ZERO_TIME], ["2024-06-01T00:00:00Z", utcTime(2024, 6, 1)],
    ["2024-06-01T00:00:00.123456789123Z", utcTime(2024, 6, 1, 0, 0, 0, 123_456_789)], ["2024-06-01T02:00:00,5+02:00", utcTime(2024, 6, 1, 0, 0, 0, 500_000_000)],
    ["2024-02-29T23:59:59Z", utcTime(2024, 2, 29, 23, 59, 59)], ["9999-12-31T23:59:59.999999999Z", utcTime(9999, 12, 31, 23, 59, 59, 999_999_999)],
    ["2023-02-29T00:00:00Z", 'parsing time "2023-02-29T00:00:00Z": day out of range'], ["2024-06-01T24:00:00Z", 'parsing time "2024-06-01T24:00:00Z": time out of range'],
    ["2024-06-01t00:00:00z", 'parsing time "2024-06-01t00:00:00z" as RFC 3339 failed'],
  ] as const)("%s", (text, want) => {
    expect(parseRfc3339Nano(text)).toBe(want);
  });
});
