/**
 * Test-only: the whole app in-process (TestApp: CheckTx/FinalizeBlock without CometBFT) with its real
 * staking, slashing and evidence. Genesis validators are made by gentxs signed by TestApp's keys (each
 * with its own made-up consensus key), so MsgUnjail and MsgSubmitEvidence go through real signed txs;
 * blocks carry the votes and misbehaviour CometBFT would report. A validator `jailed` at genesis is
 * jailed through the staking keeper right after genutil bonded it (it leaves the set at block 1's
 * EndBlock).
 */
import type { Misbehavior, VoteInfo } from "cosmjs-types/tendermint/abci/types";
import type { ReadContext } from "../../baseapp/context.js";
import type { ModuleHooks } from "../../baseapp/block.js";
import { BECH32_PREFIX, parseBech32Address } from "../../crypto/address.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import type { StratosKeepers } from "../../node/app.js";
import { buildDevnetAppState, DEVNET_CHAIN_ID } from "../../node/devnetGenesis.js";
import { TestApp, type TestKey } from "../../node/testApp.js";
import { signGentx } from "../genutil/gentx.js";
import type { EvidenceKeeper } from "../evidence/index.js";
import type { StakingKeeper } from "../staking/keeper.js";
import type { SlashingKeeper } from "./keeper.js";

export interface GenesisValidator {
  /** Index of the TestApp key that operates it. */
  readonly key: number;
  readonly selfBond: bigint;
  readonly minSelfDelegation?: bigint;
  /** Jailed right after genesis bonding (it leaves the set at block 1's EndBlock). */
  readonly jailed?: boolean;
}

export interface SlashingAppOptions {
  readonly validators: readonly GenesisValidator[];
  /** The `slashing` app_state (default: the built genesis, mainnet params). */
  readonly slashing?: (v: (key: number) => TestValidatorInfo) => unknown;
  /** How many TestApp keys (accounts of 1 000 000 STOS). */
  readonly accounts?: number;
}

export interface TestValidatorInfo {
  readonly key: TestKey;
  readonly operator: Uint8Array;
  readonly consensusPubKey: Uint8Array;
  readonly consAddr: Uint8Array;
}

/** The made-up ed25519 consensus key of the validator operated by key `index`. */
export function consensusKeyOf(index: number): Uint8Array {
  return new Uint8Array(32).map((_, i) => (index * 31 + i * 7 + 1) & 0xff);
}

export class SlashingApp {
  private constructor(readonly app: TestApp) {}

  get staking(): StakingKeeper {
    return this.app.parts.keepers.staking;
  }

  get slashing(): { readonly keeper: SlashingKeeper } {
    return { keeper: this.app.parts.keepers.slashing };
  }

  get evidence(): { readonly keeper: EvidenceKeeper } {
    return { keeper: this.app.parts.keepers.evidence };
  }

  static async create(o: SlashingAppOptions): Promise<SlashingApp> {
    const count = o.accounts ?? 6;
    const keys = Array.from({ length: count }, (_, i) => TestApp.keyAt(i));
    const info = (index: number): TestValidatorInfo => validatorInfo(keys[index]!, index);
    const gentxs = o.validators.map((v) => signGentx({
      chainId: DEVNET_CHAIN_ID,
      operatorPrivateKey: keys[v.key]!.privateKey,
      consensusPubKey: consensusKeyOf(v.key),
      selfBond: v.selfBond,
      moniker: `validator-${v.key}`,
      ...(v.minSelfDelegation !== undefined ? { minSelfDelegation: v.minSelfDelegation } : {}),
    }));
    const appState: Record<string, unknown> = {
      // The devnet's SDS node owners use HD indices 10 and up: without nodes when the keys reach them.
      ...buildDevnetAppState(keys.map((k, index) => ({ index, hdPath: "", address: k.address })), { withNodes: count <= 10 }),
      genutil: { gen_txs: gentxs },
    };
    if (o.slashing) appState["slashing"] = o.slashing(info);
    const jailedAtGenesis = o.validators.filter((v) => v.jailed === true).map((v) => info(v.key).consAddr);
    // Runs after genutil (test modules come last): the gentxs have bonded the validators.
    const jailer = (keepers: StratosKeepers): ModuleHooks => ({
      name: "jail_at_genesis",
      initGenesis: (ctx) => { for (const consAddr of jailedAtGenesis) keepers.staking.jail(ctx, consAddr); },
    });
    const app = await TestApp.create({ accounts: count, appState, extraModules: (keepers) => [jailer(keepers)] });
    return new SlashingApp(app);
  }

  validator(index: number): TestValidatorInfo {
    return validatorInfo(this.app.keys[index]!, index);
  }

  /** A read view of committed state. */
  get read(): ReadContext {
    const store = this.app.parts.store.committed();
    return { kv: (name) => store.getReader(name) };
  }

  /** Every key and value of a store in committed state. */
  dump(storeName: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const { key, value } of this.app.parts.store.committed().getReader(storeName).iterator()) {
      out.set(Buffer.from(key).toString("hex"), Buffer.from(value).toString("hex"));
    }
    return out;
  }

  sequence(index: number): bigint {
    return this.app.parts.keepers.auth.getAccount(this.read, parseBech32Address(this.app.keys[index]!.address, BECH32_PREFIX.account))?.sequence ?? 0n;
  }

  /** An empty block (or with txs) carrying these votes and misbehaviour. */
  async block(o: { txs?: readonly Uint8Array[]; votes?: readonly VoteInfo[]; misbehavior?: readonly Misbehavior[]; seconds?: bigint } = {}) {
    return this.app.finalize(o.txs ?? [], o.seconds === undefined ? undefined : { seconds: o.seconds }, {
      votes: o.votes ?? [],
      misbehavior: o.misbehavior ?? [],
    });
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

function validatorInfo(key: TestKey, index: number): TestValidatorInfo {
  const consensusPubKey = consensusKeyOf(index);
  return { key, operator: parseBech32Address(key.address, BECH32_PREFIX.account), consensusPubKey, consAddr: ed25519Address(consensusPubKey) };
}
