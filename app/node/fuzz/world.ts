/**
 * The in-process chain the fuzzers run on (docs/fuzzing.md): the whole app (TestApp through the staking
 * test kit, which checks every invariant after each block it makes) with register's Genesis G (5
 * resource and 3 meta nodes, 1 000 STOS deposits each), a pot genesis section, the devnet validator, and named actors; plus
 * builders of one valid-ish message per kind across bank, register, sds, pot, staking, distribution,
 * gov, slashing and crisis. Test-only.
 */
import type { Any } from "cosmjs-types/google/protobuf/any";
import { MsgMultiSendSchema, MsgSendSchema } from "../../codec/cosmos/bank/v1beta1/tx_pb.js";
import { MsgVerifyInvariantSchema } from "../../codec/cosmos/crisis/v1beta1/tx_pb.js";
import { MsgFundCommunityPoolSchema, MsgSetWithdrawAddressSchema, MsgWithdrawDelegatorRewardSchema, MsgWithdrawValidatorCommissionSchema } from "../../codec/cosmos/distribution/v1beta1/tx_pb.js";
import { TextProposalSchema } from "../../codec/cosmos/gov/v1beta1/gov_pb.js";
import { MsgDepositSchema, MsgSubmitProposalSchema, MsgVoteSchema } from "../../codec/cosmos/gov/v1beta1/tx_pb.js";
import { MsgUnjailSchema } from "../../codec/cosmos/slashing/v1beta1/tx_pb.js";
import {
  MsgCreateMetaNodeSchema, MsgCreateResourceNodeSchema, MsgMetaNodeRegistrationVoteSchema, MsgRemoveResourceNodeSchema, MsgUpdateEffectiveDepositSchema,
  MsgUpdateMetaNodeDepositSchema, MsgUpdateResourceNodeDepositSchema, MsgUpdateResourceNodeSchema,
} from "../../codec/stratos/register/v1/tx_pb.js";
import { MsgFileUploadSchema, MsgPrepaySchema } from "../../codec/stratos/sds/v1/tx_pb.js";
import { MsgFoundationDepositSchema, MsgSlashingResourceNodeSchema, MsgVolumeReportSchema, MsgWithdrawSchema } from "../../codec/stratos/pot/v1/tx_pb.js";
import { blsAggregateSignatures, blsPublicKey, blsSign } from "../../crypto/bls/index.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../crypto/address.js";
import { volumeReportTxData } from "../../modules/pot/logic/volumeReportSignBytes.js";
import { META_BLS, potGenesisJson } from "../../modules/pot/testkit.js";
import { ed25519Any, G_OWNERS, genesisG, STOS, T } from "../../modules/register/testkit.js";
import { anyMsg, StakingScenario } from "../../modules/staking/testkit.js";
import { devnetValidatorOperator } from "../devnetKeys.js";
import type { StratosAppOptions } from "../app.js";

export { STOS, T };

/** Actors beyond Genesis G's node owners, with their genesis wei balances. */
const EXTRA_BALANCES: Readonly<Record<string, bigint>> = {
  W1: 10_000n * STOS,
  W2: 10_000n * STOS,
  W3: 10_000n * STOS,
  VAL: 50_000n * STOS,
  NEWRES: 1_000n * STOS,
  NEWMETA: 1_000n * STOS,
  FOUNDER: 1_000_000n * STOS,
  /** Signs no seed tx: the tx fuzz ends with a send of its, which must land whatever the fuzz did to the others. */
  CONTROL: 100n * STOS,
};

const NODE_DEPOSIT = 1_000n * STOS;

const coin = (amount: bigint, denom = "wei") => ({ denom, amount: amount.toString() });

export interface FuzzWorldOptions {
  /** Called for each error a tx handler threw that was not a registered tx error (a bug, kept out of consensus as ErrPanic). */
  readonly onInternalError?: (error: unknown, tx: Uint8Array) => void;
  /** Check every invariant after each block the kit makes (default true). */
  readonly invariants?: boolean;
  /**
   * Minutes instead of weeks for staking unbonding (5 min) and register's unbonding (threshold 10 min,
   * completion 5 min), so operation sequences see entries mature.
   */
  readonly shortUnbonding?: boolean;
}

