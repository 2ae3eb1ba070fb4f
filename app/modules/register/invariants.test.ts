/**
 * Register invariants: each one passes on consistent states — including the reference's S drifts and
 * a real removal + payout through the handlers' procedures — and names the problem on a corrupted one.
 */
import { create, toBinary } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import type { Context } from "../../baseapp/context.js";
import { createTestContext } from "../../baseapp/testing.js";
import { PubKeySchema as Ed25519PubKeySchema } from "../../codec/cosmos/crypto/ed25519/keys_pb.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { coin, Coins } from "../../math/coins.js";
import { createAuthModule } from "../auth/index.js";
import { createBankModule } from "../bank/index.js";
import { createDistributionModule, NO_VALIDATORS } from "../distribution/index.js";
import { accString, parseAcc, sdsString } from "./addresses.js";
import { completeUnbondings } from "./endBlock.js";
import { createRegisterModule, POOL, type RegisterKeeper } from "./index.js";
import { registerInvariants } from "./invariants.js";
import { DEPOSIT_NOZ_RATE_KEY, REGISTER_STORE_KEY, activeMetaNodeIndexKey, unbondingQueueKey } from "./keys.js";
import { BondStatus } from "./logic/bondStatus.js";
import { applySlashingSuspension } from "./logic/suspension.js";
import { utcTime } from "./logic/time.js";
import { unbondResourceNode } from "./unbonding.js";

const STOS = 10n ** 18n;
const T = utcTime(2024, 6, 1);
const MATURE = utcTime(2024, 6, 15);
const edKey = (fill: number): Uint8Array => new Uint8Array(32).fill(fill);
const wallet = (fill: number): string => accString(new Uint8Array(20).fill(fill));
const RES = [1, 2, 3].map((i) => ({ key: edKey(0x10 + i), addr: ed25519Address(edKey(0x10 + i)), owner: wallet(0xc0 + i) }));
const META = [1, 2].map((i) => ({ key: edKey(0x20 + i), addr: ed25519Address(edKey(0x20 + i)), owner: wallet(0xd0 + i) }));
const net = (n: { addr: Uint8Array }): string => sdsString(n.addr);

function node(n: { key: Uint8Array; owner: string }, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    network_address: sdsString(ed25519Address(n.key)),
    pubkey: { "@type": "/cosmos.crypto.ed25519.PubKey", key: Buffer.from(n.key).toString("base64") },
    suspend: false, status: "BOND_STATUS_BONDED", tokens: STOS.toString(), owner_address: n.owner,
    description: { moniker: "n" }, creation_time: "2021-09-24T14:37:13Z", ...extra,
  };
}

interface Chain {
  readonly ctx: Context;
  readonly k: RegisterKeeper;
  /** name → problem of every failing invariant. */
  readonly broken: () => Record<string, string>;
}

/** Fresh start: RES1…RES3 and META1…META2, 1 STOS each, owners 10 STOS. */
function chain(register: Record<string, unknown> = {}): Chain {
  const auth = createAuthModule();
  const bank = createBankModule(auth.keeper);
  const distribution = createDistributionModule({ bank: bank.keeper, accounts: auth.keeper, staking: NO_VALIDATORS, authority: auth.keeper.authority });
  const reg = createRegisterModule({ bank: bank.keeper, accounts: auth.keeper, communityPool: distribution.keeper, authority: auth.keeper.authority });
  const owners = [...RES, ...META].map((n) => n.owner);
  const ctx = createTestContext({ mode: "initGenesis" });
  auth.module.initGenesis?.(ctx, {
    params: { max_memo_characters: "256", tx_sig_limit: "7", tx_size_cost_per_byte: "10", sig_verify_cost_ed25519: "590", sig_verify_cost_secp256k1: "1000" },
    accounts: owners.map((address, i) => ({ "@type": "/cosmos.auth.v1beta1.BaseAccount", address, pub_key: null, account_number: String(i), sequence: "0" })),
  });
  bank.module.initGenesis?.(ctx, {
    params: { send_enabled: [], default_send_enabled: true },
    balances: owners.map((address) => ({ address, coins: [{ denom: "wei", amount: (10n * STOS).toString() }] })),
  });
  reg.module.initGenesis?.(ctx, {
    params: {
      bond_denom: "wei", unbonding_threashold_time: "15552000s", unbonding_completion_time: "1209600s", max_entries: 16,
      resource_node_reg_enabled: true, resource_node_min_deposit: { denom: "wei", amount: "1" }, voting_period: "604800s",
    },
    resource_nodes: RES.map((r) => node(r, { node_type: 4, effective_tokens: STOS.toString() })),
    meta_nodes: META.map((m) => node(m, {})),
    deposit_noz_rate: "1000000.000000000000000000",
    ...register,
  });
  const invariants = reg.module.invariants ?? {};
  return {
    ctx,
    k: reg.keeper,
    broken: () => Object.fromEntries(Object.entries(invariants).flatMap(([name, check]) => {
      const problem = check(ctx);
      return problem === undefined ? [] : [[name, problem]];
    })),
  };
}

