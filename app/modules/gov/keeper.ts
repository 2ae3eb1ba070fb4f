/**
 * The gov keeper: state I/O only (SDK v0.47 `x/gov/keeper/{keeper,proposal,deposit,vote,params}.go`),
 * with the reference's store-access order. Procedures over it live in proposals.ts, deposits.ts,
 * votes.ts, tally.ts and endBlock.ts.
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import type { ReadContext } from "../../baseapp/context.js";
import {
  type Deposit, DepositSchema, type Params as ParamsProto, ParamsSchema, type Proposal, ProposalSchema, ProposalStatus, type Vote, VoteSchema,
} from "../../codec/cosmos/gov/v1/gov_pb.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { prefixEnd } from "../../store/bytes.js";
import { fromTimestamp, type UnixNanos } from "../register/logic/time.js";
import type { AccountsForGov, BankForGov, LegacyContentType, MessageRouterForGov, StakingForGov, WriteContext } from "./expected.js";
import {
  GOV_MODULE_NAME, GOV_STORE_KEY, PARAMS_KEY, PREFIX, PROPOSAL_ID_KEY, PROPOSALS_PREFIX, depositKey, depositsPrefix, idBytes, idFromBytes,
  proposalKey, queueKey, queueKeyId, queueTimeKey, voteKey, votesPrefix, votingPeriodKey,
} from "./keys.js";
import { type GovParams, ZERO_GOV_PARAMS, govParamsFromProto, govParamsToProto } from "./params.js";

/** Gov's config (SDK `types.Config`): Stratos keeps the default. */
export const MAX_METADATA_LEN = 255;

export interface GovKeeperDeps {
  readonly bank: BankForGov;
  readonly accounts: AccountsForGov;
  readonly staking: StakingForGov;
  readonly router: MessageRouterForGov;
  /** Bech32 address allowed to send gov's MsgUpdateParams (the gov module account). */
  readonly authority: string;
  /** Legacy content types by type URL; their routes make up the legacy router. */
  readonly legacyContents: ReadonlyMap<string, LegacyContentType>;
  /** Passed proposals whose messages failed (the reference logs them). */
  readonly onProposalFailed?: (id: bigint, reason: string) => void;
}

export class GovKeeper {
  /** The gov module account: holds the deposits, signs the proposals' messages. */
  readonly govAddress: Uint8Array;
  readonly legacyRoutes: ReadonlySet<string>;

  constructor(readonly deps: GovKeeperDeps) {
    const address = deps.accounts.getModuleAddress(GOV_MODULE_NAME);
    if (address === undefined) throw new Error("gov: the gov module account has no permissions entry");
    this.govAddress = address;
    this.legacyRoutes = new Set([...deps.legacyContents.values()].map((c) => c.route));
  }

  get govAddressString(): string {
    return formatBech32Address(this.govAddress, BECH32_PREFIX.account);
  }

  /** `GetGovernanceAccount`: the module account, created on first use. */
  governanceAccount(ctx: WriteContext): Uint8Array {
    const acc = this.deps.accounts.getModuleAccount(ctx, GOV_MODULE_NAME);
    if (acc === undefined) throw new Error("gov: module account has not been set");
    return acc.address;
  }

  // ---- params ------------------------------------------------------------------------------

  getParams(ctx: ReadContext): GovParams {
    const bytes = ctx.kv(GOV_STORE_KEY).get(PARAMS_KEY);
    return bytes === undefined ? ZERO_GOV_PARAMS : govParamsFromProto(fromBinary(ParamsSchema, bytes));
  }

  getParamsProto(ctx: ReadContext): ParamsProto {
    const bytes = ctx.kv(GOV_STORE_KEY).get(PARAMS_KEY);
    return bytes === undefined ? create(ParamsSchema) : fromBinary(ParamsSchema, bytes);
  }

  setParams(ctx: WriteContext, params: GovParams): void {
    ctx.kv(GOV_STORE_KEY).set(PARAMS_KEY, toBinary(ParamsSchema, govParamsToProto(params)));
  }

  // ---- proposal ids --------------------------------------------------------------------------

  /** Undefined before genesis set it (the reference's ErrInvalidGenesis case). */
  getProposalId(ctx: ReadContext): bigint | undefined {
    const bytes = ctx.kv(GOV_STORE_KEY).get(PROPOSAL_ID_KEY);
    return bytes === undefined ? undefined : idFromBytes(bytes);
  }

  setProposalId(ctx: WriteContext, id: bigint): void {
    ctx.kv(GOV_STORE_KEY).set(PROPOSAL_ID_KEY, idBytes(id));
  }

  // ---- proposals -----------------------------------------------------------------------------

  getProposal(ctx: ReadContext, id: bigint): Proposal | undefined {
    const bytes = ctx.kv(GOV_STORE_KEY).get(proposalKey(id));
    return bytes === undefined ? undefined : fromBinary(ProposalSchema, bytes);
  }

  /** Also keeps the voting-period marker (0x04) in step with the status, as `SetProposal` does. */
  setProposal(ctx: WriteContext, p: Proposal): void {
    const store = ctx.kv(GOV_STORE_KEY);
    if (p.status === ProposalStatus.VOTING_PERIOD) store.set(votingPeriodKey(p.id), Uint8Array.of(1));
    else store.delete(votingPeriodKey(p.id));
    store.set(proposalKey(p.id), toBinary(ProposalSchema, p));
  }

