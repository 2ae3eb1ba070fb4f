/**
 * The node's web dashboard (app/server/dashboard/, served by the REST server at /dashboard/) in a real
 * browser: Debian's Chromium (installed by scripts/install-chromium.sh when missing) driven by
 * playwright-core, against a real devnet with real data.
 *
 * The devnet's genesis has 3 bonded resource nodes (RES1…RES3) and 3 meta nodes (META1…META3), a
 * FOUNDER and RES4, which registers a 4th resource node by tx (bonded by META1's effective-deposit
 * report). Then: a foundation deposit (so the mining pool pays), a prepay, a volume report for epoch
 * 1, a second prepay, a report for epoch 2 — so the noz price and supply change over time and both
 * epochs pay mining and traffic rewards.
 *
 * The page must show what the REST queries answer (each epoch's totals and each wallet's reward are
 * compared with /stratos/pot/v1/reward_breakdown), charts with data points, the latest blocks and txs;
 * a full-page screenshot must show the chart colours.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import type { DirectEthSecp256k1HdWallet, EncodeObject } from "@cosmjs/proto-signing";
import type { SigningStargateClient } from "@cosmjs/stargate";
import { PubKey as Ed25519PubKey } from "cosmjs-types/cosmos/crypto/ed25519/keys";
import { connectStratos, stratosWallet } from "../app/client/index.js";
import { buildAppState, type GenesisNode } from "../app/node/genesisBuilder.js";
import { devnetAccount, devnetMnemonic, devnetNodeKey } from "../app/node/devnetGenesis.js";
import { mnemonicToSeed } from "../app/crypto/hd.js";
import { blsAggregateSignatures, blsKeyFromSecret, blsPublicKey, blsSign } from "../app/crypto/bls/index.js";
import { volumeReportTxData } from "../app/modules/pot/logic/volumeReportSignBytes.js";
import { PROJECT_ROOT } from "../app/node/devnet.js";
import { createTestDevnet, waitForHeight, type TestDevnet } from "./helpers/devnet.js";
import { TxSender, type TxOutcome } from "./helpers/txSender.js";
import { countColour, decodePng, distinctColours } from "./helpers/png.js";

const CHROMIUM = process.env["STRATOS_CHROMIUM"] ?? "/usr/bin/chromium";
const STOS = 10n ** 18n;

const INDEX = { RES1: 101, RES2: 102, RES3: 103, RES4: 104, META1: 111, META2: 112, META3: 113, FOUNDER: 120 } as const;
type Actor = keyof typeof INDEX;
const METAS = ["META1", "META2", "META3"] as const;

const seed = mnemonicToSeed(devnetMnemonic());
const own = Object.fromEntries(Object.entries(INDEX).map(([n, i]) => [n, devnetAccount(i, seed).address])) as Record<Actor, string>;
const nodeKey = (a: Actor) => devnetNodeKey(INDEX[a], seed);
const net = (a: Actor): string => nodeKey(a).networkAddress;
const BLS = METAS.map((_, i) => blsKeyFromSecret(new Uint8Array(32).fill(0x11 * (i + 1))));

function genesis(): Record<string, unknown> {
  const resources = (["RES1", "RES2", "RES3"] as const).map((a, i): GenesisNode => ({ kind: "resource", ownerAddress: own[a], pubKey: nodeKey(a).publicKey, tokens: STOS, moniker: `res${i + 1}`, nodeType: 4 }));
  const metas = METAS.map((a, i): GenesisNode => ({ kind: "meta", ownerAddress: own[a], pubKey: nodeKey(a).publicKey, tokens: STOS, moniker: `meta${i + 1}` }));
  return buildAppState({
    accounts: (Object.keys(INDEX) as Actor[]).map((a) => ({ address: own[a], balance: a === "FOUNDER" ? 40_000_001n * STOS : 100n * STOS })),
    nodes: [...resources, ...metas],
  });
}

const coin = (amount: bigint) => ({ denom: "wei", amount: amount.toString() });
const foundationDeposit = (amount: bigint): EncodeObject => ({ typeUrl: "/stratos.pot.v1.MsgFoundationDeposit", value: { from: own.FOUNDER, amount: [coin(amount)] } });
const prepay = (a: Actor, amount: bigint): EncodeObject => ({ typeUrl: "/stratos.sds.v1.MsgPrepay", value: { sender: own[a], beneficiary: own[a], amount: [coin(amount)] } });
const createResourceNode = (a: Actor, amount: bigint, moniker: string): EncodeObject => ({
  typeUrl: "/stratos.register.v1.MsgCreateResourceNode",
  value: {
    networkAddress: net(a),
    pubkey: { typeUrl: "/cosmos.crypto.ed25519.PubKey", value: Ed25519PubKey.encode({ key: nodeKey(a).publicKey }).finish() },
    value: coin(amount), ownerAddress: own[a], description: { moniker }, nodeType: 4,
  },
});
const effectiveDeposit = (node: Actor, amount: bigint): EncodeObject => ({
  typeUrl: "/stratos.register.v1.MsgUpdateEffectiveDeposit",
  value: { reporters: [net("META1")], reporterOwner: [own.META1], networkAddress: net(node), effectiveTokens: amount.toString() },
});

/** META1's MsgVolumeReport, BLS-signed by the three meta nodes over Keccak-256 of its sign bytes (spec-pot §4.1.1). */
function volumeReport(epoch: bigint, volumes: ReadonlyArray<readonly [Actor, bigint]>): EncodeObject {
  const walletVolumes = volumes.map(([a, volume]) => ({ walletAddress: own[a], volume }));
  const fields = { reporter: net("META1"), epoch, reportReference: `dashboard-${epoch}`, reporterOwner: own.META1 };
  const txData = volumeReportTxData({ walletVolumes, ...fields });
  return {
    typeUrl: "/stratos.pot.v1.MsgVolumeReport",
    value: {
      ...fields,
      epoch: epoch.toString(),
      walletVolumes: walletVolumes.map((v) => ({ walletAddress: v.walletAddress, volume: v.volume.toString() })),
      BLSSignature: { pubKeys: BLS.map(blsPublicKey), signature: blsAggregateSignatures(BLS.map((k) => blsSign(k, txData))), txData },
    },
  };
}

