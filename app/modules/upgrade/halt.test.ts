/**
 * The upgrade halt in-process (spec-staking §9, issue 14): a software-upgrade proposal passes through
 * signed txs; at the plan's height a binary without the plan's handler refuses the block (nothing of
 * it is committed), reports the reference's line and writes upgrade-info.json; a binary with the
 * handler, opened on the same store, executes that height and goes on; a fresh node replaying the same
 * blocks the same way (old binary up to the plan, new binary from it) reaches the same app hash at
 * every height. Also: an old binary on upgraded state stops, and a binary with the handler before the
 * plan's height stops ("BINARY UPDATED BEFORE TRIGGER!").
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { RootMultiStore } from "../../store/rootMultiStore.js";
import { TestApp } from "../../node/testApp.js";
import { buildDevnetAppState } from "../../node/devnetGenesis.js";
import { MsgSoftwareUpgradeSchema } from "../../codec/cosmos/upgrade/v1beta1/tx_pb.js";
import { QueryAppliedPlanRequestSchema, QueryAppliedPlanResponseSchema, QueryCurrentPlanRequestSchema, QueryCurrentPlanResponseSchema, QueryModuleVersionsRequestSchema, QueryModuleVersionsResponseSchema } from "../../codec/cosmos/upgrade/v1beta1/query_pb.js";
import { StakingStandIn } from "../gov/staking.testing.js";
import { GOV_ACCOUNT, anyMsg } from "../gov/testkit.js";
import { ProposalStatus } from "../../codec/cosmos/gov/v1/gov_pb.js";
import { parseBech32Address, BECH32_PREFIX } from "../../crypto/address.js";
import { Dec } from "../../math/dec.js";
import { UpgradeHaltError, type UpgradeHandler, type UpgradeNeeded } from "./index.js";
import { MsgSubmitProposalSchema, MsgVoteSchema } from "../../codec/cosmos/gov/v1/tx_pb.js";

const STOS = 10n ** 18n;
const GENESIS = 1_700_000_000n;
const PLAN_HEIGHT = 12n;
const LAST_HEIGHT = 15n;
const INFO = '{"binaries":{"linux/amd64":"https://example.invalid/v2.tar.gz"}}';

/** The devnet genesis (dev accounts 0…3) with a 20 s voting period. */
function appState(): Record<string, unknown> {
  const state = buildDevnetAppState(Array.from({ length: 4 }, (_, i) => ({ index: i, hdPath: "", address: TestApp.keyAt(i).address })));
  const gov = state.gov as { params: Record<string, unknown> };
  gov.params = { ...gov.params, voting_period: "20s" };
  return state;
}

/** The new binary's migration: bumps upgrade's consensus version (visible through ModuleVersions). */
const V2: UpgradeHandler = (_ctx, _plan, from) => new Map(from).set("upgrade", 3n);

interface Block {
  readonly txs: readonly Uint8Array[];
  readonly seconds: bigint;
}

interface Binary {
  readonly handlers: ReadonlyMap<string, UpgradeHandler>;
}
const OLD: Binary = { handlers: new Map() };
const NEW: Binary = { handlers: new Map([["v2", V2]]) };

const homes: string[] = [];
function home(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stratos-upgrade-"));
  homes.push(dir);
  return dir;
}

async function open(dir: string, binary: Binary, needed: UpgradeNeeded[] = []): Promise<TestApp> {
  const staking = new StakingStandIn();
  const operator = parseBech32Address(TestApp.keyAt(0).address, BECH32_PREFIX.account);
  staking.addValidator({ operator, tokens: 1_000n * STOS });
  staking.addDelegation(operator, operator, Dec.fromInt(1_000n * STOS));
  return TestApp.create({
    store: new RootMultiStore({ path: path.join(dir, "application.db") }),
    appState: appState(),
    genesisSeconds: GENESIS,
    app: { stakingForGov: staking, upgradeHandlers: binary.handlers, upgradeInfoDir: dir, onUpgradeNeeded: (n) => needed.push(n) },
  });
}

