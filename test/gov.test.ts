/**
 * gov on a real devnet (CometBFT 0.38 + the app) through stock CosmJS: a v1 proposal submitted,
 * deposited on, voted on with v1beta1 and v1 messages, read back with CosmJS's `setupGovExtension`
 * (the v1beta1 queries wallets and explorers use), a refused weighted vote, and the voting end.
 *
 * The voters hold no bonded stake and the devnet's genesis validator (all of the bonded stake) does
 * not vote: the quorum is missed, the proposal is REJECTED at its end and every deposit refunded
 * (`burn_vote_quorum` false). TV5 with real bonded stake is gov.staking.test.ts; the upgrade halt,
 * upgrade.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DirectEthSecp256k1HdWallet, EncodeObject } from "@cosmjs/proto-signing";
import { QueryClient, setupGovExtension, type GovExtension, type SigningStargateClient } from "@cosmjs/stargate";
import type { Comet38Client } from "@cosmjs/tendermint-rpc";
import { TextProposal, ProposalStatus, VoteOption } from "cosmjs-types/cosmos/gov/v1beta1/gov";
import { MsgExecLegacyContent } from "cosmjs-types/cosmos/gov/v1/tx";
import { connectStratos, stratosWallet } from "../app/client/index.js";
import { buildAppState } from "../app/node/genesisBuilder.js";
import { devnetAccount, devnetMnemonic } from "../app/node/devnetGenesis.js";
import { mnemonicToSeed } from "../app/crypto/hd.js";
import { createTestDevnet, waitFor, waitForHeight, type TestDevnet } from "./helpers/devnet.js";
import { TxSender } from "./helpers/txSender.js";
import { balanceAt, checkInvariants, moduleAccount } from "./helpers/abciQuery.js";

const STOS = 10n ** 18n;
const VOTING_SECONDS = 4;
const seed = mnemonicToSeed(devnetMnemonic());
const INDEX = { A: 130, B: 131, C: 132 } as const;
type Actor = keyof typeof INDEX;
const own = Object.fromEntries(Object.entries(INDEX).map(([n, i]) => [n, devnetAccount(i, seed).address])) as Record<Actor, string>;
const GOV = moduleAccount("gov");

const wei = (amount: bigint) => [{ denom: "wei", amount: amount.toString() }];

function textProposal(proposer: Actor, deposit: bigint): EncodeObject {
  const content = { typeUrl: "/cosmos.gov.v1beta1.TextProposal", value: TextProposal.encode({ title: "devnet signal", description: "a signal" }).finish() };
  const exec = { typeUrl: "/cosmos.gov.v1.MsgExecLegacyContent", value: MsgExecLegacyContent.encode({ content, authority: GOV }).finish() };
  return {
    typeUrl: "/cosmos.gov.v1.MsgSubmitProposal",
    value: { messages: [exec], initialDeposit: wei(deposit), proposer: own[proposer], metadata: "", title: "devnet signal", summary: "a signal", expedited: false },
  };
}

describe("gov on a devnet through CosmJS", () => {
  let testnet: TestDevnet;
  let comet: Comet38Client;
  let client: SigningStargateClient;
  let sender: TxSender;
  let gov: GovExtension["gov"];
  const heights: Record<string, number> = {};

  beforeAll(async () => {
    const appState = buildAppState({
      accounts: (Object.keys(INDEX) as Actor[]).map((a) => ({ address: own[a], balance: 1_000n * STOS })),
      gov: { params: { voting_period: `${VOTING_SECONDS}s`, max_deposit_period: "60s" } },
    });
    testnet = await createTestDevnet({ appState, configOverrides: `[consensus]\ntimeout_commit = "300ms"` });
    await testnet.devnet.start();
    comet = await testnet.client();
    await waitForHeight(comet, 2);
    const wallet = (await stratosWallet(devnetMnemonic(), { indexes: Object.values(INDEX) })) as DirectEthSecp256k1HdWallet;
    client = await connectStratos(testnet.devnet.rpcUrl, wallet, { broadcastPollIntervalMs: 150 });
    sender = await TxSender.create(wallet, comet, client);
    gov = QueryClient.withExtensions(comet, setupGovExtension).gov;
  });

  afterAll(async () => {
    client?.disconnect();
    await testnet?.cleanup();
  });

  it("submits a v1 proposal, completes its deposit (v1beta1 MsgDeposit) and takes votes (v1beta1 MsgVote, v1 MsgVoteWeighted)", async () => {
    const submitted = await sender.send(own.A, [textProposal("A", 60n * STOS)]);
    expect(submitted.code, submitted.log).toBe(0);
    heights.submit = submitted.height;
    const deposited = await sender.send(own.B, [{ typeUrl: "/cosmos.gov.v1beta1.MsgDeposit", value: { proposalId: 1n, depositor: own.B, amount: wei(40n * STOS) } }]);
    expect(deposited.code, deposited.log).toBe(0);
    expect(deposited.events.filter((e) => e.type === "proposal_deposit").map((e) => Object.fromEntries(e.attributes.map((a) => [a.key, a.value])))).toEqual([
      { amount: "40000000000000000000wei", proposal_id: "1" },
      { voting_period_start: "1" },
    ]);
    heights.voting = deposited.height;
    const votes = await Promise.all([
      sender.send(own.A, [{ typeUrl: "/cosmos.gov.v1beta1.MsgVote", value: { proposalId: 1n, voter: own.A, option: VoteOption.VOTE_OPTION_YES } }]),
      sender.send(own.B, [{ typeUrl: "/cosmos.gov.v1.MsgVoteWeighted", value: { proposalId: 1n, voter: own.B, options: [{ option: 1, weight: "0.5" }, { option: 3, weight: "0.5" }], metadata: "" } }]),
    ]);
    for (const v of votes) expect(v.code, v.log).toBe(0);
  });

  it("refuses weights that do not add up to 1 in CheckTx (gov 7, no fee)", async () => {
    const before = await balanceAt(comet, own.C);
    const r = await sender.send(own.C, [{ typeUrl: "/cosmos.gov.v1.MsgVoteWeighted", value: { proposalId: 1n, voter: own.C, options: [{ option: 1, weight: "0.6" }], metadata: "" } }]);
    expect([r.phase, r.codespace, r.code, r.log]).toEqual(["check", "gov", 7, "Total weight lower than 1.00: invalid vote option"]);
    expect(await balanceAt(comet, own.C)).toBe(before);
  });

  it("CosmJS setupGovExtension reads the proposal, its deposits, votes, tally and the params", async () => {
    const { proposal } = await gov.proposal(1);
    expect(proposal.status).toBe(ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD);
    expect(TextProposal.decode(proposal.content!.value).title).toBe("devnet signal");
    expect(proposal.totalDeposit).toEqual(wei(100n * STOS));
    const listed = await gov.proposals(ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD, "", "");
    expect(listed.proposals.map((p) => p.proposalId)).toEqual([1n]);
    expect((await gov.deposits(1)).deposits.map((d) => d.depositor).sort()).toEqual([own.A, own.B].sort());
    expect((await gov.vote(1, own.B)).vote.options).toEqual([
      { option: VoteOption.VOTE_OPTION_YES, weight: "500000000000000000" },
      { option: VoteOption.VOTE_OPTION_NO, weight: "500000000000000000" },
    ]);
    expect((await gov.votes(1)).votes).toHaveLength(2);
    // No bonded stake yet: every vote weighs nothing.
    expect((await gov.tally(1)).tally).toEqual({ yes: "0", abstain: "0", no: "0", noWithVeto: "0" });
    const voting = await gov.params("voting");
    expect(voting.votingParams.votingPeriod?.seconds).toBe(BigInt(VOTING_SECONDS));
    expect(new TextDecoder().decode((await gov.params("tallying")).tallyParams.vetoThreshold)).toBe("334000000000000000");
  });

  it("at the voting end: REJECTED (nothing bonded), deposits refunded, active_proposal in the block events", async () => {
    const ended = await waitFor("the proposal's end", async () => {
      const { proposal } = await gov.proposal(1);
      return proposal.status === ProposalStatus.PROPOSAL_STATUS_REJECTED ? proposal : undefined;
    }, 60_000);
    expect(ended.finalTallyResult).toEqual({ yes: "0", abstain: "0", no: "0", noWithVeto: "0" });
    expect(await balanceAt(comet, GOV)).toBe(0n);
    // The refunds are the only balance changes of the end block.
    const latest = (await comet.status()).syncInfo.latestBlockHeight;
    let endHeight = 0;
    for (let h = heights.voting! + 1; h <= latest && endHeight === 0; h++) {
      const events = (await comet.blockResults(h)).finalizeBlockEvents;
      const active = events.find((e) => e.type === "active_proposal");
      if (active) {
        endHeight = h;
        expect(active.attributes.map((a) => [a.key, a.value])).toEqual([["proposal_id", "1"], ["proposal_result", "proposal_rejected"]]);
      }
    }
    expect(endHeight).toBeGreaterThan(0);
    expect(await balanceAt(comet, own.A, endHeight) - await balanceAt(comet, own.A, endHeight - 1)).toBe(60n * STOS);
    expect(await balanceAt(comet, own.B, endHeight) - await balanceAt(comet, own.B, endHeight - 1)).toBe(40n * STOS);
    await expect(gov.vote(1, own.A)).rejects.toThrow(/not found for proposal: 1/);
    await checkInvariants(comet, 0, latest);
  });
});
