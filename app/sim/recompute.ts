/**
 * The independent check of every accepted report: the epoch's rewards recomputed with the core
 * library (app/modules/pot/logic distributeEpochReward) from the chain's own records, and compared
 * with what the chain credited.
 *
 * Inputs, all read from the chain: the MsgVolumeReport as committed (decoded from the block's tx by
 * hash), pot params, total mined token, the bonded meta nodes and their counter, the deposit→noz rate
 * (register store 0x07) at the height before the report's block; S, Pt and Lt as the report's audit
 * record says it read them (another tx earlier in the same block may have moved them). When that
 * block holds no other tx that can move S, Pt or Lt, the audit's inputs must also equal the state at
 * the height before — checked and counted.
 *
 * Output compared: per wallet, mining and traffic reward against the audit record's rewards and the
 * `RewardsByWalletAndEpoch` records; and the traffic reward R.
 */
import { fromBinary } from "@bufbuild/protobuf";
import { TxRaw, TxBody } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { MsgVolumeReportSchema } from "../codec/stratos/pot/v1/tx_pb.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address, AddressError } from "../crypto/address.js";
import { Dec } from "../math/dec.js";
import { distributeEpochReward } from "../modules/pot/logic/distribution.js";
import type { DistributionSnapshot, WalletParser } from "../modules/pot/logic/distributionTypes.js";
import { potParamsFromProto } from "../modules/pot/params.js";
import { decodeDecValue } from "../modules/register/store.js";
import { BondStatus } from "../modules/register/logic/bondStatus.js";
import { decodeLpInt, moduleAccount, type ChainView } from "./chainView.js";

const canonicalWallet: WalletParser = (text) => {
  try {
    return formatBech32Address(parseBech32Address(text, BECH32_PREFIX.account), BECH32_PREFIX.account);
  } catch (e) {
    if (e instanceof AddressError) return undefined;
    throw e;
  }
};

/** Message types whose execution cannot change S, Pt or Lt. */
const NEUTRAL = new Set([
  "/stratos.sds.v1.MsgFileUpload", "/stratos.pot.v1.MsgVolumeReport", "/stratos.pot.v1.MsgWithdraw", "/cosmos.bank.v1beta1.MsgSend",
  "/stratos.pot.v1.MsgFoundationDeposit",
]);

export interface EpochCheck {
  readonly epoch: bigint;
  readonly height: number;
  readonly txHash: string;
  /** Recomputed per wallet: mining + traffic (wei). */
  readonly rewards: ReadonlyMap<string, bigint>;
  readonly totalVolume: bigint;
  readonly mismatches: readonly string[];
  /** The audit's S, Pt, Lt were compared with the state at height − 1 (no other S/Pt/Lt-moving tx in the block). */
  readonly inputsCheckedAgainstState: boolean;
}

