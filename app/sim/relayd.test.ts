import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { TxBody, TxRaw, AuthInfo } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { walletAt } from "./actors.js";
import type { NewBlockFrame } from "./cometEvents.js";
import type { Account, BroadcastAnswer } from "./grpcChain.js";
import { RelaydSubmitter, type RelaydChain } from "./relayd.js";

/** A chain that records every call; `simulate` fails for bodies holding a message of type `poison`. */
class FakeChain implements RelaydChain {
  readonly chainId = "test-1";
  sequence = 0n;
  readonly calls: string[] = [];
  readonly broadcasts: Array<{ messages: number; gasLimit: bigint; feeWei: bigint; sequence: bigint }> = [];
  async account(): Promise<Account> {
    this.calls.push("account");
    return { accountNumber: 7n, sequence: this.sequence };
  }
  async simulate(tx: Uint8Array): Promise<bigint> {
    this.calls.push("simulate");
    const body = TxBody.decode(TxRaw.decode(tx).bodyBytes);
    const auth = AuthInfo.decode(TxRaw.decode(tx).authInfoBytes);
    expect(auth.fee?.gasLimit).toBe(0n);
    expect(auth.fee?.amount).toEqual([]);
    if (body.messages.some((m) => m.typeUrl === "poison")) throw new Error("message failed");
    return 1000n * BigInt(body.messages.length) + 1n;
  }
  async broadcast(tx: Uint8Array): Promise<BroadcastAnswer> {
    this.calls.push("broadcast");
    const raw = TxRaw.decode(tx);
    const auth = AuthInfo.decode(raw.authInfoBytes);
    this.broadcasts.push({
      messages: TxBody.decode(raw.bodyBytes).messages.length, gasLimit: auth.fee!.gasLimit, feeWei: BigInt(auth.fee!.amount[0]!.amount), sequence: auth.signerInfos[0]!.sequence,
    });
    this.sequence++;
    return { code: 0, codespace: "", rawLog: "[]", txhash: `H${this.broadcasts.length}` };
  }
}

const msg = (typeUrl = "/stratos.sds.v1.MsgFileUpload") => ({ typeUrl, value: new Uint8Array([1, 2, 3]) });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const block = (events: EventEmitter, height: number) => events.emit("newBlock", { height, time: "", txs: 0, receivedAt: performance.now() } satisfies NewBlockFrame);

describe("RelaydSubmitter (spec-sds-clients §5)", () => {
  it("600 queued messages leave as 250/250/100, one broadcast per NewBlock, gas = 2 × simulated, fee = gas × 1 gwei", async () => {
    const chain = new FakeChain();
    const events = new EventEmitter();
    const r = new RelaydSubmitter("meta0", chain, walletAt(10), events);
    for (let i = 0; i < 600; i++) await r.enqueue(msg());
    r.start();
    await sleep(100);
    expect(chain.broadcasts.map((b) => b.messages)).toEqual([250]);
    await sleep(700); // no block yet: the second full batch waits at the gate
    expect(chain.broadcasts).toHaveLength(1);
    block(events, 2);
    await sleep(50);
    expect(chain.broadcasts.map((b) => b.messages)).toEqual([250, 250]);
    // The last 100 wait for the re-armed 500 ms timer, then for the next block.
    await sleep(600);
    expect(chain.broadcasts).toHaveLength(2);
    block(events, 3);
    await sleep(50);
    expect(chain.broadcasts.map((b) => b.messages)).toEqual([250, 250, 100]);
    expect(chain.broadcasts[0]).toEqual({ messages: 250, gasLimit: 500_002n, feeWei: 500_002n * 1_000_000_000n, sequence: 0n });
    expect(chain.broadcasts.map((b) => b.sequence)).toEqual([0n, 1n, 2n]);
    // Account, Simulate, Account, BroadcastTx per batch.
    expect(chain.calls.slice(0, 4)).toEqual(["account", "simulate", "account", "broadcast"]);
    expect(r.stats.batches).toBe(3);
    await r.stop();
  });

  it("a partial slice is flushed by the 500 ms timer", async () => {
    const chain = new FakeChain();
    const r = new RelaydSubmitter("meta0", chain, walletAt(10), new EventEmitter());
    r.start();
    await r.enqueue(msg());
    await r.enqueue(msg());
    await sleep(200);
    expect(chain.broadcasts).toHaveLength(0);
    await sleep(500);
    expect(chain.broadcasts.map((b) => b.messages)).toEqual([2]);
    await r.stop();
  });

  it("one failing message loses its whole batch at Simulate: no broadcast, no retry, no block wait set", async () => {
    const chain = new FakeChain();
    const events = new EventEmitter();
    const r = new RelaydSubmitter("meta0", chain, walletAt(10), events);
    for (let i = 0; i < 249; i++) await r.enqueue(msg());
    await r.enqueue(msg("poison"));
    await r.enqueue(msg());
    r.start();
    await sleep(800);
    expect(r.stats.lostSimulate).toBe(1);
    // The next message goes out by the timer without waiting for a block (nothing was broadcast).
    expect(chain.broadcasts.map((b) => b.messages)).toEqual([1]);
    await r.stop();
  });

  it("a full queue (2000) makes enqueue wait until the loop takes messages", async () => {
    const chain = new FakeChain();
    const events = new EventEmitter();
    const r = new RelaydSubmitter("meta0", chain, walletAt(10), events);
    for (let i = 0; i < 2000; i++) await r.enqueue(msg());
    let done = false;
    const extra = r.enqueue(msg()).then(() => {
      done = true;
    });
    await sleep(50);
    expect(done).toBe(false);
    r.start();
    await extra;
    expect(done).toBe(true);
    await r.stop();
  });
});