/** A fresh fuzz world; two made with the same options hold the same state (same genesis, same keys). */
export async function createFuzzWorld(o: FuzzWorldOptions = {}): Promise<StakingScenario> {
  const app: StratosAppOptions = o.onInternalError ? { onInternalError: o.onInternalError } : {};
  const s = await StakingScenario.create({
    balances: { ...Object.fromEntries(Object.keys(G_OWNERS).map((n) => [n, 2_000n * STOS])), ...EXTRA_BALANCES },
    // Genesis G's nodes with 1 000 STOS deposits each: a Noz supply (8·10^15) that prepays and volume reports do not exhaust.
    nodes: (actor) => genesisG(actor).map((n) => ({ ...n, tokens: NODE_DEPOSIT })),
    extraAppState: { pot: potGenesisJson({ mature_epoch: "1" }) },
    genesisSeconds: T - 1000n,
    app,
    skipInvariants: o.invariants === false,
    ...(o.shortUnbonding
      ? { stakingParams: { unbonding_time: "300s" }, register: { params: { unbonding_threashold_time: "600s", unbonding_completion_time: "300s" } } }
      : {}),
  });
  // Volume reports pay mining rewards from the foundation account and need Noz sold (a prepay) first.
  const setup = await s.txs([
    ["FOUNDER", [anyMsg(MsgFoundationDepositSchema, { from: s.address("FOUNDER"), amount: [coin(500_000n * STOS)] })]],
    ["W1", [anyMsg(MsgPrepaySchema, { sender: s.address("W1"), beneficiary: s.address("W1"), amount: [coin(10n * STOS)] })]],
  ], T - 500n);
  if (setup.some((r) => r.code !== 0)) throw new Error(`fuzz world setup failed: ${setup.map((r) => r.log).join("; ")}`);
  return s;
}

/** The devnet genesis validator's operator address (`stvaloper1…`). */
export function genesisValoper(): string {
  return formatBech32Address(parseBech32Address(devnetValidatorOperator().address, BECH32_PREFIX.account), BECH32_PREFIX.validator);
}


/** A file hash the sds module accepts: a CIDv1 (raw codec, identity multihash) in base16. */
export function fileHash(n: number): string {
  return "f" + Buffer.from([0x01, 0x55, 0x00, 0x04, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff]).toString("hex");
}

/** A MsgVolumeReport by META1's node, signed (BLS, aggregate) by META1…META3 over its sign bytes (spec-pot §4.1.1). */
export function volumeReportMsg(s: StakingScenario, epoch: bigint, volumes: ReadonlyArray<readonly [string, bigint]>, reporter = "META1"): Any {
  const walletVolumes = volumes.map(([walletAddress, volume]) => ({ walletAddress, volume }));
  const reportReference = `fuzz-${epoch}`;
  const txData = volumeReportTxData({ walletVolumes, reporter: s.net(reporter), epoch, reportReference, reporterOwner: s.address(reporter) });
  const signers = [META_BLS.META1, META_BLS.META2, META_BLS.META3];
  return anyMsg(MsgVolumeReportSchema, {
    walletVolumes: walletVolumes.map((v) => ({ walletAddress: v.walletAddress, volume: v.volume.toString() })),
    reporter: s.net(reporter),
    epoch: epoch.toString(),
    reportReference,
    reporterOwner: s.address(reporter),
    BLSSignature: { pubKeys: signers.map(blsPublicKey), signature: blsAggregateSignatures(signers.map((sk) => blsSign(sk, txData))), txData },
  });
}

/** A seed tx: who signs, and its messages. */
export interface SeedTx {
  readonly name: string;
  readonly signer: string;
  readonly msgs: readonly Any[];
}

