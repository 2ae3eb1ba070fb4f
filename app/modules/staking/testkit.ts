/**
 * Test kit for staking scenarios in-process: register's Scenario (named actors at HD index 100 + i,
 * real signed txs, block times chosen by the test) plus staking message builders, each actor's
 * consensus key (its devnet node key), keeper readouts, an optional "stratos-1 genesis" with the seven
 * real mainnet gentxs (genesis/stratos-1-gentxs.json), hooks for block-level work (a slash, a jail)
 * and the invariants checked after every block. Test-only.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Event, ExecTxResult, ResponseFinalizeBlock } from "cosmjs-types/tendermint/abci/types";
import type { Any } from "cosmjs-types/google/protobuf/any";
import type { ModuleHooks } from "../../baseapp/block.js";
import type { Context } from "../../baseapp/context.js";
import { PubKeySchema as Ed25519PubKeySchema } from "../../codec/cosmos/crypto/ed25519/keys_pb.js";
import {
  MsgBeginRedelegateSchema, MsgCancelUnbondingDelegationSchema, MsgCreateValidatorSchema, MsgDelegateSchema, MsgEditValidatorSchema, MsgUndelegateSchema,
} from "../../codec/cosmos/staking/v1beta1/tx_pb.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { Dec } from "../../math/dec.js";
import type { GenesisAccount } from "../../node/genesisBuilder.js";
import { resolveExtraModules } from "../../node/app.js";
import { type Actor, anyMsg, Scenario, type ScenarioOptions } from "../register/testkit.js";
import { utcTime } from "../register/logic/time.js";
import type { StakingKeeper } from "./keeper.js";
import { parseVal } from "./store.js";
import type { Validator } from "./types.js";

export { anyMsg, eventAttributes, actionEvent, STOS, TX_FEE } from "../register/testkit.js";

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../genesis/stratos-1-gentxs.json");

/** genesis/stratos-1-gentxs.json: the seven stratos-1 gentxs and what they need from genesis. */
export interface MainnetGentxs {
  readonly chain_id: string;
  readonly genesis_time: string;
  readonly validator_pub_key_types: readonly string[];
  readonly staking_params: Record<string, unknown>;
  readonly signer_balances: ReadonlyArray<{ readonly address: string; readonly coins: ReadonlyArray<{ denom: string; amount: string }> }>;
  readonly gen_txs: readonly unknown[];
}

export function mainnetGentxs(): MainnetGentxs {
  return JSON.parse(fs.readFileSync(FIXTURE, "utf8")) as MainnetGentxs;
}

/** stratos-1's genesis time, 2023-09-08T00:00:00.42539614Z. */
export const MAINNET_GENESIS = { seconds: utcTime(2023, 9, 8) / 1_000_000_000n, nanos: 425_396_140 } as const;

export interface CommissionSpec {
  readonly rate: string;
  readonly maxRate: string;
  readonly maxChangeRate: string;
}

export interface StakingScenarioOptions extends ScenarioOptions {
  /** Start from stratos-1's genesis validators (the seven mainnet gentxs, chain id stratos-1) instead of the devnet one. */
  readonly mainnetValidators?: boolean;
  /** Staking params over stratos-1's (genesis JSON names). */
  readonly stakingParams?: Readonly<Record<string, unknown>>;
  /** Skip the invariant check after each block (a test that breaks state on purpose). */
  readonly skipInvariants?: boolean;
}

/** Work a test wants done inside a block's BeginBlock (e.g. what slashing would do: a slash, a jail). */
export type BlockWork = (ctx: Context) => void;

export class StakingScenario extends Scenario {
  protected constructor(
    app: Scenario["app"],
    actors: ReadonlyMap<string, Actor>,
    private readonly work: BlockWork[],
    private readonly checkInvariants: boolean,
  ) {
    super(app, actors);
  }

  static override async create(o: StakingScenarioOptions): Promise<StakingScenario> {
    const work: BlockWork[] = [];
    // Work queued by the test runs in the next BeginBlock, after staking's own (historical info).
    const probe: ModuleHooks = { name: "stakingTestWork", beginBlock: (ctx) => { for (const w of work.splice(0)) w(ctx); } };
    const mainnet = o.mainnetValidators ? mainnetGentxs() : undefined;
    const signers: GenesisAccount[] = mainnet?.signer_balances.map((b) => ({ address: b.address, balance: BigInt(b.coins[0]!.amount) })) ?? [];
    const { app, actors } = await Scenario.start({
      ...o,
      extraAccounts: [...(o.extraAccounts ?? []), ...signers],
      genesis: {
        ...o.genesis,
        staking: { params: { ...(mainnet?.staking_params ?? {}), ...(o.stakingParams ?? {}) } },
        ...(mainnet ? { genTxs: mainnet.gen_txs, validatorOperator: null } : {}),
      },
      testApp: {
        ...o.testApp,
        extraModules: (keepers) => [...resolveExtraModules(o.testApp?.extraModules, keepers), probe],
        ...(mainnet ? { chainId: mainnet.chain_id, genesisNanos: MAINNET_GENESIS.nanos } : {}),
      },
      ...(mainnet ? { genesisSeconds: MAINNET_GENESIS.seconds } : {}),
    });
    return new StakingScenario(app, actors, work, !(o.skipInvariants ?? false));
  }

  /** Runs `w` in the BeginBlock of the next block (what slashing or evidence would do: a slash, a jail). */
  inNextBlock(w: BlockWork): void {
    this.work.push(w);
  }

  get staking(): StakingKeeper {
    return this.app.parts.keepers.staking;
  }

  /** The actor's operator address (`stvaloper1…`). */
  valoper(name: string): string {
    return formatBech32Address(this.accountBytes(name), BECH32_PREFIX.validator);
  }

