import { BaseApp, type SnapshotService } from "../baseapp/baseApp.js";
import { allModules, type ModuleHooks, type ModulePhases } from "../baseapp/block.js";
import { MsgRouter } from "../baseapp/msgs.js";
import { QueryRouter } from "../baseapp/queryRouter.js";
import { cometRpcTxLookup, getTxHandler, GET_TX_PATH } from "../baseapp/tx/getTx.js";
import { BLOCK_EVENTS_PATH, blockEventsHandler, cometRpcBlockEvents } from "../baseapp/blockEvents.js";
import { TxExecutor } from "../baseapp/tx/pipeline.js";
import { parseDecCoins } from "../math/coinParse.js";
import { createAuthModule } from "../modules/auth/index.js";
import { createAnteHandler } from "../modules/auth/ante/anteHandler.js";
import { SignatureCache } from "../modules/auth/ante/sigCache.js";
import { createPreverifier } from "../modules/auth/ante/preverify.js";
import { VerifyPool } from "../crypto/verifyPool.js";
import { createBankModule } from "../modules/bank/index.js";
import { createCrisisModule } from "../modules/crisis/index.js";
import { createDistributionModule } from "../modules/distribution/index.js";
import { createEvidenceModule } from "../modules/evidence/index.js";
import { createMintModule } from "../modules/mint/index.js";
import { createSlashingModule } from "../modules/slashing/index.js";
import { createGenutilModule } from "../modules/genutil/index.js";
import { createStakingModule } from "../modules/staking/index.js";
import { createRegisterModule } from "../modules/register/index.js";
import { createSdsModule } from "../modules/sds/index.js";
import { createPotModule } from "../modules/pot/index.js";
import { createGovModule, type StakingForGov } from "../modules/gov/index.js";
import { createUpgradeModule, REFERENCE_CONSENSUS_VERSIONS, type UpgradeHandler, type UpgradeNeeded, upgradeInfoJson } from "../modules/upgrade/index.js";
import type { HaltOptions } from "../baseapp/baseApp.js";
import type { CommitMultiStore } from "../store/types.js";
import { INVARIANTS_PATH, invariantsHandler } from "./invariants.js";
import fs from "node:fs";
import path from "node:path";

export const APP_NAME = "stratos-ts";
export const APP_VERSION = "0.1.0";

/** The reference's default `minimum-gas-prices` written to app.toml (spec-chain.md §10): 1 gwei per gas. */
export const DEFAULT_MIN_GAS_PRICES = "1000000000wei";

export interface StratosAppOptions {
  /**
   * Test-only modules, appended to every phase; as a function, made from the app's keepers (e.g. a
   * genesis step that jails a validator through the real staking keeper).
   */
  readonly extraModules?: readonly ModuleHooks[] | ((keepers: StratosKeepers) => readonly ModuleHooks[]);
  /** This node's CometBFT RPC; without it GetTx and BlockEvents are not served. */
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
  /** State sync snapshots (app/snapshots). */
  readonly snapshots?: SnapshotService;
  /** app.toml `min-retain-blocks`. */
  readonly minRetainBlocks?: number;
  /** What gov's tally reads of staking: the staking keeper unless a test passes a stand-in. */
  readonly stakingForGov?: StakingForGov;
  /** This binary's upgrade handlers (plan name → migration), see app/modules/upgrade. */
  readonly upgradeHandlers?: ReadonlyMap<string, UpgradeHandler>;
  /**
   * Where `upgrade-info.json` is written when a plan's height is reached without its handler (the
   * node's data directory, as cosmovisor expects); not written when undefined.
   */
  readonly upgradeInfoDir?: string;
  /** The node's log line at an upgrade halt (`UPGRADE "<name>" NEEDED at height: <h>: <info>`). */
  readonly onUpgradeNeeded?: (needed: UpgradeNeeded) => void;
  /** `halt-height` / `halt-time` (app.toml). */
  readonly halt?: HaltOptions;
  /** The node's `--inv-check-period`: crisis asserts every invariant at heights divisible by it (default 0: never). */
  readonly invCheckPeriod?: bigint;
  /** The node's `--x-crisis-skip-assert-invariants`: no invariant assertion at InitChain. */
  readonly skipGenesisInvariants?: boolean;
}