function query<O extends Parameters<typeof fromBinary>[0]>(app: TestApp, path: string, req: Uint8Array, out: O) {
  return fromBinary(out, app.query(path, req));
}

describe("upgrade: halt at the plan height, continue with the handler", () => {
  const blocks: Block[] = [];
  const hashes = new Map<bigint, string>();
  const needed: UpgradeNeeded[] = [];
  let dir = "";
  let halted: unknown;
  let oldAfterHalt: unknown;
  let committedAtHalt = 0;
  let planAtHalt: string | undefined;
  let upgradeInfo = "";
  let versionsAfter: Array<[string, bigint]> = [];
  let appliedAt = 0n;
  let planAfter: unknown;

  /** Runs one block on `app`, recording it and its app hash. */
  async function run(app: TestApp, txs: readonly Uint8Array[], seconds: bigint): Promise<void> {
    const height = app.nextHeight;
    const res = await app.finalize(txs, { seconds });
    for (const r of res.txResults) expect(r.code, r.log).toBe(0);
    blocks.push({ txs, seconds });
    hashes.set(height, Buffer.from(res.appHash).toString("hex"));
  }

  beforeAll(async () => {
    dir = home();
    const old = await open(dir, OLD, needed);
    const proposer = TestApp.keyAt(0);
    const plan = anyMsg(MsgSoftwareUpgradeSchema, { authority: GOV_ACCOUNT, plan: { name: "v2", height: PLAN_HEIGHT, info: INFO } });
    const submitMsg = anyMsg(MsgSubmitProposalSchema, {
      messages: [create(AnySchema, { typeUrl: plan.typeUrl, value: plan.value })],
      initialDeposit: [{ denom: "wei", amount: (100n * STOS).toString() }],
      proposer: proposer.address, metadata: "", title: "v2", summary: "upgrade to v2",
    });
    let t = GENESIS + 5n;
    await run(old, [old.sign(proposer, [submitMsg], { sequence: 0n, gasLimit: 600_000n, fee: [{ denom: "wei", amount: (600_000n * 1_000_000_000n).toString() }] })], t);
    const voteMsg = anyMsg(MsgVoteSchema, { proposalId: 1n, voter: proposer.address, option: 1, metadata: "" });
    await run(old, [old.sign(proposer, [voteMsg], { sequence: 1n })], (t += 5n));
    while (old.nextHeight < PLAN_HEIGHT) await run(old, [], (t += 5n));
    const committed = old.parts.store.committed();
    expect(old.parts.keepers.gov.getProposal({ kv: (n) => committed.getReader(n) }, 1n)?.status).toBe(ProposalStatus.PASSED);

    // Height 12: the old binary refuses the block.
    try {
      await old.finalize([], { seconds: t + 5n });
    } catch (e) {
      halted = e;
    }
    committedAtHalt = old.parts.store.lastCommit().height;
    planAtHalt = query(old, "/cosmos.upgrade.v1beta1.Query/CurrentPlan", toBinary(QueryCurrentPlanRequestSchema, create(QueryCurrentPlanRequestSchema)), QueryCurrentPlanResponseSchema).plan?.name;
    try {
      await old.finalize([], { seconds: t + 5n });
    } catch (e) {
      oldAfterHalt = e;
    }
    upgradeInfo = fs.readFileSync(path.join(dir, "upgrade-info.json"), "utf8");
    await old.close();

    // The new binary on the same store executes height 12 and goes on (a bank send at 13).
    const next = await open(dir, NEW);
    expect(next.nextHeight).toBe(PLAN_HEIGHT);
    await run(next, [], (t += 5n));
    await run(next, [next.sign(TestApp.keyAt(1), [TestApp.send(TestApp.keyAt(1).address, TestApp.keyAt(2).address, 1n)], { sequence: 0n })], (t += 5n));
    while (next.nextHeight <= LAST_HEIGHT) await run(next, [], (t += 5n));
    versionsAfter = query(next, "/cosmos.upgrade.v1beta1.Query/ModuleVersions", toBinary(QueryModuleVersionsRequestSchema, create(QueryModuleVersionsRequestSchema)), QueryModuleVersionsResponseSchema)
      .moduleVersions.map((m) => [m.name, m.version]);
    appliedAt = query(next, "/cosmos.upgrade.v1beta1.Query/AppliedPlan", toBinary(QueryAppliedPlanRequestSchema, create(QueryAppliedPlanRequestSchema, { name: "v2" })), QueryAppliedPlanResponseSchema).height;
    planAfter = query(next, "/cosmos.upgrade.v1beta1.Query/CurrentPlan", toBinary(QueryCurrentPlanRequestSchema, create(QueryCurrentPlanRequestSchema)), QueryCurrentPlanResponseSchema).plan;
    await next.close();
  });

  afterAll(() => {
    for (const d of homes) fs.rmSync(d, { recursive: true, force: true });
  });

  it("the old binary refuses the plan's height with the reference's line; nothing of the block is committed", () => {
    expect(halted).toBeInstanceOf(UpgradeHaltError);
    expect((halted as Error).message).toBe(`UPGRADE "v2" NEEDED at height: 12: ${INFO}`);
    expect(needed.map((n) => [n.message, n.height])).toEqual([[`UPGRADE "v2" NEEDED at height: 12: ${INFO}`, 12n]]);
    expect(committedAtHalt).toBe(11);
    expect(planAtHalt).toBe("v2");
    expect(String(oldAfterHalt)).toMatch(/FinalizeBlock refused: a FinalizeBlock at height 12 failed/);
  });

  it("writes upgrade-info.json as cosmovisor reads it", () => {
    expect(JSON.parse(upgradeInfo)).toEqual({ name: "v2", time: "0001-01-01T00:00:00Z", height: 12, info: INFO });
  });

  it("the new binary applies the plan at height 12 and continues", () => {
    expect(appliedAt).toBe(12n);
    expect(planAfter).toBeUndefined();
    expect(versionsAfter).toContainEqual(["upgrade", 3n]);
    expect(versionsAfter).toContainEqual(["gov", 4n]);
    expect(hashes.size).toBe(Number(LAST_HEIGHT) - 1);
  });

  it("a fresh node replaying the blocks (old binary, then the new one at the halt) reaches the same app hash at every height", async () => {
    const d = home();
    const first = await open(d, OLD);
    const replayed = new Map<bigint, string>();
    let i = 0;
    for (; first.nextHeight < PLAN_HEIGHT; i++) {
      const h = first.nextHeight;
      replayed.set(h, Buffer.from((await first.finalize(blocks[i]!.txs, { seconds: blocks[i]!.seconds })).appHash).toString("hex"));
    }
    await expect(first.finalize(blocks[i]!.txs, { seconds: blocks[i]!.seconds })).rejects.toThrow(UpgradeHaltError);
    await first.close();
    const second = await open(d, NEW);
    for (; i < blocks.length; i++) {
      const h = second.nextHeight;
      replayed.set(h, Buffer.from((await second.finalize(blocks[i]!.txs, { seconds: blocks[i]!.seconds })).appHash).toString("hex"));
    }
    await second.close();
    expect(replayed).toEqual(hashes);
  });

  it("the old binary on upgraded state stops at its first block; a binary with the handler stops before the plan's height", async () => {
    // Old binary after the upgrade: the last applied plan has no handler in it.
    const d = home();
    fs.cpSync(dir, d, { recursive: true });
    const old = await open(d, OLD);
    await expect(old.finalize([], { seconds: GENESIS + 1_000n })).rejects.toThrow("Wrong app version 0, upgrade handler is missing for v2 upgrade plan");
    await old.close();

    // New binary from genesis: once the plan is scheduled (height 7 here), the next block is refused.
    const early = await open(home(), NEW);
    let error: unknown;
    for (const b of blocks) {
      try {
        await early.finalize(b.txs, { seconds: b.seconds });
      } catch (e) {
        error = e;
        break;
      }
    }
    await early.close();
    expect(String(error)).toContain('BINARY UPDATED BEFORE TRIGGER! UPGRADE "v2" - in binary but not executed on chain. Downgrade your binary');
  });
});
