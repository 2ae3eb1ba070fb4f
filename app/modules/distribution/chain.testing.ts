/**
 * Test-only: auth, bank, distribution and mint wired as app/node/app.ts will wire them, over one
 * in-memory store, with the faithful staking fake (stakingFake.testing.ts) in place of the staking
 * keeper and distribution's hooks added to it. Blocks run mint then distribution BeginBlock with the
 * votes CometBFT would report; messages run through their real routes the way baseapp runs them
 * (ValidateBasic, then the handler in a branch that is written only on success); queries through the
 * real handlers at the current height. Used by the distribution and mint tests and the benchmark.
 */
import { create, type DescMessage, fromBinary, type MessageInitShape, type MessageShape, toBinary } from "@bufbuild/protobuf";
import type { Event } from "cosmjs-types/tendermint/abci/types";
import type { BlockHeader, CommitVote, ModuleHooks } from "../../baseapp/block.js";
import { Context } from "../../baseapp/context.js";
import { toAbciError } from "../../baseapp/errors.js";
import { EventManager } from "../../baseapp/events.js";
import { InfiniteGasMeter } from "../../baseapp/gas.js";
import type { MsgRoute } from "../../baseapp/msgs.js";
import type { QueryContext } from "../../baseapp/queryRouter.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { coin, Coins } from "../../math/coins.js";
import type { Dec } from "../../math/dec.js";
import { buildAppState } from "../../node/genesisBuilder.js";
import { memoryMultiStore } from "../../store/memory.js";
import type { MultiStore } from "../../store/types.js";
import { createAuthModule } from "../auth/index.js";
import { createBankModule } from "../bank/index.js";
import { createMintModule, mainnetMintGenesisJson } from "../mint/index.js";
import { createDistributionModule, mainnetDistributionGenesisJson } from "./index.js";
import { FakeStaking, type NewValidator } from "./stakingFake.testing.js";

export const STOS = 10n ** 18n;
export const CHAIN_ID = "stratos-test-1";
const GENESIS_SECONDS = 1_700_000_000n;

/** Mainnet's distribution genesis (spec-staking §2.8) with another community tax when asked. */
export const distributionGenesisJson = (communityTax?: string): Record<string, unknown> => mainnetDistributionGenesisJson(communityTax);

/** Mainnet's mint genesis (spec-staking §6). */
export const MINT_GENESIS_JSON: Record<string, unknown> = mainnetMintGenesisJson();

export interface ChainOptions {
  /** Funded accounts (raw addresses) and their wei. */
  readonly accounts: ReadonlyArray<{ readonly address: Uint8Array; readonly balance: bigint }>;
  readonly communityTax?: string;
  /** Replaces the whole distribution genesis (default: mainnet's with `communityTax`). */
  readonly distributionGenesis?: unknown;
  readonly mintGenesis?: unknown;
  /** Module-account balances at genesis, by module name (e.g. a distribution account to import). */
  readonly moduleBalances?: Readonly<Record<string, bigint>>;
  /** The state to run on (default: a fresh in-memory multistore); its stores must include FAKE_STAKING_STORE. */
  readonly store?: MultiStore;
}

export interface TxResult {
  readonly code: number;
  readonly codespace: string;
  readonly log: string;
  readonly events: readonly Event[];
  readonly response?: { readonly typeUrl: string; readonly value: Uint8Array };
}

export const acc = (addr: Uint8Array): string => formatBech32Address(addr, BECH32_PREFIX.account);
export const valoper = (addr: Uint8Array): string => formatBech32Address(addr, BECH32_PREFIX.validator);
export const moduleAcc = (name: string): string => acc(moduleAddress(name));

export class DistributionChain {
  readonly store: MultiStore;
  readonly auth = createAuthModule();
  readonly bank = createBankModule(this.auth.keeper);
  readonly staking: FakeStaking = new FakeStaking(this.bank.keeper);
  readonly distribution = createDistributionModule({
    bank: this.bank.keeper, accounts: this.auth.keeper, staking: this.staking, authority: this.auth.keeper.authority,
  });
  readonly mint = createMintModule({ bank: this.bank.keeper, accounts: this.auth.keeper, staking: this.staking, authority: this.auth.keeper.authority });
  /** The modules in InitGenesis order (spec-chain §8: auth, bank, distribution, (staking), mint). */
  readonly modules: readonly ModuleHooks[] = [this.auth.module, this.bank.module, this.distribution.module, this.mint.module];
  /** Height of the block being executed (0 = genesis). */
  height = 0n;
  proposer: Uint8Array = new Uint8Array(20);
  votes: readonly CommitVote[] = [];