export interface StratosAppParts {
  readonly app: BaseApp;
  readonly store: CommitMultiStore;
  readonly queries: QueryRouter;
  readonly signatureCache: SignatureCache;
  /** The keepers, for tests and tools that inspect state in-process. */
  readonly keepers: StratosKeepers;
  /** Every module's genesis section from committed state (or a retained `height`), in InitGenesis order (an `export`). */
  exportAppState(height?: number): Record<string, unknown>;
  /** Stops worker threads and closes the store. */
  close(): Promise<void>;
}

/** The test modules of `StratosAppOptions.extraModules`, made from the keepers when given as a function. */
export function resolveExtraModules(extra: StratosAppOptions["extraModules"], keepers: StratosKeepers): readonly ModuleHooks[] {
  return typeof extra === "function" ? extra(keepers) : extra ?? [];
}

/** The app's keepers. */
export interface StratosKeepers {
  readonly auth: ReturnType<typeof createAuthModule>["keeper"];
  readonly bank: ReturnType<typeof createBankModule>["keeper"];
  readonly distribution: ReturnType<typeof createDistributionModule>["keeper"];
  readonly staking: ReturnType<typeof createStakingModule>["keeper"];
  readonly slashing: ReturnType<typeof createSlashingModule>["keeper"];
  readonly evidence: ReturnType<typeof createEvidenceModule>["keeper"];
  readonly mint: ReturnType<typeof createMintModule>["keeper"];
  readonly register: ReturnType<typeof createRegisterModule>["keeper"];
  readonly sds: ReturnType<typeof createSdsModule>["keeper"];
  readonly pot: ReturnType<typeof createPotModule>["keeper"];
  readonly gov: ReturnType<typeof createGovModule>["keeper"];
  readonly upgrade: ReturnType<typeof createUpgradeModule>["keeper"];
  readonly crisis: ReturnType<typeof createCrisisModule>["keeper"];
}

/**
 * The one place that lists the modules and their order per phase (spec-chain.md §8: InitGenesis
 * auth, bank, …; BeginBlock … auth, bank …; EndBlock … auth, bank …) and wires keepers together.
 */
