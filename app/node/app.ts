import { BaseApp } from "../baseapp/baseApp.js";
import { allModules, type ModuleHooks, type ModulePhases } from "../baseapp/block.js";
import { MsgRouter } from "../baseapp/msgs.js";
import { QueryRouter } from "../baseapp/queryRouter.js";
import { cometRpcTxLookup, getTxHandler, GET_TX_PATH } from "../baseapp/tx/getTx.js";
import { TxExecutor } from "../baseapp/tx/pipeline.js";
import { parseDecCoins } from "../math/coinParse.js";
import { createAuthModule } from "../modules/auth/index.js";
import { createAnteHandler } from "../modules/auth/ante/anteHandler.js";
import { SignatureCache } from "../modules/auth/ante/sigCache.js";
import { createPreverifier } from "../modules/auth/ante/preverify.js";
import { VerifyPool } from "../crypto/verifyPool.js";
import { createBankModule } from "../modules/bank/index.js";
import { createDistributionModule } from "../modules/distribution/index.js";
import { createRegisterModule } from "../modules/register/index.js";
import { createSdsModule } from "../modules/sds/index.js";
import { createPotModule } from "../modules/pot/index.js";
import { createStakingModule } from "../modules/staking/index.js";
import { createGenutilModule } from "../modules/genutil/index.js";
import type { CommitMultiStore } from "../store/types.js";
import { INVARIANTS_PATH, invariantsHandler } from "./invariants.js";

export const APP_NAME = "stratos-ts";
export const APP_VERSION = "0.1.0";

/** The reference's default `minimum-gas-prices` written to app.toml (spec-chain.md §10): 1 gwei per gas. */
export const DEFAULT_MIN_GAS_PRICES = "1000000000wei";

export interface StratosAppOptions {
  /** Test-only modules, appended to every phase. */
  readonly extraModules?: readonly ModuleHooks[];
  /** This node's CometBFT RPC; without it GetTx is not served. */
  readonly cometRpc?: string | undefined;
  /** Node-local minimum gas prices (CheckTx only), e.g. "1000000000wei"; "" for none. */
  readonly minimumGasPrices?: string;
  readonly onInternalError?: (error: unknown, tx: Uint8Array) => void;
  /**
   * Worker threads verifying CheckTx signatures as requests arrive (0 = verify inline). Worth it when
   * the machine has cores to spare beside CometBFT; see docs/performance.md.
   */
  readonly checkTxVerifyWorkers?: number;
  /**
   * Replay the reference's security quirks in register (spec-register §10 items 1–4): only for
   * re-executing `stratos-1` history. Consensus-relevant: every validator of a network must agree.
   */
  readonly referenceQuirks?: boolean;
  /** EndBlock failures the reference swallows (e.g. an unbonding payout that cannot be made). */
  readonly onEndBlockProblem?: (module: string, problem: string) => void;
}

export interface StratosAppParts {
  readonly app: BaseApp;
  readonly store: CommitMultiStore;
  readonly queries: QueryRouter;
  readonly signatureCache: SignatureCache;
  /** The keepers, for tests and tools that inspect state in-process. */
  readonly keepers: {
    readonly auth: ReturnType<typeof createAuthModule>["keeper"];
    readonly bank: ReturnType<typeof createBankModule>["keeper"];
    readonly distribution: ReturnType<typeof createDistributionModule>["keeper"];
    readonly staking: ReturnType<typeof createStakingModule>["keeper"];
    readonly register: ReturnType<typeof createRegisterModule>["keeper"];
    readonly sds: ReturnType<typeof createSdsModule>["keeper"];
    readonly pot: ReturnType<typeof createPotModule>["keeper"];
  };
  /** Every module's genesis section from committed state, in InitGenesis order (an `export`). */
  exportAppState(): Record<string, unknown>;
  /** Stops worker threads and closes the store. */
  close(): Promise<void>;
}

/**
 * The one place that lists the modules and their order per phase (spec-chain.md §8: InitGenesis
 * auth, bank, …; BeginBlock … auth, bank …; EndBlock … auth, bank …) and wires keepers together.
 */
