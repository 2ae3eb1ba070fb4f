/**
 * Issue 14's devnet acceptance tests that need real bonded stake. NOT RUN YET (describe.skip): the
 * staking module is built on its own branch; until app/node/app.ts passes its keeper to gov (instead of
 * the no-stake default), nothing can be bonded on a devnet. The gov side of both tests is written; what
 * is left is `startStakedDevnet` (marked below), which needs staking's genesis:
 *
 *  - TV5 (spec-staking §14): bonded V0 100.5 STOS (operator 99 + D 1.5), V1 99, V2 10. CometBFT needs
 *    more than 2/3 of the power signing, and V0 alone has 48 %, so the devnet must run two validator
 *    nodes, V0 and V1 (V2's node may stay down: 4.8 %). Each node's consensus key is its
 *    config/priv_validator_key.json; the genesis bonds them through gentxs (spec-staking §8.1, a
 *    MsgCreateValidator each, self-bond 99 / 99 / 10 STOS, D's 1.5 STOS by MsgDelegate after start or
 *    in genesis), and node B peers with node A as test/upgrade.test.ts's replaying node does.
 *  - the upgrade halt: test/upgrade.test.ts already runs the whole flow on a real CometBFT with gov's
 *    staking stand-in (test/fixtures/govStandIn.ts). With staking wired, the same test runs with the
 *    default binary (app/cli/stchaind.ts) and the new binary = stchaind with a handler for "v2" in
 *    app/node/upgrades.ts (or a fixture that passes `upgradeHandlers`), the stand-in validator becoming
 *    the devnet node's genesis validator (one gentx): replace the two fixtures and this file's second
 *    describe is that test.
 *
 * Each figure below is copied from spec-staking §14 TV5.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { QueryClient, setupGovExtension, type GovExtension } from "@cosmjs/stargate";
import type { Comet38Client } from "@cosmjs/tendermint-rpc";
import { TextProposal, ProposalStatus, VoteOption } from "cosmjs-types/cosmos/gov/v1beta1/gov";
import { MsgExecLegacyContent } from "cosmjs-types/cosmos/gov/v1/tx";
import { devnetAccount } from "../app/node/devnetGenesis.js";
import { balanceAt, moduleAccount } from "./helpers/abciQuery.js";
import type { TestDevnet } from "./helpers/devnet.js";
import { waitFor } from "./helpers/devnet.js";
import type { TxSender } from "./helpers/txSender.js";

const STOS = 10n ** 18n;
const GOV = moduleAccount("gov");
const ACTORS = { V0: 150, V1: 151, V2: 152, D: 153, P: 154, E: 155 } as const;
type Actor = keyof typeof ACTORS;
const own = Object.fromEntries(Object.entries(ACTORS).map(([n, i]) => [n, devnetAccount(i).address])) as Record<Actor, string>;

interface StakedDevnet {
  readonly testnet: TestDevnet;
  readonly comet: Comet38Client;
  readonly sender: TxSender;
  stop(): Promise<void>;
}

/**
 * TO FINISH WHEN STAKING LANDS: two validator nodes (V0, V1) plus V2 bonded without a node, D's 1.5 STOS
 * delegated to V0, every actor funded (1,000 STOS each, for fees and deposits); gov `voting_period` a few
 * seconds; 300 ms blocks.
 */
async function startStakedDevnet(): Promise<StakedDevnet> {
  throw new Error("needs the staking module: genesis validators (gentxs) for two devnet nodes, see the file comment");
}

const wei = (amount: bigint) => [{ denom: "wei", amount: amount.toString() }];

function textProposal(title: string): EncodeObject {
  const content = { typeUrl: "/cosmos.gov.v1beta1.TextProposal", value: TextProposal.encode({ title, description: title }).finish() };
  const exec = { typeUrl: "/cosmos.gov.v1.MsgExecLegacyContent", value: MsgExecLegacyContent.encode({ content, authority: GOV }).finish() };
  return { typeUrl: "/cosmos.gov.v1.MsgSubmitProposal", value: { messages: [exec], initialDeposit: wei(60n * STOS), proposer: own.P, metadata: "", title, summary: title, expedited: false } };
}
const deposit = (id: bigint): EncodeObject => ({ typeUrl: "/cosmos.gov.v1beta1.MsgDeposit", value: { proposalId: id, depositor: own.E, amount: wei(40n * STOS) } });
const vote = (voter: Actor, id: bigint, option: VoteOption): EncodeObject => ({ typeUrl: "/cosmos.gov.v1beta1.MsgVote", value: { proposalId: id, voter: own[voter], option } });

