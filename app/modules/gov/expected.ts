/**
 * What gov needs from other modules (SDK v0.47 `x/gov/types/expected_keepers.go`, trimmed to the
 * calls gov makes), declared here and satisfied by the keepers app/node/app.ts passes in.
 */
import type { DescMessage } from "@bufbuild/protobuf";
import type { Event } from "cosmjs-types/tendermint/abci/types";
import type { Context, ReadContext } from "../../baseapp/context.js";
import type { MsgRoute } from "../../baseapp/msgs.js";
import type { Coins } from "../../math/coins.js";
import type { KVStore, StoreName } from "../../store/types.js";
import type { StakingView } from "../staking/types.js";

/** Store writes and the event sink (a baseapp `Context` is one). */
export interface WriteContext extends ReadContext {
  kv(name: StoreName): KVStore;
  emit(event: Event): void;
}

/**
 * The tally's view of staking (spec-staking §5.5): the bonded validators in power-index order, a
 * voter's delegations, and the bonded pool. The staking keeper implements the whole `StakingView`.
 */
export type StakingForGov = Pick<StakingView, "bondedValidatorsByPower" | "delegatorDelegations" | "totalBondedTokens">;

export interface BankForGov {
  getAllBalances(ctx: ReadContext, address: Uint8Array): Coins;
  sendCoinsFromAccountToModule(ctx: WriteContext, sender: Uint8Array, recipientModule: string, amount: Coins): void;
  sendCoinsFromModuleToAccount(ctx: WriteContext, senderModule: string, recipient: Uint8Array, amount: Coins): void;
  burnCoins(ctx: WriteContext, moduleName: string, amount: Coins): void;
}

export interface AccountsForGov {
  getModuleAddress(name: string): Uint8Array | undefined;
  /** `GetModuleAccount`: creates and stores the module account on first use (the reference does, in several gov paths). */
  getModuleAccount(ctx: WriteContext, name: string): { readonly address: Uint8Array } | undefined;
}

/**
 * The app's message router (baseapp's `MsgRouter`): proposal messages are decoded, checked and run
 * through the same routes as transactions, with the gov module account as their signer.
 */
export interface MessageRouterForGov {
  get(typeUrl: string): MsgRoute | undefined;
  /** The schema of any type an Any may name (messages, keys, contents): genesis JSON needs them. */
  resolveAny(typeUrl: string): DescMessage | undefined;
}

/**
 * A v1beta1 proposal content type (the SDK's `v1beta1.Content` implementations): decoded from its Any,
 * checked, and run by the handler of its route when a MsgExecLegacyContent executes. Modules that
 * serve legacy proposals (upgrade) provide theirs; gov serves "gov" (TextProposal) and "params".
 */
export interface LegacyContentType {
  /** The content message; its type URL is `/<schema.typeName>`. */
  readonly schema: DescMessage;
  /** The legacy router key the content is dispatched on ("gov", "params", "upgrade"). */
  readonly route: string;
  /** `ProposalType()` ("Text", "SoftwareUpgrade", …). */
  readonly proposalType: string;
  /** @throws on bytes the reference could not unmarshal (the tx then fails to decode). */
  decode(bytes: Uint8Array): LegacyContent;
}

export interface LegacyContent {
  readonly title: string;
  readonly description: string;
  /**
   * The content's `ValidateBasic` (throws its registered error). `abstract` is gov's `ValidateAbstract`
   * (title and description, gov 5); each content type calls it where the reference does.
   */
  validateBasic(abstract: () => void): void;
  /** The route's handler for this content (throws the handler's error). */
  handle(ctx: Context): void;
}
