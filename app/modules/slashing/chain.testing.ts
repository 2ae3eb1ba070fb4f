/**
 * Test-only: auth, bank, the faithful staking fake (stakingFake.testing.ts), slashing and evidence wired
 * as app/node/app.ts will wire them, over one in-memory store, with slashing's hooks on the fake. Genesis
 * runs in the reference's order (slashing's InitGenesis, then the genesis validators created and bonded
 * as genutil does, then evidence's); blocks run slashing then evidence BeginBlock with the votes and
 * misbehaviour CometBFT would report, the block's own work, and the fake's validator-set update as
 * EndBlock. Messages run through their real routes the way baseapp runs them (ValidateBasic, then the
 * handler in a branch written only on success); queries through the real handlers.
 */
import { create, type DescMessage, fromBinary, type MessageInitShape, type MessageShape, toBinary } from "@bufbuild/protobuf";
import type { Event, ValidatorUpdate } from "cosmjs-types/tendermint/abci/types";
import type { ConsensusParams } from "cosmjs-types/tendermint/types/params";
import type { BlockHeader, CommitVote, Misbehaviour, ModuleHooks } from "../../baseapp/block.js";
import { Context } from "../../baseapp/context.js";
import { toAbciError } from "../../baseapp/errors.js";
import { EventManager } from "../../baseapp/events.js";
import { InfiniteGasMeter } from "../../baseapp/gas.js";
import type { QueryContext } from "../../baseapp/queryRouter.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { buildAppState } from "../../node/genesisBuilder.js";
import { memoryMultiStore } from "../../store/memory.js";
import type { MultiStore } from "../../store/types.js";
import { createAuthModule } from "../auth/index.js";
import { createBankModule } from "../bank/index.js";
import { createEvidenceModule } from "../evidence/index.js";
import { createSlashingModule } from "./index.js";
import { FakeStaking, type NewValidator } from "./stakingFake.testing.js";

export const STOS = 10n ** 18n;
export const CHAIN_ID = "stratos-test-1";
export const GENESIS_SECONDS = 1_700_000_000n;
/** CometBFT `BlockIDFlag`s. */
export const FLAG = { absent: 1, commit: 2, nil: 3 } as const;

export const acc = (addr: Uint8Array): string => formatBech32Address(addr, BECH32_PREFIX.account);
export const valoper = (addr: Uint8Array): string => formatBech32Address(addr, BECH32_PREFIX.validator);
export const valcons = (addr: Uint8Array): string => formatBech32Address(addr, BECH32_PREFIX.consensus);
export const moduleAcc = (name: string): string => acc(moduleAddress(name));

/** A test validator: operator account bytes filled with `fill`, a made-up ed25519 key. */
export function testValidator(fill: number, selfBond: bigint, minSelfDelegation = 1n): NewValidator & { readonly consAddr: Uint8Array } {
  const consensusPubKey = new Uint8Array(32).fill(fill).map((b, i) => (b + i) & 0xff);
  return { operator: new Uint8Array(20).fill(fill), consensusPubKey, consAddr: ed25519Address(consensusPubKey), selfBond, minSelfDelegation };
}

export interface ChainOptions {
  /** Funded accounts (raw addresses) and their wei. */
  readonly accounts: ReadonlyArray<{ readonly address: Uint8Array; readonly balance: bigint }>;
  /** Genesis validators, created and bonded as genutil delivers gentxs. */
  readonly validators?: readonly NewValidator[];
  /** Genesis delegations made after the validators, before bonding. */
  readonly delegations?: ReadonlyArray<{ readonly delegator: Uint8Array; readonly operator: Uint8Array; readonly amount: bigint }>;
  /** The `slashing` app_state (default: mainnet params, no records). */
  readonly slashingGenesis?: unknown;
  readonly evidenceGenesis?: unknown;
  /** InitChain's consensus params (evidence reads its max age from them). */
  readonly consensusParams?: ConsensusParams;
}

export interface TxResult {
  readonly code: number;
  readonly codespace: string;
  readonly log: string;
  readonly events: readonly Event[];
}

export interface BlockResult {
  /** BeginBlock events (slashing's, then evidence's). */
  readonly begin: readonly Event[];
  /** The fake staking EndBlock's validator updates and events. */
  readonly updates: readonly ValidatorUpdate[];
  readonly end: readonly Event[];
}

export class SlashingChain {
  readonly store: MultiStore = memoryMultiStore();
  readonly auth = createAuthModule();
  readonly bank = createBankModule(this.auth.keeper);
  readonly staking = new FakeStaking(this.bank.keeper);
  readonly slashing = createSlashingModule({ staking: this.staking, authority: this.auth.keeper.authority });
  /** What evidence only logs. */
  readonly logs: string[] = [];
  readonly evidence = createEvidenceModule({ staking: this.staking, slashing: this.slashing.keeper, log: (line) => this.logs.push(line) });
  /** Height of the block being executed (0 = genesis). */
  height = 0n;
  /** Block time of the block being executed, Unix seconds. */
  seconds = GENESIS_SECONDS;
  private votes: readonly CommitVote[] = [];
  private misbehaviour: readonly Misbehaviour[] = [];
  private consensusParams: ConsensusParams | undefined;