export async function createStratosApp(store: CommitMultiStore, options: StratosAppOptions = {}): Promise<StratosAppParts> {
  const extra = options.extraModules ?? [];
  const auth = createAuthModule();
  const bank = createBankModule(auth.keeper);
  const distribution = createDistributionModule(bank.keeper);
  const staking = createStakingModule({
    bank: bank.keeper,
    accounts: auth.keeper,
    authority: auth.keeper.authority,
    onVotingPowerCap: (height) => options.onEndBlockProblem?.("staking", `height ${height}: the voting-power limit kept validators out of the set`),
  });
  // Genesis transactions are decoded by the app's routes (filled in below, before InitChain can run).
  const router = new MsgRouter();
  const genutil = createGenutilModule({
    staking: staking.keeper,
    decodeMessage: (typeUrl, value) => router.get(typeUrl)?.decode(value),
  });
  const register = createRegisterModule({
    bank: bank.keeper,
    accounts: auth.keeper,
    communityPool: distribution.keeper,
    authority: auth.keeper.authority,
    referenceQuirks: options.referenceQuirks ?? false,
    onEndBlockProblem: (p) => options.onEndBlockProblem?.("register", `${p.networkAddress}: ${p.error}`),
  });
  const sds = createSdsModule({ register: register.keeper, bank: bank.keeper, authority: auth.keeper.authority });
  const pot = createPotModule({
    register: register.keeper,
    bank: bank.keeper,
    distribution: distribution.keeper,
    accounts: auth.keeper,
    authority: auth.keeper.authority,
    referenceQuirks: options.referenceQuirks ?? false,
    onEndBlockProblem: (p) => options.onEndBlockProblem?.("pot", `${p.step}: ${p.error}`),
  });

  // spec-chain §8: InitGenesis auth, bank, distribution, staking, …, genutil, …, register, pot, sds;
  // BeginBlock …, distribution, …, staking, auth, bank, …, register, pot, sds; EndBlock …, staking,
  // register, sds, …, auth, bank, distribution, …, pot.
  const modules: ModulePhases = {
    initGenesis: [auth.module, bank.module, distribution.module, staking.module, genutil.module, register.module, pot.module, sds.module, ...extra],
    beginBlock: [distribution.module, staking.module, auth.module, bank.module, register.module, pot.module, sds.module, ...extra],
    endBlock: [staking.module, register.module, sds.module, auth.module, bank.module, distribution.module, pot.module, ...extra],
  };
  BaseApp.mountStores(store, modules);
  await store.load();

  const all = allModules(modules);
  const queries = new QueryRouter(APP_VERSION);
  for (const m of all) {
    for (const route of m.msgs ?? []) router.register(route);
    for (const schema of m.anyTypes ?? []) router.registerAnyType(schema);
    for (const [path, handler] of Object.entries(m.queries ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      queries.register(path, handler);
    }
  }
  queries.register(INVARIANTS_PATH, invariantsHandler(all));
  if (options.cometRpc) queries.register(GET_TX_PATH, getTxHandler(cometRpcTxLookup(options.cometRpc)));

  const signatureCache = new SignatureCache();
  const ante = createAnteHandler({
    accounts: auth.keeper,
    bank: bank.keeper,
    minGasPrices: parseDecCoins(options.minimumGasPrices ?? DEFAULT_MIN_GAS_PRICES),
    signatureCache,
  });
  const workers = options.checkTxVerifyWorkers ?? 0;
  const pool = workers > 0 ? new VerifyPool(workers) : undefined;
  const txs = new TxExecutor({
    router,
    ante,
    ...(pool ? { preverify: createPreverifier(auth.keeper, signatureCache, pool) } : {}),
    ...(options.onInternalError ? { onInternalError: options.onInternalError } : {}),
  });
  const app = new BaseApp({ store, modules, queries, txs, name: APP_NAME, version: APP_VERSION, requireGenesisValidators: true });
  const close = async (): Promise<void> => {
    await pool?.close();
    await store.close();
  };
  const keepers = {
    auth: auth.keeper, bank: bank.keeper, distribution: distribution.keeper, staking: staking.keeper, register: register.keeper, sds: sds.keeper, pot: pot.keeper,
  };
  const exportAppState = (): Record<string, unknown> => {
    const committed = store.committed();
    const ctx = { kv: (name: string) => committed.getReader(name) };
    const out: Record<string, unknown> = {};
    for (const m of modules.initGenesis) {
      const section = m.exportGenesis?.(ctx);
      if (section !== undefined) out[m.name] = section;
    }
    return out;
  };
  return { app, store, queries, signatureCache, keepers, exportAppState, close };
}
