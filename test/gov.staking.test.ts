/**
 * spec-staking §14 TV5 (gov tally over real bonded stake) through real txs on a 2-node validator
 * localnet: bonded V0 100.5 STOS (operator 99 + D 1.5), V1 99, V2 10. CometBFT needs more than 2/3 of
 * the power signing and V0 alone has 48 %, so V0 and V1 run nodes; V2 is bonded through its gentx with
 * a consensus key no node holds (4.8 %, never signing; mainnet slashing params do not jail it within
 * the test). D's 1.5 STOS are delegated to V0 by MsgDelegate after the start. Each figure below is
 * copied from spec-staking §14 TV5; only `voting_period` is shortened.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DirectEthSecp256k1HdWallet, EncodeObject } from "@cosmjs/proto-signing";
import { QueryClient, setupGovExtension, type GovExtension, type SigningStargateClient } from "@cosmjs/stargate";
import type { Comet38Client } from "@cosmjs/tendermint-rpc";
import { TextProposal, ProposalStatus, VoteOption } from "cosmjs-types/cosmos/gov/v1beta1/gov";
import { MsgExecLegacyContent } from "cosmjs-types/cosmos/gov/v1/tx";
import { connectStratos, stratosWallet } from "../app/client/index.js";
import { BECH32_PREFIX, formatBech32Address } from "../app/crypto/address.js";
import { buildAppState } from "../app/node/genesisBuilder.js";
import { devnetAccount, devnetMnemonic } from "../app/node/devnetGenesis.js";
import { parseAcc } from "../app/modules/staking/store.js";
import { balanceAt, checkInvariants, moduleAccount } from "./helpers/abciQuery.js";
import { waitFor, waitForHeight } from "./helpers/devnet.js";
import { createTestLocalnet } from "./helpers/localnet.js";
import { TxSender } from "./helpers/txSender.js";

const STOS = 10n ** 18n;
const GOV = moduleAccount("gov");
const ACTORS = { V0: 150, V1: 151, V2: 152, D: 153, P: 154, E: 155 } as const;
type Actor = keyof typeof ACTORS;
const own = Object.fromEntries(Object.entries(ACTORS).map(([n, i]) => [n, devnetAccount(i).address])) as Record<Actor, string>;

const VOTING_SECONDS = 12;
const valoper = (a: Actor): string => formatBech32Address(parseAcc(own[a]), BECH32_PREFIX.validator);

interface StakedDevnet {
  readonly comet: Comet38Client;
  readonly sender: TxSender;
  stop(): Promise<void>;
}

/** V0 and V1 with nodes, V2 bonded without one, D's 1.5 STOS delegated to V0; every actor holds 1,000 STOS. */
async function startStakedDevnet(): Promise<StakedDevnet> {
  const appState = buildAppState({
    accounts: (Object.keys(ACTORS) as Actor[]).map((a) => ({ address: own[a], balance: 1_000n * STOS })),
    validatorOperator: null,
    gov: { params: { voting_period: `${VOTING_SECONDS}s` } },
  });
  const t = await createTestLocalnet({
    appState,
    validators: [
      { operatorPrivateKey: devnetAccount(ACTORS.V0).privateKey, selfBond: 99n * STOS, moniker: "V0" },
      { operatorPrivateKey: devnetAccount(ACTORS.V1).privateKey, selfBond: 99n * STOS, moniker: "V1" },
      { operatorPrivateKey: devnetAccount(ACTORS.V2).privateKey, selfBond: 10n * STOS, moniker: "V2", offlineConsensusKey: new Uint8Array(32).fill(7) },
    ],
  });
  let client: SigningStargateClient | undefined;
  try {
    await t.net.start();
    const comet = await t.client(0);
    await waitForHeight(comet, 2);
    const wallet = (await stratosWallet(devnetMnemonic(), { indexes: Object.values(ACTORS) })) as DirectEthSecp256k1HdWallet;
    client = await connectStratos(t.net.nodes[0]!.rpcUrl, wallet, { broadcastPollIntervalMs: 150 });
    const sender = await TxSender.create(wallet, comet, client);
    const delegated = await sender.send(own.D, [{
      typeUrl: "/cosmos.staking.v1beta1.MsgDelegate",
      value: { delegatorAddress: own.D, validatorAddress: valoper("V0"), amount: { denom: "wei", amount: (15n * STOS / 10n).toString() } },
    }]);
    expect(delegated.code, delegated.log).toBe(0);
    const c = client;
    return { comet, sender, stop: async () => { c.disconnect(); await t.cleanup(); } };
  } catch (error) {
    client?.disconnect();
    await t.cleanup();
    throw error;
  }
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

describe("spec-staking TV5 on a 2-validator localnet", () => {
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
  }, 180_000);

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
    await checkInvariants(net.comet, 0, latest);
  });
});