  constructor(options: ChainOptions) {
    this.staking.hooks.add(this.slashing.hooks);
    this.consensusParams = options.consensusParams;
    const state = buildAppState({ accounts: options.accounts.map((a) => ({ address: acc(a.address), balance: a.balance })) });
    const ctx = this.context("initGenesis");
    this.auth.module.initGenesis?.(ctx, state.auth);
    this.bank.module.initGenesis?.(ctx, state.bank);
    this.slashing.module.initGenesis?.(ctx, options.slashingGenesis ?? state.slashing);
    for (const v of options.validators ?? []) this.staking.createValidator(ctx, v);
    for (const d of options.delegations ?? []) this.staking.delegate(ctx, d.delegator, d.operator, d.amount);
    this.staking.applyValidatorSetUpdates(ctx);
    this.evidence.module.initGenesis?.(ctx, options.evidenceGenesis ?? state.evidence);
    this.consensusParams = undefined;
  }

  get modules(): readonly ModuleHooks[] {
    return [this.slashing.module, this.evidence.module];
  }

  get header(): BlockHeader {
    return {
      chainId: CHAIN_ID,
      height: this.height,
      time: { seconds: this.seconds, nanos: 0 },
      proposerAddress: new Uint8Array(20),
      ...(this.height > 0n ? { comet: { votes: this.votes, misbehavior: this.misbehaviour, blockHash: new Uint8Array(32), nextValidatorsHash: new Uint8Array(32) } } : {}),
      ...(this.consensusParams ? { consensusParams: this.consensusParams } : {}),
    };
  }

  context(mode: "initGenesis" | "finalize" = "finalize", events = new EventManager(), store: MultiStore = this.store): Context {
    return new Context(store, this.header, mode, new InfiniteGasMeter(), events);
  }

  /**
   * One block: height + 1 (time + 5 s unless given), BeginBlock of slashing then evidence with `votes`
   * and `misbehaviour`, `work` in the block's state, and the fake staking EndBlock.
   */
  block(o: { votes?: readonly CommitVote[]; misbehaviour?: readonly Misbehaviour[]; seconds?: bigint; work?: (ctx: Context) => void } = {}): BlockResult {
    this.height += 1n;
    this.seconds = o.seconds ?? this.seconds + 5n;
    this.votes = o.votes ?? [];
    this.misbehaviour = o.misbehaviour ?? [];
    const begin = new EventManager();
    const beginCtx = this.context("finalize", begin);
    this.slashing.module.beginBlock?.(beginCtx);
    this.evidence.module.beginBlock?.(beginCtx);
    if (o.work) o.work(this.context());
    const end = new EventManager();
    const updates = this.staking.applyValidatorSetUpdates(this.context("finalize", end));
    return { begin: [...begin.events], updates, end: [...end.events] };
  }

  /** Runs `fn` in the current block's state (what a tx of this block would do). */
  run<T>(fn: (ctx: Context) => T): { result: T; events: Event[] } {
    const events = new EventManager();
    const result = fn(this.context("finalize", events));
    return { result, events: [...events.events] };
  }

  /** One message as baseapp runs it: ValidateBasic, then the handler in a branch kept only on success. */
  exec<Desc extends DescMessage>(typeUrl: string, schema: Desc, init: MessageInitShape<Desc>): TxResult {
    const route = this.modules.flatMap((m) => m.msgs ?? []).find((r) => r.typeUrl === typeUrl);
    if (route === undefined) throw new Error(`no route ${typeUrl}`);
    const events = new EventManager();
    try {
      const msg = route.decode(toBinary(schema, create(schema, init)));
      msg.validateBasic();
      const branch = this.store.branch();
      msg.execute(this.context("finalize", events, branch));
      branch.write();
      return { code: 0, codespace: "", log: "", events: [...events.events] };
    } catch (e) {
      const { code, codespace, log } = toAbciError(e);
      return { code, codespace, log, events: [] };
    }
  }

  /** A query through the module's handler at the current height; throws what the handler throws. */
  query<I extends DescMessage, O extends DescMessage>(path: string, input: I, output: O, request: MessageInitShape<I>): MessageShape<O> {
    return fromBinary(output, this.queryBytes(path, toBinary(input, create(input, request))));
  }

  queryBytes(path: string, request: Uint8Array): Uint8Array {
    const handler = this.modules.map((m) => m.queries?.[path]).find((h) => h !== undefined);
    if (handler === undefined) throw new Error(`no query ${path}`);
    const ctx: QueryContext = { height: Number(this.height), chainId: CHAIN_ID, store: this.store, kv: (name) => this.store.getReader(name) };
    const answer = handler(ctx, request);
    if (answer instanceof Promise) throw new Error(`${path} answered asynchronously`);
    return answer;
  }

  balance(address: Uint8Array, denom = "wei"): bigint {
    return this.bank.keeper.getBalance(this.context(), address, denom).amount;
  }

  moduleBalance(name: string): bigint {
    return this.balance(moduleAddress(name));
  }

  /** A copy of every key and value of `storeName`, to show that a failed message changed nothing. */
  dump(storeName: string): Map<string, string> {
    const out = new Map<string, string>();
    for (const { key, value } of this.store.getReader(storeName).iterator()) out.set(Buffer.from(key).toString("hex"), Buffer.from(value).toString("hex"));
    return out;
  }
}