  constructor(options: ChainOptions) {
    this.store = options.store ?? memoryMultiStore();
    this.staking.hooks.add(this.distribution.hooks);
    const state = buildAppState({
      accounts: options.accounts.map((a) => ({ address: acc(a.address), balance: a.balance })),
      ...(options.moduleBalances ? { moduleBalances: options.moduleBalances } : {}),
      // FakeStaking stands in for staking: no genesis validator operator.
      validatorOperator: null,
    });
    const appState: Record<string, unknown> = {
      auth: state.auth,
      bank: state.bank,
      distribution: options.distributionGenesis ?? distributionGenesisJson(options.communityTax),
      mint: options.mintGenesis ?? MINT_GENESIS_JSON,
    };
    const ctx = this.context("initGenesis", new EventManager());
    for (const m of this.modules) m.initGenesis?.(ctx, appState[m.name]);
  }

  get header(): BlockHeader {
    return {
      chainId: CHAIN_ID,
      height: this.height,
      time: { seconds: GENESIS_SECONDS + this.height * 5n, nanos: 0 },
      proposerAddress: this.proposer,
      ...(this.height > 0n ? { comet: { votes: this.votes, misbehavior: [], blockHash: new Uint8Array(32), nextValidatorsHash: new Uint8Array(32) } } : {}),
    };
  }

  context(mode: "initGenesis" | "finalize" = "finalize", events = new EventManager(), store: MultiStore = this.store): Context {
    return new Context(store, this.header, mode, new InfiniteGasMeter(), events);
  }

  /** Starts block `height` and runs BeginBlock (mint, then distribution) with `votes`; returns its events. */
  beginBlock(height: bigint, votes: ReadonlyArray<{ readonly validatorAddress: Uint8Array; readonly power: bigint; readonly blockIdFlag?: number }>, proposer?: Uint8Array): Event[] {
    this.height = height;
    this.votes = votes.map((v) => ({ validatorAddress: v.validatorAddress, power: v.power, blockIdFlag: v.blockIdFlag ?? 2 }));
    if (proposer !== undefined) this.proposer = proposer;
    const events = new EventManager();
    const ctx = this.context("finalize", events);
    this.mint.module.beginBlock?.(ctx);
    this.distribution.module.beginBlock?.(ctx);
    return [...events.events];
  }

  /** Runs `fn` in the current block's state (genesis-time setup, staking operations, funding). */
  run<T>(fn: (ctx: Context) => T): { result: T; events: Event[] } {
    const events = new EventManager();
    const result = fn(this.context("finalize", events));
    return { result, events: [...events.events] };
  }

  /** One message as baseapp runs it: ValidateBasic, then the handler in a branch kept only on success. */
  exec<Desc extends DescMessage>(route: MsgRoute, schema: Desc, init: MessageInitShape<Desc>): TxResult {
    const bytes = toBinary(schema, create(schema, init));
    const events = new EventManager();
    try {
      const msg = route.decode(bytes);
      msg.validateBasic();
      const branch = this.store.branch();
      const response = msg.execute(this.context("finalize", events, branch));
      branch.write();
      return { code: 0, codespace: "", log: "", events: [...events.events], response };
    } catch (e) {
      const { code, codespace, log } = toAbciError(e);
      return { code, codespace, log, events: [] };
    }
  }

  /** A query through the module's handler at the current height; throws what the handler throws. */
  query<I extends DescMessage, O extends DescMessage>(path: string, input: I, output: O, request: MessageInitShape<I>): MessageShape<O> {
    const handler = this.distribution.module.queries?.[path] ?? this.mint.module.queries?.[path];
    if (handler === undefined) throw new Error(`no query ${path}`);
    const ctx: QueryContext = { height: Number(this.height), chainId: CHAIN_ID, store: this.store, kv: (name) => this.store.getReader(name) };
    const answer = handler(ctx, toBinary(input, create(input, request)));
    if (answer instanceof Promise) throw new Error(`${path} answered asynchronously`);
    return fromBinary(output, answer);
  }

  /** name → problem of every failing distribution invariant. */
  brokenInvariants(): Record<string, string> {
    const ctx = this.context();
    return Object.fromEntries(Object.entries(this.distribution.module.invariants ?? {}).flatMap(([name, check]) => {
      const problem = check(ctx);
      return problem === undefined ? [] : [[name, problem]];
    }));
  }

  balance(address: Uint8Array, denom = "wei"): bigint {
    return this.bank.keeper.getBalance(this.context(), address, denom).amount;
  }

  /** Moves wei from a funded account into the fee collector (what fees and PoT do during a block). */
  collectFees(from: Uint8Array, amount: bigint): void {
    this.run((ctx) => this.bank.keeper.sendCoinsFromAccountToModule(ctx, from, "fee_collector", Coins.of(coin("wei", amount))));
  }

  createValidator(v: NewValidator, bonded = true): void {
    this.run((ctx) => {
      this.staking.createValidator(ctx, v);
      if (bonded) this.staking.bond(ctx, v.operator);
    });
  }

  delegate(delegator: Uint8Array, operator: Uint8Array, amount: bigint): { shares: Dec; events: Event[] } {
    const { result, events } = this.run((ctx) => this.staking.delegate(ctx, delegator, operator, amount));
    return { shares: result, events };
  }
}