  /** `DeleteProposal`: the record, its queue entries and its voting-period marker. */
  deleteProposal(ctx: WriteContext, id: bigint): void {
    const p = this.getProposal(ctx, id);
    if (p === undefined) throw new Error(`couldn't find proposal with id#${id}`);
    const store = ctx.kv(GOV_STORE_KEY);
    if (p.depositEndTime) this.removeFromQueue(ctx, "inactive", id, fromTimestamp(p.depositEndTime));
    if (p.votingEndTime) {
      this.removeFromQueue(ctx, "active", id, fromTimestamp(p.votingEndTime));
      store.delete(votingPeriodKey(id));
    }
    store.delete(proposalKey(id));
  }

  isInVotingPeriod(ctx: ReadContext, id: bigint): boolean {
    return ctx.kv(GOV_STORE_KEY).has(votingPeriodKey(id));
  }

  /** Every proposal by id. */
  *proposals(ctx: ReadContext): Generator<Proposal> {
    for (const { value } of ctx.kv(GOV_STORE_KEY).iterator(PROPOSALS_PREFIX, prefixEnd(PROPOSALS_PREFIX))) yield fromBinary(ProposalSchema, value);
  }

  // ---- queues --------------------------------------------------------------------------------

  insertIntoQueue(ctx: WriteContext, queue: Queue, id: bigint, t: UnixNanos): void {
    ctx.kv(GOV_STORE_KEY).set(queueKey(QUEUE_PREFIX[queue], t, id), idBytes(id));
  }

  removeFromQueue(ctx: WriteContext, queue: Queue, id: bigint, t: UnixNanos): void {
    ctx.kv(GOV_STORE_KEY).delete(queueKey(QUEUE_PREFIX[queue], t, id));
  }

  /** Ids queued at times ≤ `t`, in queue order (time, then id), read before any of them is processed. */
  dueIds(ctx: ReadContext, queue: Queue, t: UnixNanos): bigint[] {
    const prefix = Uint8Array.of(QUEUE_PREFIX[queue]);
    const ids: bigint[] = [];
    for (const { key } of ctx.kv(GOV_STORE_KEY).iterator(prefix, prefixEnd(queueTimeKey(QUEUE_PREFIX[queue], t)))) ids.push(queueKeyId(key));
    return ids;
  }

  // ---- deposits ------------------------------------------------------------------------------

  getDeposit(ctx: ReadContext, id: bigint, depositor: Uint8Array): Deposit | undefined {
    const bytes = ctx.kv(GOV_STORE_KEY).get(depositKey(id, depositor));
    return bytes === undefined ? undefined : fromBinary(DepositSchema, bytes);
  }

  setDeposit(ctx: WriteContext, depositor: Uint8Array, d: Deposit): void {
    ctx.kv(GOV_STORE_KEY).set(depositKey(d.proposalId, depositor), toBinary(DepositSchema, d));
  }

  deleteDeposit(ctx: WriteContext, id: bigint, depositor: Uint8Array): void {
    ctx.kv(GOV_STORE_KEY).delete(depositKey(id, depositor));
  }

  /** A proposal's deposits by depositor bytes, with the depositor read from the key. */
  depositsOf(ctx: ReadContext, id: bigint): Array<{ depositor: Uint8Array; deposit: Deposit }> {
    const prefix = depositsPrefix(id);
    return [...ctx.kv(GOV_STORE_KEY).iterator(prefix, prefixEnd(prefix))].map(({ key, value }) => ({
      depositor: key.subarray(prefix.length + 1),
      deposit: fromBinary(DepositSchema, value),
    }));
  }

  *allDeposits(ctx: ReadContext): Generator<Deposit> {
    const prefix = Uint8Array.of(PREFIX.deposit);
    for (const { value } of ctx.kv(GOV_STORE_KEY).iterator(prefix, prefixEnd(prefix))) yield fromBinary(DepositSchema, value);
  }

  // ---- votes ---------------------------------------------------------------------------------

  getVote(ctx: ReadContext, id: bigint, voter: Uint8Array): Vote | undefined {
    const bytes = ctx.kv(GOV_STORE_KEY).get(voteKey(id, voter));
    return bytes === undefined ? undefined : fromBinary(VoteSchema, bytes);
  }

  setVote(ctx: WriteContext, voter: Uint8Array, v: Vote): void {
    ctx.kv(GOV_STORE_KEY).set(voteKey(v.proposalId, voter), toBinary(VoteSchema, v));
  }

  deleteVote(ctx: WriteContext, id: bigint, voter: Uint8Array): void {
    ctx.kv(GOV_STORE_KEY).delete(voteKey(id, voter));
  }

  /** A proposal's votes by voter bytes, with the voter read from the key. */
  votesOf(ctx: ReadContext, id: bigint): Array<{ voter: Uint8Array; vote: Vote }> {
    const prefix = votesPrefix(id);
    return [...ctx.kv(GOV_STORE_KEY).iterator(prefix, prefixEnd(prefix))].map(({ key, value }) => ({
      voter: key.subarray(prefix.length + 1),
      vote: fromBinary(VoteSchema, value),
    }));
  }
}

export type Queue = "active" | "inactive";
const QUEUE_PREFIX: Readonly<Record<Queue, number>> = { active: PREFIX.activeQueue, inactive: PREFIX.inactiveQueue };