/** The tx from CometBFT's index, which may trail the websocket's Tx event by a moment. */
async function indexedTx(view: ChainView, txHash: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await view.comet.tx({ hash: Buffer.from(txHash, "hex") });
    } catch (e) {
      if (attempt >= 100) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function recomputeEpoch(view: ChainView, epoch: bigint, txHash: string, height: number, metaNodeAddresses: readonly string[]): Promise<EpochCheck> {
  const mismatches: string[] = [];
  const before = height - 1;
  // The committed report, from the block.
  const tx = await indexedTx(view, txHash);
  const body = TxBody.decode(TxRaw.decode(tx.tx).bodyBytes);
  const reportAny = body.messages.find((m) => m.typeUrl === "/stratos.pot.v1.MsgVolumeReport" && fromBinary(MsgVolumeReportSchema, m.value).epoch === epoch.toString());
  if (reportAny === undefined) throw new Error(`epoch ${epoch}: no MsgVolumeReport in tx ${txHash}`);
  const msg = fromBinary(MsgVolumeReportSchema, reportAny.value);
  const report = { epoch, walletVolumes: msg.walletVolumes.map((v) => ({ walletAddress: v.walletAddress, volume: BigInt(v.volume) })) };

  const breakdown = await view.rewardBreakdown(epoch, height);
  const audit = breakdown.audit;
  if (audit === undefined) throw new Error(`epoch ${epoch}: no reward audit at height ${height}`);

  const paramsProto = await view.potParams(before);
  if (paramsProto === undefined) throw new Error("no pot params");
  const params = potParamsFromProto(paramsProto);
  const metas = [];
  for (const addr of metaNodeAddresses) {
    const node = await view.metaNode(addr, before);
    if (node !== undefined && node.status === BondStatus.Bonded) metas.push({ addr, node });
  }
  metas.sort((a, b) => Buffer.compare(Buffer.from(parseBech32Address(a.addr, BECH32_PREFIX.sds)), Buffer.from(parseBech32Address(b.addr, BECH32_PREFIX.sds))));
  const bondedMetaNodeCount = await view.bondedMetaNodeCount(before);
  if (BigInt(metas.length) !== bondedMetaNodeCount) mismatches.push(`bonded meta nodes: the simulator knows ${metas.length}, the chain counts ${bondedMetaNodeCount}`);
  const rate = decodeDecValue(await view.abci("/store/register/key", Uint8Array.of(0x07), before));

  const snapshot: DistributionSnapshot = {
    effectiveTotalDeposit: BigInt(audit.effectiveTotalDeposit),
    unissuedPrepay: BigInt(audit.unissuedPrepay),
    remainingOzoneLimit: BigInt(audit.remainingOzoneLimit),
    depositNozRate: rate,
    totalMinedToken: await view.totalMinedToken(before),
    miningValves: params.miningRewardParams,
    communityTax: params.communityTax,
    matureEpoch: BigInt(params.matureEpoch),
    bondedMetaNodes: metas.map(({ node }) => ({ ownerAddress: node.ownerAddress, beneficiaryAddress: node.beneficiaryAddress })),
    bondedMetaNodeCount,
    bondDenom: params.bondDenom,
    rewardDenom: params.rewardDenom,
  };

  // The audit's inputs against the state before the block, when nothing else in the block could move them.
  const block = await view.comet.block(height);
  let others = false;
  for (const raw of block.block.txs) {
    const b = TxBody.decode(TxRaw.decode(raw).bodyBytes);
    if (b.messages.some((m) => !NEUTRAL.has(m.typeUrl))) others = true;
  }
  if (!others) {
    const supply = await view.nozSupply(before);
    const pt = await view.balance(moduleAccount("total_unissued_prepay"), before);
    const s = await view.abci("/store/register/key", Uint8Array.of(0x10), before);
    if (decodeLpInt(s) !== snapshot.effectiveTotalDeposit) mismatches.push(`S: audit ${snapshot.effectiveTotalDeposit}, state ${decodeLpInt(s)}`);
    if (pt !== snapshot.unissuedPrepay) mismatches.push(`Pt: audit ${snapshot.unissuedPrepay}, state ${pt}`);
    if (supply.remaining !== snapshot.remainingOzoneLimit) mismatches.push(`Lt: audit ${snapshot.remainingOzoneLimit}, state ${supply.remaining}`);
  }

  const result = distributeEpochReward(snapshot, report, canonicalWallet);
  if (result.trafficReward.toString() !== Dec.fromProtoString(audit.trafficReward).toString()) {
    mismatches.push(`R: recomputed ${result.trafficReward}, chain ${Dec.fromProtoString(audit.trafficReward)}`);
  }
  const weiOf = (coins: ReadonlyArray<{ denom: string; amount: string }>): bigint => coins.filter((c) => c.denom === "wei").reduce((s, c) => s + BigInt(c.amount), 0n);
  const chainRewards = new Map(audit.rewards.map((r) => [r.walletAddress, { mining: weiOf(r.rewardFromMiningPool), traffic: weiOf(r.rewardFromTrafficPool) }]));
  const rewards = new Map<string, bigint>();
  for (const r of result.rewards) {
    rewards.set(r.walletAddress, r.mining + r.traffic);
    const c = chainRewards.get(r.walletAddress);
    if (c === undefined) mismatches.push(`${r.walletAddress}: recomputed ${r.mining}+${r.traffic}, chain has no reward`);
    else if (c.mining !== r.mining || c.traffic !== r.traffic) mismatches.push(`${r.walletAddress}: recomputed ${r.mining}+${r.traffic}, chain ${c.mining}+${c.traffic}`);
    chainRewards.delete(r.walletAddress);
  }
  for (const w of chainRewards.keys()) mismatches.push(`${w}: chain credited a reward the recomputation does not give`);
  return { epoch, height, txHash, rewards, totalVolume: result.totalConsumedNoz, mismatches, inputsCheckedAgainstState: !others };
}
