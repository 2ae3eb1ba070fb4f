/**
 * The register module through real signed transactions (stock CosmJS, eth_secp256k1, SIGN_MODE_DIRECT)
 * on a real devnet (CometBFT 0.38 + the app), spec-register §11 R2, R3, R6–R9, the security holes the
 * port closes by default (§10 Q1, Q2, Q4), malformed input (§4) and tx atomicity. The same scenarios with
 * the spec's literal dates run in-process in app/modules/register/spec.vectors.test.ts.
 *
 * Genesis: spec-register's Genesis G in its non-fresh form plus state P (§11 "Common setup"): RES1…RES5
 * and META1…META3 with 1 STOS each (effective), pools pre-funded in the bank genesis, Pt = 20 STOS and
 * Lt = 2 285 714 285 715, so S = 8e18 and state P holds from block 1. Every actor below owns 101 STOS
 * (100 + 1 for fees). Actors: the owner wallet of X is the devnet mnemonic's eth_secp256k1 key at HD
 * index i (m/44'/606'/0'/0/i) and X's ed25519 P2P key is `devnetNodeKey(i)` (m/44'/606'/1'/0/i):
 *
 *   RES1…RES8 = 101…108, META1…META5 = 111…115, OUTSIDER (no node) = 120.
 *   Genesis nodes: RES1…RES5, META1…META3. Created here: RES6, META4, META5. Never registered: RES8.
 *
 * Short durations (genesis params) so the time rules run on real block times — the same rules as the
 * reference's 180 d / 14 d / 7 d on a short clock, none skipped:
 *   unbonding_threashold_time 40 s, unbonding_completion_time 4 s, voting_period 20 s.
 * The voting period must end before the threshold (R7.4's expired vote comes before R8's kick, which must
 * happen within the threshold); 40 s leaves ~15 s of margin for a slow machine.
 * Maturity branches covered: genesis nodes (created 2021) unbond at t + 4 s (RES2, RES3, META3); META4,
 * kicked within 40 s of its creation, at creation + 40 s + 4 s; the pending candidate META5 at
 * creation + 4 s (already past when it withdraws, so it is paid in the same block's EndBlock).
 *
 * Amounts are tracked in a ledger (S, Lt, counters, the five register pools, the community pool): each
 * step applies the spec's deltas and the chain's state is compared at the step's height; maturities are
 * applied by block time, as EndBlock does. `/app/invariants` is checked at every height.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create, fromBinary, toBinary, type DescMessage, type MessageInitShape } from "@bufbuild/protobuf";
import type { DirectEthSecp256k1HdWallet, EncodeObject } from "@cosmjs/proto-signing";
import type { SigningStargateClient } from "@cosmjs/stargate";
import type { Comet38Client } from "@cosmjs/tendermint-rpc";
import { toBech32, fromBech32, toHex } from "@cosmjs/encoding";
import { PubKey as Ed25519PubKey } from "cosmjs-types/cosmos/crypto/ed25519/keys";
import { QueryCommunityPoolRequest, QueryCommunityPoolResponse } from "cosmjs-types/cosmos/distribution/v1beta1/query";
import { connectStratos, stratosWallet } from "../app/client/index.js";
import { buildAppState } from "../app/node/genesisBuilder.js";
import { devnetAccount, devnetMnemonic, devnetNodeKey } from "../app/node/devnetGenesis.js";
import { mnemonicToSeed } from "../app/crypto/hd.js";
import {
  QueryBondedMetaNodeCountRequestSchema, QueryBondedMetaNodeCountResponseSchema, QueryBondedResourceNodeCountRequestSchema,
  QueryBondedResourceNodeCountResponseSchema, QueryDepositByNodeRequestSchema, QueryDepositByNodeResponseSchema,
  QueryDepositTotalRequestSchema, QueryDepositTotalResponseSchema, QueryMetaNodeRequestSchema, QueryParamsRequestSchema,
  QueryParamsResponseSchema, QueryRemainingOzoneLimitRequestSchema, QueryRemainingOzoneLimitResponseSchema,
  QueryResourceNodeRequestSchema, QueryResourceNodeResponseSchema,
} from "../app/codec/stratos/register/v1/query_pb.js";
import { createTestDevnet, waitForHeight, type TestDevnet } from "./helpers/devnet.js";
import { TxSender, onlyEvent, typedAttributes, type TxEvent, type TxOutcome } from "./helpers/txSender.js";
import { abciQuery, balanceAt, checkInvariants, invariantsAt, moduleAccount, queryValue, storeValue, verifiedStoreValue } from "./helpers/abciQuery.js";
import {
  REGISTER_KEY, STATUS, addressListValue, lpInt, metaNodeValue, resourceNodeValue, rfc3339Seconds, unbondingNodeValue,
  votePoolValue,
} from "./helpers/registerRecords.js";

const STOS = 10n ** 18n;
const NS = 1_000_000_000n;
const GAS = 400_000n;

/** Genesis params (see the header): the reference's rules on a short clock. */
const THRESHOLD_S = 40n;
const COMPLETION_S = 4n;
const VOTING_PERIOD_S = 20n;
const PARAMS = {
  unbonding_threashold_time: `${THRESHOLD_S}s`,
  unbonding_completion_time: `${COMPLETION_S}s`,
  voting_period: `${VOTING_PERIOD_S}s`,
};

/** creation_time of the genesis nodes (spec §11 Common setup). */
const GENESIS_CREATED = "2021-09-24T14:37:13Z";
const GENESIS_CREATED_NS = BigInt(Date.parse(GENESIS_CREATED)) * 1_000_000n;

/** Slashing debts in genesis (spec §11 R6 setup: what pot would have recorded for Y = 10 000 and Y = 1e11). */
const DEBT_A = 122_499_999_464n;
const DEBT_B = 1_173_652_694_610_427_050n;

const ACTOR_INDEX = {
  RES1: 101, RES2: 102, RES3: 103, RES4: 104, RES5: 105, RES6: 106, RES7: 107, RES8: 108,
  META1: 111, META2: 112, META3: 113, META4: 114, META5: 115,
  OUTSIDER: 120,
} as const;
type Actor = keyof typeof ACTOR_INDEX;

const seed = mnemonicToSeed(devnetMnemonic());
const own = Object.fromEntries(Object.entries(ACTOR_INDEX).map(([n, i]) => [n, devnetAccount(i, seed).address])) as Record<Actor, string>;
const nodeKey = Object.fromEntries(Object.entries(ACTOR_INDEX).map(([n, i]) => [n, devnetNodeKey(i, seed)])) as Record<Actor, ReturnType<typeof devnetNodeKey>>;
const net = (a: Actor): string => nodeKey[a].networkAddress;
const pubHex = (a: Actor): string => toHex(nodeKey[a].publicKey);

const POOLS = {
  resBonded: "resource_node_bonded_pool",
  resNotBonded: "resource_node_not_bonded_pool",
  metaBonded: "meta_node_bonded_pool",
  metaNotBonded: "meta_node_not_bonded_pool",
  prepay: "total_unissued_prepay",
  community: "distribution",
} as const;
type PoolKey = keyof typeof POOLS;

function genesis(): Record<string, unknown> {
  const resources = (["RES1", "RES2", "RES3", "RES4", "RES5"] as const).map((a, i) => ({
    kind: "resource" as const, ownerAddress: own[a], pubKey: nodeKey[a].publicKey, tokens: STOS, effectiveTokens: STOS,
    moniker: `res${i + 1}`, nodeType: 4, creationTime: GENESIS_CREATED,
  }));
  const metas = (["META1", "META2", "META3"] as const).map((a, i) => ({
    kind: "meta" as const, ownerAddress: own[a], pubKey: nodeKey[a].publicKey, tokens: STOS, moniker: `meta${i + 1}`, creationTime: GENESIS_CREATED,
  }));
  return buildAppState({
    accounts: (Object.keys(ACTOR_INDEX) as Actor[]).map((a) => ({ address: own[a], balance: 101n * STOS })),
    moduleBalances: { [POOLS.resBonded]: 5n * STOS, [POOLS.metaBonded]: 3n * STOS, [POOLS.prepay]: 20n * STOS },
    nodes: [...resources, ...metas],
    register: {
      params: PARAMS,
      remaining_noz_limit: "2285714285715",
      slashing: [
        { wallet_address: own.RES2, value: DEBT_A.toString() },
        { wallet_address: own.RES3, value: DEBT_B.toString() },
      ],
    },
  });
}

