/**
 * The upgrade halt on a real CometBFT 0.38 with restarts (issue 14 acceptance, spec-staking §9): a
 * software-upgrade proposal passes through CosmJS; at the plan's height the app (the "old binary", no
 * handler for the plan) refuses the block with the reference's line, writes upgrade-info.json and
 * stops, and CometBFT with it; restarted with the "new binary" (a handler for the plan) the node
 * executes that height and goes on; a fresh node that block-syncs from it does the same switch at the
 * same height and reaches the same app hashes (CometBFT would stop it on any mismatch).
 *
 * The old binary is the released one (app/cli/stchaind.ts); the new one is the same node with a
 * handler for "v2" (test/fixtures/upgradeNodeV2.ts). The devnet's genesis validator (1,000 STOS bonded
 * by its gentx) votes the proposal through.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import type { DirectEthSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { toHex } from "@cosmjs/encoding";
import type { SigningStargateClient } from "@cosmjs/stargate";
import { VoteOption } from "cosmjs-types/cosmos/gov/v1beta1/gov";
import { connectStratos, stratosRegistry, stratosWallet } from "../app/client/index.js";
import { COMETBFT_BIN, Devnet } from "../app/node/devnet.js";
import { buildAppState } from "../app/node/genesisBuilder.js";
import { devnetAccount, devnetMnemonic } from "../app/node/devnetGenesis.js";
import { QueryAppliedPlanRequestSchema, QueryAppliedPlanResponseSchema, QueryModuleVersionsRequestSchema, QueryModuleVersionsResponseSchema } from "../app/codec/cosmos/upgrade/v1beta1/query_pb.js";
import { DEVNET_VALIDATOR_OPERATOR_INDEX } from "../app/node/devnetKeys.js";
import { createTestDevnet, waitFor, waitForHeight, type TestDevnet } from "./helpers/devnet.js";
import { freePorts } from "./helpers/ports.js";
import { moduleAccount, queryValue } from "./helpers/abciQuery.js";
import { TxSender } from "./helpers/txSender.js";

const OLD = path.resolve(import.meta.dirname, "../app/cli/stchaind.ts");
const NEW = path.resolve(import.meta.dirname, "fixtures/upgradeNodeV2.ts");
const STOS = 10n ** 18n;
const BLOCKS = `[consensus]\ntimeout_commit = "300ms"`;
const INFO = '{"binaries":{"linux/amd64":"https://example.invalid/stchaind-v2"}}';
const V = devnetAccount(DEVNET_VALIDATOR_OPERATOR_INDEX).address;
const P = devnetAccount(141).address;

describe("upgrade: halt at the plan height on a real CometBFT, restart with the handler", () => {
  let net: TestDevnet;
  let client: SigningStargateClient;
  let planHeight = 0;
  const extra: Devnet[] = [];
  const homes: string[] = [];

  beforeAll(async () => {
    const appState = buildAppState({
      accounts: [{ address: P, balance: 1_000n * STOS }],
      gov: { params: { voting_period: "3s" } },
    });
    net = await createTestDevnet({ appState, appEntry: OLD, configOverrides: BLOCKS });
    await net.devnet.start();
    const comet = await net.client();
    await waitForHeight(comet, 2);
    const wallet = (await stratosWallet(devnetMnemonic(), { indexes: [DEVNET_VALIDATOR_OPERATOR_INDEX, 141] })) as DirectEthSecp256k1HdWallet;
    client = await connectStratos(net.devnet.rpcUrl, wallet, { broadcastPollIntervalMs: 150 });
    const sender = await TxSender.create(wallet, comet, client);

    planHeight = (await comet.status()).syncInfo.latestBlockHeight + 40;
    const upgrade = stratosRegistry().encodeAsAny({
      typeUrl: "/cosmos.upgrade.v1beta1.MsgSoftwareUpgrade",
      value: { authority: moduleAccount("gov"), plan: { name: "v2", height: BigInt(planHeight), info: INFO } },
    });
    const submitted = await sender.send(P, [{
      typeUrl: "/cosmos.gov.v1.MsgSubmitProposal",
      value: { messages: [upgrade], initialDeposit: [{ denom: "wei", amount: (100n * STOS).toString() }], proposer: P, metadata: "", title: "v2", summary: "upgrade to v2", expedited: false },
    }], 600_000n);
    expect(submitted.code, submitted.log).toBe(0);
    const voted = await sender.send(V, [{ typeUrl: "/cosmos.gov.v1beta1.MsgVote", value: { proposalId: 1n, voter: V, option: VoteOption.VOTE_OPTION_YES } }]);
    expect(voted.code, voted.log).toBe(0);
  });

  afterAll(async () => {
    client?.disconnect();
    for (const d of extra) await d.stop();
    await net?.cleanup();
    for (const h of homes) fs.rmSync(h, { recursive: true, force: true });
  });

  it("the old binary refuses the plan's height with the reference's line and writes upgrade-info.json; CometBFT stops", async () => {
    await Devnet.waitForExit(net.devnet.appProcess, 120_000);
    await Devnet.waitForExit(net.devnet.cometbftProcess, 60_000);
    expect(net.appLog.some((l) => l.includes(`UPGRADE "v2" NEEDED at height: ${planHeight}: ${INFO}`))).toBe(true);
    const info = JSON.parse(fs.readFileSync(path.join(net.devnet.home, "data", "upgrade-info.json"), "utf8")) as unknown;
    expect(info).toEqual({ name: "v2", time: "0001-01-01T00:00:00Z", height: planHeight, info: INFO });
    const log = fs.readFileSync(path.join(net.devnet.home, "cometbft.log"), "utf8");
    expect(log).toMatch(/CONSENSUS FAILURE|UPGRADE/);
  });

  it("restarted with the new binary, the node executes the plan's height and goes on", async () => {
    await net.devnet.stop();
    const v2 = new Devnet({ home: net.devnet.home, ports: net.devnet.ports, appEntry: NEW, configOverrides: BLOCKS, onAppOutput: (l) => net.appLog.push(l) });
    extra.push(v2);
    await v2.start();
    const comet = await Comet38Client.connect(v2.rpcUrl);
    try {
      await waitForHeight(comet, planHeight + 5, 120_000);
      const applied = fromBinary(QueryAppliedPlanResponseSchema, await queryValue(comet, "/cosmos.upgrade.v1beta1.Query/AppliedPlan",
        toBinary(QueryAppliedPlanRequestSchema, create(QueryAppliedPlanRequestSchema, { name: "v2" }))));
      expect(applied.height).toBe(BigInt(planHeight));
      const versions = fromBinary(QueryModuleVersionsResponseSchema, await queryValue(comet, "/cosmos.upgrade.v1beta1.Query/ModuleVersions",
        toBinary(QueryModuleVersionsRequestSchema, create(QueryModuleVersionsRequestSchema, { moduleName: "upgrade" }))));
      expect(versions.moduleVersions.map((m) => [m.name, m.version])).toEqual([["upgrade", 3n]]);
    } finally {
      comet.disconnect();
    }
  });

  it("a fresh node block-syncing from it switches binaries at the same height and reaches the same app hashes", async () => {
    const source = extra[0]!;
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "stratos-replay-"));
    homes.push(home);
    const [p2p, rpc, abci] = await freePorts(3);
    const ports = { p2p: p2p!, rpc: rpc!, abci: abci! };
    const nodeId = spawnSync(COMETBFT_BIN, ["show-node-id", "--home", source.home], { encoding: "utf8" }).stdout.trim();
    const overrides = `${BLOCKS}\n[p2p]\npersistent_peers = "${nodeId}@127.0.0.1:${source.ports.p2p}"`;
    const replayLog: string[] = [];
    const old = new Devnet({ home, ports, appEntry: OLD, configOverrides: overrides, onAppOutput: (l) => replayLog.push(l) });
    extra.push(old);
    old.init();
    fs.copyFileSync(path.join(source.home, "config", "genesis.json"), path.join(home, "config", "genesis.json"));
    await old.start();
    await Devnet.waitForExit(old.appProcess, 180_000);
    expect(replayLog.some((l) => l.includes(`UPGRADE "v2" NEEDED at height: ${planHeight}`))).toBe(true);
    await old.stop();

    const replay = new Devnet({ home, ports, appEntry: NEW, configOverrides: overrides, onAppOutput: (l) => replayLog.push(l) });
    extra.push(replay);
    await replay.start();
    const sourceComet = await Comet38Client.connect(source.rpcUrl);
    const replayComet = await Comet38Client.connect(replay.rpcUrl);
    try {
      const target = (await sourceComet.status()).syncInfo.latestBlockHeight;
      await waitFor(`the replaying node at height ${target}`, async () => {
        const info = await replayComet.abciInfo();
        return (info.lastBlockHeight ?? 0) >= target ? info : undefined;
      }, 180_000);
      // Every block the replaying node executed was checked by CometBFT against the next header's app
      // hash; compare a few explicitly, across the switch.
      for (const h of [planHeight - 1, planHeight, planHeight + 1, target - 1]) {
        const ours = toHex((await replayComet.block(h + 1)).block.header.appHash);
        const theirs = toHex((await sourceComet.block(h + 1)).block.header.appHash);
        expect(ours).toBe(theirs);
      }
      const info = await replayComet.abciInfo();
      await waitForHeight(sourceComet, info.lastBlockHeight! + 1);
      const next = await sourceComet.block(info.lastBlockHeight! + 1);
      expect(toHex(info.lastBlockAppHash!)).toBe(toHex(next.block.header.appHash));
    } finally {
      sourceComet.disconnect();
      replayComet.disconnect();
    }
  });
});
