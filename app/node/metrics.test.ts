import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CheckTxType } from "cosmjs-types/tendermint/abci/types";
import { QueryBalanceRequest } from "cosmjs-types/cosmos/bank/v1beta1/query";
import { AppMetrics, dirSize } from "./metrics.js";
import { TestApp } from "./testApp.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "metrics-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("app metrics", () => {
  it("the endpoint serves every metric after a few blocks, with the counts of what ran", async () => {
    fs.mkdirSync(path.join(dir, "db", "sub"), { recursive: true });
    fs.writeFileSync(path.join(dir, "db", "a"), Buffer.alloc(1000));
    fs.writeFileSync(path.join(dir, "db", "sub", "b"), Buffer.alloc(234));
    const t = await TestApp.create();
    const metrics = new AppMetrics({ dirs: { "application.db": path.join(dir, "db") }, loadedNodes: () => 4242 }, "stratos-test");
    const app = metrics.instrument(t.parts.app);
    const [alice, bob] = t.keys;
    const send = (amount: bigint, seq: bigint) => t.sign(alice!, [TestApp.send(alice!.address, bob!.address, amount)], { sequence: seq });
    const good = send(5n, 0n);
    const broke = send(10n ** 40n, 1n); // fails in the message: more than alice has
    expect((await app.checkTx({ tx: good, type: CheckTxType.NEW })).code).toBe(0);
    expect((await app.checkTx({ tx: new Uint8Array([1, 2, 3]), type: CheckTxType.NEW })).code).not.toBe(0);
    await app.checkTx({ tx: good, type: CheckTxType.RECHECK });
    let height = t.nextHeight;
    for (const txs of [[good, broke], [], []]) {
      const res = await app.finalizeBlock({
        txs, decidedLastCommit: { round: 0, votes: [] }, misbehavior: [], hash: new Uint8Array(32), height,
        time: { seconds: 1_700_000_100n + height, nanos: 0 }, nextValidatorsHash: new Uint8Array(32), proposerAddress: new Uint8Array(20),
      });
      if (txs.length > 0) expect(res.txResults.map((r) => r.code === 0)).toEqual([true, false]);
      await app.commit({});
      height++;
    }
    const balanceReq = QueryBalanceRequest.encode({ address: alice!.address, denom: "wei" }).finish();
    expect((await app.query({ path: "/cosmos.bank.v1beta1.Query/Balance", data: balanceReq, height: 0n, prove: false })).code).toBe(0);
    await app.query({ path: "/no/such/path", data: new Uint8Array(), height: 0n, prove: false });

    const server = await metrics.serve("127.0.0.1:0");
    try {
      const text = await (await fetch(`http://${server.address}/metrics`)).text();
      const value = (line: string) => Number(text.split("\n").find((l) => l.startsWith(line + " "))?.slice(line.length + 1));
      expect(value(`stratos_block_height{service="stratos-test"}`)).toBe(Number(height - 1n));
      expect(value(`stratos_block_txs_total{service="stratos-test"}`)).toBe(2);
      expect(value(`stratos_block_txs_failed_total{service="stratos-test"}`)).toBe(1);
      expect(value(`stratos_finalize_block_seconds_count{service="stratos-test"}`)).toBe(3);
      expect(value(`stratos_commit_seconds_count{service="stratos-test"}`)).toBe(3);
      expect(value(`stratos_checktx_total{type="new",result="ok",service="stratos-test"}`)).toBe(1);
      expect(value(`stratos_checktx_total{type="new",result="failed",service="stratos-test"}`)).toBe(1);
      // The recheck runs on a CheckTx state that already took the tx: its sequence is used up.
      expect(value(`stratos_checktx_total{type="recheck",result="failed",service="stratos-test"}`)).toBe(1);
      expect(value(`stratos_abci_queries_total{result="ok",service="stratos-test"}`)).toBe(1);
      expect(value(`stratos_abci_queries_total{result="error",service="stratos-test"}`)).toBe(1);
      expect(value(`stratos_store_disk_bytes{dir="application.db",service="stratos-test"}`)).toBe(1234);
      expect(value(`stratos_store_loaded_nodes{service="stratos-test"}`)).toBe(4242);
      expect(text).toContain("stratos_finalize_block_seconds_bucket");
      expect(text).toContain("stratos_process_resident_memory_bytes");
      expect((await fetch(`http://${server.address}/other`)).status).toBe(404);
    } finally {
      await server.close();
      await t.close();
    }
  });

  it("dirSize counts nested files and is 0 for a missing directory", async () => {
    expect(await dirSize(path.join(dir, "missing"))).toBe(0);
  });
});