// ---- messages (CosmJS EncodeObjects with camelCase values) -----------------------------------

const R = "/stratos.register.v1.";
const coin = (amount: bigint | string, denom = "wei") => ({ denom, amount: amount.toString() });
const ed25519Any = (a: Actor) => ({ typeUrl: "/cosmos.crypto.ed25519.PubKey", value: Ed25519PubKey.encode({ key: nodeKey[a].publicKey }).finish() });

interface CreateOptions {
  readonly networkAddress?: string;
  readonly keyOf?: Actor;
  readonly owner?: string;
  readonly moniker?: string;
  readonly nodeType?: number;
  readonly denom?: string;
  readonly beneficiary?: string;
}
const createResource = (a: Actor, amount: bigint | string, o: CreateOptions = {}): EncodeObject => ({
  typeUrl: `${R}MsgCreateResourceNode`,
  value: {
    networkAddress: o.networkAddress ?? net(a), pubkey: ed25519Any(o.keyOf ?? a), value: coin(amount, o.denom), ownerAddress: o.owner ?? own[a],
    description: { moniker: o.moniker ?? a.toLowerCase() }, nodeType: o.nodeType ?? 4,
  },
});
const createMeta = (a: Actor, amount: bigint, o: CreateOptions = {}): EncodeObject => ({
  typeUrl: `${R}MsgCreateMetaNode`,
  value: {
    networkAddress: o.networkAddress ?? net(a), pubkey: ed25519Any(o.keyOf ?? a), value: coin(amount), ownerAddress: o.owner ?? own[a],
    beneficiaryAddress: o.beneficiary ?? own[a], description: { moniker: o.moniker ?? a.toLowerCase() },
  },
});
const resourceDeposit = (a: Actor, amount: bigint | string, node = net(a)): EncodeObject => ({
  typeUrl: `${R}MsgUpdateResourceNodeDeposit`, value: { networkAddress: node, ownerAddress: own[a], depositDelta: coin(amount) },
});
const metaDeposit = (a: Actor, amount: bigint, node = net(a)): EncodeObject => ({
  typeUrl: `${R}MsgUpdateMetaNodeDeposit`, value: { networkAddress: node, ownerAddress: own[a], depositDelta: coin(amount) },
});
const updateResource = (a: Actor, moniker: string, nodeType: number): EncodeObject => ({
  typeUrl: `${R}MsgUpdateResourceNode`, value: { networkAddress: net(a), ownerAddress: own[a], description: { moniker }, beneficiaryAddress: "", nodeType },
});
/** `reporter` names the meta node; `signer` is the reporter_owner (the meta node's owner unless testing forgery). */
const effective = (reporter: Actor, node: string, amount: bigint | string, signer = own[reporter]): EncodeObject => ({
  typeUrl: `${R}MsgUpdateEffectiveDeposit`,
  value: { reporters: [net(reporter)], reporterOwner: [signer], networkAddress: node, effectiveTokens: amount.toString() },
});
const removeResource = (a: Actor, node = net(a)): EncodeObject => ({
  typeUrl: `${R}MsgRemoveResourceNode`, value: { resourceNodeAddress: node, ownerAddress: own[a] },
});
const removeMeta = (a: Actor, node = net(a)): EncodeObject => ({
  typeUrl: `${R}MsgRemoveMetaNode`, value: { metaNodeAddress: node, ownerAddress: own[a] },
});
/** A registration vote sent by `signer` as voter network address `voter`. */
const regVote = (candidate: Actor, voter: string, signer: string, approve = true, candidateNet = net(candidate)): EncodeObject => ({
  typeUrl: `${R}MsgMetaNodeRegistrationVote`,
  value: { candidateNetworkAddress: candidateNet, candidateOwnerAddress: own[candidate], opinion: approve, voterNetworkAddress: voter, voterOwnerAddress: signer },
});
const kickVote = (target: string, voter: string, signer: string, approve = true): EncodeObject => ({
  typeUrl: `${R}MsgKickMetaNodeVote`, value: { targetNetworkAddress: target, opinion: approve, voterNetworkAddress: voter, voterOwnerAddress: signer },
});

// ---- the devnet and its views ----------------------------------------------------------------

let devnet: TestDevnet;
let comet: Comet38Client;
let client: SigningStargateClient;
let tx: TxSender;
/** Highest height whose invariants were checked. */
let checkedHeight = 0;

async function query<I extends DescMessage, O extends DescMessage>(
  path: string, req: I, init: MessageInitShape<I>, res: O, height: number,
) {
  return fromBinary(res, await queryValue(comet, `/stratos.register.v1.Query/${path}`, toBinary(req, create(req, init)), height));
}

const store = (key: Uint8Array, height: number): Promise<Uint8Array> => storeValue(comet, "register", key, height);
const hex = (b: Uint8Array): string => toHex(b);
const balance = (a: Actor, height: number): Promise<bigint> => balanceAt(comet, own[a], height);
/**
 * A pool's balance; the community pool's from distribution's CommunityPool query (the distribution
 * account also holds the validators' fee rewards), in whole wei.
 */
async function poolBalance(p: PoolKey, height: number): Promise<bigint> {
  if (p !== "community") return balanceAt(comet, moduleAccount(POOLS[p]), height);
  const value = await queryValue(comet, "/cosmos.distribution.v1beta1.Query/CommunityPool", QueryCommunityPoolRequest.encode({}).finish(), height);
  return BigInt(QueryCommunityPoolResponse.decode(value).pool.find((c) => c.denom === "wei")?.amount ?? "0") / 10n ** 18n;
}

const timeCache = new Map<number, bigint>();
/** Block time of `height`, Unix nanoseconds. */
async function blockTime(height: number): Promise<bigint> {
  let t = timeCache.get(height);
  if (t === undefined) {
    const time = (await comet.block(height)).block.header.time;
    t = BigInt(time.getTime()) * 1_000_000n + BigInt(time.nanoseconds ?? 0);
    timeCache.set(height, t);
  }
  return t;
}

async function latestHeight(): Promise<number> {
  return (await comet.status()).syncInfo.latestBlockHeight;
}

/** The first height ≥ `from` whose block time is ≥ `ns` (waits for blocks as they come). */
async function firstBlockAtOrAfter(ns: bigint, from: number): Promise<number> {
  for (let h = from; ; h++) {
    while ((await latestHeight()) < h) await new Promise((r) => setTimeout(r, 150));
    if ((await blockTime(h)) >= ns) return h;
  }
}

async function account(a: Actor): Promise<number> {
  return (await client.getAccount(own[a]))?.sequence ?? -1;
}

// ---- the ledger ------------------------------------------------------------------------------

interface Ledger {
  s: bigint;
  lt: bigint;
  metaCount: bigint;
  resCount: bigint;
  pools: Record<PoolKey, bigint>;
  /** Σ balances of unbonding entries not yet paid out. */
  unbonding: bigint;
}

/** An unbonding that EndBlock pays in the first block with time ≥ `matureNs` (not before `fromHeight`, the removal). */
interface Maturing {
  readonly fromHeight: number;
  readonly matureNs: bigint;
  readonly pool: "resNotBonded" | "metaNotBonded";
  readonly amount: bigint;
  /** Part of `amount` collected as slashing debt (→ community pool). */
  readonly slashed: bigint;
}

/** The ledger as recorded by the steps so far (each step's txs are in blocks after the previous step's). */
const ledger: Ledger = {
  s: 8n * STOS,
  lt: 2_285_714_285_715n,
  metaCount: 3n,
  resCount: 5n,
  pools: { resBonded: 5n * STOS, resNotBonded: 0n, metaBonded: 3n * STOS, metaNotBonded: 0n, prepay: 20n * STOS, community: 0n },
  unbonding: 0n,
};
const maturing: Maturing[] = [];
/** Snapshots of `ledger` at the heights the steps checked, for checks of earlier heights. */
const history: Array<{ readonly height: number; readonly ledger: Ledger }> = [];

const copy = (l: Ledger): Ledger => ({ ...l, pools: { ...l.pools } });

/** The expected state at `height`: the recorded ledger of that time, with every unbonding matured by the block's time paid out. */
async function expectedAt(height: number): Promise<Ledger> {
  const last = history[history.length - 1];
  const base = last === undefined || height >= last.height ? ledger : [...history].reverse().find((x) => x.height <= height)?.ledger;
  if (base === undefined) throw new Error(`no ledger snapshot at or before height ${height}`);
  const t = await blockTime(height);
  const e = copy(base);
  for (const m of maturing.filter((x) => height >= x.fromHeight && x.matureNs <= t)) {
    e.pools[m.pool] -= m.amount;
    e.pools.community += m.slashed;
    e.unbonding -= m.amount;
  }
  return e;
}

