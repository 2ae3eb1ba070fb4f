/**
 * A multi-validator network on loopback, made like a real network's launch: every node runs
 * `cometbft init` for its own keys, each validator's operator signs a gentx naming its node's
 * consensus key (and `<node id>@127.0.0.1:<p2p>` as memo, as `stchaind gentx` writes it), the one
 * genesis carries all gentxs and no CometBFT validators (CometBFT takes the set from InitChain), and
 * every node lists all the others as persistent peers. A validator may also be bonded without a node
 * (a consensus key of its own that never signs), as when part of the power is offline.
 */
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { signGentx } from "../modules/genutil/gentx.js";
import { COMETBFT_BIN, Devnet, type DevnetOptions, type DevnetPorts } from "./devnet.js";
import { DEVNET_CHAIN_ID } from "./devnetGenesis.js";
import { cometNodeId, cometValidatorPubKey } from "./genesisValidator.js";

export interface LocalnetValidator {
  /** The operator's eth_secp256k1 key; its account must hold the self-bond and fees in `appState`. */
  readonly operatorPrivateKey: Uint8Array;
  /** Self-delegation, wei. */
  readonly selfBond: bigint;
  readonly moniker: string;
  readonly minSelfDelegation?: bigint;
  /**
   * Bonded without a node: its 32-byte ed25519 consensus key (it never signs). Omitted: the validator
   * runs a node of its own.
   */
  readonly offlineConsensusKey?: Uint8Array;
}

export interface LocalnetOptions extends Omit<DevnetOptions, "home" | "ports" | "genesisFile" | "onAppOutput" | "configOverrides"> {
  /** A directory holding `node<i>/` homes and the shared `genesis.json`. */
  readonly home: string;
  readonly validators: readonly LocalnetValidator[];
  /** Ports of each node, in the order of the validators that run one. */
  readonly ports: readonly DevnetPorts[];
  /** The genesis `app_state` without gentxs (its `genutil.gen_txs` is replaced). */
  readonly appState: Record<string, unknown>;
  /** Extra CometBFT settings for every node. */
  readonly configOverrides?: string;
  readonly onAppOutput?: (node: number, line: string) => void;
}

export class ValidatorLocalnet {
  private constructor(
    /** One node per validator that runs one, in the order given. */
    readonly nodes: readonly Devnet[],
    readonly genesisFile: string,
  ) {}

  /** Creates the homes and the shared genesis (nothing is started). */
  static create(o: LocalnetOptions): ValidatorLocalnet {
    const cometbft = o.cometbftBinary ?? COMETBFT_BIN;
    if (!fs.existsSync(cometbft)) throw new Error(`CometBFT is not built at ${cometbft}: run 'npm install'`);
    const running = o.validators.filter((v) => v.offlineConsensusKey === undefined);
    if (running.length === 0) throw new Error("a localnet needs at least one validator with a node");
    if (o.ports.length !== running.length) throw new Error(`${running.length} nodes need ${running.length} port sets, got ${o.ports.length}`);
    const chainId = o.chainId ?? DEVNET_CHAIN_ID;
    fs.mkdirSync(o.home, { recursive: true });
    const homes = running.map((_, i) => path.join(path.resolve(o.home), `node${i}`));
    for (const home of homes) {
      if (fs.existsSync(path.join(home, "config", "genesis.json"))) throw new Error(`${home} already exists: a localnet is created once`);
      const r = spawnSync(cometbft, ["init", "--home", home], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(`cometbft init failed: ${r.stderr || r.stdout}`);
    }
    const peers = homes.map((home, i) => `${cometNodeId(home)}@127.0.0.1:${o.ports[i]!.p2p}`);
    let node = 0;
    const gentxs = o.validators.map((v) => {
      const home = v.offlineConsensusKey === undefined ? homes[node] : undefined;
      const memo = home === undefined ? "" : peers[node++]!;
      return signGentx({
        chainId,
        operatorPrivateKey: v.operatorPrivateKey,
        consensusPubKey: home === undefined ? v.offlineConsensusKey! : cometValidatorPubKey(home),
        selfBond: v.selfBond,
        moniker: v.moniker,
        memo,
        ...(v.minSelfDelegation !== undefined ? { minSelfDelegation: v.minSelfDelegation } : {}),
      });
    });
    const genesis = JSON.parse(fs.readFileSync(path.join(homes[0]!, "config", "genesis.json"), "utf8")) as Record<string, unknown>;
    genesis["chain_id"] = chainId;
    genesis["app_state"] = { ...o.appState, genutil: { gen_txs: gentxs } };
    delete genesis["validators"];
    const genesisFile = path.join(path.resolve(o.home), "genesis.json");
    fs.writeFileSync(genesisFile, JSON.stringify(genesis, null, 2) + "\n");
    for (const home of homes) fs.copyFileSync(genesisFile, path.join(home, "config", "genesis.json"));
    return ValidatorLocalnet.nodesOf(o, homes);
  }

  /** True if `home` holds a localnet made by `create`. */
  static exists(home: string): boolean {
    return fs.existsSync(path.join(path.resolve(home), "genesis.json"));
  }

  /** The nodes of a localnet `create` made earlier in `o.home` (same validators and ports): a restart. */
  static open(o: LocalnetOptions): ValidatorLocalnet {
    const count = o.validators.filter((v) => v.offlineConsensusKey === undefined).length;
    const homes = Array.from({ length: count }, (_, i) => path.join(path.resolve(o.home), `node${i}`));
    for (const home of homes) {
      if (!fs.existsSync(path.join(home, "config", "genesis.json"))) throw new Error(`${home}: no node home (create the localnet first)`);
    }
    return ValidatorLocalnet.nodesOf(o, homes);
  }

  private static nodesOf(o: LocalnetOptions, homes: readonly string[]): ValidatorLocalnet {
    if (o.ports.length !== homes.length) throw new Error(`${homes.length} nodes need ${homes.length} port sets, got ${o.ports.length}`);
    const peers = homes.map((home, i) => `${cometNodeId(home)}@127.0.0.1:${o.ports[i]!.p2p}`);
    const { onAppOutput, ...rest } = o;
    const nodes = homes.map((home, i) => new Devnet({
      ...rest,
      home,
      ports: o.ports[i]!,
      chainId: o.chainId ?? DEVNET_CHAIN_ID,
      configOverrides: `${o.configOverrides ?? ""}\n[p2p]\npersistent_peers = "${peers.filter((_, j) => j !== i).join(",")}"`,
      ...(onAppOutput ? { onAppOutput: (line: string) => onAppOutput(i, line) } : {}),
    }));
    return new ValidatorLocalnet(nodes, path.join(path.resolve(o.home), "genesis.json"));
  }

  /**
   * Starts every app, then every CometBFT: started together, no node begins behind the others (a node
   * that starts late may never catch up with short block times, its votes arriving after each commit).
   */
  async start(): Promise<void> {
    for (const n of this.nodes) {
      n.init();
      await n.startApp();
    }
    for (const n of this.nodes) n.startCometbft();
  }

  /** Stops every node, CometBFT before its app. */
  async stop(): Promise<void> {
    for (const n of this.nodes) await n.stop();
  }
}