export async function createStratosApp(store: CommitMultiStore, options: StratosAppOptions = {}): Promise<StratosAppParts> {
  // gov executes proposal messages through the same router as transactions: created first, filled below.
  const router = new MsgRouter();
  let moduleNames: readonly string[] = [];
  const auth = createAuthModule();
  const bank = createBankModule(auth.keeper);
  const staking = createStakingModule({
    bank: bank.keeper,
    accounts: auth.keeper,
    authority: auth.keeper.authority,
    onVotingPowerCap: (height) => options.onEndBlockProblem?.("staking", `height ${height}: the voting-power limit kept validators out of the set`),
  });
  const distribution = createDistributionModule({ bank: bank.keeper, accounts: auth.keeper, staking: staking.keeper, authority: auth.keeper.authority });
  const slashing = createSlashingModule({ staking: staking.keeper, authority: auth.keeper.authority });
  // spec-staking §0.6: staking's hooks call distribution first, then slashing.
  staking.keeper.hooks.add(distribution.hooks);
  staking.keeper.hooks.add(slashing.hooks);
  const evidence = createEvidenceModule({
    staking: staking.keeper,
    slashing: slashing.keeper,
    log: (line) => options.onEndBlockProblem?.("evidence", line),
  });
  const mint = createMintModule({ bank: bank.keeper, accounts: auth.keeper, staking: staking.keeper, authority: auth.keeper.authority });
  // Genesis transactions are decoded by the app's routes (the router is filled below, before InitChain can run).
  const genutil = createGenutilModule({ staking: staking.keeper, decodeMessage: (typeUrl, value) => router.get(typeUrl)?.decode(value) });
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
  const crisis = createCrisisModule({
    bank: bank.keeper,
    authority: auth.keeper.authority,
    invCheckPeriod: options.invCheckPeriod ?? 0n,
    skipGenesisInvariants: options.skipGenesisInvariants ?? false,
  });

  const upgrade = createUpgradeModule({
    authority: auth.keeper.authority,
    handlers: options.upgradeHandlers ?? new Map(),
    // Read at InitChain, once the module list below exists.
    initialVersions: () => new Map(moduleNames.flatMap((name) => {
      const version = REFERENCE_CONSENSUS_VERSIONS[name];
      return version === undefined ? [] : [[name, version] as const];
    })),
    onUpgradeNeeded: (needed) => {
      // The reference writes the file before it stops; cosmovisor reads it to switch binaries.
      if (options.upgradeInfoDir !== undefined) {
        fs.mkdirSync(options.upgradeInfoDir, { recursive: true });
        fs.writeFileSync(path.join(options.upgradeInfoDir, "upgrade-info.json"), upgradeInfoJson(needed.plan, needed.height), { mode: 0o600 });
      }
      options.onUpgradeNeeded?.(needed);
    },
  });
  const gov = createGovModule({
    bank: bank.keeper,
    accounts: auth.keeper,
    staking: options.stakingForGov ?? staking.keeper,
    router,
    authority: auth.keeper.authority,
    legacyContents: upgrade.legacyContents,
    onProposalFailed: (id, reason) => options.onEndBlockProblem?.("gov", `proposal ${id} ${reason}`),
  });

  const keepers: StratosKeepers = {
    auth: auth.keeper, bank: bank.keeper, distribution: distribution.keeper, staking: staking.keeper, slashing: slashing.keeper,
    evidence: evidence.keeper, mint: mint.keeper, register: register.keeper, sds: sds.keeper,
    pot: pot.keeper,
    gov: gov.keeper, upgrade: upgrade.keeper, crisis: crisis.keeper,
  };
  const extra = resolveExtraModules(options.extraModules, keepers);
  // spec-chain §8 (the reference's SetOrder* lists, modules it lacks left out).
  const modules: ModulePhases = {
    initGenesis: [
      auth.module, bank.module, distribution.module, staking.module, slashing.module, gov.module, mint.module, genutil.module,
      evidence.module, upgrade.module, register.module, pot.module, sds.module, crisis.module, ...extra,
    ],
    beginBlock: [
      upgrade.module, mint.module, distribution.module, slashing.module, evidence.module, staking.module, auth.module, bank.module,
      gov.module, register.module, pot.module, sds.module, ...extra,
    ],
    endBlock: [
      crisis.module, gov.module, staking.module, register.module, sds.module, auth.module, bank.module, distribution.module,
      slashing.module, mint.module, evidence.module, pot.module, upgrade.module, ...extra,
    ],
  };
  BaseApp.mountStores(store, modules);
  await store.load();

  const all = allModules(modules);
  moduleNames = all.map((m) => m.name);
  crisis.registerInvariants(all);
  const queries = new QueryRouter(APP_VERSION);
  for (const m of all) {
    for (const route of m.msgs ?? []) router.register(route);
    for (const schema of m.anyTypes ?? []) router.registerAnyType(schema);
    for (const [path, handler] of Object.entries(m.queries ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      queries.register(path, handler);
    }
  }
  queries.register(INVARIANTS_PATH, invariantsHandler(all));
  if (options.cometRpc) {
    queries.register(GET_TX_PATH, getTxHandler(cometRpcTxLookup(options.cometRpc)));
    queries.register(BLOCK_EVENTS_PATH, blockEventsHandler(cometRpcBlockEvents(options.cometRpc)));
  }

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
  const app = new BaseApp({
    store, modules, queries, txs, name: APP_NAME, version: APP_VERSION,
    ...(options.snapshots ? { snapshots: options.snapshots } : {}),
    minRetainBlocks: options.minRetainBlocks ?? 0,
    ...(options.halt ? { halt: options.halt } : {}),
    requireGenesisValidators: true,
  });
  const close = async (): Promise<void> => {
    await pool?.close();
    await store.close();
  };
  const exportAppState = (height?: number): Record<string, unknown> => {
    const committed = height === undefined ? store.committed() : store.at(height);
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