const TV5 = [
  { id: 1n, status: ProposalStatus.PROPOSAL_STATUS_PASSED, tally: { yes: "158400000000000000000", abstain: "39600000000000000000", no: "1500000000000000000", noWithVeto: "0" }, refunded: true },
  { id: 2n, status: ProposalStatus.PROPOSAL_STATUS_REJECTED, tally: { yes: "99000000000000000000", abstain: "0", no: "1500000000000000000", noWithVeto: "99000000000000000000" }, refunded: false },
  { id: 3n, status: ProposalStatus.PROPOSAL_STATUS_REJECTED, tally: { yes: "1500000000000000000", abstain: "0", no: "0", noWithVeto: "0" }, refunded: true },
  { id: 4n, status: ProposalStatus.PROPOSAL_STATUS_PASSED, tally: { yes: "10000000000000000000", abstain: "100500000000000000000", no: "0", noWithVeto: "0" }, refunded: true },
] as const;

describe.skip("spec-staking TV5 on a devnet (needs staking: see the file comment)", () => {
  let net: StakedDevnet;
  let gov: GovExtension["gov"];
  let depositHeight = 0;

  beforeAll(async () => {
    net = await startStakedDevnet();
    gov = QueryClient.withExtensions(net.comet, setupGovExtension).gov;
    const submitted = await net.sender.send(own.P, [1, 2, 3, 4].map((i) => textProposal(`case ${i}`)), 1_200_000n);
    expect(submitted.code, submitted.log).toBe(0);
    const deposited = await net.sender.send(own.E, [1n, 2n, 3n, 4n].map(deposit), 800_000n);
    expect(deposited.code, deposited.log).toBe(0);
    depositHeight = deposited.height;
    const weighted: EncodeObject = {
      typeUrl: "/cosmos.gov.v1.MsgVoteWeighted",
      value: { proposalId: 1n, voter: own.V1, options: [{ option: 1, weight: "0.600000000000000000" }, { option: 2, weight: "0.400000000000000000" }], metadata: "" },
    };
    const votes = await Promise.all([
      net.sender.send(own.V0, [vote("V0", 1n, VoteOption.VOTE_OPTION_YES), vote("V0", 2n, VoteOption.VOTE_OPTION_YES), vote("V0", 4n, VoteOption.VOTE_OPTION_ABSTAIN)]),
      net.sender.send(own.D, [vote("D", 1n, VoteOption.VOTE_OPTION_NO), vote("D", 2n, VoteOption.VOTE_OPTION_NO), vote("D", 3n, VoteOption.VOTE_OPTION_YES)]),
      net.sender.send(own.V1, [weighted, vote("V1", 2n, VoteOption.VOTE_OPTION_NO_WITH_VETO)]),
      net.sender.send(own.V2, [vote("V2", 4n, VoteOption.VOTE_OPTION_YES)]),
    ]);
    for (const v of votes) expect(v.code, v.log).toBe(0);
    await waitFor("the four proposals' end", async () => {
      const { proposal } = await gov.proposal(4);
      return proposal.status === ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD ? undefined : proposal;
    }, 120_000);
  });

  afterAll(async () => {
    await net?.stop();
  });

  it.each(TV5)("proposal $id: final tally and status", async (tv) => {
    const { proposal } = await gov.proposal(Number(tv.id));
    expect(proposal.status).toBe(tv.status);
    expect(proposal.finalTallyResult).toEqual(tv.tally);
  });

  it("deposits: refunded for (a), (c), (d); burned for (b); the gov account is empty", async () => {
    expect(await balanceAt(net.comet, GOV)).toBe(0n);
    const latest = (await net.comet.status()).syncInfo.latestBlockHeight;
    let burns = 0;
    for (let h = depositHeight + 1; h <= latest; h++) {
      const events = (await net.comet.blockResults(h)).finalizeBlockEvents;
      burns += events.filter((e) => e.type === "burn" && e.attributes.some((a) => a.key === "burner" && a.value === GOV)).length;
    }
    expect(burns).toBe(2);
  });
});