function expectOk(...outs: readonly TxOutcome[]): void {
  for (const o of outs) expect(o.code === 0 ? 0 : `${o.phase} ${o.codespace}/${o.code}: ${o.log}`).toBe(0);
}

/** Chromium from the distribution's package registry (scripts/install-chromium.sh) when it is not there yet. */
function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  const r = spawnSync("bash", [path.join(PROJECT_ROOT, "scripts", "install-chromium.sh")], { encoding: "utf8", timeout: 600_000 });
  if (r.status !== 0 || !fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}: ${r.stderr || r.stdout}`);
}

interface BreakdownJson {
  audit: { rewards: { wallet_address: string; reward_from_mining_pool: { denom: string; amount: string }[]; reward_from_traffic_pool: { denom: string; amount: string }[] }[] };
}
const weiOf = (coins: readonly { denom: string; amount: string }[]): bigint => coins.filter((c) => c.denom === "wei").reduce((s, c) => s + BigInt(c.amount), 0n);

let net0: TestDevnet;
let client: SigningStargateClient;
let rest: string;
let reportHeights: number[] = [];
let ctx: BrowserContext | undefined;
let page: Page;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "stratos-dashboard-"));
const pageErrors: string[] = [];

describe("web dashboard in Chromium", () => {
  beforeAll(async () => {
    ensureChromium();
    net0 = await createTestDevnet({ appState: genesis(), configOverrides: `[consensus]\ntimeout_commit = "300ms"` });
    await net0.devnet.start();
    const comet = await net0.client();
    await waitForHeight(comet, 2);
    rest = net0.devnet.restUrl!;
    const wallet = (await stratosWallet(devnetMnemonic(), { indexes: Object.values(INDEX) })) as DirectEthSecp256k1HdWallet;
    client = await connectStratos(net0.devnet.rpcUrl, wallet, { broadcastPollIntervalMs: 150 });
    const sender = await TxSender.create(wallet, comet, client);
    const block = async (...txs: ReadonlyArray<readonly [Actor, EncodeObject, bigint?]>): Promise<TxOutcome[]> => {
      const pending = [];
      for (const [signer, msg, gas] of txs) pending.push(await sender.submit(own[signer], [msg], gas ?? 400_000n));
      const outs = await Promise.all(pending.map((p) => sender.wait(p)));
      expectOk(...outs);
      return outs;
    };
    await block(["FOUNDER", foundationDeposit(40_000_000n * STOS)], ["RES1", prepay("RES1", 20n * STOS)], ["RES4", createResourceNode("RES4", 2n * STOS, "res4")]);
    await block(["META1", effectiveDeposit("RES4", 2n * STOS)]);
    const [r1] = await block(["META1", volumeReport(1n, [["RES1", 50_000n], ["RES2", 30_000n], ["RES3", 20_000n]]), 900_000n]);
    await block(["RES2", prepay("RES2", 7n * STOS)]);
    const [r2] = await block(["META1", volumeReport(2n, [["RES1", 10_000n], ["RES2", 40_000n], ["RES3", 5_000n], ["RES4", 45_000n]]), 900_000n]);
    reportHeights = [r1!.height, r2!.height];
    await waitForHeight(comet, r2!.height + 2);

    ctx = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 1280, height: 900 },
    });
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on("pageerror", (e) => pageErrors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(`console: ${m.text()}`);
    });
  }, 180_000);

  afterAll(async () => {
    if (process.env["STRATOS_KEEP_SCREENSHOT"] && page) await page.screenshot({ path: path.join(tmp, "last.png"), fullPage: true }).catch(() => {});
    await ctx?.close();
    client?.disconnect();
    await net0?.cleanup();
    if (process.env["STRATOS_KEEP_SCREENSHOT"]) console.log(`dashboard screenshot kept in ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("the REST server serves the page: /dashboard redirects, unknown names 404, CSP on the files", async () => {
    const redirect = await fetch(`${rest}/dashboard`, { redirect: "manual" });
    expect([redirect.status, redirect.headers.get("location")]).toEqual([301, "/dashboard/"]);
    const html = await fetch(`${rest}/dashboard/`);
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(await html.text()).toContain('<script type="module" src="dashboard.js"></script>');
    expect((await fetch(`${rest}/dashboard/dashboard.js`)).headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect((await fetch(`${rest}/dashboard/nothing.js`)).status).toBe(404);
    expect((await fetch(`${rest}/dashboard/..%2Fdashboard.ts`)).status).toBe(404);
    expect((await fetch(`${rest}/dashboard/`, { method: "POST" })).status).toBe(405);
    // The REST routes are untouched.
    expect((await fetch(`${rest}/stratos/sds/v1/noz_price`)).status).toBe(200);
  });

  it("shows epochs, per-node rewards, noz charts, blocks and txs with the chain's data; the screenshot has the charts", async () => {
    await page.goto(`${rest}/dashboard/?refresh=1000`);
    await page.waitForSelector("body[data-state=ready]", { timeout: 30_000 });
    // Both epochs listed (the page's CSP forbids the string evaluation waitForFunction would use).
    await page.locator("#epochs-table tbody tr.clickable").nth(1).waitFor({ timeout: 30_000 });

    // Epochs: newest first; heights are the report txs' heights.
    const epochRows = await page.$$eval("#epochs-table tbody tr", (rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)));
    expect(epochRows.map((r) => [r[0], r[1]])).toEqual([["2", String(reportHeights[1])], ["1", String(reportHeights[0])]]);
    expect(await page.textContent('[data-summary="epoch"]')).toBe("2");

    // The breakdown query is the oracle for the bars: each wallet's mining and traffic rewards.
    const breakdown = async (epoch: number): Promise<Map<string, [bigint, bigint]>> => {
      const res = (await (await fetch(`${rest}/stratos/pot/v1/reward_breakdown/${epoch}`)).json()) as BreakdownJson;
      return new Map(res.audit.rewards.map((r) => [r.wallet_address, [weiOf(r.reward_from_mining_pool), weiOf(r.reward_from_traffic_pool)]]));
    };
    const [b1, b2] = [await breakdown(1), await breakdown(2)];
    // Meta nodes share each epoch's rewards too; the resource nodes are those of the report.
    expect([...b1.keys()].sort()).toEqual([own.RES1, own.RES2, own.RES3, own.META1, own.META2, own.META3].sort());
    expect([...b2.keys()].sort()).toEqual([own.RES1, own.RES2, own.RES3, own.RES4, own.META1, own.META2, own.META3].sort());
    expect(epochRows.map((r) => r[6])).toEqual([String(b2.size), String(b1.size)]);
    const sum = (b: Map<string, [bigint, bigint]>, i: 0 | 1): bigint => [...b.values()].reduce((s, v) => s + v[i], 0n);
    for (const b of [b1, b2]) expect(sum(b, 0) > 0n && sum(b, 1) > 0n).toBe(true);

    const bars = (chart: string) =>
      page.$$eval(`${chart} g.bar-group`, (groups) =>
        groups.map((g) => ({
          key: g.getAttribute("data-key")!,
          mining: g.querySelector("rect.s-mining")?.getAttribute("data-value") ?? "0",
          traffic: g.querySelector("rect.s-traffic")?.getAttribute("data-value") ?? "0",
        })),
      );
    expect(await bars("#chart-epochs")).toEqual([
      { key: "1", mining: sum(b1, 0).toString(), traffic: sum(b1, 1).toString() },
      { key: "2", mining: sum(b2, 0).toString(), traffic: sum(b2, 1).toString() },
    ]);
    const nodeBars = async () => new Map((await bars("#chart-node-rewards")).map((b) => [b.key, [BigInt(b.mining), BigInt(b.traffic)] as [bigint, bigint]]));
    expect(await page.textContent("#selected-epoch")).toBe("2");
    expect(await nodeBars()).toEqual(b2);
    // Node names come from the register module (deposit_by_owner).
    expect(await page.$$eval("#nodes-table tbody tr td:nth-child(2)", (tds) => tds.map((td) => td.textContent).sort())).toEqual(["meta1", "meta2", "meta3", "res1", "res2", "res3", "res4"]);
    // Choosing epoch 1 shows its wallets.
    await page.click('#epochs-table tbody tr:has(td:first-child:text-is("1"))');
    expect(await page.textContent("#selected-epoch")).toBe("1");
    expect(await nodeBars()).toEqual(b1);

    // noz history: one path per series with a point per sampled height; the price moved with the prepays.
    const paths = (chart: string) =>
      page.$$eval(`${chart} path.series`, (ps) => ps.map((p) => ({ name: p.getAttribute("data-series"), points: Number(p.getAttribute("data-points")), d: p.getAttribute("d")! })));
    const latest = Number(await page.textContent("#latest-height"));
    expect(latest).toBeGreaterThan(reportHeights[1]!);
    const [price] = await paths("#chart-noz-price");
    expect(price!.points).toBeGreaterThanOrEqual(Math.min(latest, 24));
    expect(price!.d.split(/[ML]/).filter(Boolean)).toHaveLength(price!.points);
    const ys = new Set(price!.d.split(/[ML]/).filter(Boolean).map((xy: string) => xy.split(",")[1]!.trim()));
    expect(ys.size).toBeGreaterThan(1);
    const supply = await paths("#chart-noz-supply");
    expect(supply.map((s) => s.name)).toEqual(["total noz", "remaining noz"]);
    for (const s of supply) expect(s.points).toBe(price!.points);

    // Latest blocks and txs.
    const blockHeights = await page.$$eval("#blocks-table tbody tr td:first-child", (tds) => tds.map((td) => Number(td.textContent)));
    expect(blockHeights).toHaveLength(10);
    expect(blockHeights[0]).toBeGreaterThanOrEqual(reportHeights[1]!);
    expect(blockHeights).toEqual([...blockHeights].sort((a, b) => b - a));
    const txMessages = await page.$$eval("#txs-table tbody tr td:nth-child(3)", (tds) => tds.map((td) => td.textContent));
    expect(txMessages.length).toBeGreaterThanOrEqual(7);
    expect(txMessages).toEqual(expect.arrayContaining(["MsgVolumeReport", "MsgCreateResourceNode", "MsgUpdateEffectiveDeposit", "MsgPrepay", "MsgFoundationDeposit"]));

    // The screenshot: not blank, and each chart's colour is drawn (mining, traffic, price, supply).
    const file = path.join(tmp, "dashboard.png");
    await page.screenshot({ path: file, fullPage: true });
    const png = decodePng(fs.readFileSync(file));
    expect(png.width).toBeGreaterThanOrEqual(1280);
    expect(distinctColours(png)).toBeGreaterThan(50);
    expect(countColour(png, "#2f6fdf")).toBeGreaterThan(500); // mining bars
    expect(countColour(png, "#f29d35")).toBeGreaterThan(500); // traffic bars
    expect(countColour(png, "#7c3aed")).toBeGreaterThan(100); // noz price line
    expect(countColour(png, "#059669")).toBeGreaterThan(100); // total noz line
    expect(countColour(png, "#0ea5e9")).toBeGreaterThan(100); // remaining noz line

    expect(pageErrors).toEqual([]);
  }, 90_000);

  it("without a tx index (tx search refused) the page still shows the last epoch from the pot store", async () => {
    const fallback = await ctx!.newPage();
    try {
      // What the node answers when CometBFT's indexer is "null".
      await fallback.route(/\/cosmos\/tx\/v1beta1\/txs\?/, (route) =>
        route.fulfill({ status: 400, contentType: "application/json", body: '{"code":3,"message":"transaction indexing is disabled","details":[]}' }));
      await fallback.goto(`${rest}/dashboard/?refresh=60000`);
      await fallback.waitForSelector("body[data-state=ready]", { timeout: 30_000 });
      const rows = await fallback.$$eval("#epochs-table tbody tr", (trs) => trs.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)));
      // Epoch 2 only (volume_report/0), its height unknown; its per-node bars still come from the breakdown.
      expect(rows.map((r) => [r[0], r[1]])).toEqual([["2", "–"]]);
      expect(await fallback.$$eval("#chart-node-rewards g.bar-group", (gs) => gs.length)).toBe(7);
      expect(await fallback.textContent("#txs-table tbody")).toContain("could not load: transaction indexing is disabled");
      expect(await fallback.textContent("#status")).toBe("errors: txs");
    } finally {
      await fallback.close();
    }
  }, 60_000);
});
