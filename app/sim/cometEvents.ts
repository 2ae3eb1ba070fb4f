/**
 * relayd's CometBFT websocket (spec-sds-clients §3): one connection to `/websocket`, subscriptions to
 * `tm.event='NewBlock'` and the 15 `message.action` queries of §3.2 in that order, reconnection with
 * a 2^attempt s (+ up to 1 s jitter) backoff, at most 25 attempts, re-subscribing everything on
 * reconnect. Tx frames are routed by the echoed query; attribute values lose one pair of quotes
 * (`cleanEventStrings`). Nothing else of a frame is used.
 */
import { EventEmitter } from "node:events";
import WebSocket from "ws";

export const RELAYD_ACTIONS = [
  "/stratos.register.v1.MsgCreateResourceNode",
  "/stratos.register.v1.MsgUpdateResourceNode",
  "/stratos.register.v1.MsgUpdateResourceNodeDeposit",
  "/stratos.register.v1.MsgRemoveResourceNode",
  "/stratos.register.v1.MsgCreateMetaNode",
  "/stratos.register.v1.MsgUpdateMetaNodeDeposit",
  "/stratos.register.v1.MsgRemoveMetaNode",
  "/stratos.register.v1.MsgKickMetaNodeVote",
  "/stratos.register.v1.MsgMetaNodeRegistrationVote",
  "/stratos.register.v1.MsgUpdateEffectiveDeposit",
  "/stratos.sds.v1.MsgPrepay",
  "/stratos.sds.v1.MsgFileUpload",
  "/stratos.pot.v1.MsgVolumeReport",
  "/stratos.pot.v1.MsgSlashingResourceNode",
  "/stratos.evm.v1.MsgEthereumTx",
] as const;

export const NEW_BLOCK_QUERY = "tm.event='NewBlock'";
export const RELAYD_QUERIES: readonly string[] = [NEW_BLOCK_QUERY, ...RELAYD_ACTIONS.map((a) => `message.action='${a}'`)];

export interface TxEventAttribute {
  readonly key: string;
  readonly value: string;
}
export interface TxFrameEvent {
  readonly type: string;
  readonly attributes: readonly TxEventAttribute[];
}

/** One committed tx as a `message.action` subscription delivers it (one frame per tx per matching query). */
export interface TxFrame {
  readonly action: string;
  readonly hash: string;
  readonly height: number;
  readonly events: readonly TxFrameEvent[];
  readonly gasWanted: bigint;
  readonly gasUsed: bigint;
  /** When the frame arrived (ms, performance.now()). */
  readonly receivedAt: number;
}

export interface NewBlockFrame {
  readonly height: number;
  readonly time: string;
  readonly txs: number;
  readonly receivedAt: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** relayd's `cleanEventStrings`: a value of length ≥ 2 wrapped in `"` loses the two quotes, nothing more. */
export function stripQuotes(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

export interface CometEventsOptions {
  /** Backoff base in ms (relayd: 1000, i.e. 2^attempt s). */
  readonly backoffUnitMs?: number;
  readonly maxAttempts?: number;
}

/**
 * Events: "newBlock" (NewBlockFrame), "tx" (TxFrame), "connected" (attempt count), "disconnected",
 * "subscribeError" (query, message), "gaveUp".
 */
export class CometEvents extends EventEmitter {
  private ws: WebSocket | undefined;
  private nextId = 1;
  private readonly queryById = new Map<number, string>();
  private closed = false;
  private attempt = 0;
  reconnects = 0;
  subscribed = 0;

  constructor(readonly rpcUrl: string, private readonly options: CometEventsOptions = {}) {
    super();
  }

  get wsUrl(): string {
    return this.rpcUrl.replace(/^http/, "ws") + "/websocket";
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.connect(resolve, reject);
    });
  }

