// The epoch reward distribution run by MsgVolumeReport (spec-pot §5.3 steps 1-10), as one pure function.
import { Coins, coin } from "../../../math/coins.js";
import { Dec } from "../../../math/dec.js";
import { checkInt } from "../../../math/int.js";
import { totalNozSupply } from "../../register/logic/ozone.js";
import type {
  DistributionResult,
  RewardCredit,
  DistributionSnapshot,
  Transfer,
  VolumeReport,
  WalletParser,
  WalletReward,
} from "./distributionTypes.js";
import {
  NegativeCoinAmountError,
  NegativeVolumeError,
  NozSupplyExceededError,
  OutOfIssuanceError,
  ZeroDivisorError,
  withReferencePanics,
} from "./errors.js";
import { metaNodePayee } from "./metaNodePayee.js";
import { trafficReward } from "./trafficReward.js";
import { selectMiningValve, splitByValve } from "./valves.js";

const FN = "distributeEpochReward";

/** Mirrors `sdk.NewCoin`, which panics on a negative amount. */
function coinAmount(what: string, amount: bigint): bigint {
  if (amount < 0n) throw new NegativeCoinAmountError(`${FN}: ${what}`, amount);
  return amount;
}

/** Byte order of the UTF-8 encodings, which is how Go's sort.Strings orders. */
function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

interface Accumulated {
  mining: bigint;
  traffic: bigint;
}

/**
 * Distributes one accepted volume report (spec-pot §5.3). Pure: reads only its arguments; the keeper
 * applies the returned records, totals and transfers. Insufficient module balances are the bank's
 * concern (the transfers then fail and the tx reverts).
 *
 * Out of issuance (§5.3 step 4, R:): we follow the reference — every report fails once
 * total_mined_token is in no valve — and fail with the reference's result code (sdk 111222, Go panics
 * on the nil mining coins) but an explicit message (OutOfIssuanceError). The alternative R: (mining 0,
 * keep distributing traffic) would change state relative to the reference chain, so it is not taken.
 *
 * @param parseWallet canonicalises a wallet or rejects it (§5.3 step 5: rejected entries are skipped
 *   but their volume stays in Y); also applied to meta-node payees (step 6). It must not throw.
 * @throws NegativeVolumeError, NozSupplyExceededError (pot 32), and ReferencePanicError subclasses
 *   (ZeroDivisorError for Y = 0 with a valid entry, Lt + Y = 0, rate 0, bonded counter 0 with a payee;
 *   OutOfIssuanceError; EmptyMiningValvesError; NegativeCoinAmountError; ArithmeticOverflowError;
 *   InvalidCoinError).
 */
export function distributeEpochReward(
  snapshot: DistributionSnapshot,
  report: VolumeReport,
  parseWallet: WalletParser,
): DistributionResult {
  return withReferencePanics(FN, () => distribute(snapshot, report, parseWallet));
}