/** Compares S, Lt, the counters, all pools and DepositTotal at `height` with the ledger; checks the invariants up to it. */
async function expectLedger(height: number): Promise<void> {
  checkedHeight = await checkInvariants(comet, checkedHeight, height);
  const e = await expectedAt(height);
  const last = history[history.length - 1];
  if (last === undefined || height >= last.height) history.push({ height, ledger: copy(ledger) });
  const pools = Object.fromEntries(await Promise.all((Object.keys(POOLS) as PoolKey[]).map(async (p) => [p, await poolBalance(p, height)] as const)));
  expect({
    s: hex(await store(REGISTER_KEY.effectiveTotalDeposit, height)),
    lt: hex(await store(REGISTER_KEY.remainingOzoneLimit, height)),
    metaCount: hex(await store(REGISTER_KEY.bondedMetaNodeCount, height)),
    resCount: hex(await store(REGISTER_KEY.bondedResourceNodeCount, height)),
    pools,
  }).toEqual({
    s: hex(lpInt(e.s)), lt: hex(lpInt(e.lt)), metaCount: hex(lpInt(e.metaCount)), resCount: hex(lpInt(e.resCount)), pools: e.pools,
  });
  const lt = await query("RemainingOzoneLimit", QueryRemainingOzoneLimitRequestSchema, {}, QueryRemainingOzoneLimitResponseSchema, height);
  expect(lt.ozoneLimit).toBe(e.lt.toString());
  const metaCount = await query("BondedMetaNodeCount", QueryBondedMetaNodeCountRequestSchema, {}, QueryBondedMetaNodeCountResponseSchema, height);
  const resCount = await query("BondedResourceNodeCount", QueryBondedResourceNodeCountRequestSchema, {}, QueryBondedResourceNodeCountResponseSchema, height);
  expect([metaCount.number, resCount.number]).toEqual([e.metaCount, e.resCount]);
  const total = await query("DepositTotal", QueryDepositTotalRequestSchema, {}, QueryDepositTotalResponseSchema, height);
  const amount = (c: { amount: string } | undefined): bigint => BigInt(c?.amount ?? "-1");
  expect({
    resource: amount(total.resourceNodesTotalDeposit), meta: amount(total.metaNodesTotalDeposit), bonded: amount(total.totalBondedDeposit),
    unbonded: amount(total.totalUnbondedDeposit), unbonding: amount(total.totalUnbondingDeposit),
  }).toEqual({
    resource: e.pools.resBonded + e.pools.resNotBonded, meta: e.pools.metaBonded + e.pools.metaNotBonded,
    bonded: e.pools.resBonded + e.pools.metaBonded, unbonded: e.pools.resNotBonded + e.pools.metaNotBonded - e.unbonding, unbonding: e.unbonding,
  });
}

// ---- tx helpers ------------------------------------------------------------------------------

/** Submits each (signer, msgs) in order (CheckTx answers before the next), then waits for all. */
async function block(...txs: ReadonlyArray<readonly [Actor, readonly EncodeObject[], bigint?]>): Promise<TxOutcome[]> {
  const pending = [];
  for (const [signer, msgs, gas] of txs) pending.push(await tx.submit(own[signer], msgs, gas ?? GAS * BigInt(msgs.length)));
  return Promise.all(pending.map((p) => tx.wait(p)));
}

const maxHeight = (outs: readonly TxOutcome[]): number => Math.max(...outs.map((o) => o.height));

function expectOk(...outs: readonly TxOutcome[]): void {
  for (const o of outs) expect(o.code === 0 ? 0 : `${o.phase} ${o.codespace}/${o.code}: ${o.log}`).toBe(0);
}

/** A message that failed in DeliverTx (fee and sequence consumed, messages reverted). */
function expectDeliverFailure(o: TxOutcome, code: number, text: string, msgIndex = 0): void {
  expect([o.phase, o.codespace, o.code, o.log]).toEqual(["deliver", "register", code, `failed to execute message; message index: ${msgIndex}: ${text}`]);
}

/** A message refused by CheckTx (ValidateBasic): never in a block, nothing charged. */
function expectCheckFailure(o: TxOutcome, code: number, text: string): void {
  expect([o.phase, o.codespace, o.code, o.log]).toEqual(["check", "register", code, text]);
}

const typed = (o: TxOutcome, name: string) => onlyEvent(o.events, `stratos.register.v1.${name}`);

/** `transfer` events (legacy, unquoted attributes) as "sender → recipient amount". */
function transfers(events: readonly TxEvent[]): string[] {
  return events
    .filter((e) => e.type === "transfer")
    .map((e) => {
      const a = Object.fromEntries(e.attributes.map((x) => [x.key, x.value]));
      return `${a["sender"]} → ${a["recipient"]} ${a["amount"]}`;
    });
}

/**
 * The EndBlock completion event of `node` in a block's events. The port emits it for every completed
 * unbonding, with the whole entry balance as `amount` (debt included); the reference practically never
 * does (§10 Q8; docs/deviations.md).
 */
function completion(events: readonly TxEvent[], kind: "Meta" | "Resource", node: string): Array<{ key: string; value: string }> {
  const type = `stratos.register.v1.EventCompleteUnBonding${kind}Node`;
  const found = events.filter((e) => e.type === type && e.attributes.some((a) => a.key === "network_address" && a.value === JSON.stringify(node)));
  expect(found, `${type} for ${node}`).toHaveLength(1);
  return found[0]!.attributes.map(({ key, value }) => ({ key, value }));
}

function notFoundText(o: { codespace: string; code: number; log: string }): string {
  return `${o.codespace}/${o.code}: ${o.log}`;
}

// ---- scenario state shared across steps ------------------------------------------------------

/** Creation block (height, time) and the fee of the creating tx of the nodes created here. */
const created: Partial<Record<Actor, { height: number; ns: bigint; feeWei: bigint }>> = {};
/** The unbondings started here, by node. */
const unbondings: Partial<Record<Actor, Maturing>> = {};
/** Lt right after R3 step 2 (the round trip must end one noz below it). */
let ltAfterR3Step2 = 0n;