  private connect(onOpen?: () => void, onFirstError?: (e: Error) => void): void {
    const ws = new WebSocket(this.wsUrl);
    this.ws = ws;
    ws.on("open", () => {
      if (this.attempt > 0 || this.reconnects > 0) this.reconnects++;
      this.attempt = 0;
      this.subscribeAll();
      this.emit("connected");
      onOpen?.();
      onOpen = undefined;
      onFirstError = undefined;
    });
    ws.on("message", (data: WebSocket.RawData) => this.onMessage(data.toString()));
    ws.on("error", (e: Error) => {
      if (onFirstError) {
        // relayd's start-up trap (§3.1) is not reproduced: the caller is told at once.
        onFirstError(e);
        onFirstError = undefined;
        onOpen = undefined;
        this.closed = true;
      }
    });
    ws.on("close", () => {
      if (this.closed) return;
      this.emit("disconnected");
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    const max = this.options.maxAttempts ?? 25;
    if (this.attempt >= max) {
      this.emit("gaveUp");
      return;
    }
    const unit = this.options.backoffUnitMs ?? 1000;
    const delay = unit * 2 ** this.attempt + Math.random() * unit;
    this.attempt++;
    setTimeout(() => {
      if (!this.closed) this.connect();
    }, delay);
  }

  /** NewBlock first, then the message actions (§3.2). */
  private subscribeAll(): void {
    this.queryById.clear();
    this.subscribed = 0;
    for (const query of RELAYD_QUERIES) {
      const id = this.nextId++;
      this.queryById.set(id, query);
      this.ws?.send(JSON.stringify({ jsonrpc: "2.0", id, method: "subscribe", params: { query } }));
    }
  }

  private onMessage(text: string): void {
    let msg: unknown;
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    if (!isRecord(msg)) return;
    if (isRecord(msg["error"])) {
      const query = this.queryById.get(Number(msg["id"])) ?? "?";
      const message = String(msg["error"]["data"] ?? msg["error"]["message"] ?? "");
      if (!message.includes("already subscribed")) {
        this.emit("subscribeError", query, message);
        // relayd: sleep 1 s and re-subscribe everything.
        setTimeout(() => {
          if (!this.closed && this.ws?.readyState === WebSocket.OPEN) this.subscribeAll();
        }, 1000);
      }
      return;
    }
    const result = msg["result"];
    if (!isRecord(result)) return;
    const query = result["query"];
    if (typeof query !== "string") {
      this.subscribed++;
      return;
    }
    const receivedAt = performance.now();
    const data = result["data"];
    if (!isRecord(data) || !isRecord(data["value"])) return;
    if (query === NEW_BLOCK_QUERY) {
      const block = data["value"]["block"];
      const header = isRecord(block) && isRecord(block["header"]) ? block["header"] : {};
      const txs = isRecord(block) && isRecord(block["data"]) && Array.isArray(block["data"]["txs"]) ? block["data"]["txs"].length : 0;
      this.emit("newBlock", { height: Number(header["height"] ?? 0), time: String(header["time"] ?? ""), txs, receivedAt } satisfies NewBlockFrame);
      return;
    }
    const match = /^message\.action='(.*)'$/.exec(query);
    if (!match) return;
    const txResult = data["value"]["TxResult"];
    if (!isRecord(txResult) || !isRecord(txResult["result"])) return;
    const rawEvents = txResult["result"]["events"];
    const events: TxFrameEvent[] = [];
    if (Array.isArray(rawEvents)) {
      for (const e of rawEvents) {
        if (!isRecord(e) || typeof e["type"] !== "string" || !Array.isArray(e["attributes"])) continue;
        const attributes = e["attributes"].filter(isRecord).map((a) => ({ key: String(a["key"] ?? ""), value: stripQuotes(String(a["value"] ?? "")) }));
        events.push({ type: e["type"], attributes });
      }
    }
    const map = result["events"];
    const hashes = isRecord(map) && Array.isArray(map["tx.hash"]) ? map["tx.hash"] : [];
    const gas = (k: string): bigint => {
      const v = isRecord(txResult["result"]) ? txResult["result"][k] : undefined;
      return typeof v === "string" && /^\d+$/.test(v) ? BigInt(v) : 0n;
    };
    const frame: TxFrame = {
      action: match[1]!, hash: String(hashes[0] ?? ""), height: Number(txResult["height"] ?? 0), events,
      gasWanted: gas("gas_wanted"), gasUsed: gas("gas_used"), receivedAt,
    };
    this.emit("tx", frame);
  }

  /** Drop the connection as a network failure would (the reconnect logic takes over). */
  dropConnection(): void {
    this.ws?.terminate();
  }

  close(): void {
    this.closed = true;
    this.ws?.terminate();
  }
}

/** Every event of `type` in the frame as attribute maps (quotes already stripped). */
export function eventsOfType(frame: TxFrame, type: string): Array<Record<string, string>> {
  return frame.events.filter((e) => e.type === type).map((e) => Object.fromEntries(e.attributes.map((a) => [a.key, a.value])));
}
