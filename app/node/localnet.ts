/**
 * A non-validator node joining a running devnet by state sync: its own home and ports, the first
 * node's genesis, CometBFT `[statesync]` pointed at the first node's RPC (listed twice: CometBFT
 * wants two servers to cross-check the light client) with a trusted height and hash read from it,
 * and the first node as persistent peer. CometBFT fetches the first node's newest snapshot, the app
 * restores it (checking the light client's app hash), and the node block-syncs from there.
 *
 * The first node must take snapshots (app.toml `[state-sync] snapshot-interval`, 100 on a devnet).
 */

import { spawnSync } from "node:child_process";
import path from "node:path";
import { COMETBFT_BIN, Devnet, type DevnetOptions, type DevnetPorts } from "./devnet.js";

export interface JoinOptions extends Omit<DevnetOptions, "genesisFile" | "configOverrides" | "ports" | "home"> {
  readonly home: string;
  readonly ports: DevnetPorts;
  /** How long CometBFT looks for snapshots before picking one (CometBFT's minimum is 5 s). */
  readonly discoveryTime?: string;
  /** More `[section] key = value` CometBFT settings. */
  readonly extraConfig?: string;
}

export interface TrustPoint {
  readonly height: number;
  readonly hash: string;
}

/** The latest block of the first node as the light client's trust root. */
export async function latestTrustPoint(rpcUrl: string): Promise<TrustPoint> {
  const res = await fetch(`${rpcUrl}/block`);
  if (!res.ok) throw new Error(`${rpcUrl}/block answered ${res.status}`);
  const body = (await res.json()) as { result?: { block_id?: { hash?: string }; block?: { header?: { height?: string } } } };
  const hash = body.result?.block_id?.hash;
  const height = Number(body.result?.block?.header?.height);
  if (hash === undefined || !Number.isSafeInteger(height) || height < 1) throw new Error(`${rpcUrl}/block: no block yet`);
  return { height, hash };
}

/** The first node's P2P id (`cometbft show-node-id`). */
export function nodeId(home: string, cometbft = COMETBFT_BIN): string {
  const r = spawnSync(cometbft, ["show-node-id", "--home", home], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`cometbft show-node-id failed: ${r.stderr || r.stdout}`);
  return r.stdout.trim();
}

/** The CometBFT settings of a node that state syncs from `first` (as applyTomlOverrides takes them). */
export function stateSyncConfig(first: Devnet, trust: TrustPoint, peerId: string, discoveryTime = "5s"): string {
  const rpc = first.rpcUrl;
  return [
    "[p2p]",
    `persistent_peers = "${peerId}@127.0.0.1:${first.ports.p2p}"`,
    "[statesync]",
    "enable = true",
    `rpc_servers = "${rpc},${rpc}"`,
    `trust_height = ${trust.height}`,
    `trust_hash = "${trust.hash}"`,
    `discovery_time = "${discoveryTime}"`,
  ].join("\n");
}

/** Creates (not starts) the joining node. */
export async function joinByStateSync(first: Devnet, options: JoinOptions): Promise<Devnet> {
  const trust = await latestTrustPoint(first.rpcUrl);
  const peer = nodeId(first.home, options.cometbftBinary);
  const overrides = [stateSyncConfig(first, trust, peer, options.discoveryTime), options.extraConfig ?? ""].join("\n");
  return new Devnet({
    ...options,
    genesisFile: path.join(first.home, "config", "genesis.json"),
    configOverrides: overrides,
  });
}