describe("register through signed transactions on a devnet (state P, short durations)", () => {
  beforeAll(async () => {
    devnet = await createTestDevnet({ appState: genesis() });
    await devnet.devnet.start();
    comet = await devnet.client();
    await waitForHeight(comet, 2);
    const wallet = (await stratosWallet(devnetMnemonic(), { indexes: Object.values(ACTOR_INDEX) })) as DirectEthSecp256k1HdWallet;
    client = await connectStratos(devnet.devnet.rpcUrl, wallet, { broadcastPollIntervalMs: 200 });
    tx = await TxSender.create(wallet, comet, client);
  });

  afterAll(async () => {
    client?.disconnect();
    await devnet?.cleanup();
  });

  it("oracle self-check: the record encoders reproduce spec §11 R12's literal hex", () => {
    const addr = "stsds1wtxkappzcsrlkmgfs6g0zyct0hkhashhvkkdqa";
    const owner = "st1kxcmrvd3kxcmrvd3kxcmrvd3kxcmrvd3v32wdp";
    const t = 1_717_200_000n * NS; // 2024-06-01T00:00:00Z
    const addrHex = toHex(new TextEncoder().encode(addr));
    const ownerHex = toHex(new TextEncoder().encode(owner));
    const int19 = (lead: string): string => lead + "30".repeat(18); // "1000…0" / "2000…0" (19 digits)
    expect(hex(resourceNodeValue({
      networkAddress: addr, pubKey: new Uint8Array(32).fill(1), suspend: true, status: STATUS.bonded, tokens: 2n * STOS, owner, moniker: "res6",
      creationNs: t, beneficiary: owner, nodeType: 4, effectiveTokens: 0n,
    }))).toBe(
      `f7010a2c${addrHex}12430a1d2f636f736d6f732e63727970746f2e656432353531392e5075624b657912220a20${"01".repeat(32)}` +
        `180120032a13${int19("32")}3229${ownerHex}3a060a047265733642060880c9e9b20648045201305a29${ownerHex}`,
    );
    expect(hex(unbondingNodeValue({
      networkAddress: addr, isMetaNode: false, entries: [{ height: 1000n, completionNs: 1_718_409_600n * NS, initialBalance: STOS, balance: STOS }],
    }))).toBe(`650a2c${addrHex}1a3508e80712060880b3b3b3061a13${int19("31")}2213${int19("31")}`);
    expect(hex(addressListValue([addr]))).toBe(`2e0a2c${addrHex}`);
    expect(hex(votePoolValue({ networkAddress: addr, approve: [], reject: [], expireNs: 1_717_804_800n * NS, passed: false }))).toBe(`360a2c${addrHex}22060880be8eb306`);
    expect(hex(REGISTER_KEY.unbondingQueue(1_718_409_600n * NS))).toBe("12323032342d30362d31355430303a30303a30302e303030303030303030");
    expect(rfc3339Seconds(1_718_409_600_123_456_789n)).toBe("2024-06-15T00:00:00Z");
  });

  it("genesis is state P: S = 8e18, Lt = 2 285 714 285 715, counters 3 / 5, pre-funded pools, the short params (R1 encodings)", async () => {
    const h = await latestHeight();
    await expectLedger(h);
    // spec §11 R1 store values (non-fresh G), with state P's Lt.
    expect(hex(await store(REGISTER_KEY.effectiveTotalDeposit, h))).toBe("150a1338303030303030303030303030303030303030");
    expect(hex(await store(REGISTER_KEY.initialGenesisDeposit, h))).toBe("150a1338303030303030303030303030303030303030");
    expect(hex(await store(REGISTER_KEY.depositNozRate, h))).toBe("1b0a1931303030303030303030303030303030303030303030303030");
    expect(hex(await store(REGISTER_KEY.bondedMetaNodeCount, h))).toBe("030a0133");
    expect(hex(await store(REGISTER_KEY.bondedResourceNodeCount, h))).toBe("030a0135");
    const params = (await query("Params", QueryParamsRequestSchema, {}, QueryParamsResponseSchema, h)).params;
    expect([params?.unbondingThreasholdTime?.seconds, params?.unbondingCompletionTime?.seconds, params?.votingPeriod?.seconds]).toEqual([
      THRESHOLD_S, COMPLETION_S, VOTING_PERIOD_S,
    ]);
    // Genesis debts (spec §11 R6 setup).
    expect(hex(await store(REGISTER_KEY.slashing(own.RES2), h))).toBe(hex(lpInt(DEBT_A)));
    expect(hex(await store(REGISTER_KEY.slashing(own.RES3), h))).toBe(hex(lpInt(DEBT_B)));
    for (const a of ["RES1", "META1", "OUTSIDER"] as const) expect(await balance(a, h)).toBe(101n * STOS);
    // The invariants checked after every block include register's.
    expect(Object.keys(await invariantsAt(comet, h))).toEqual(expect.arrayContaining(["register/module-accounts", "register/effective-total-deposit"]));
  });

  it("block A — R2.1 create RES6 (fee \"auto\"), R3.1 deposit +0.5 STOS on RES1, R7.1 create META4 and META5, R6.1 remove RES2 and RES3", async () => {
    // RES6 through CosmJS's own signAndBroadcast with a simulated fee; the others through the sender.
    const res6 = client.signAndBroadcast(own.RES6, [createResource("RES6", 2n * STOS)], "auto");
    const outs = await block(
      ["RES1", [resourceDeposit("RES1", STOS / 2n)]],
      ["META4", [createMeta("META4", 2n * STOS)]],
      ["META5", [createMeta("META5", STOS)]],
      ["RES2", [removeResource("RES2")]],
      ["RES3", [removeResource("RES3")]],
    );
    const [deposit, meta4, meta5, rm2, rm3] = outs as [TxOutcome, TxOutcome, TxOutcome, TxOutcome, TxOutcome];
    const r6 = await res6;
    expect(r6.code).toBe(0);
    const create6 = await tx.wait({ hash: r6.transactionHash, feeWei: 0n });
    expectOk(create6, deposit, meta4, meta5, rm2, rm3);

    // R2.1: the node is BONDED but suspended with no effective deposit; the deposit went owner → not-bonded → bonded.
    const t6 = await blockTime(create6.height);
    created.RES6 = { height: create6.height, ns: t6, feeWei: create6.feeWei };
    expect(typed(create6, "EventCreateResourceNode")).toEqual(typedAttributes({
      initial_deposit: "2000000000000000000wei", network_address: net("RES6"), ozone_limit_changes: "0", pubkey: pubHex("RES6"), sender: own.RES6,
    }));
    expect(transfers(create6.events).slice(-2)).toEqual([
      `${own.RES6} → ${moduleAccount(POOLS.resNotBonded)} 2000000000000000000wei`,
      `${moduleAccount(POOLS.resNotBonded)} → ${moduleAccount(POOLS.resBonded)} 2000000000000000000wei`,
    ]);
    const message = Object.fromEntries(create6.events.filter((e) => e.type === "message" && e.attributes.some((x) => x.key === "action")).flatMap((e) => e.attributes.map((x) => [x.key, x.value])));
    expect(message).toMatchObject({ action: `${R}MsgCreateResourceNode`, module: "register", sender: own.RES6 });
    expect(await balance("RES6", create6.height)).toBe(101n * STOS - 2n * STOS - create6.feeWei);
    // The record as stored (spec R12 layout), read with an ICS23 proof checked against the next header's app hash.
    const verified = await verifiedStoreValue(comet, "register", REGISTER_KEY.resourceNode(net("RES6")), create6.height);
    expect(hex(verified)).toBe(hex(resourceNodeValue({
      networkAddress: net("RES6"), pubKey: nodeKey.RES6.publicKey, suspend: true, status: STATUS.bonded, tokens: 2n * STOS, owner: own.RES6,
      moniker: "res6", creationNs: t6, beneficiary: own.RES6, nodeType: 4, effectiveTokens: 0n,
    })));
    const node6 = (await query("ResourceNode", QueryResourceNodeRequestSchema, { networkAddr: net("RES6") }, QueryResourceNodeResponseSchema, create6.height)).node;
    expect([node6?.status, node6?.suspend, node6?.tokens, node6?.effectiveTokens]).toEqual([STATUS.bonded, true, "2000000000000000000", "0"]);

    // R3.1: the event reports the deposit *before* the change as current_deposit; the block time as maturity.
    expect(typed(deposit, "EventUpdateResourceNodeDeposit")).toEqual(typedAttributes({
      available_token_after: "1500000000000000000wei", available_token_before: "1000000000000000000wei", current_deposit: "1000000000000000000wei",
      deposit_delta: "500000000000000000wei", network_address: net("RES1"), ozone_limit_changes: "0", sender: own.RES1,
      unbonding_mature_time: rfc3339Seconds(await blockTime(deposit.height)),
    }));
    expect(await balance("RES1", deposit.height)).toBe(101n * STOS - STOS / 2n - deposit.feeWei);

    // R7.1: candidates are UNBONDED and suspended, with a registration pool expiring after the voting period.
    for (const [a, o, tokens] of [["META4", meta4, 2n * STOS], ["META5", meta5, STOS]] as const) {
      const t = await blockTime(o.height);
      created[a] = { height: o.height, ns: t, feeWei: o.feeWei };
      expect(typed(o, "EventCreateMetaNode")).toEqual(typedAttributes({ network_address: net(a), sender: own[a] }));
      expect(hex(await store(REGISTER_KEY.metaNode(net(a)), o.height))).toBe(hex(metaNodeValue({
        networkAddress: net(a), pubKey: nodeKey[a].publicKey, suspend: true, status: STATUS.unbonded, tokens, owner: own[a],
        moniker: a.toLowerCase(), creationNs: t, beneficiary: own[a],
      })));
      expect(hex(await store(REGISTER_KEY.registrationPool(net(a)), o.height))).toBe(hex(votePoolValue({
        networkAddress: net(a), approve: [], reject: [], expireNs: t + VOTING_PERIOD_S * NS, passed: false,
      })));
      expect(await balance(a, o.height)).toBe(101n * STOS - tokens - o.feeWei);
    }

    // R6.1: genesis nodes (created 2021, long past the threshold) mature at t + completion time;
    // their effective deposit stays in S (QUIRK Q6); the deposits wait in the not-bonded pool.
    const slices = new Map<bigint, Array<{ index: number; height: number; addr: string }>>();
    for (const [a, o] of [["RES2", rm2], ["RES3", rm3]] as const) {
      const t = await blockTime(o.height);
      const mature = t + COMPLETION_S * NS;
      expect(typed(o, "EventUnBondingResourceNode")).toEqual(typedAttributes({
        deposit_to_remove: "1000000000000000000wei", resource_node: net(a), sender: own[a], unbonding_mature_time: rfc3339Seconds(mature),
      }));
      expect(hex(await store(REGISTER_KEY.unbondingNode(net(a)), o.height))).toBe(hex(unbondingNodeValue({
        networkAddress: net(a), isMetaNode: false, entries: [{ height: BigInt(o.height), completionNs: mature, initialBalance: STOS, balance: STOS }],
      })));
      expect(hex(await store(REGISTER_KEY.resourceNode(net(a)), o.height))).toBe(hex(resourceNodeValue({
        networkAddress: net(a), pubKey: nodeKey[a].publicKey, suspend: false, status: STATUS.unbonding, tokens: STOS, owner: own[a],
        moniker: a.toLowerCase(), creationNs: GENESIS_CREATED_NS, beneficiary: own[a], nodeType: 4, effectiveTokens: STOS,
      })));
      const info = (await query("DepositByNode", QueryDepositByNodeRequestSchema, { networkAddr: net(a), queryType: 2 }, QueryDepositByNodeResponseSchema, o.height)).depositInfo;
      expect([info?.status, info?.tokens, info?.unBondingDeposit?.amount, info?.bondedDeposit?.amount, info?.unBondedDeposit?.amount]).toEqual([
        STATUS.unbonding, STOS.toString(), STOS.toString(), "0", "0",
      ]);
      slices.set(mature, [...(slices.get(mature) ?? []), { index: o.height * 10_000 + o.index, height: o.height, addr: net(a) }]);
      unbondings[a] = { fromHeight: o.height, matureNs: mature, pool: "resNotBonded", amount: STOS, slashed: a === "RES2" ? DEBT_A : STOS };
      maturing.push(unbondings[a]!);
    }
    // One queue slice per maturity time, addresses in execution order.
    for (const [mature, entries] of slices) {
      const sorted = entries.sort((x, y) => x.index - y.index);
      expect(hex(await store(REGISTER_KEY.unbondingQueue(mature), Math.max(...sorted.map((e) => e.height))))).toBe(hex(addressListValue(sorted.map((e) => e.addr))));
    }

    ledger.pools.resBonded += STOS / 2n + 2n * STOS - 2n * STOS; // +0.5 (RES1) +2 (RES6) −1 −1 (RES2, RES3 leave)
    ledger.pools.resNotBonded += 2n * STOS;
    ledger.pools.metaNotBonded += 3n * STOS;
    ledger.resCount += 1n - 2n;
    ledger.unbonding += 2n * STOS;
    const h = Math.max(maxHeight(outs), create6.height);
    await expectLedger(h);
    // Creation, deposits and removals leave S and Lt at state P's values.
    expect([ledger.s, ledger.lt]).toEqual([8n * STOS, 2_285_714_285_715n]);
  });

  it("block B — R2.2 META1 activates RES6 (S +2e18, Lt +2e12), R3.2 META2 raises RES1 to 1.5 STOS, two registration votes for META4, META1 +1 STOS, RES5 updated", async () => {
    const outs = await block(
      ["META1", [effective("META1", net("RES6"), 2n * STOS)]],
      ["META2", [effective("META2", net("RES1"), 3n * STOS / 2n)]],
      ["META2", [regVote("META4", net("META2"), own.META2)]],
      ["META3", [regVote("META4", net("META3"), own.META3)]],
      ["META1", [metaDeposit("META1", STOS)]],
      ["RES5", [updateResource("RES5", "res5-archive", 2)]],
    );
    expectOk(...outs);
    const [eff6, eff1, vote2, vote3, deposit1, update5] = outs as [TxOutcome, TxOutcome, TxOutcome, TxOutcome, TxOutcome, TxOutcome];
    // §4.8: a BONDED meta node's extra deposit enters the economy at once (S += 1e18, Lt += 1e12), reported as the ozone change.
    expect(typed(deposit1, "EventUpdateMetaNodeDeposit")).toEqual(typedAttributes({
      available_token_after: "2000000000000000000wei", available_token_before: "1000000000000000000wei", current_deposit: "1000000000000000000wei",
      deposit_delta: "1000000000000000000wei", network_address: net("META1"), ozone_limit_changes: "1000000000000", sender: own.META1,
      unbonding_mature_time: rfc3339Seconds(await blockTime(deposit1.height)),
    }));
    // §4.2: description replaced, node type set, beneficiary unchanged ("" in the event); nothing else moves.
    expect(typed(update5, "EventUpdateResourceNode")).toEqual(typedAttributes({ beneficiary_address: "", network_address: net("RES5"), sender: own.RES5 }));
    expect(hex(await store(REGISTER_KEY.resourceNode(net("RES5")), update5.height))).toBe(hex(resourceNodeValue({
      networkAddress: net("RES5"), pubKey: nodeKey.RES5.publicKey, suspend: false, status: STATUS.bonded, tokens: STOS, owner: own.RES5,
      moniker: "res5-archive", creationNs: GENESIS_CREATED_NS, beneficiary: own.RES5, nodeType: 2, effectiveTokens: STOS,
    })));
    expect(typed(eff6, "EventUpdateEffectiveDeposit")).toEqual(typedAttributes({
      effective_deposit_after: "2000000000000000000", is_unsuspended: "true", network_address: net("RES6"),
    }));
    expect(typed(eff1, "EventUpdateEffectiveDeposit")).toEqual(typedAttributes({
      effective_deposit_after: "1500000000000000000", is_unsuspended: "false", network_address: net("RES1"),
    }));
    for (const [o, voter] of [[vote2, "META2"], [vote3, "META3"]] as const) {
      expect(typed(o, "EventMetaNodeRegistrationVote")).toEqual(typedAttributes({
        candidate_network_address: net("META4"), candidate_status: "BOND_STATUS_UNBONDED", ozone_limit_changes: "0", sender: own[voter],
        voter_network_address: net(voter),
      }));
      expect(await blockTime(o.height)).toBeLessThanOrEqual(created.META4!.ns + VOTING_PERIOD_S * NS);
    }
    const h = maxHeight(outs);
    expect(hex(await store(REGISTER_KEY.resourceNode(net("RES6")), h))).toBe(hex(resourceNodeValue({
      networkAddress: net("RES6"), pubKey: nodeKey.RES6.publicKey, suspend: false, status: STATUS.bonded, tokens: 2n * STOS, owner: own.RES6,
      moniker: "res6", creationNs: created.RES6!.ns, beneficiary: own.RES6, nodeType: 4, effectiveTokens: 2n * STOS,
    })));
    // spec R2.2: S += 2e18, Lt += 2 000 000 000 000; spec R3.2: S += 5e17, Lt += 500 000 000 000; META1's deposit: S += 1e18, Lt += 1e12.
    ledger.s += 2n * STOS + STOS / 2n + STOS;
    ledger.lt += 2_000_000_000_000n + 500_000_000_000n + 1_000_000_000_000n;
    ledger.pools.metaBonded += STOS;
    ltAfterR3Step2 = ledger.lt;
    await expectLedger(h);
  });

  it("R3.3 — lowering RES1 to 1166666666666666667 removes 333333333334 noz (ceil) from Lt", async () => {
    const [o] = await block(["META2", [effective("META2", net("RES1"), 1_166_666_666_666_666_667n)]]);
    expectOk(o!);
    expect(typed(o!, "EventUpdateEffectiveDeposit")).toEqual(typedAttributes({
      effective_deposit_after: "1166666666666666667", is_unsuspended: "false", network_address: net("RES1"),
    }));
    ledger.s -= 333_333_333_333_333_333n;
    ledger.lt -= 333_333_333_334n;
    await expectLedger(o!.height);
  });

  it("R3.4 — raising it back to 1.5 STOS adds 333333333333 noz: one noz less than after R3.2", async () => {
    const [o] = await block(["META2", [effective("META2", net("RES1"), 3n * STOS / 2n)]]);
    expectOk(o!);
    ledger.s += 333_333_333_333_333_333n;
    ledger.lt += 333_333_333_333n;
    await expectLedger(o!.height);
    expect(ledger.lt).toBe(ltAfterR3Step2 - 1n);
  });

  it("R3.5 — 2 STOS > tokens − unbonding fails with code 55; R7.3 META1's approval passes META4 (ozone_limit_changes \"2000000000000\")", async () => {
    const before = await latestHeight();
    const res1Before = await store(REGISTER_KEY.resourceNode(net("RES1")), before);
    const [over, pass] = (await block(
      ["META2", [effective("META2", net("RES1"), 2n * STOS)]],
      ["META1", [regVote("META4", net("META1"), own.META1)]],
    )) as [TxOutcome, TxOutcome];
    expectDeliverFailure(over, 55, "insufficient balance: failed to update deposit for resource node");
    expect(hex(await store(REGISTER_KEY.resourceNode(net("RES1")), over.height))).toBe(hex(res1Before));

    expectOk(pass);
    expect(typed(pass, "EventMetaNodeRegistrationVote")).toEqual(typedAttributes({
      candidate_network_address: net("META4"), candidate_status: "BOND_STATUS_BONDED", ozone_limit_changes: "2000000000000", sender: own.META1,
      voter_network_address: net("META1"),
    }));
    const expire = created.META4!.ns + VOTING_PERIOD_S * NS;
    expect(await blockTime(pass.height)).toBeLessThanOrEqual(expire);
    expect(hex(await store(REGISTER_KEY.metaNode(net("META4")), pass.height))).toBe(hex(metaNodeValue({
      networkAddress: net("META4"), pubKey: nodeKey.META4.publicKey, suspend: false, status: STATUS.bonded, tokens: 2n * STOS, owner: own.META4,
      moniker: "meta4", creationNs: created.META4!.ns, beneficiary: own.META4,
    })));
    // META2 and META3 voted in one earlier block, in an order the block fixed; META1 last.
    const pool = hex(await store(REGISTER_KEY.registrationPool(net("META4")), pass.height));
    expect([
      hex(votePoolValue({ networkAddress: net("META4"), approve: [net("META2"), net("META3"), net("META1")], reject: [], expireNs: expire, passed: true })),
      hex(votePoolValue({ networkAddress: net("META4"), approve: [net("META3"), net("META2"), net("META1")], reject: [], expireNs: expire, passed: true })),
    ]).toContain(pool);
    ledger.s += 2n * STOS;
    ledger.lt += 2_000_000_000_000n;
    ledger.metaCount += 1n;
    ledger.pools.metaNotBonded -= 2n * STOS;
    ledger.pools.metaBonded += 2n * STOS;
    await expectLedger(Math.max(over.height, pass.height));
  });

  it("closed holes: forged registration votes and kick votes fail with 67, a forged effective deposit with 62 — only fee and sequence change", async () => {
    const h0 = await latestHeight();
    const seq = { outsider: await account("OUTSIDER"), meta1: await account("META1") };
    const before = {
      outsider: await balance("OUTSIDER", h0), meta1: await balance("META1", h0),
      pool5: await store(REGISTER_KEY.registrationPool(net("META5")), h0), res6: await store(REGISTER_KEY.resourceNode(net("RES6")), h0),
    };
    const outs = await block(
      // Q1: an account that owns no meta node votes under META1's address …
      ["OUTSIDER", [regVote("META5", net("META1"), own.OUTSIDER)]],
      // … and a meta-node owner votes under another meta node's address.
      ["META1", [regVote("META5", net("META2"), own.META1)]],
      // Q2: a kick vote from a non-owner.
      ["OUTSIDER", [kickVote(net("META1"), net("META2"), own.OUTSIDER)]],
      // Q4: an effective deposit "reported" by META1 but signed by someone else.
      ["OUTSIDER", [effective("META1", net("RES6"), STOS, own.OUTSIDER)]],
    );
    const [v1, v2, kick, eff] = outs as [TxOutcome, TxOutcome, TxOutcome, TxOutcome];
    for (const o of [v1, v2, kick]) expectDeliverFailure(o, 67, "voter meta node does not exist or not active");
    expectDeliverFailure(eff, 62, "invalid reporter address or owner address");
    const h = maxHeight(outs);
    expect(await balance("OUTSIDER", h)).toBe(before.outsider - v1.feeWei - kick.feeWei - eff.feeWei);
    expect(await balance("META1", h)).toBe(before.meta1 - v2.feeWei);
    expect([await account("OUTSIDER"), await account("META1")]).toEqual([seq.outsider + 3, seq.meta1 + 1]);
    // META5's approve list did not grow, no kick pool exists, RES6 is untouched.
    expect(hex(await store(REGISTER_KEY.registrationPool(net("META5")), h))).toBe(hex(before.pool5));
    expect(hex(await store(REGISTER_KEY.kickPool(net("META1")), h))).toBe("");
    expect(hex(await store(REGISTER_KEY.resourceNode(net("RES6")), h))).toBe(hex(before.res6));
    await expectLedger(h);
  });

  it("R8.4 — a reject from an active meta node wipes the kick pool (n = 4: one reject); a later outsider approval fails with 67 and leaves no pool", async () => {
    const [approve] = await block(["META2", [kickVote(net("META1"), net("META2"), own.META2)]]);
    expectOk(approve!);
    expect(typed(approve!, "EventKickMetaNodeVote")).toEqual(typedAttributes({
      sender: "", target_network_address: net("META1"), target_status: "BOND_STATUS_BONDED", voter_network_address: net("META2"),
    }));
    expect(onlyEventsOfType(approve!, "stratos.register.v1.EventUnBondingMetaNode")).toBe(0);
    expect(hex(await store(REGISTER_KEY.kickPool(net("META1")), approve!.height))).toBe(hex(votePoolValue({
      networkAddress: net("META1"), approve: [net("META2")], reject: [], expireNs: (await blockTime(approve!.height)) + VOTING_PERIOD_S * NS, passed: false,
    })));
    const [reject] = await block(["META3", [kickVote(net("META1"), net("META3"), own.META3, false)]]);
    expectOk(reject!);
    expect(hex(await store(REGISTER_KEY.kickPool(net("META1")), reject!.height))).toBe("");
    const [outsider] = await block(["OUTSIDER", [kickVote(net("META1"), net("OUTSIDER"), own.OUTSIDER)]]);
    expectDeliverFailure(outsider!, 67, "voter meta node does not exist or not active");
    expect(hex(await store(REGISTER_KEY.kickPool(net("META1")), outsider!.height))).toBe("");
    await expectLedger(outsider!.height);
  });

  it("malformed messages are refused by CheckTx with their §4 codes; handler failures cost only the fee; a failing second message reverts the first", async () => {
    const h0 = await latestHeight();
    const seq0 = await account("RES7");
    const before = { res7: await balance("RES7", h0), res4: await balance("RES4", h0), res4Node: await store(REGISTER_KEY.resourceNode(net("RES4")), h0) };
    const asSt = toBech32("st", fromBech32(net("RES7"), 1023).data);
    const ownerAsSds = toBech32("stsds", fromBech32(own.RES7, 1023).data);
    const checks: Array<[string, EncodeObject, number, string]> = [
      ["bad bech32 checksum", createResource("RES7", STOS, { networkAddress: net("RES7").slice(0, -1) + (net("RES7").endsWith("q") ? "p" : "q") }), 3, "invalid network address"],
      ["network address with the account prefix", createResource("RES7", STOS, { networkAddress: asSt }), 3, "invalid network address"],
      ["pubkey of another node", createResource("RES7", STOS, { keyOf: "RES8" }), 3, "invalid network address"],
      ["owner with the stsds prefix", createResource("RES7", STOS, { owner: ownerAsSds }), 30, "invalid owner address"],
      ["empty moniker", createResource("RES7", STOS, { moniker: "" }), 7, "moniker must be not empty"],
      ["zero deposit", createResource("RES7", 0n), 5, "value must be positive"],
      ["negative deposit", createResource("RES7", "-1000000000000000000"), 5, "value must be positive"],
      ["node type 0", createResource("RES7", STOS, { nodeType: 0 }), 45, "invalid node type"],
      ["node type 8", createResource("RES7", STOS, { nodeType: 8 }), 45, "invalid node type"],
      ["meta node without beneficiary", createMeta("RES7", STOS, { beneficiary: "" }), 31, "invalid beneficiary address"],
      ["zero deposit change", resourceDeposit("RES7", 0n, net("RES1")), 44, "invalid change for deposit"],
      ["negative effective deposit", effective("META1", net("RES6"), "-5", own.RES7), 61, "invalid amount"],
      ["effective deposit without a node", effective("META1", "", STOS, own.RES7), 3, "invalid network address"],
      ["effective deposit without reporters", { typeUrl: `${R}MsgUpdateEffectiveDeposit`, value: { reporters: [], reporterOwner: [own.RES7], networkAddress: net("RES6"), effectiveTokens: "1" } }, 60, "invalid reporter address"],
      ["vote for oneself", regVote("RES7", net("RES7"), own.RES7, true, net("RES7")), 29, "node address should not same as the voter address"],
      ["kick vote with a bad target", kickVote("stsds1notanaddress", net("META1"), own.RES7), 65, "invalid target network address"],
    ];
    for (const [what, msg, code, text] of checks) {
      const o = await tx.wait(await tx.submit(own.RES7, [msg]));
      expect.soft([what, o.phase, o.codespace, o.code, o.log]).toEqual([what, "check", "register", code, text]);
    }
    // One refusal checked in full: phase, codespace, code and the bare ValidateBasic text.
    expectCheckFailure(await tx.wait(await tx.submit(own.RES7, [createResource("RES7", 0n)])), 5, "value must be positive");

    // Handler failures: in a block, fee and sequence consumed, nothing else.
    const outs = await block(
      ["RES7", [createResource("RES7", STOS, { denom: "ustos" })]],
      ["RES7", [createResource("RES7", STOS / 2n)]],
      ["RES1", [createResource("RES1", STOS)]],
      ["RES1", [createMeta("RES1", STOS)]],
      ["OUTSIDER", [removeResource("OUTSIDER", net("RES8"))]],
      ["OUTSIDER", [removeMeta("OUTSIDER", net("RES8"))]],
      ["META1", [regVote("RES8", net("META1"), own.META1, true, net("RES8"))]],
      ["META1", [kickVote(net("RES8"), net("META1"), own.META1)]],
      ["META1", [effective("META1", net("RES6"), 0n)]],
      // ValidateBasic does not bech32-check the node of an effective-deposit update; the handler does (3 ⊃ parse error).
      ["META1", [effective("META1", "stsds1notanaddress", STOS)]],
      // Atomicity: a valid deposit, then a removal that fails — the deposit is reverted with it.
      ["RES4", [resourceDeposit("RES4", STOS), removeResource("RES4", net("RES8"))]],
    );
    const [denom, low, dupRes, dupMeta, rmRes, rmMeta, voteNone, kickNone, effZero, effBadNode, twoMsgs] = outs as [
      TxOutcome, TxOutcome, TxOutcome, TxOutcome, TxOutcome, TxOutcome, TxOutcome, TxOutcome, TxOutcome, TxOutcome, TxOutcome,
    ];
    expectDeliverFailure(denom, 49, "invalid coin denomination: failed to register resource node");
    expectDeliverFailure(low, 49, "insufficient deposit: failed to register resource node");
    expectDeliverFailure(dupRes, 49, "resource node already exist for this pubkey; must use new resource node pubkey: failed to register resource node");
    expectDeliverFailure(dupMeta, 50, "resource node already exist for this pubkey; must use new resource node pubkey: failed to register meta node");
    expectDeliverFailure(rmRes, 51, "resource node does not exist: failed to unbond resource node");
    expectDeliverFailure(rmMeta, 52, "meta node does not exist: failed to unbond meta node");
    expectDeliverFailure(voteNone, 57, "candidate meta node does not exist: failed to vote meta node");
    expectDeliverFailure(kickNone, 66, "target meta node does not exist or not active"); // unwrapped (§4.10)
    expectDeliverFailure(effZero, 63, "invalid effective token");
    expect([effBadNode.phase, effBadNode.codespace, effBadNode.code]).toEqual(["deliver", "register", 3]);
    expect(effBadNode.log).toMatch(/^failed to execute message; message index: 0: .+: invalid network address$/);
    expectDeliverFailure(twoMsgs, 51, "resource node does not exist: failed to unbond resource node", 1);

    const h = maxHeight(outs);
    // CheckTx refusals charged nothing and left the sequence; the two delivered failures cost their fees.
    expect(await balance("RES7", h)).toBe(before.res7 - denom.feeWei - low.feeWei);
    expect(await account("RES7")).toBe(seq0 + 2);
    expect(await balance("RES4", h)).toBe(before.res4 - twoMsgs.feeWei);
    expect(hex(await store(REGISTER_KEY.resourceNode(net("RES4")), h))).toBe(hex(before.res4Node));
    expect(hex(await store(REGISTER_KEY.resourceNode(net("RES7")), h))).toBe("");
    await expectLedger(h);
  });

  it("R7.4 — a vote after the voting period fails with 57 ⊃ 35 (expiry is checked before duplicates)", async () => {
    const expire = created.META4!.ns + VOTING_PERIOD_S * NS;
    await firstBlockAtOrAfter(expire + 1n, await latestHeight());
    const [o] = await block(["META2", [regVote("META4", net("META2"), own.META2)]]);
    expectDeliverFailure(o!, 57, "vote expired: failed to vote meta node");
    expect(await blockTime(o!.height)).toBeGreaterThan(expire);
    await expectLedger(o!.height);
  });

  it("R8 — three approvals (n = 4) kick META4 within 40 s of its creation: UNBONDING, S −2e18, Lt −2e12, positive ozone change, mature at creation + 44 s", async () => {
    const first = await block(
      ["META1", [kickVote(net("META4"), net("META1"), own.META1)]],
      ["META2", [kickVote(net("META4"), net("META2"), own.META2)]],
    );
    expectOk(...first);
    for (const [o, voter] of [[first[0]!, "META1"], [first[1]!, "META2"]] as const) {
      expect(typed(o, "EventKickMetaNodeVote")).toEqual(typedAttributes({
        sender: "", target_network_address: net("META4"), target_status: "BOND_STATUS_BONDED", voter_network_address: net(voter),
      }));
      expect(onlyEventsOfType(o, "stratos.register.v1.EventUnBondingMetaNode")).toBe(0);
    }
    const poolStart = await blockTime(Math.min(first[0]!.height, first[1]!.height));
    const [deciding] = await block(["META3", [kickVote(net("META4"), net("META3"), own.META3)]]);
    expectOk(deciding!);
    const k = await blockTime(deciding!.height);
    const c4 = created.META4!.ns;
    // The rule under test: unbonding before creation + threshold ⇒ paid at creation + threshold + completion.
    expect(k).toBeLessThan(c4 + THRESHOLD_S * NS);
    const mature = c4 + (THRESHOLD_S + COMPLETION_S) * NS;
    expect(typed(deciding!, "EventKickMetaNodeVote")).toEqual(typedAttributes({
      sender: "", target_network_address: net("META4"), target_status: "BOND_STATUS_UNBONDING", voter_network_address: net("META3"),
    }));
    expect(typed(deciding!, "EventUnBondingMetaNode")).toEqual(typedAttributes({
      deposit_to_remove: "2000000000000000000wei", meta_node: net("META4"), ozone_limit_changes: "2000000000000", sender: own.META3,
      unbonding_mature_time: rfc3339Seconds(mature),
    }));
    const h = deciding!.height;
    expect(hex(await store(REGISTER_KEY.unbondingNode(net("META4")), h))).toBe(hex(unbondingNodeValue({
      networkAddress: net("META4"), isMetaNode: true, entries: [{ height: BigInt(h), completionNs: mature, initialBalance: 2n * STOS, balance: 2n * STOS }],
    })));
    expect(hex(await store(REGISTER_KEY.registrationPool(net("META4")), h))).toBe("");
    const kickPool = hex(await store(REGISTER_KEY.kickPool(net("META4")), h));
    expect([
      hex(votePoolValue({ networkAddress: net("META4"), approve: [net("META1"), net("META2"), net("META3")], reject: [], expireNs: poolStart + VOTING_PERIOD_S * NS, passed: true })),
      hex(votePoolValue({ networkAddress: net("META4"), approve: [net("META2"), net("META1"), net("META3")], reject: [], expireNs: poolStart + VOTING_PERIOD_S * NS, passed: true })),
    ]).toContain(kickPool);
    ledger.s -= 2n * STOS;
    ledger.lt -= 2_000_000_000_000n;
    ledger.metaCount -= 1n;
    ledger.pools.metaBonded -= 2n * STOS;
    ledger.pools.metaNotBonded += 2n * STOS;
    ledger.unbonding += 2n * STOS;
    unbondings.META4 = { fromHeight: h, matureNs: mature, pool: "metaNotBonded", amount: 2n * STOS, slashed: 0n };
    maturing.push(unbondings.META4);
    await expectLedger(h);
  });

  it("R9 — removing bonded META3 reports ozone_limit_changes \"-1000000000000\"; the pending candidate META5 withdraws with \"0\" (deviation from Q3)", async () => {
    const [rm3, rm5, topUp4, again4, kick4] = (await block(
      ["META3", [removeMeta("META3")]],
      ["META5", [removeMeta("META5")]],
      // META4 is UNBONDING now: no top-up (41), no second removal (nothing left to unbond: 17), no kick (not active: 66).
      ["META4", [metaDeposit("META4", STOS)]],
      ["META4", [removeMeta("META4")]],
      ["META1", [kickVote(net("META4"), net("META1"), own.META1)]],
    )) as [TxOutcome, TxOutcome, TxOutcome, TxOutcome, TxOutcome];
    expectOk(rm3, rm5);
    expectDeliverFailure(topUp4, 56, "changes cannot be made to an unbonding node: failed to update deposit for meta node");
    expectDeliverFailure(again4, 52, "insufficient balance: failed to unbond meta node");
    expectDeliverFailure(kick4, 66, "target meta node does not exist or not active");
    const mature3 = (await blockTime(rm3.height)) + COMPLETION_S * NS;
    expect(typed(rm3, "EventUnBondingMetaNode")).toEqual(typedAttributes({
      deposit_to_remove: "1000000000000000000wei", meta_node: net("META3"), ozone_limit_changes: "-1000000000000", sender: own.META3,
      unbonding_mature_time: rfc3339Seconds(mature3),
    }));
    ledger.s -= STOS;
    ledger.lt -= 1_000_000_000_000n;
    ledger.metaCount -= 1n;
    ledger.pools.metaBonded -= STOS;
    ledger.pools.metaNotBonded += STOS;
    ledger.unbonding += STOS;
    unbondings.META3 = { fromHeight: rm3.height, matureNs: mature3, pool: "metaNotBonded", amount: STOS, slashed: 0n };
    maturing.push(unbondings.META3);

    // A candidate matures at creation + completion time — already past, so this block's EndBlock pays it.
    const mature5 = created.META5!.ns + COMPLETION_S * NS;
    expect(typed(rm5, "EventUnBondingMetaNode")).toEqual(typedAttributes({
      deposit_to_remove: "1000000000000000000wei", meta_node: net("META5"), ozone_limit_changes: "0", sender: own.META5,
      unbonding_mature_time: rfc3339Seconds(mature5),
    }));
    expect(await blockTime(rm5.height)).toBeGreaterThanOrEqual(mature5);
    expect(completion((await comet.blockResults(rm5.height)).finalizeBlockEvents, "Meta", net("META5"))).toEqual(typedAttributes({
      amount: "1000000000000000000wei", network_address: net("META5"),
    }));
    // Deposit back, both fees paid: create and remove.
    expect(await balance("META5", rm5.height)).toBe(101n * STOS - created.META5!.feeWei - rm5.feeWei);
    for (const key of [REGISTER_KEY.metaNode(net("META5")), REGISTER_KEY.registrationPool(net("META5")), REGISTER_KEY.unbondingNode(net("META5"))]) {
      expect(hex(await store(key, rm5.height))).toBe("");
    }
    const gone = await abciQuery(comet, "/stratos.register.v1.Query/MetaNode", toBinary(QueryMetaNodeRequestSchema, create(QueryMetaNodeRequestSchema, { networkAddr: net("META5") })), rm5.height);
    expect(notFoundText(gone)).toBe(`sdk/22: rpc error: code = NotFound desc = network address ${net("META5")} not found: key not found`);
    // Its STOS waited in the not-bonded pool since block A (no pool move at removal); the entry is paid at once.
    ledger.unbonding += STOS;
    unbondings.META5 = { fromHeight: rm5.height, matureNs: mature5, pool: "metaNotBonded", amount: STOS, slashed: 0n };
    maturing.push(unbondings.META5);
    await expectLedger(Math.max(rm3.height, rm5.height));
  });

  it("R6.2 — RES2 and RES3 matured at t + 4 s: (a) debt 122499999464 taken, rest paid; (b) the whole STOS to the community pool, debt left", async () => {
    for (const a of ["RES2", "RES3"] as const) {
      const { matureNs: mature, fromHeight } = unbondings[a]!;
      const h = await firstBlockAtOrAfter(mature, fromHeight);
      const [b0, b1] = [await balance(a, h - 1), await balance(a, h)];
      expect(hex(await store(REGISTER_KEY.resourceNode(net(a)), h - 1))).not.toBe("");
      if (a === "RES2") {
        expect(b1 - b0).toBe(999_999_877_500_000_536n);
        expect(hex(await store(REGISTER_KEY.slashing(own.RES2), h))).toBe(hex(lpInt(0n))); // a zero is stored, not deleted
      } else {
        expect(b1 - b0).toBe(0n);
        expect(hex(await store(REGISTER_KEY.slashing(own.RES3), h))).toBe(hex(lpInt(173_652_694_610_427_050n)));
      }
      for (const key of [REGISTER_KEY.resourceNode(net(a)), REGISTER_KEY.unbondingNode(net(a)), REGISTER_KEY.unbondingQueue(mature)]) {
        expect(hex(await store(key, h))).toBe("");
      }
      const gone = await abciQuery(comet, "/stratos.register.v1.Query/ResourceNode", toBinary(QueryResourceNodeRequestSchema, create(QueryResourceNodeRequestSchema, { networkAddr: net(a) })), h);
      expect(notFoundText(gone)).toBe(`sdk/22: rpc error: code = NotFound desc = network address ${net(a)} not found: key not found`);
      // The payout's bank transfers are block events of the maturing block.
      const events = (await comet.blockResults(h)).finalizeBlockEvents;
      const paid = transfers(events);
      const notBonded = moduleAccount(POOLS.resNotBonded);
      if (a === "RES2") {
        expect(paid).toEqual(expect.arrayContaining([`${notBonded} → ${own.RES2} 999999877500000536wei`, `${notBonded} → ${moduleAccount("distribution")} 122499999464wei`]));
      } else {
        expect(paid).toEqual(expect.arrayContaining([`${notBonded} → ${moduleAccount("distribution")} 1000000000000000000wei`]));
        expect(paid.filter((t) => t.includes(` → ${own.RES3} `))).toEqual([]);
      }
      expect(completion(events, "Resource", net(a))).toEqual(typedAttributes({ amount: "1000000000000000000wei", network_address: net(a) }));
      await expectLedger(h);
    }
    // S keeps the removed nodes' effective deposits (QUIRK Q6): nothing in the ledger moved S on removal.
  });

  it("R8.3 / R9 maturity — META4 (creation + 44 s) and META3 (t + 4 s) are paid back to their owners and deleted", async () => {
    for (const a of ["META4", "META3"] as const) {
      const m = unbondings[a]!;
      const h = await firstBlockAtOrAfter(m.matureNs, m.fromHeight);
      expect(hex(await store(REGISTER_KEY.metaNode(net(a)), h - 1))).not.toBe("");
      expect((await balance(a, h)) - (await balance(a, h - 1))).toBe(m.amount);
      for (const key of [REGISTER_KEY.metaNode(net(a)), REGISTER_KEY.unbondingNode(net(a)), REGISTER_KEY.unbondingQueue(m.matureNs)]) {
        expect(hex(await store(key, h))).toBe("");
      }
      const gone = await abciQuery(comet, "/stratos.register.v1.Query/MetaNode", toBinary(QueryMetaNodeRequestSchema, create(QueryMetaNodeRequestSchema, { networkAddr: net(a) })), h);
      expect(notFoundText(gone)).toBe(`sdk/22: rpc error: code = NotFound desc = network address ${net(a)} not found: key not found`);
      const events = (await comet.blockResults(h)).finalizeBlockEvents;
      expect(transfers(events)).toContain(`${moduleAccount(POOLS.metaNotBonded)} → ${own[a]} ${m.amount}wei`);
      expect(completion(events, "Meta", net(a))).toEqual(typedAttributes({ amount: `${m.amount}wei`, network_address: net(a) }));
      await expectLedger(h);
    }
    const end = await latestHeight();
    await expectLedger(end);
    // Every register pool is back to what the remaining nodes hold.
    expect(await expectedAt(end)).toMatchObject({ unbonding: 0n, pools: { resNotBonded: 0n, metaNotBonded: 0n } });
    expect(checkedHeight).toBe(end);
  });
});

function onlyEventsOfType(o: TxOutcome, type: string): number {
  return o.events.filter((e) => e.type === type).length;
}
