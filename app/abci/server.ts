import net from "node:net";
import fs from "node:fs";
import { Request, Response } from "cosmjs-types/tendermint/abci/types";
import type { Application } from "./application.js";
import { encodeFrame, FrameDecoder } from "./framing.js";
import { SerialExecutor } from "./serialExecutor.js";

export interface AbciLogger {
  info(msg: string): void;
  error(msg: string): void;
}

export interface AbciServerOptions {
  logger?: AbciLogger;
  /**
   * Called once when the application failed (a handler threw, or a connection sent garbage).
   * CometBFT stops itself when it sees the exception; the process should exit non-zero.
   */
  onFatal?: (error: unknown) => void;
}

type RequestKind = keyof Request;
type AppKind = (typeof APP_KINDS)[number];

/** The request kinds the application answers (Echo and Flush are the server's own). */
const APP_KINDS = [
  "info",
  "initChain",
  "query",
  "checkTx",
  "commit",
  "listSnapshots",
  "offerSnapshot",
  "loadSnapshotChunk",
  "applySnapshotChunk",
  "prepareProposal",
  "processProposal",
  "extendVote",
  "verifyVoteExtension",
  "finalizeBlock",
] as const satisfies readonly RequestKind[];

const isAppKind = (kind: RequestKind): kind is AppKind => (APP_KINDS as readonly string[]).includes(kind);

function requestKind(req: Request): RequestKind | undefined {
  for (const key of Object.keys(req) as RequestKind[]) {
    if (req[key] !== undefined) return key;
  }
  return undefined;
}

/**
 * ABCI 2.0 socket server for CometBFT 0.38 (abci-cosmjs.md §1). Knows the wire protocol and the
 * `Application` interface, nothing else.
 *
 * - Every connection's bytes are deframed incrementally (partial and glued frames).
 * - All requests of all connections go through one `SerialExecutor` in arrival order, so the
 *   application never sees two requests at once and each connection's responses leave in request
 *   order. Flush is answered in that same order, hence after every earlier response.
 * - The read side is never paused (a server that stops reading while its writes block can deadlock
 *   with CometBFT's client); writes are corked and flushed once per event-loop turn.
 */
export class AbciServer {
  private readonly server: net.Server;
  private readonly executor: SerialExecutor;
  private readonly sockets = new Set<net.Socket>();
  private readonly logger: AbciLogger | undefined;
  private failed = false;

  constructor(
    private readonly app: Application,
    private readonly options: AbciServerOptions = {},
  ) {
    this.logger = options.logger;
    this.executor = new SerialExecutor((error) => this.fail(error));
    this.server = net.createServer((socket) => this.accept(socket));
  }

  /** Listen on `tcp://host:port` or `unix:///path`. Resolves with the bound address. */
  async listen(address: string): Promise<string> {
    const target = parseListenAddress(address);
    if (target.path !== undefined && fs.existsSync(target.path)) fs.unlinkSync(target.path);
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      const done = (): void => {
        this.server.off("error", reject);
        resolve();
      };
      if (target.path !== undefined) this.server.listen(target.path, done);
      else this.server.listen(target.port, target.host, done);
    });
    const bound = this.server.address();
    if (bound === null) return address;
    if (typeof bound === "string") return `unix://${bound}`;
    return `tcp://${bound.address}:${bound.port}`;
  }

  /** Stop accepting, drop the connections, and wait until the request being executed (if any) finishes. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.failed = true; // queued requests of dropped connections are not executed
    await this.executor.whenIdle();
    await closed;
  }

  private accept(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const decoder = new FrameDecoder();
    const out = new OrderedWriter(socket);

    socket.on("data", (chunk: Buffer) => {
      let bodies: Uint8Array[];
      try {
        bodies = decoder.push(chunk);
      } catch (error) {
        this.failConnection(socket, out, error);
        return;
      }
      for (const body of bodies) {
        let request: Request;
        try {
          request = Request.decode(body);
        } catch (error) {
          this.failConnection(socket, out, error);
          return;
        }
        this.dispatch(request, out);
      }
    });
    socket.on("error", (error) => this.logger?.error(`abci: connection error: ${error.message}`));
    socket.on("close", () => this.sockets.delete(socket));
  }

  private dispatch(request: Request, out: OrderedWriter): void {
    const kind = requestKind(request);
    if (kind === "checkTx" && request.checkTx !== undefined) this.app.onCheckTxReceived?.(request.checkTx);
    this.executor.submit(() => {
      if (this.failed) return;
      switch (kind) {
        case "echo":
          out.write({ echo: { message: request.echo!.message } });
          return;
        case "flush":
          out.write({ flush: {} });
          return;
        case undefined:
          throw new Error("abci: received a request with no known type");
        default:
          if (!isAppKind(kind)) throw new Error(`abci: unexpected request type ${kind}`);
          return this.runApp(kind, request, out);
      }
    });
  }

  private runApp(kind: AppKind, request: Request, out: OrderedWriter): void | Promise<void> {
    const result = callApp(this.app, kind, request);
    if (!(result instanceof Promise)) {
      out.write(result);
      return;
    }
    const guarded = result.then((response) => (this.failed ? undefined : response));
    if (kind === "query") {
      // A query reads committed state only; an async one (e.g. GetTx asking CometBFT's RPC) must not
      // hold up the consensus and mempool connections. Its connection still answers in order.
      out.writeLater(guarded.catch((error: unknown) => {
        this.fail(error);
        return undefined;
      }));
      return;
    }
    return guarded.then((response) => {
      if (response) out.write(response);
    });
  }

  private failConnection(socket: net.Socket, out: OrderedWriter, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.logger?.error(`abci: bad data on a connection, closing it: ${message}`);
    out.write({ exception: { error: message } });
    socket.end();
    this.fail(error);
  }

  /** An application failure is fatal: answer every connection with an exception, then report. */
  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.logger?.error(`abci: application failed: ${message}`);
    const exception = encodeFrame(
      Response.encode({ exception: { error: error instanceof Error ? error.message : String(error) } }).finish(),
    );
    for (const socket of this.sockets) {
      if (!socket.destroyed) socket.end(exception);
    }
    this.options.onFatal?.(error);
  }
}

