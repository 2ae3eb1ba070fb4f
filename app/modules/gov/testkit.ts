/**
 * Test kit for gov scenarios in-process: register's Scenario (named actors, real signed txs, block
 * times chosen by the test) with a `gov` genesis section, the staking stand-in (StakingStandIn) as the
 * tally's view of bonded stake, message builders and readouts. Test-only.
 */
import { create, toBinary } from "@bufbuild/protobuf";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { TextProposalSchema } from "../../codec/cosmos/gov/v1beta1/gov_pb.js";
import { type Proposal } from "../../codec/cosmos/gov/v1/gov_pb.js";
import { MsgDepositSchema, MsgExecLegacyContentSchema, MsgSubmitProposalSchema, MsgVoteSchema, MsgVoteWeightedSchema } from "../../codec/cosmos/gov/v1/tx_pb.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { Dec } from "../../math/dec.js";
import { anyMsg, Scenario, type ScenarioOptions } from "../register/testkit.js";
import { VOTE_OPTION } from "./logic/tally.js";
import { StakingStandIn } from "./staking.testing.js";

export { anyMsg, eventAttributes, STOS, T } from "../register/testkit.js";

export const GOV_ACCOUNT = formatBech32Address(moduleAddress("gov"), BECH32_PREFIX.account);
export const WEEK = 604_800n;

/** Gov genesis JSON: stratos-1's (spec-staking §0.7) with `params` overrides (proto-JSON). */
export function govGenesisJson(params: Readonly<Record<string, unknown>> = {}): Record<string, unknown> {
  return {
    starting_proposal_id: "1",
    deposits: [],
    votes: [],
    proposals: [],
    deposit_params: null,
    voting_params: null,
    tally_params: null,
    params: {
      min_deposit: [{ denom: "wei", amount: "100000000000000000000" }],
      max_deposit_period: "1209600s",
      voting_period: "604800s",
      quorum: "0.334000000000000000",
      threshold: "0.500000000000000000",
      veto_threshold: "0.334000000000000000",
      min_initial_deposit_ratio: "0.000000000000000000",
      burn_vote_quorum: false,
      burn_proposal_deposit_prevote: false,
      burn_vote_veto: true,
      ...params,
    },
  };
}

export interface GovScenarioOptions extends Omit<ScenarioOptions, "app"> {
  readonly govParams?: Readonly<Record<string, unknown>>;
  /** Failed proposals' reasons are collected here (the app's onEndBlockProblem). */
  readonly problems?: string[];
}

export class GovScenario extends Scenario {
  staking!: StakingStandIn;

  static override async create(o: GovScenarioOptions): Promise<GovScenario> {
    const staking = new StakingStandIn();
    const problems = o.problems;
    const { app, actors } = await Scenario.start({
      ...o,
      extraAppState: { gov: govGenesisJson(o.govParams), ...o.extraAppState },
      app: { stakingForGov: staking, ...(problems ? { onEndBlockProblem: (m, p) => problems.push(`${m}: ${p}`) } : {}) },
    });
    const s = new GovScenario(app, actors);
    s.staking = staking;
    return s;
  }

  get gov() {
    return this.app.parts.keepers.gov;
  }

  proposal(id: bigint): Proposal | undefined {
    return this.gov.getProposal(this.read, id);
  }

  /** A bonded validator operated by `name` with its self-delegation (tokens = shares). */
  validator(name: string, selfBond: bigint): void {
    this.staking.addValidator({ operator: this.accountBytes(name), tokens: selfBond });
    this.staking.addDelegation(this.accountBytes(name), this.accountBytes(name), Dec.fromInt(selfBond));
  }

  /** `name` delegates `amount` to `validator`'s validator (its tokens grow by the same amount: rate 1 kept). */
  delegate(name: string, validator: string, amount: bigint): void {
    this.staking.addDelegation(this.accountBytes(name), this.accountBytes(validator), Dec.fromInt(amount));
    this.staking.addTokens(this.accountBytes(validator), amount);
  }

  moduleBalance(module: string): bigint {
    return this.app.balance(formatBech32Address(moduleAddress(module), BECH32_PREFIX.account));
  }
}

// ---- messages -------------------------------------------------------------------------------------

const wei = (amount: bigint) => [{ denom: "wei", amount: amount.toString() }];

/** A TextProposal wrapped in MsgExecLegacyContent (authority: gov), as a proposal message. */
export function textContentMsg(title = "signal", description = "a signal"): Any {
  const content = create(AnySchema, { typeUrl: `/${TextProposalSchema.typeName}`, value: toBinary(TextProposalSchema, create(TextProposalSchema, { title, description })) });
  return anyMsg(MsgExecLegacyContentSchema, { content, authority: GOV_ACCOUNT });
}

export interface SubmitOptions {
  readonly title?: string;
  readonly summary?: string;
  readonly metadata?: string;
}

export function submitProposal(s: Scenario, proposer: string, messages: readonly Any[], deposit: bigint, o: SubmitOptions = {}): Any {
  return anyMsg(MsgSubmitProposalSchema, {
    messages: messages.map((m) => create(AnySchema, { typeUrl: m.typeUrl, value: m.value })),
    initialDeposit: deposit > 0n ? wei(deposit) : [],
    proposer: s.address(proposer),
    metadata: o.metadata ?? "",
    title: o.title ?? "a proposal",
    summary: o.summary ?? "what it does",
  });
}

export const deposit = (s: Scenario, depositor: string, id: bigint, amount: bigint, denom = "wei"): Any =>
  anyMsg(MsgDepositSchema, { proposalId: id, depositor: s.address(depositor), amount: [{ denom, amount: amount.toString() }] });

export type OptionName = keyof typeof VOTE_OPTION;

export const vote = (s: Scenario, voter: string, id: bigint, option: OptionName): Any =>
  anyMsg(MsgVoteSchema, { proposalId: id, voter: s.address(voter), option: VOTE_OPTION[option], metadata: "" });

export const voteWeighted = (s: Scenario, voter: string, id: bigint, options: ReadonlyArray<readonly [OptionName, string]>): Any =>
  anyMsg(MsgVoteWeightedSchema, { proposalId: id, voter: s.address(voter), options: options.map(([o, weight]) => ({ option: VOTE_OPTION[o], weight })), metadata: "" });

/** The block events of `type`, each as key → value. */
export function eventsOf(events: readonly Event[], type: string): Array<Record<string, string>> {
  return events.filter((e) => e.type === type).map((e) => Object.fromEntries(e.attributes.map((a) => [a.key, a.value])));
}