function distribute(st: DistributionSnapshot, report: VolumeReport, parseWallet: WalletParser): DistributionResult {
  // Step 1: Y over every entry, valid wallet or not.
  let y = 0n;
  for (const { walletAddress, volume } of report.walletVolumes) {
    if (volume < 0n) throw new NegativeVolumeError(walletAddress, volume);
    y = checkInt(y + volume, `${FN}: total volume`);
  }

  // Step 2: supply check.
  const totalNoz = totalNozSupply(st.effectiveTotalDeposit, st.depositNozRate);
  if (y + st.remainingOzoneLimit > totalNoz) {
    throw new NozSupplyExceededError(y + st.remainingOzoneLimit, totalNoz);
  }

  // Step 3: R and its slices; the valve comes from total_mined_token before this report.
  const r = trafficReward(st.effectiveTotalDeposit, st.unissuedPrepay, st.remainingOzoneLimit, y);
  const { valve, outOfIssuance } = selectMiningValve(st.miningValves, st.totalMinedToken);
  const trafficGoal = splitByValve(r, valve);
  coinAmount("traffic reward to validators", trafficGoal.blockChain);
  coinAmount("traffic reward to resource nodes", trafficGoal.resourceNode);
  coinAmount("traffic reward to meta nodes", trafficGoal.metaNode);

  // Step 4: mining slices. See the doc comment for the out-of-issuance choice.
  if (outOfIssuance) throw new OutOfIssuanceError(st.totalMinedToken);
  const miningGoal = splitByValve(Dec.fromInt(valve.miningReward), valve);
  coinAmount("mining reward to validators", miningGoal.blockChain);
  coinAmount("mining reward to resource nodes", miningGoal.resourceNode);
  coinAmount("mining reward to meta nodes", miningGoal.metaNode);

  const rewards = new Map<string, Accumulated>(); // lookup only; output order is sorted below
  const credits: RewardCredit[] = [];
  let f2r = 0n;
  let p2r = 0n;
  let tax = Dec.ZERO;
  const credit = (source: RewardCredit["source"], wallet: string, mining: bigint, trafficBeforeTax: Dec): void => {
    const entryTax = trafficBeforeTax.mul(st.communityTax);
    const traffic = coinAmount(`traffic reward after tax of ${wallet}`, trafficBeforeTax.sub(entryTax).truncateInt());
    coinAmount(`mining reward of ${wallet}`, mining);
    const acc = rewards.get(wallet) ?? { mining: 0n, traffic: 0n };
    acc.mining = checkInt(acc.mining + mining, `${FN}: mining of ${wallet}`);
    acc.traffic = checkInt(acc.traffic + traffic, `${FN}: traffic of ${wallet}`);
    rewards.set(wallet, acc);
    f2r = checkInt(f2r + mining, `${FN}: F2R`);
    p2r = checkInt(p2r + traffic, `${FN}: P2R`);
    tax = tax.add(entryTax);
    credits.push({ source, walletAddress: wallet, mining, trafficBeforeTax, tax: entryTax, trafficAfterTax: traffic });
  };

  // Step 5: resource entries in message order, each truncated on its own.
  const miningToResource = Dec.fromInt(miningGoal.resourceNode);
  const trafficToResource = Dec.fromInt(trafficGoal.resourceNode);
  for (const { walletAddress, volume } of report.walletVolumes) {
    const wallet = parseWallet(walletAddress);
    if (wallet === undefined) continue;
    if (y === 0n) throw new ZeroDivisorError(FN, "total volume Y (share = volume / Y)");
    const share = Dec.fromInt(volume).quo(Dec.fromInt(y));
    credit("resource", wallet, miningToResource.mul(share).truncateInt(), trafficToResource.mul(share));
  }

  // Step 6: equal split over Bonded meta nodes, divided by the stored counter (not the record count).
  const metaCount = Dec.fromInt(st.bondedMetaNodeCount);
  for (const node of st.bondedMetaNodes) {
    const wallet = parseWallet(metaNodePayee(node.ownerAddress, node.beneficiaryAddress));
    if (wallet === undefined) continue;
    if (metaCount.isZero()) throw new ZeroDivisorError(FN, "bonded meta-node count");
    credit(
      "meta",
      wallet,
      Dec.fromInt(miningGoal.metaNode).quo(metaCount).truncateInt(),
      Dec.fromInt(trafficGoal.metaNode).quo(metaCount),
    );
  }

  // Steps 7-9: records, totals, Lt.
  const f2v = miningGoal.blockChain;
  const p2v = trafficGoal.blockChain;
  const taxTruncated = coinAmount("community tax", tax.truncateInt());
  const minedNow = checkInt(f2v + f2r, `${FN}: mined`);
  const trafficNow = checkInt(p2v + p2r + taxTruncated, `${FN}: traffic total`);
  const ofReward = (amount: bigint): Coins => Coins.of(coin(st.rewardDenom, amount));
  const ofBond = (amount: bigint): Coins => Coins.of(coin(st.bondDenom, amount));

  const walletRewards: WalletReward[] = [...rewards.keys()].sort(compareUtf8).map((walletAddress) => {
    const { mining, traffic } = rewards.get(walletAddress) ?? { mining: 0n, traffic: 0n };
    const rewardFromMiningPool = ofReward(mining);
    const rewardFromTrafficPool = ofBond(traffic);
    return {
      walletAddress,
      mining,
      traffic,
      rewardFromMiningPool,
      rewardFromTrafficPool,
      immatureIncrease: rewardFromMiningPool.add(rewardFromTrafficPool),
    };
  });

  // Step 10: the five transfers, in the reference's order.
  const transfers: Transfer[] = [
    { from: "foundation_account", to: "fee_collector", coins: ofReward(f2v) },
    { from: "total_unissued_prepay", to: "fee_collector", coins: ofBond(p2v) },
    { from: "foundation_account", to: "total_reward_pool", coins: ofReward(f2r) },
    { from: "total_unissued_prepay", to: "total_reward_pool", coins: ofBond(p2r) },
    { from: "total_unissued_prepay", to: "community_pool", coins: ofBond(taxTruncated) },
  ];

  return {
    totalConsumedNoz: y,
    trafficReward: r,
    valve,
    trafficGoal,
    miningGoal,
    flows: { F2V: f2v, P2V: p2v, F2R: f2r, P2R: p2r, TAX: tax, taxTruncated },
    credits,
    rewards: walletRewards,
    rewardMatureEpoch: checkInt(report.epoch + st.matureEpoch, `${FN}: mature epoch`),
    lastDistributedEpoch: report.epoch,
    newTotalMinedToken: checkInt(st.totalMinedToken + minedNow, `${FN}: total mined`),
    newRemainingOzoneLimit: checkInt(st.remainingOzoneLimit + y, `${FN}: remaining ozone limit`),
    totalReward: { miningReward: ofReward(minedNow), trafficReward: ofBond(trafficNow) },
    transfers,
  };
}
