/**
 * A node (the app and its CometBFT) run in the background: both processes detached from whoever
 * started them, their output appended to `<home>/app.log` and `<home>/cometbft.log`, their pids in
 * `<home>/app.pid` and `<home>/cometbft.pid`. Any later process (`npm run localnet -- down`, a fault
 * test) finds and signals them through the pid files; nothing needs the starting process to live on.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { appCommandArgs, COMETBFT_BIN, PROJECT_ROOT, type DevnetPorts } from "./devnet.js";

export type NodePart = "app" | "cometbft";

export interface NodeProcessOptions {
  readonly home: string;
  readonly ports: DevnetPorts;
  readonly cometbftBinary?: string;
}

/** The node's CometBFT RPC answer to /status and /net_info, the fields a localnet shows. */
export interface NodeStatus {
  readonly height: number;
  readonly appHash: string;
  readonly peers: number;
  readonly catchingUp: boolean;
  readonly earliestHeight: number;
}

const LISTENING = "ABCI server listening";

export class NodeProcesses {
  readonly home: string;
  readonly ports: DevnetPorts;
  private readonly cometbft: string;

  constructor(options: NodeProcessOptions) {
    this.home = path.resolve(options.home);
    this.ports = options.ports;
    this.cometbft = options.cometbftBinary ?? COMETBFT_BIN;
  }

  get rpcUrl(): string {
    return `http://127.0.0.1:${this.ports.rpc}`;
  }

  logFile(part: NodePart): string {
    return path.join(this.home, `${part}.log`);
  }

  private pidFile(part: NodePart): string {
    return path.join(this.home, `${part}.pid`);
  }

  /** The pid of a running part, undefined when its pid file is absent or names no live process. */
  pid(part: NodePart): number | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.pidFile(part), "utf8").trim();
    } catch {
      return undefined;
    }
    const pid = Number(text);
    if (!Number.isSafeInteger(pid) || pid <= 1) return undefined;
    return isAlive(pid) ? pid : undefined;
  }

  isRunning(part: NodePart): boolean {
    return this.pid(part) !== undefined;
  }

  /**
   * Starts the app and waits until it serves ABCI. `env` adds variables to its environment (the test
   * hooks of main.ts). Rejects with the end of its log when it exits first (e.g. refusing bad data).
   */
  async startApp(env: Readonly<Record<string, string>> = {}, timeoutMs = 120_000): Promise<number> {
    if (this.isRunning("app")) throw new Error(`${this.home}: the app is already running (pid ${this.pid("app")})`);
    const logPath = this.logFile("app");
    const from = fs.existsSync(logPath) ? fs.statSync(logPath).size : 0;
    const log = fs.openSync(logPath, "a");
    const child = spawn(process.execPath, appCommandArgs(this.home, this.ports), {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", log, log],
      detached: true,
    });
    fs.closeSync(log);
    child.unref();
    const pid = child.pid;
    if (pid === undefined) throw new Error("could not spawn the app");
    fs.writeFileSync(this.pidFile("app"), `${pid}\n`);
    let exited: string | undefined;
    child.once("exit", (code, signal) => (exited = `code ${code}, signal ${signal}`));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = readFrom(logPath, from);
      if (text.includes(LISTENING)) return pid;
      if (exited !== undefined) {
        const tail = text.trim().split("\n").slice(-3).join(" | ");
        throw new Error(`${this.home}: the app exited before listening (${exited}): ${tail}`);
      }
      if (Date.now() > deadline) throw new Error(`${this.home}: the app did not listen within ${timeoutMs} ms (see ${logPath})`);
      await sleep(100);
    }
  }

  /** Starts CometBFT (the app must be serving ABCI). */
  startCometbft(): number {
    if (this.isRunning("cometbft")) throw new Error(`${this.home}: CometBFT is already running (pid ${this.pid("cometbft")})`);
    const log = fs.openSync(this.logFile("cometbft"), "a");
    const child = spawn(this.cometbft, ["start", "--home", this.home], { stdio: ["ignore", log, log], detached: true });
    fs.closeSync(log);
    child.unref();
    if (child.pid === undefined) throw new Error("could not spawn CometBFT");
    fs.writeFileSync(this.pidFile("cometbft"), `${child.pid}\n`);
    return child.pid;
  }

  async start(env: Readonly<Record<string, string>> = {}): Promise<void> {
    await this.startApp(env);
    this.startCometbft();
  }

  /** Sends `signal` to a running part; false when it is not running. */
  signal(part: NodePart, signal: NodeJS.Signals): boolean {
    const pid = this.pid(part);
    if (pid === undefined) return false;
    process.kill(pid, signal);
    return true;
  }

  /** Waits until a part has exited; false on timeout. */
  async waitForExit(part: NodePart, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.isRunning(part)) {
      if (Date.now() > deadline) return false;
      await sleep(100);
    }
    return true;
  }

  /** SIGTERM, then SIGKILL after `graceMs`. A stopped process keeps stopped under SIGTERM: it is continued first. */
  async stopPart(part: NodePart, graceMs = 15_000): Promise<void> {
    if (!this.signal(part, "SIGCONT")) return;
    this.signal(part, "SIGTERM");
    if (!(await this.waitForExit(part, graceMs))) {
      this.signal(part, "SIGKILL");
      await this.waitForExit(part, 5_000);
    }
    fs.rmSync(this.pidFile(part), { force: true });
  }

  /** Stops CometBFT first (it must never see its app vanish while it runs), then the app. */
  async stop(graceMs = 15_000): Promise<void> {
    await this.stopPart("cometbft", graceMs);
    await this.stopPart("app", graceMs);
  }

  /** Height, app hash and peers from the node's RPC; undefined when it does not answer. */
  async status(timeoutMs = 2_000): Promise<NodeStatus | undefined> {
    try {
      const status = (await rpcGet(this.rpcUrl, "status", timeoutMs)) as {
        sync_info: { latest_block_height: string; latest_app_hash: string; catching_up: boolean; earliest_block_height: string };
      };
      const net = (await rpcGet(this.rpcUrl, "net_info", timeoutMs)) as { n_peers: string };
      return {
        height: Number(status.sync_info.latest_block_height),
        appHash: status.sync_info.latest_app_hash,
        peers: Number(net.n_peers),
        catchingUp: status.sync_info.catching_up,
        earliestHeight: Number(status.sync_info.earliest_block_height),
      };
    } catch {
      return undefined;
    }
  }
}

/** GET `<rpc>/<route>` of CometBFT's JSON-RPC; its `result`, or a thrown error. */
export async function rpcGet(rpcUrl: string, route: string, timeoutMs = 5_000): Promise<unknown> {
  const res = await fetch(`${rpcUrl}/${route}`, { signal: AbortSignal.timeout(timeoutMs) });
  const body = (await res.json()) as { result?: unknown; error?: { message?: string; data?: string } };
  if (body.error !== undefined || body.result === undefined) throw new Error(`${route}: ${body.error?.data ?? body.error?.message ?? `HTTP ${res.status}`}`);
  return body.result;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
  // A zombie (exited, not yet reaped by its parent) still answers signal 0: look at its state.
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return true;
  }
}

function readFrom(file: string, offset: number): string {
  try {
    const fd = fs.openSync(file, "r");
    try {
      const size = fs.fstatSync(fd).size;
      const buf = Buffer.alloc(Math.max(0, size - offset));
      fs.readSync(fd, buf, 0, buf.length, offset);
      return buf.toString("utf8");
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return "";
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