/** RES2 removed through the real handler procedure at T (height 1000): UNBONDING, queued for T + 14 d. */
function removeRes2(c: Chain): void {
  unbondResourceNode(c.k, c.ctx, RES[1]!.addr, RES[1]!.owner, { height: 1000n, time: T });
}

describe("register invariants hold on consistent states", () => {
  it("after genesis, and are wired into the module", () => {
    const c = chain();
    expect(Object.keys(registerInvariants(c.k))).toEqual([
      "module-accounts", "effective-total-deposit", "resource-node-effective-tokens", "nonnegative-amounts", "bonded-node-count", "unbonding-queue",
      "active-meta-node-index",
    ]);
    expect(c.broken()).toEqual({});
  });

  it("before any register genesis (nothing stored): nothing to check", () => {
    const auth = createAuthModule();
    const bank = createBankModule(auth.keeper);
    const reg = createRegisterModule({ bank: bank.keeper, accounts: auth.keeper, communityPool: createDistributionModule({ bank: bank.keeper, accounts: auth.keeper, staking: NO_VALIDATORS, authority: auth.keeper.authority }).keeper, authority: auth.keeper.authority });
    const ctx = createTestContext();
    expect(Object.values(registerInvariants(reg.keeper)).map((check) => check(ctx))).toEqual(Array(7).fill(undefined));
  });

  it("through a removal (S keeps the removed node's deposit, §5.3 item 1), its maturity and payout", () => {
    const c = chain();
    removeRes2(c);
    expect(c.k.getResourceNode(c.ctx, RES[1]!.addr)?.status).toBe(BondStatus.Unbonding);
    expect(c.broken()).toEqual({});
    expect(completeUnbondings(c.k, c.ctx, MATURE)).toEqual([]);
    expect(c.k.getResourceNode(c.ctx, RES[1]!.addr)).toBeUndefined();
    expect(c.k.ozoneState(c.ctx).s).toBe(5n * STOS); // 3 + 2 STOS active, 1 STOS of drift
    expect(c.broken()).toEqual({});
  });

  it("with a refused effective-deposit decrease (§5.3 item 2, §11 R4): S above the active deposits", () => {
    const c = chain();
    c.k.setResourceNode(c.ctx, RES[0]!.addr, { ...c.k.getResourceNode(c.ctx, RES[0]!.addr)!, effectiveTokens: 1n });
    expect(c.broken()).toEqual({});
  });

  it("with a pending meta candidate (UNBONDED, in the not-bonded pool) and a pot-style suspension", () => {
    const c = chain();
    const m = { key: edKey(0x29), owner: RES[2]!.owner };
    const addr = ed25519Address(m.key);
    c.k.bank.sendCoinsFromAccountToModule(c.ctx, parseAcc(m.owner), POOL.metaNotBonded, Coins.of(coin("wei", 2n * STOS)));
    c.k.setMetaNode(c.ctx, addr, {
      networkAddress: sdsString(addr), pubKey: { typeUrl: "/cosmos.crypto.ed25519.PubKey", value: toBinary(Ed25519PubKeySchema, create(Ed25519PubKeySchema, { key: m.key })) },
      suspend: true, status: BondStatus.Unbonded, tokens: 2n * STOS, ownerAddress: m.owner,
      description: { moniker: "m", identity: "", website: "", securityContact: "", details: "" }, creationTime: T, beneficiaryAddress: m.owner,
    });
    const res1 = c.k.getResourceNode(c.ctx, RES[0]!.addr)!;
    const suspended = applySlashingSuspension(c.k.ozoneState(c.ctx), res1, true, c.k.getDepositNozRate(c.ctx));
    c.k.setResourceNode(c.ctx, RES[0]!.addr, { ...res1, suspend: suspended.suspend, effectiveTokens: suspended.effectiveTokens });
    c.k.setEffectiveTotalDeposit(c.ctx, suspended.ozone.s);
    c.k.setRemainingOzoneLimit(c.ctx, suspended.ozone.lt);
    expect(c.broken()).toEqual({});
  });
});

