/**
 * Test-only: the whole app in-process (TestApp: CheckTx/FinalizeBlock without CometBFT) with slashing
 * and evidence added as test modules over the faithful staking fake, until the real staking keeper is
 * wired in app/node/app.ts. Genesis validators are operated by TestApp's keys, so MsgUnjail and
 * MsgSubmitEvidence go through real signed txs; blocks carry the votes and misbehaviour CometBFT would
 * report. The fake and the modules use their own auth/bank keeper objects over the app's stores (keepers
 * hold no state of their own).
 */
import type { Misbehavior, VoteInfo } from "cosmjs-types/tendermint/abci/types";
import type { ReadContext } from "../../baseapp/context.js";
import { BECH32_PREFIX, parseBech32Address } from "../../crypto/address.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { buildDevnetAppState } from "../../node/devnetGenesis.js";
import { TestApp, type TestKey } from "../../node/testApp.js";
import { createAuthModule } from "../auth/index.js";
import { createBankModule } from "../bank/index.js";
import { createEvidenceModule, type EvidenceModule } from "../evidence/index.js";
import { createSlashingModule, type SlashingModule } from "./index.js";
import { FakeStaking } from "./stakingFake.testing.js";

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
  private constructor(
    readonly app: TestApp,
    readonly staking: FakeStaking,
    readonly slashing: SlashingModule,
    readonly evidence: EvidenceModule,
  ) {}

  static async create(o: SlashingAppOptions): Promise<SlashingApp> {
    const auth = createAuthModule();
    const bank = createBankModule(auth.keeper);
    const staking = new FakeStaking(bank.keeper);
    const slashing = createSlashingModule({ staking, authority: auth.keeper.authority });
    staking.hooks.add(slashing.hooks);
    const evidence = createEvidenceModule({ staking, slashing: slashing.keeper });
    const count = o.accounts ?? 6;
    const keys = Array.from({ length: count }, (_, i) => TestApp.keyAt(i));
    const info = (index: number): TestValidatorInfo => validatorInfo(keys[index]!, index);
    const appState: Record<string, unknown> = {
      // The devnet's SDS node owners use HD indices 10 and up: without nodes when the keys reach them.
      ...buildDevnetAppState(keys.map((k, index) => ({ index, hdPath: "", address: k.address })), { withNodes: count <= 10 }),
      fake_staking: {
        validators: o.validators.map((v) => ({
          operator: keys[v.key]!.address,
          pubkey: Buffer.from(consensusKeyOf(v.key)).toString("base64"),
          self_bond: v.selfBond.toString(),
          min_self_delegation: (v.minSelfDelegation ?? 1n).toString(),
          jailed: v.jailed ?? false,
        })),
      },
    };
    if (o.slashing) appState["slashing"] = o.slashing(info);
    // fake_staking returns the genesis set itself: no gentx of the devnet validator (so staking's set stays empty).
    const app = await TestApp.create({ accounts: count, appState, genesisValidator: false, extraModules: [staking.module(), slashing.module, evidence.module] });
    return new SlashingApp(app, staking, slashing, evidence);
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
