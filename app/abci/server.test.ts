import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  CheckTxType,
  Request,
  RequestFinalizeBlock,
  RequestProcessProposal,
  Response,
  ResponseProcessProposal_ProposalStatus,
} from "cosmjs-types/tendermint/abci/types";
import { AbciServer } from "./server.js";
import { encodeFrame, FrameDecoder } from "./framing.js";
import type { Application } from "./application.js";
import { parseListenAddress } from "./server.js";

/** A fake application that records the order it is called in and checks it is never re-entered. */
class RecordingApp implements Application {
  readonly calls: string[] = [];
  private busy = false;
  overlapped = false;

  private enter(name: string): void {
    if (this.busy) this.overlapped = true;
    this.busy = true;
    this.calls.push(name);
  }
  private leave(): void {
    this.busy = false;
  }
  private async slow<T>(name: string, ms: number, value: T): Promise<T> {
    this.enter(name);
    await new Promise((r) => setTimeout(r, ms));
    this.leave();
    return value;
  }
  private sync<T>(name: string, value: T): T {
    this.enter(name);
    this.leave();
    return value;
  }

  info() {
    return this.sync("info", { data: "fake", version: "1", appVersion: 0n, lastBlockHeight: 7n, lastBlockAppHash: new Uint8Array([1]) });
  }
  query(req: { path: string }) {
    return this.sync(`query:${req.path}`, { code: 0, log: "", info: "", index: 0n, key: new Uint8Array(), value: new TextEncoder().encode(req.path), height: 7n, codespace: "" });
  }
  checkTx(req: { tx: Uint8Array }) {
    const tag = new TextDecoder().decode(req.tx);
    // Every third CheckTx is slow: later requests must still wait for it.
    const resp = { code: 0, data: req.tx, log: tag, info: "", gasWanted: 1n, gasUsed: 1n, events: [], codespace: "" };
    return tag.endsWith("0") ? this.slow(`checkTx:${tag}`, 15, resp) : this.sync(`checkTx:${tag}`, resp);
  }
  initChain() {
    return this.sync("initChain", { validators: [], appHash: new Uint8Array() });
  }
  prepareProposal(req: { txs: Uint8Array[] }) {
    return this.sync("prepareProposal", { txs: req.txs });
  }
  processProposal() {
    return this.sync("processProposal", { status: ResponseProcessProposal_ProposalStatus.ACCEPT });
  }
  extendVote() {
    return this.sync("extendVote", { voteExtension: new Uint8Array() });
  }
  verifyVoteExtension() {
    return this.sync("verifyVoteExtension", { status: 1 });
  }
  finalizeBlock(req: { height: bigint; txs: Uint8Array[] }) {
    return this.slow(`finalizeBlock:${req.height}`, 30, {
      events: [],
      txResults: req.txs.map(() => ({ code: 0, data: new Uint8Array(), log: "", info: "", gasWanted: 0n, gasUsed: 0n, events: [], codespace: "" })),
      validatorUpdates: [],
      appHash: new Uint8Array([Number(req.height)]),
    });
  }
  commit() {
    return this.slow("commit", 20, { retainHeight: 0n });
  }
  listSnapshots() {
    return this.sync("listSnapshots", { snapshots: [] });
  }
  offerSnapshot() {
    return this.sync("offerSnapshot", { result: 4 });
  }
  loadSnapshotChunk() {
    return this.sync("loadSnapshotChunk", { chunk: new Uint8Array() });
  }
  applySnapshotChunk() {
    return this.sync("applySnapshotChunk", { result: 2, refetchChunks: [], rejectSenders: [] });
  }
}

/** Minimal ABCI client: writes frames, collects decoded responses. */
class TestClient {
  readonly responses: Response[] = [];
  private readonly decoder = new FrameDecoder();
  private waiters: Array<() => void> = [];
  closed = false;
  private constructor(readonly socket: net.Socket) {
    socket.on("data", (chunk) => {
      for (const body of this.decoder.push(chunk)) this.responses.push(Response.decode(body));
      this.waiters.forEach((w) => w());
    });
    socket.on("close", () => {
      this.closed = true;
      this.waiters.forEach((w) => w());
    });
  }
  static async connect(address: string): Promise<TestClient> {
    const { host, port } = parseListenAddress(address);
    const socket = net.connect(port!, host!);
    await new Promise((r) => socket.once("connect", r));
    return new TestClient(socket);
  }
  send(...requests: Request[]): void {
    this.socket.write(Buffer.concat(requests.map((r) => encodeFrame(Request.encode(r).finish()))));
  }
  async waitFor(count: number): Promise<Response[]> {
    while (this.responses.length < count && !this.closed) await new Promise<void>((r) => this.waiters.push(r));
    return this.responses;
  }
}

