/**
 * MsgVolumeReport (spec-pot §4.1): a meta node's owner submits one epoch's traffic, BLS-multisigned
 * by meta nodes; the epoch's mining and traffic rewards are distributed inside this tx (§5).
 *
 * Hardened mode (Params.require_registered_bls_keys, beyond the reference, docs/deviations.md): the
 * listed keys must be distinct and each registered (MsgSetMetaNodeBlsKey) to a bonded, unsuspended
 * meta node, so the duplicate-key trick of §4.1.2 — one signer listing its key k times — fails.
 */
import { create, fromBinary } from "@bufbuild/protobuf";
import type { Context } from "../../../baseapp/context.js";
import { ErrPanic, TxError } from "../../../baseapp/errors.js";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { CoinSchema } from "../../../codec/cosmos/base/v1beta1/coin_pb.js";
import { EventVolumeReportSchema } from "../../../codec/stratos/pot/v1/event_pb.js";
import { EpochRewardAuditSchema, RewardSchema } from "../../../codec/stratos/pot/v1/pot_pb.js";
import { type MsgVolumeReport, MsgVolumeReportResponseSchema, MsgVolumeReportSchema } from "../../../codec/stratos/pot/v1/tx_pb.js";
import { AddressError, BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../../crypto/address.js";
import { sha256 } from "../../../crypto/hash.js";
import { type Coins, coin } from "../../../math/coins.js";
import { unmarshalIntText } from "../../../math/int.js";
import { equalBytes } from "../../../store/bytes.js";
import { BondStatus } from "../../register/logic/bondStatus.js";
import { emptyResponse, signerBytes, typeUrlOf } from "../../register/msgs/common.js";
import {
  ErrBLSKeyDuplicate, ErrBLSKeyNotRegistered, ErrBLSNotReachThreshold, ErrBLSPubkeysInvalid, ErrBLSSignatureInvalid, ErrBLSTxDataInvalid,
  ErrBLSVerifyFailed, ErrEmptyReportReference, ErrEmptyReporterAddr, ErrEmptyWalletVolumes, ErrEpochNotPositive, ErrMatureEpoch,
  ErrMissingWalletAddress, ErrNegativeVolume, ErrReporterAddress, ErrReporterAddressOrOwner, ErrReporterOwnerAddr, ErrVolumeReport,
  fromLogicError,
} from "../errors.js";
import type { PotKeeper } from "../keeper.js";
import { distributeEpochReward } from "../logic/distribution.js";
import type { DistributionResult, DistributionSnapshot } from "../logic/distributionTypes.js";
import { BlsNotReachThresholdError, BlsTxDataInvalidError, BlsVerifyFailedError, PotLogicError } from "../logic/errors.js";
import { checkVolumeReportSignature } from "../logic/volumeReportSignature.js";
import { valveToProto } from "../params.js";

interface Decoded {
  readonly msg: MsgVolumeReport;
  readonly epoch: bigint;
  readonly volumes: ReadonlyArray<{ readonly walletAddress: string; readonly volume: bigint }>;
}

const accountParses = (text: string): boolean => {
  try {
    parseBech32Address(text, BECH32_PREFIX.account);
    return true;
  } catch (e) {
    if (e instanceof AddressError) return false;
    throw e;
  }
};

/** `sdk.AccAddressFromBech32` then `.String()`: the canonical wallet, or undefined (the entry is skipped, §5.3 step 5). */
const canonicalWallet = (text: string): string | undefined =>
  accountParses(text) ? formatBech32Address(parseBech32Address(text, BECH32_PREFIX.account), BECH32_PREFIX.account) : undefined;

export function validateVolumeReport({ msg, epoch, volumes }: Decoded): void {
  if (msg.reporter === "") throw ErrEmptyReporterAddr;
  if (volumes.length === 0) throw ErrEmptyWalletVolumes;
  if (epoch <= 0n) throw ErrEpochNotPositive;
  if (msg.reportReference === "") throw ErrEmptyReportReference;
  if (msg.reporterOwner === "") throw ErrReporterOwnerAddr;
  if (!accountParses(msg.reporterOwner)) throw ErrReporterAddress; // (sic) §4.1 ValidateBasic step 5
  for (const v of volumes) {
    if (v.volume < 0n) throw ErrNegativeVolume;
    if (v.walletAddress === "") throw ErrMissingWalletAddress;
  }
  const bls = msg.BLSSignature;
  if ((bls?.signature.length ?? 0) === 0) throw ErrBLSSignatureInvalid;
  if ((bls?.txData.length ?? 0) === 0) throw ErrBLSTxDataInvalid;
  if ((bls?.pubKeys ?? []).some((k) => k.length === 0)) throw ErrBLSPubkeysInvalid;
}

/** The state §5.3 reads, before the report changes it. */
function snapshotOf(k: PotKeeper, ctx: Context): DistributionSnapshot {
  const p = k.getParams(ctx);
  const { s, lt } = k.register.ozoneState(ctx);
  const bondedMetaNodes = [...k.register.metaNodes(ctx)]
    .filter(({ value }) => value.status === BondStatus.Bonded)
    .map(({ value }) => ({ ownerAddress: value.ownerAddress, beneficiaryAddress: value.beneficiaryAddress }));
  return {
    effectiveTotalDeposit: s,
    unissuedPrepay: k.register.getTotalUnissuedPrepay(ctx),
    remainingOzoneLimit: lt,
    depositNozRate: k.register.getDepositNozRate(ctx),
    totalMinedToken: k.getTotalMinedToken(ctx).amount,
    miningValves: p.miningRewardParams,
    communityTax: p.communityTax,
    matureEpoch: p.matureEpoch,
    bondedMetaNodes,
    bondedMetaNodeCount: k.register.getBondedMetaNodeCount(ctx),
    bondDenom: p.bondDenom,
    rewardDenom: p.rewardDenom,
  };
}

/** Hardened mode: distinct keys, each registered to a bonded, unsuspended meta node. */
function checkRegisteredKeys(k: PotKeeper, ctx: Context, pubKeys: readonly Uint8Array[]): void {
  pubKeys.forEach((key, i) => {
    if (pubKeys.slice(0, i).some((earlier) => equalBytes(earlier, key))) throw ErrBLSKeyDuplicate;
    const owner = k.getBlsKeyOwner(ctx, key);
    const node = owner === undefined ? undefined : k.register.getMetaNode(ctx, owner);
    if (node === undefined || node.status !== BondStatus.Bonded || node.suspend) throw ErrBLSKeyNotRegistered;
  });
}

/** Applies §5.3 steps 7–10 and the audit record. */
function applyDistribution(k: PotKeeper, ctx: Context, reporter: string, snapshot: DistributionSnapshot, result: DistributionResult): void {
  const params = k.getParams(ctx);
  for (const r of result.rewards) {
    const wallet = parseBech32Address(r.walletAddress, BECH32_PREFIX.account);
    k.setIndividualReward(ctx, result.rewardMatureEpoch, wallet, {
      walletAddress: r.walletAddress, rewardFromMiningPool: r.rewardFromMiningPool, rewardFromTrafficPool: r.rewardFromTrafficPool,
    });
    k.setImmatureTotal(ctx, wallet, k.getImmatureTotal(ctx, wallet).add(r.immatureIncrease));
  }
  k.setTotalMinedToken(ctx, coin(params.rewardDenom, result.newTotalMinedToken));
  k.setLastDistributedEpoch(ctx, result.lastDistributedEpoch);
  k.setTotalReward(ctx, result.lastDistributedEpoch, { miningReward: result.totalReward.miningReward, trafficReward: result.totalReward.trafficReward });
  k.register.setRemainingOzoneLimit(ctx, result.newRemainingOzoneLimit);
  for (const t of result.transfers) {
    if (t.to === "community_pool") k.deps.distribution.fundCommunityPool(ctx, t.coins, k.moduleAddress(t.from));
    else k.bank.sendCoinsFromModuleToModule(ctx, t.from, t.to, t.coins);
  }
  if (!k.deps.referenceQuirks) {
    const coinsProto = (c: Coins) => c.toArray().map((x) => create(CoinSchema, { denom: x.denom, amount: x.amount.toString() }));
    k.setRewardAudit(ctx, result.lastDistributedEpoch, create(EpochRewardAuditSchema, {
      effectiveTotalDeposit: snapshot.effectiveTotalDeposit.toString(),
      unissuedPrepay: snapshot.unissuedPrepay.toString(),
      remainingOzoneLimit: snapshot.remainingOzoneLimit.toString(),
      totalVolume: result.totalConsumedNoz.toString(),
      trafficReward: result.trafficReward.toProtoString(),
      miningRewardParam: valveToProto({ ...result.valve, startDenom: params.rewardDenom, endDenom: params.rewardDenom, rewardDenom: params.rewardDenom }),
      communityTax: snapshot.communityTax.toProtoString(),
      metaNodeCount: snapshot.bondedMetaNodeCount.toString(),
      rewards: result.rewards.map((r) => create(RewardSchema, {
        walletAddress: r.walletAddress, rewardFromMiningPool: coinsProto(r.rewardFromMiningPool), rewardFromTrafficPool: coinsProto(r.rewardFromTrafficPool),
      })),
      matureEpoch: result.rewardMatureEpoch.toString(),
      reporter,
    }));
  }
}

export function volumeReportRoute(k: PotKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgVolumeReportSchema),
    schema: MsgVolumeReportSchema,
    decode(bytes) {
      const msg = fromBinary(MsgVolumeReportSchema, bytes);
      return {
        msg,
        epoch: unmarshalIntText(msg.epoch) ?? 0n,
        volumes: msg.walletVolumes.map((v) => ({ walletAddress: v.walletAddress, volume: unmarshalIntText(v.volume) ?? 0n })),
      };
    },
    validateBasic: validateVolumeReport,
    signers: ({ msg }) => [signerBytes(msg.reporterOwner)],
    handle(ctx, { msg, epoch, volumes }) {
      let reporter: Uint8Array;
      try {
        reporter = parseBech32Address(msg.reporter, BECH32_PREFIX.sds);
      } catch (e) {
        if (e instanceof AddressError) throw ErrReporterAddress.wrap(e.message);
        throw e;
      }
      let owner: Uint8Array;
      try {
        owner = parseBech32Address(msg.reporterOwner, BECH32_PREFIX.account);
      } catch (e) {
        if (e instanceof AddressError) throw ErrReporterOwnerAddr.wrap(e.message);
        throw e;
      }
      // `OwnMetaNode`: status and suspension are not checked (§10 item 3, reference behaviour).
      if (k.register.getMetaNode(ctx, reporter)?.ownerAddress !== formatBech32Address(owner, BECH32_PREFIX.account)) throw ErrReporterAddressOrOwner;
      const last = k.getLastDistributedEpoch(ctx);
      if (epoch <= last) throw ErrMatureEpoch.wrap(`expected epoch should be greater than ${last}, got ${epoch}`);

      const bls = msg.BLSSignature;
      const signature = { pubKeys: bls?.pubKeys ?? [], signature: bls?.signature ?? new Uint8Array(), txData: bls?.txData ?? new Uint8Array() };
      try {
        checkVolumeReportSignature(
          { walletVolumes: volumes, reporter: msg.reporter, epoch, reportReference: msg.reportReference, reporterOwner: msg.reporterOwner },
          signature,
          k.register.getBondedMetaNodeCount(ctx),
        );
      } catch (e) {
        if (e instanceof BlsTxDataInvalidError) throw ErrBLSTxDataInvalid;
        if (e instanceof BlsVerifyFailedError) throw ErrBLSVerifyFailed;
        if (e instanceof BlsNotReachThresholdError) throw ErrBLSNotReachThreshold;
        throw e;
      }
      // Distinct, registered keys: the threshold checked above then counts signers, not list entries.
      if (k.getParams(ctx).requireRegisteredBlsKeys) checkRegisteredKeys(k, ctx, signature.pubKeys);

      const txHash = Buffer.from(sha256(ctx.txBytes ?? new Uint8Array())).toString("hex").toUpperCase();
      const reporterText = formatBech32Address(reporter, BECH32_PREFIX.sds);
      k.setVolumeReport(ctx, epoch, { reporter: reporterText, reportReference: msg.reportReference, txHash });

      const snapshot = snapshotOf(k, ctx);
      try {
        const result = distributeEpochReward(snapshot, { epoch, walletVolumes: volumes }, canonicalWallet);
        applyDistribution(k, ctx, reporterText, snapshot, result);
      } catch (e) {
        if (e instanceof PotLogicError) throw fromLogicError(e);
        // Bank failures (a short foundation or prepay pool) are wrapped as the reference wraps them.
        if (e instanceof TxError && !ErrPanic.is(e)) throw ErrVolumeReport.wrap(e.message);
        throw e;
      }
      ctx.emit(typedEvent(EventVolumeReportSchema, { reportReference: msg.reportReference, epoch: epoch.toString() }));
      return emptyResponse(MsgVolumeReportResponseSchema);
    },
  });
}
