/**
 * The gov module (`cosmos.gov.v1` with the legacy `cosmos.gov.v1beta1`, spec-staking §5): proposals
 * whose messages the gov account executes when they pass, deposits, weighted votes tallied over bonded
 * stake, the deposit and voting periods, every query of both versions, genesis.
 *
 * Wiring (app/node/app.ts):
 *  - `staking`: the tally reads bonded validators and delegations (StakingForGov, expected.ts);
 *  - `router`: the app's message router, the one transactions use — create it before the modules and
 *    pass it here; proposal messages are decoded, validated and executed through it;
 *  - `legacyContents`: other modules' v1beta1 contents (upgrade's), beside gov's own;
 *  - EndBlock order: gov before staking (spec-staking §0.5).
 */
import type { ModuleHooks } from "../../baseapp/block.js";
import type { AccountsForGov, BankForGov, LegacyContentType, MessageRouterForGov, StakingForGov } from "./expected.js";
import { govEndBlock } from "./endBlock.js";
import { exportGovGenesis, initGovGenesis, parseGovGenesis } from "./genesis.js";
import { govInvariants } from "./invariants.js";
import { GovKeeper } from "./keeper.js";
import { GOV_MODULE_NAME, GOV_STORE_KEY } from "./keys.js";
import { GOV_LEGACY_CONTENTS } from "./legacy/contents.js";
import { depositRoute } from "./msgs/deposit.js";
import { execLegacyContentRoute } from "./msgs/execLegacyContent.js";
import { legacyDepositRoute, legacySubmitProposalRoute, legacyVoteRoute, legacyVoteWeightedRoute } from "./msgs/legacy.js";
import { submitProposalRoute } from "./msgs/submitProposal.js";
import { updateParamsRoute } from "./msgs/updateParams.js";
import { voteRoute, voteWeightedRoute } from "./msgs/vote.js";
import { govQueries, govQueryHandlers } from "./queries.js";
import { govV1beta1QueryHandlers } from "./queriesV1beta1.js";

export { GovKeeper } from "./keeper.js";
export { GOV_MODULE_NAME, GOV_STORE_KEY } from "./keys.js";
export { MAINNET_GOV_PARAMS, type GovParams } from "./params.js";
export { govGenesisOf } from "./genesis.js";
export { validateAbstract } from "./legacy/contents.js";
export type { AccountsForGov, BankForGov, LegacyContent, LegacyContentType, MessageRouterForGov, StakingForGov } from "./expected.js";
export * from "./errors.js";

export interface GovModuleOptions {
  readonly bank: BankForGov;
  readonly accounts: AccountsForGov;
  readonly staking: StakingForGov;
  readonly router: MessageRouterForGov;
  /** Bech32 authority of gov's MsgUpdateParams: the gov module account. */
  readonly authority: string;
  /** Contents other modules serve through the legacy router (e.g. upgrade's). */
  readonly legacyContents?: readonly LegacyContentType[];
  /** A passed proposal whose messages failed (FAILED): for the node's log, as the reference logs it. */
  readonly onProposalFailed?: (id: bigint, reason: string) => void;
}

export interface GovModule {
  readonly module: ModuleHooks;
  readonly keeper: GovKeeper;
}

export function createGovModule(options: GovModuleOptions): GovModule {
  const contents = new Map<string, LegacyContentType>();
  for (const c of [...GOV_LEGACY_CONTENTS, ...(options.legacyContents ?? [])]) {
    const typeUrl = `/${c.schema.typeName}`;
    if (contents.has(typeUrl)) throw new Error(`gov: legacy content ${typeUrl} registered twice`);
    contents.set(typeUrl, c);
  }
  const keeper = new GovKeeper({
    bank: options.bank,
    accounts: options.accounts,
    staking: options.staking,
    router: options.router,
    authority: options.authority,
    legacyContents: contents,
    ...(options.onProposalFailed ? { onProposalFailed: options.onProposalFailed } : {}),
  });
  const queries = govQueries(keeper);
  const module: ModuleHooks = {
    name: GOV_MODULE_NAME,
    stores: [{ name: GOV_STORE_KEY, kind: "iavl" }],
    msgs: [
      submitProposalRoute(keeper), execLegacyContentRoute(keeper), voteRoute(keeper), voteWeightedRoute(keeper), depositRoute(keeper),
      updateParamsRoute(keeper), legacySubmitProposalRoute(keeper), legacyVoteRoute(keeper), legacyVoteWeightedRoute(keeper),
      legacyDepositRoute(keeper),
    ],
    // Contents ride inside MsgExecLegacyContent and v1beta1 MsgSubmitProposal Anys.
    anyTypes: [...contents.values()].map((c) => c.schema),
    queries: { ...govQueryHandlers(keeper, queries), ...govV1beta1QueryHandlers(keeper, queries) },
    invariants: govInvariants(keeper),
    initGenesis(ctx, genesis) {
      // The SDK module manager skips a module whose app_state entry is absent.
      if (genesis === undefined) return;
      initGovGenesis(ctx, keeper, parseGovGenesis(genesis, options.router));
    },
    exportGenesis: (ctx) => exportGovGenesis(ctx, keeper),
    endBlock(ctx) {
      govEndBlock(keeper, ctx);
    },
  };
  return { module, keeper };
}