/** One valid-ish tx of each message kind the fuzzers start from (most succeed on the fresh world). */
export function seedTxs(s: StakingScenario): SeedTx[] {
  const a = (n: string) => s.address(n);
  const val = genesisValoper();
  const text = anyMsg(TextProposalSchema, { title: "fuzz", description: "a text proposal" });
  return [
    { name: "bank/send", signer: "W1", msgs: [anyMsg(MsgSendSchema, { fromAddress: a("W1"), toAddress: a("W2"), amount: [coin(STOS)] })] },
    {
      name: "bank/multisend", signer: "W1",
      msgs: [anyMsg(MsgMultiSendSchema, { inputs: [{ address: a("W1"), coins: [coin(3n * STOS)] }], outputs: [{ address: a("W2"), coins: [coin(STOS)] }, { address: a("W3"), coins: [coin(2n * STOS)] }] })],
    },
    { name: "sds/prepay", signer: "W2", msgs: [anyMsg(MsgPrepaySchema, { sender: a("W2"), beneficiary: a("W2"), amount: [coin(STOS)] })] },
    { name: "sds/file-upload", signer: "META1", msgs: [anyMsg(MsgFileUploadSchema, { fileHash: fileHash(1), from: a("META1"), reporter: s.net("META1"), uploader: a("W1") })] },
    {
      name: "register/create-resource-node", signer: "NEWRES",
      msgs: [anyMsg(MsgCreateResourceNodeSchema, {
        networkAddress: s.net("NEWRES"), pubkey: ed25519Any(s.actor("NEWRES").node.publicKey), value: coin(2n * STOS), ownerAddress: a("NEWRES"), description: { moniker: "newres" }, nodeType: 4,
      })],
    },
    {
      name: "register/create-meta-node", signer: "NEWMETA",
      msgs: [anyMsg(MsgCreateMetaNodeSchema, {
        networkAddress: s.net("NEWMETA"), pubkey: ed25519Any(s.actor("NEWMETA").node.publicKey), value: coin(2n * STOS), ownerAddress: a("NEWMETA"), beneficiaryAddress: a("NEWMETA"), description: { moniker: "newmeta" },
      })],
    },
    {
      name: "register/meta-node-vote", signer: "META1",
      msgs: [anyMsg(MsgMetaNodeRegistrationVoteSchema, {
        candidateNetworkAddress: s.net("NEWMETA"), candidateOwnerAddress: a("NEWMETA"), opinion: true, voterNetworkAddress: s.net("META1"), voterOwnerAddress: a("META1"),
      })],
    },
    { name: "register/update-resource-deposit", signer: "RES1", msgs: [anyMsg(MsgUpdateResourceNodeDepositSchema, { networkAddress: s.net("RES1"), ownerAddress: a("RES1"), depositDelta: coin(STOS) })] },
    { name: "register/update-meta-deposit", signer: "META2", msgs: [anyMsg(MsgUpdateMetaNodeDepositSchema, { networkAddress: s.net("META2"), ownerAddress: a("META2"), depositDelta: coin(STOS) })] },
    {
      name: "register/update-resource-node", signer: "RES2",
      msgs: [anyMsg(MsgUpdateResourceNodeSchema, { description: { moniker: "res2-renamed" }, beneficiaryAddress: a("RES2"), networkAddress: s.net("RES2"), ownerAddress: a("RES2"), nodeType: 2 })],
    },
    {
      name: "register/update-effective-deposit", signer: "META1",
      msgs: [anyMsg(MsgUpdateEffectiveDepositSchema, { reporters: [s.net("META1")], reporterOwner: [a("META1")], networkAddress: s.net("RES3"), effectiveTokens: STOS.toString() })],
    },
    { name: "register/remove-resource-node", signer: "RES5", msgs: [anyMsg(MsgRemoveResourceNodeSchema, { resourceNodeAddress: s.net("RES5"), ownerAddress: a("RES5") })] },
    { name: "pot/foundation-deposit", signer: "FOUNDER", msgs: [anyMsg(MsgFoundationDepositSchema, { from: a("FOUNDER"), amount: [coin(100_000n * STOS)] })] },
    { name: "pot/volume-report", signer: "META1", msgs: [volumeReportMsg(s, 1n, [[a("RES1"), 50_000n], [a("RES2"), 30_000n]])] },
    { name: "pot/withdraw", signer: "RES1", msgs: [anyMsg(MsgWithdrawSchema, { walletAddress: a("RES1"), targetAddress: a("RES1"), amount: [coin(1n)] })] },
    {
      name: "pot/slashing-resource-node", signer: "META1",
      msgs: [anyMsg(MsgSlashingResourceNodeSchema, { reporters: [s.net("META1")], reporterOwner: [a("META1")], networkAddress: s.net("RES4"), walletAddress: a("RES4"), slashing: "1000", suspend: false })],
    },
    { name: "staking/create-validator", signer: "VAL", msgs: [s.createValidator("VAL", 10_000n * STOS)] },
    { name: "staking/delegate", signer: "W3", msgs: [s.delegate("W3", val, 100n * STOS)] },
    { name: "staking/undelegate", signer: "W3", msgs: [s.undelegate("W3", val, STOS)] },
    { name: "staking/redelegate", signer: "W3", msgs: [s.redelegate("W3", val, s.valoper("VAL"), STOS)] },
    { name: "staking/edit-validator", signer: "VAL", msgs: [s.editValidator("VAL", { moniker: "val-edited" })] },
    { name: "distribution/withdraw-reward", signer: "W3", msgs: [anyMsg(MsgWithdrawDelegatorRewardSchema, { delegatorAddress: a("W3"), validatorAddress: val })] },
    { name: "distribution/withdraw-commission", signer: "VAL", msgs: [anyMsg(MsgWithdrawValidatorCommissionSchema, { validatorAddress: s.valoper("VAL") })] },
    { name: "distribution/set-withdraw-address", signer: "W3", msgs: [anyMsg(MsgSetWithdrawAddressSchema, { delegatorAddress: a("W3"), withdrawAddress: a("W1") })] },
    { name: "distribution/fund-community-pool", signer: "W2", msgs: [anyMsg(MsgFundCommunityPoolSchema, { amount: [coin(STOS)], depositor: a("W2") })] },
    { name: "gov/submit-proposal", signer: "W1", msgs: [anyMsg(MsgSubmitProposalSchema, { content: text, initialDeposit: [coin(100n * STOS)], proposer: a("W1") })] },
    { name: "gov/deposit", signer: "W2", msgs: [anyMsg(MsgDepositSchema, { proposalId: 1n, depositor: a("W2"), amount: [coin(STOS)] })] },
    { name: "gov/vote", signer: "VAL", msgs: [anyMsg(MsgVoteSchema, { proposalId: 1n, voter: a("VAL"), option: 1 })] },
    { name: "slashing/unjail", signer: "VAL", msgs: [anyMsg(MsgUnjailSchema, { validatorAddr: s.valoper("VAL") })] },
    { name: "crisis/verify-invariant", signer: "FOUNDER", msgs: [anyMsg(MsgVerifyInvariantSchema, { sender: a("FOUNDER"), invariantModuleName: "distribution", invariantRoute: "nonnegative-outstanding" })] },
  ];
}