const kindOf = (r: Response): string => Object.entries(r).find(([, v]) => v !== undefined)![0];

let server: AbciServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("AbciServer", () => {
  it("answers Echo and Flush itself, in order", async () => {
    const app = new RecordingApp();
    server = new AbciServer(app);
    const addr = await server.listen("tcp://127.0.0.1:0");
    const c = await TestClient.connect(addr);
    c.send({ echo: { message: "hi" } }, { info: { version: "0.38", blockVersion: 11n, p2pVersion: 8n, abciVersion: "2.0.0" } }, { flush: {} });
    const rs = await c.waitFor(3);
    expect(rs.map(kindOf)).toEqual(["echo", "info", "flush"]);
    expect(rs[0]!.echo!.message).toBe("hi");
    expect(rs[1]!.info!.lastBlockHeight).toBe(7n);
    expect(app.calls).toEqual(["info"]);
    c.socket.destroy();
  });

  it("keeps request order per connection and never runs two requests at once, across interleaved connections", async () => {
    const app = new RecordingApp();
    server = new AbciServer(app);
    const addr = await server.listen("tcp://127.0.0.1:0");
    // The order CometBFT opens them: query, snapshot, mempool, consensus.
    const [query, , mempool, consensus] = await Promise.all([0, 1, 2, 3].map(() => TestClient.connect(addr)));
    const tx = (s: string) => new TextEncoder().encode(s);

    const consensusSent: Request[] = [];
    const mempoolSent: Request[] = [];
    const querySent: Request[] = [];
    for (let h = 1n; h <= 4n; h++) {
      const block = { txs: [tx(`b${h}`)], height: h, misbehavior: [], hash: new Uint8Array(), nextValidatorsHash: new Uint8Array(), proposerAddress: new Uint8Array() };
      const cs: Request[] = [
        { processProposal: RequestProcessProposal.fromPartial(block) },
        { finalizeBlock: RequestFinalizeBlock.fromPartial(block) },
        { flush: {} },
        { commit: {} },
        { flush: {} },
      ];
      const ms: Request[] = [0, 1, 2, 3].map((i) => ({ checkTx: { tx: tx(`t${h}-${i}${i === 0 ? "0" : ""}`), type: i % 2 ? CheckTxType.RECHECK : CheckTxType.NEW } }));
      ms.push({ flush: {} });
      const qs: Request[] = [{ query: { path: `/q${h}`, data: new Uint8Array(), height: 0n, prove: false } }, { flush: {} }];
      // Interleave sends from the three connections without waiting.
      consensus!.send(...cs.slice(0, 2));
      mempool!.send(...ms.slice(0, 3));
      query!.send(...qs);
      consensus!.send(...cs.slice(2));
      mempool!.send(...ms.slice(3));
      consensusSent.push(...cs);
      mempoolSent.push(...ms);
      querySent.push(...qs);
    }

    const [cr, mr, qr] = await Promise.all([
      consensus!.waitFor(consensusSent.length),
      mempool!.waitFor(mempoolSent.length),
      query!.waitFor(querySent.length),
    ]);
    expect(cr.map(kindOf)).toEqual(consensusSent.map((r) => kindOf(r as Response)));
    expect(mr.map(kindOf)).toEqual(mempoolSent.map((r) => kindOf(r as Response)));
    expect(qr.map(kindOf)).toEqual(querySent.map((r) => kindOf(r as Response)));
    // Responses carry the matching request's data, in order.
    expect(mr.filter((r) => r.checkTx).map((r) => r.checkTx!.log)).toEqual(
      mempoolSent.filter((r) => r.checkTx).map((r) => new TextDecoder().decode(r.checkTx!.tx)),
    );
    expect(cr.filter((r) => r.finalizeBlock).map((r) => r.finalizeBlock!.appHash[0])).toEqual([1, 2, 3, 4]);
    expect(qr.filter((r) => r.query).map((r) => new TextDecoder().decode(r.query!.value))).toEqual(["/q1", "/q2", "/q3", "/q4"]);
    expect(app.overlapped).toBe(false);
    // The app saw each connection's requests in that connection's order.
    const finalizes = app.calls.filter((c) => c.startsWith("finalizeBlock"));
    expect(finalizes).toEqual(["finalizeBlock:1", "finalizeBlock:2", "finalizeBlock:3", "finalizeBlock:4"]);
    for (const c of [query, mempool, consensus]) c!.socket.destroy();
  });

  it("answers ResponseException and reports a fatal error when a handler throws", async () => {
    const app = new RecordingApp();
    app.commit = () => {
      throw new Error("state is corrupt");
    };
    let fatal: unknown;
    server = new AbciServer(app, { onFatal: (e) => (fatal = e) });
    const addr = await server.listen("tcp://127.0.0.1:0");
    const c = await TestClient.connect(addr);
    c.send({ commit: {} }, { flush: {} });
    const rs = await c.waitFor(1);
    expect(rs[0]!.exception?.error).toBe("state is corrupt");
    expect((fatal as Error).message).toBe("state is corrupt");
  });

  it("treats an undecodable frame as fatal instead of crashing", async () => {
    const app = new RecordingApp();
    let fatal: unknown;
    server = new AbciServer(app, { onFatal: (e) => (fatal = e) });
    const addr = await server.listen("tcp://127.0.0.1:0");
    const c = await TestClient.connect(addr);
    c.socket.write(Buffer.from("03ffffff", "hex"));
    await c.waitFor(1);
    expect(c.responses[0]?.exception).toBeDefined();
    expect(fatal).toBeDefined();
  });

  it("does not hold other connections for an async query, and keeps its own connection in order", async () => {
    const app = new RecordingApp();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    app.query = ((req: { path: string }) => {
      const resp = { code: 0, log: "", info: "", index: 0n, key: new Uint8Array(), value: new TextEncoder().encode(req.path), height: 7n, codespace: "" };
      return req.path === "/slow" ? gate.then(() => resp) : resp;
    }) as RecordingApp["query"];
    server = new AbciServer(app);
    const addr = await server.listen("tcp://127.0.0.1:0");
    const [query, consensus] = await Promise.all([TestClient.connect(addr), TestClient.connect(addr)]);
    query.send({ query: { path: "/slow", data: new Uint8Array(), height: 0n, prove: false } }, { query: { path: "/fast", data: new Uint8Array(), height: 0n, prove: false } }, { flush: {} });
    consensus.send({ info: { version: "", blockVersion: 0n, p2pVersion: 0n, abciVersion: "" } }, { flush: {} });
    // The consensus connection is answered while the slow query is still pending.
    const cr = await consensus.waitFor(2);
    expect(cr.map(kindOf)).toEqual(["info", "flush"]);
    expect(query.responses).toHaveLength(0);
    release();
    const qr = await query.waitFor(3);
    expect(qr.map(kindOf)).toEqual(["query", "query", "flush"]);
    expect(qr.slice(0, 2).map((r) => new TextDecoder().decode(r.query!.value))).toEqual(["/slow", "/fast"]);
    query.socket.destroy();
    consensus.socket.destroy();
  });

  it("serves a unix socket", async () => {
    const app = new RecordingApp();
    server = new AbciServer(app);
    const path = `/tmp/stratos-abci-test-${process.pid}.sock`;
    const addr = await server.listen(`unix://${path}`);
    expect(addr).toBe(`unix://${path}`);
    const socket = net.connect(path);
    await new Promise((r) => socket.once("connect", r));
    const decoder = new FrameDecoder();
    const got = new Promise<Response>((resolve) => socket.on("data", (d) => {
      const [body] = decoder.push(d);
      if (body) resolve(Response.decode(body));
    }));
    socket.write(encodeFrame(Request.encode({ echo: { message: "unix" } }).finish()));
    expect((await got).echo?.message).toBe("unix");
    socket.destroy();
  });
});