/**
 * Writes one connection's responses strictly in request order. A response can be written now, or
 * promised (`writeLater`); anything written after a pending promise waits for it. Writes are corked
 * and flushed once per event-loop turn.
 */
class OrderedWriter {
  private tail: Promise<void> | undefined;
  private outstanding = 0;
  private corked = false;

  constructor(private readonly socket: net.Socket) {}

  write(response: Response): void {
    if (this.outstanding === 0) this.send(response);
    else this.chain(Promise.resolve(response));
  }

  writeLater(response: Promise<Response | undefined>): void {
    this.chain(response);
  }

  private chain(response: Promise<Response | undefined>): void {
    this.outstanding++;
    const previous = this.tail ?? Promise.resolve();
    this.tail = Promise.all([previous, response])
      .then(([, r]) => {
        if (r) this.send(r);
      })
      .finally(() => {
        this.outstanding--;
        if (this.outstanding === 0) this.tail = undefined;
      });
  }

  private send(response: Response): void {
    if (this.socket.destroyed) return;
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    this.socket.write(encodeFrame(Response.encode(response).finish()));
  }
}

/** Calls the handler for one request kind and wraps its answer in the matching Response oneof. */
function callApp(
  app: Application,
  kind: AppKind,
  req: Request,
): Response | Promise<Response> {
  switch (kind) {
    case "info":
      return wrap(app.info(req.info!), (info) => ({ info }));
    case "initChain":
      return wrap(app.initChain(req.initChain!), (initChain) => ({ initChain }));
    case "query":
      return wrap(app.query(req.query!), (query) => ({ query }));
    case "checkTx":
      return wrap(app.checkTx(req.checkTx!), (checkTx) => ({ checkTx }));
    case "commit":
      return wrap(app.commit(req.commit!), (commit) => ({ commit }));
    case "listSnapshots":
      return wrap(app.listSnapshots(req.listSnapshots!), (listSnapshots) => ({ listSnapshots }));
    case "offerSnapshot":
      return wrap(app.offerSnapshot(req.offerSnapshot!), (offerSnapshot) => ({ offerSnapshot }));
    case "loadSnapshotChunk":
      return wrap(app.loadSnapshotChunk(req.loadSnapshotChunk!), (loadSnapshotChunk) => ({ loadSnapshotChunk }));
    case "applySnapshotChunk":
      return wrap(app.applySnapshotChunk(req.applySnapshotChunk!), (applySnapshotChunk) => ({ applySnapshotChunk }));
    case "prepareProposal":
      return wrap(app.prepareProposal(req.prepareProposal!), (prepareProposal) => ({ prepareProposal }));
    case "processProposal":
      return wrap(app.processProposal(req.processProposal!), (processProposal) => ({ processProposal }));
    case "extendVote":
      return wrap(app.extendVote(req.extendVote!), (extendVote) => ({ extendVote }));
    case "verifyVoteExtension":
      return wrap(app.verifyVoteExtension(req.verifyVoteExtension!), (verifyVoteExtension) => ({
        verifyVoteExtension,
      }));
    case "finalizeBlock":
      return wrap(app.finalizeBlock(req.finalizeBlock!), (finalizeBlock) => ({ finalizeBlock }));
  }
}

function wrap<T>(value: T | Promise<T>, toResponse: (v: T) => Response): Response | Promise<Response> {
  return value instanceof Promise ? value.then(toResponse) : toResponse(value);
}

export function parseListenAddress(address: string): { host?: string; port?: number; path?: string } {
  if (address.startsWith("unix://")) return { path: address.slice("unix://".length) };
  const hostPort = address.startsWith("tcp://") ? address.slice("tcp://".length) : address;
  const colon = hostPort.lastIndexOf(":");
  if (colon < 0) throw new Error(`abci: listen address ${address} has no port (want tcp://host:port or unix:///path)`);
  const port = Number(hostPort.slice(colon + 1));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`abci: bad port in ${address}`);
  const host = hostPort.slice(0, colon).replace(/^\[|\]$/g, "") || "127.0.0.1";
  return { host, port };
}