  /** The actor's consensus key: its devnet node key (ed25519). */
  consensusKey(name: string): Uint8Array {
    return this.actor(name).node.publicKey;
  }

  consensusAddress(name: string): Uint8Array {
    return ed25519Address(this.consensusKey(name));
  }

  /** A validator by actor name or `stvaloper1…` address, from committed state. */
  validator(operatorOrName: string): Validator | undefined {
    return this.staking.validator(this.read, parseVal(this.valoperOf(operatorOrName)));
  }

  // ---- messages ----------------------------------------------------------------------------------

  createValidator(name: string, selfBond: bigint, o: { commission?: CommissionSpec; minSelfDelegation?: bigint; moniker?: string; consensusKey?: Uint8Array; denom?: string } = {}): Any {
    const c = o.commission ?? { rate: "0.1", maxRate: "0.2", maxChangeRate: "0.01" };
    return anyMsg(MsgCreateValidatorSchema, {
      description: { moniker: o.moniker ?? name },
      commission: { rate: Dec.parse(c.rate).toProtoString(), maxRate: Dec.parse(c.maxRate).toProtoString(), maxChangeRate: Dec.parse(c.maxChangeRate).toProtoString() },
      minSelfDelegation: (o.minSelfDelegation ?? 1n).toString(),
      delegatorAddress: this.address(name),
      validatorAddress: this.valoper(name),
      pubkey: anyMsg(Ed25519PubKeySchema, { key: o.consensusKey ?? this.consensusKey(name) }),
      value: { denom: o.denom ?? "wei", amount: selfBond.toString() },
    });
  }

  editValidator(name: string, o: { commissionRate?: string; minSelfDelegation?: bigint; moniker?: string } = {}): Any {
    return anyMsg(MsgEditValidatorSchema, {
      description: { moniker: o.moniker ?? "[do-not-modify]", identity: "[do-not-modify]", website: "[do-not-modify]", securityContact: "[do-not-modify]", details: "[do-not-modify]" },
      validatorAddress: this.valoper(name),
      commissionRate: o.commissionRate === undefined ? "" : Dec.parse(o.commissionRate).toProtoString(),
      minSelfDelegation: o.minSelfDelegation === undefined ? "" : o.minSelfDelegation.toString(),
    });
  }

  delegate(delegator: string, validator: string, amount: bigint, denom = "wei"): Any {
    return anyMsg(MsgDelegateSchema, { delegatorAddress: this.address(delegator), validatorAddress: this.valoperOf(validator), amount: { denom, amount: amount.toString() } });
  }

  undelegate(delegator: string, validator: string, amount: bigint): Any {
    return anyMsg(MsgUndelegateSchema, { delegatorAddress: this.address(delegator), validatorAddress: this.valoperOf(validator), amount: { denom: "wei", amount: amount.toString() } });
  }

  redelegate(delegator: string, src: string, dst: string, amount: bigint): Any {
    return anyMsg(MsgBeginRedelegateSchema, {
      delegatorAddress: this.address(delegator), validatorSrcAddress: this.valoperOf(src), validatorDstAddress: this.valoperOf(dst),
      amount: { denom: "wei", amount: amount.toString() },
    });
  }

  cancelUnbonding(delegator: string, validator: string, amount: bigint, creationHeight: bigint): Any {
    return anyMsg(MsgCancelUnbondingDelegationSchema, {
      delegatorAddress: this.address(delegator), validatorAddress: this.valoperOf(validator), amount: { denom: "wei", amount: amount.toString() }, creationHeight,
    });
  }

  /** An actor name, or a `stvaloper1…` address as it is. */
  valoperOf(validator: string): string {
    return validator.startsWith("stvaloper1") ? validator : this.valoper(validator);
  }

  // ---- blocks with invariants --------------------------------------------------------------------

  private lastSeconds = 0n;

  /** The time (Unix seconds) of the last block this kit made. */
  get now(): bigint {
    return this.lastSeconds;
  }

  override async txs(list: ReadonlyArray<readonly [signer: string, msgs: readonly Any[]]>, seconds: bigint, nanos = 0): Promise<ExecTxResult[]> {
    this.lastSeconds = seconds;
    const results = await super.txs(list, seconds, nanos);
    this.assertInvariants();
    return results;
  }

  override async emptyBlock(seconds: bigint): Promise<readonly Event[]> {
    this.lastSeconds = seconds;
    const events = await super.emptyBlock(seconds);
    this.assertInvariants();
    return events;
  }

  /** A block with these txs (signed in order), returning the whole FinalizeBlock response. */
  async block(list: ReadonlyArray<readonly [signer: string, msgs: readonly Any[]]>, seconds: bigint): Promise<ResponseFinalizeBlock> {
    const pending = new Map<string, bigint>();
    const raw = list.map(([signer, msgs]) => {
      const offset = pending.get(signer) ?? 0n;
      pending.set(signer, offset + 1n);
      return this.app.sign(this.actor(signer).key, msgs, { sequence: this.sequence(signer) + offset, gasLimit: 600_000n });
    });
    this.lastSeconds = seconds;
    const res = await this.app.finalize(raw, { seconds });
    this.assertInvariants();
    return res;
  }

  /** Every module invariant on committed state; throws naming the broken ones. */
  assertInvariants(): void {
    if (!this.checkInvariants) return;
    const result = JSON.parse(new TextDecoder().decode(this.app.query("/app/invariants", new Uint8Array()))) as Record<string, string | null>;
    const broken = Object.entries(result).filter(([, v]) => v !== null);
    if (broken.length > 0) throw new Error(`broken invariants at height ${this.app.nextHeight - 1n}: ${JSON.stringify(Object.fromEntries(broken))}`);
  }
}