describe("each invariant names what a corruption broke", () => {
  it("module-accounts: a pool balance that does not match its nodes", () => {
    const c = chain();
    c.k.bank.sendCoinsFromModuleToModule(c.ctx, POOL.resourceBonded, POOL.resourceNotBonded, Coins.of(coin("wei", 1n)));
    expect(c.broken()).toEqual({
      "module-accounts":
        "resource_node_bonded_pool holds 2999999999999999999wei but the tokens of its BONDED resource nodes add up to 3000000000000000000wei; " +
        "resource_node_not_bonded_pool holds 1wei but the tokens of its UNBONDED and UNBONDING resource nodes add up to 0wei",
    });
  });

  it("effective-total-deposit: S below the active deposits", () => {
    const c = chain();
    c.k.setEffectiveTotalDeposit(c.ctx, 5n * STOS - 1n);
    expect(c.broken()).toEqual({
      "effective-total-deposit":
        "S (0x10) = 4999999999999999999 is below the active deposits 5000000000000000000 (effective tokens of BONDED unsuspended resource nodes + tokens of BONDED unsuspended meta nodes)",
    });
  });

  it("resource-node-effective-tokens: suspended with a deposit, UNBONDED, effective above tokens", () => {
    const c = chain();
    const [r1, r2, r3] = RES.map((r) => ({ addr: r.addr, node: c.k.getResourceNode(c.ctx, r.addr)! }));
    c.k.setResourceNode(c.ctx, r1!.addr, { ...r1!.node, suspend: true });
    c.k.setResourceNode(c.ctx, r2!.addr, { ...r2!.node, effectiveTokens: 2n * STOS });
    c.k.setResourceNode(c.ctx, r3!.addr, { ...r3!.node, status: BondStatus.Unbonded, effectiveTokens: 0n });
    const broken = c.broken();
    // Nodes are visited in address byte order.
    expect(broken["resource-node-effective-tokens"]?.split("; ").sort()).toEqual([
      `resource node ${net(RES[0]!)} is suspended with effective tokens 1000000000000000000`,
      `resource node ${net(RES[1]!)} has effective tokens 2000000000000000000 above its tokens 1000000000000000000`,
      `resource node ${net(RES[2]!)} is BOND_STATUS_UNBONDED`,
    ].sort());
  });

  it("nonnegative-amounts: a negative Lt or slashing debt is no problem (pot's suspension, then a slash, make them: spec-register §5.1, spec-pot §4.4)", () => {
    const c = chain();
    c.k.setRemainingOzoneLimit(c.ctx, -1n);
    c.k.setSlashing(c.ctx, parseAcc(RES[0]!.owner), -5n);
    expect(c.broken()).toEqual({});
  });

  it("nonnegative-amounts: negative tokens, effective tokens; a missing rate", () => {
    const c = chain();
    const m1 = c.k.getMetaNode(c.ctx, META[0]!.addr)!;
    c.k.setMetaNode(c.ctx, META[0]!.addr, { ...m1, tokens: -1n });
    const r1 = c.k.getResourceNode(c.ctx, RES[0]!.addr)!;
    c.k.setResourceNode(c.ctx, RES[0]!.addr, { ...r1, effectiveTokens: -2n });
    c.ctx.kv(REGISTER_STORE_KEY).delete(DEPOSIT_NOZ_RATE_KEY);
    expect(c.broken()["nonnegative-amounts"]).toBe(
      "deposit noz rate (0x07) is not set; " +
      `resource node ${net(RES[0]!)} has negative effective tokens -2; meta node ${net(META[0]!)} has negative tokens -1`,
    );
  });

  it("bonded-node-count: a counter that does not match the BONDED nodes", () => {
    const c = chain();
    c.k.setBondedResourceNodeCount(c.ctx, 4n);
    c.k.setBondedMetaNodeCount(c.ctx, 1n);
    expect(c.broken()).toEqual({
      "bonded-node-count": "bonded meta node count (0x08) is 1 but 2 nodes are BONDED; bonded resource node count (0x09) is 4 but 3 nodes are BONDED",
    });
  });

  it("active-meta-node-index: follows status and suspension through setMetaNode; a lost or stray entry is named", () => {
    const c = chain();
    const positions = (): unknown[] => META.map((m) => c.k.activeMetaNodePosition(c.ctx, net(m)));
    const sorted = [...META].sort((a, b) => (net(a) < net(b) ? -1 : 1));
    expect(positions()).toEqual(META.map((m) => ({ index: sorted.indexOf(m), found: true })));
    const first = c.k.getMetaNode(c.ctx, sorted[0]!.addr)!;
    c.k.setMetaNode(c.ctx, sorted[0]!.addr, { ...first, suspend: true });
    expect(c.k.activeMetaNodePosition(c.ctx, net(sorted[0]!))).toEqual({ index: 0, found: false });
    expect(c.k.activeMetaNodePosition(c.ctx, net(sorted[1]!))).toEqual({ index: 0, found: true });
    c.k.setMetaNode(c.ctx, sorted[0]!.addr, first);
    expect(positions()).toEqual(META.map((m) => ({ index: sorted.indexOf(m), found: true })));
    expect(c.broken()).toEqual({});

    c.ctx.kv(REGISTER_STORE_KEY).delete(activeMetaNodeIndexKey(net(META[0]!)));
    c.ctx.kv(REGISTER_STORE_KEY).set(activeMetaNodeIndexKey(net(RES[0]!)), RES[0]!.addr);
    expect(c.broken()).toEqual({
      "active-meta-node-index":
        `active-meta-node index lists ${net(RES[0]!)}, which is not an active meta node; ` +
        `active meta node ${net(META[0]!)} is missing from the active-meta-node index`,
    });
  });

  it("unbonding-queue: a lost queue slice (a failed payout, §10 Q9)", () => {
    const c = chain();
    removeRes2(c);
    c.ctx.kv(REGISTER_STORE_KEY).delete(unbondingQueueKey(MATURE));
    expect(c.broken()).toEqual({
      "unbonding-queue": `unbonding record ${net(RES[1]!)} has an entry completing at 2024-06-15T00:00:00.000000000 but is not in that queue slice`,
    });
  });

  it("unbonding-queue: a record without its node, an UNBONDING node without its record, balances ≠ tokens", () => {
    const c = chain();
    removeRes2(c);
    const record = c.k.getUnbondingNode(c.ctx, RES[1]!.addr)!;
    c.k.deleteUnbondingNode(c.ctx, RES[1]!.addr);
    // The same record under RES3's address (RES3 is BONDED) and with half the balance.
    c.k.setUnbondingNode(c.ctx, RES[2]!.addr, { ...record, networkAddr: net(RES[2]!), entries: [{ ...record.entries[0]!, balance: STOS / 2n }] });
    c.k.enqueueUnbonding(c.ctx, MATURE, net(RES[2]!));
    c.k.deleteResourceNode(c.ctx, RES[0]!.addr);
    c.k.setUnbondingNode(c.ctx, RES[0]!.addr, { ...record, networkAddr: net(RES[0]!) });
    c.k.enqueueUnbonding(c.ctx, MATURE, net(RES[0]!));
    const recordProblems = [
      [RES[0]!, [`unbonding record ${net(RES[0]!)}: no resource node at that address`]],
      [RES[2]!, [
        `unbonding record ${net(RES[2]!)}: its resource node is BOND_STATUS_BONDED`,
        `unbonding record ${net(RES[2]!)}: its balances add up to 500000000000000000 but its node holds tokens 1000000000000000000`,
      ]],
    ] as const;
    // Records are checked in key (address byte) order.
    const inKeyOrder = [...recordProblems].sort(([a], [b]) => Buffer.compare(Buffer.from(a.addr), Buffer.from(b.addr)));
    expect(c.broken()["unbonding-queue"]).toBe([
      ...inKeyOrder.flatMap(([, problems]) => problems),
      `UNBONDING resource node ${net(RES[1]!)} has no unbonding record`,
      `queue slice 2024-06-15T00:00:00.000000000 lists ${JSON.stringify(net(RES[1]!))}, which has no unbonding entry completing then`,
    ].join("; "));
  });
});

describe("documented limit: pot's suspension after a genesis import (to relax when pot is on chain)", () => {
  it("suspending a removed node imported from genesis takes S below the active deposits", () => {
    const c = chain();
    removeRes2(c);
    // An export → import recomputes S from the node list and drops RES2's effective deposit (§5.3 item 4):
    c.k.setEffectiveTotalDeposit(c.ctx, 4n * STOS);
    expect(c.broken()).toEqual({});
    // ... and pot's suspension of the removed node then subtracts it a second time.
    const res2 = c.k.getResourceNode(c.ctx, RES[1]!.addr)!;
    const after = applySlashingSuspension(c.k.ozoneState(c.ctx), res2, true, c.k.getDepositNozRate(c.ctx));
    c.k.setResourceNode(c.ctx, RES[1]!.addr, { ...res2, suspend: true, effectiveTokens: 0n });
    c.k.setEffectiveTotalDeposit(c.ctx, after.ozone.s);
    expect(c.broken()["effective-total-deposit"]).toMatch(/^S \(0x10\) = 3000000000000000000 is below the active deposits 4000000000000000000/);
  });
});
