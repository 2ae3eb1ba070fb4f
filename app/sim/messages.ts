/**
 * The messages the simulated SDS network sends (spec-sds-clients §6, §7), as protobuf Anys; plus the
 * file hashes of simulated uploads and the BLS-multisigned volume report of §7.2.
 */
import { MsgSendSchema } from "../codec/cosmos/bank/v1beta1/tx_pb.js";
import { MsgFileUploadSchema, MsgPrepaySchema } from "../codec/stratos/sds/v1/tx_pb.js";
import {
  MsgFoundationDepositSchema, MsgSetMetaNodeBlsKeySchema, MsgSlashingResourceNodeSchema, MsgVolumeReportSchema, MsgWithdrawSchema,
} from "../codec/stratos/pot/v1/tx_pb.js";
import { MsgCreateResourceNodeSchema, MsgUpdateEffectiveDepositSchema, MsgUpdateResourceNodeDepositSchema } from "../codec/stratos/register/v1/tx_pb.js";
import { PubKeySchema as Ed25519PubKeySchema } from "../codec/cosmos/crypto/ed25519/keys_pb.js";
import { create, toBinary } from "@bufbuild/protobuf";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { blsAggregateSignatures, blsSign } from "../crypto/bls/index.js";
import { bytesFromBech32 } from "../crypto/address.js";
import { volumeReportTxData } from "../modules/pot/logic/volumeReportSignBytes.js";
import { blsProofOfPossessionMessage } from "../modules/pot/msgs/setMetaNodeBlsKey.js";
import type { MetaNodeKeys, ResourceNodeKeys, Wallet } from "./actors.js";
import { packAny } from "./grpcChain.js";

const wei = (amount: bigint) => ({ denom: "wei", amount: amount.toString() });

export const msgSend = (from: string, to: string, amount: bigint): Any => packAny(MsgSendSchema, { fromAddress: from, toAddress: to, amount: [wei(amount)] });
export const msgPrepay = (user: Wallet, amount: bigint): Any => packAny(MsgPrepaySchema, { sender: user.address, beneficiary: user.address, amount: [wei(amount)] });
export const msgFoundationDeposit = (from: Wallet, amount: bigint): Any => packAny(MsgFoundationDepositSchema, { from: from.address, amount: [wei(amount)] });
export const msgWithdraw = (wallet: string, amount: bigint, target: string): Any => packAny(MsgWithdrawSchema, { walletAddress: wallet, targetAddress: target, amount: [wei(amount)] });

/** ppd's activation tx (§6): ed25519 P2P pubkey, moniker = the node's stsds address, storage node type 4. */
export function msgCreateResourceNode(node: ResourceNodeKeys, deposit: bigint): Any {
  return packAny(MsgCreateResourceNodeSchema, {
    networkAddress: node.p2p.networkAddress,
    pubkey: { typeUrl: "/cosmos.crypto.ed25519.PubKey", value: toBinary(Ed25519PubKeySchema, create(Ed25519PubKeySchema, { key: node.p2p.publicKey })) },
    value: wei(deposit),
    ownerAddress: node.wallet.address,
    beneficiaryAddress: node.wallet.address,
    description: { moniker: node.p2p.networkAddress },
    nodeType: 4,
  });
}

export const msgUpdateResourceNodeDeposit = (node: ResourceNodeKeys, delta: bigint): Any =>
  packAny(MsgUpdateResourceNodeDepositSchema, { networkAddress: node.p2p.networkAddress, ownerAddress: node.wallet.address, depositDelta: wei(delta) });

export const msgUpdateEffectiveDeposit = (meta: MetaNodeKeys, networkAddress: string, effective: bigint): Any =>
  packAny(MsgUpdateEffectiveDepositSchema, { reporters: [meta.p2p.networkAddress], reporterOwner: [meta.owner.address], networkAddress, effectiveTokens: effective.toString() });

export const msgSlashing = (meta: MetaNodeKeys, node: ResourceNodeKeys, noz: bigint, suspend: boolean): Any =>
  packAny(MsgSlashingResourceNodeSchema, {
    reporters: [meta.p2p.networkAddress], reporterOwner: [meta.owner.address], networkAddress: node.p2p.networkAddress, walletAddress: node.wallet.address,
    slashing: noz.toString(), suspend,
  });

export const msgFileUpload = (meta: MetaNodeKeys, uploader: string, fileHash: string): Any =>
  packAny(MsgFileUploadSchema, { fileHash, from: meta.owner.address, reporter: meta.p2p.networkAddress, uploader });

/** MsgSetMetaNodeBlsKey with the proof of possession over the node's own network address (hardened mode). */
export function msgSetBlsKey(meta: MetaNodeKeys): Any {
  const pop = blsSign(meta.bls, blsProofOfPossessionMessage(bytesFromBech32(meta.p2p.networkAddress, "stsds"), meta.blsPublicKey));
  return packAny(MsgSetMetaNodeBlsKeySchema, { networkAddress: meta.p2p.networkAddress, ownerAddress: meta.owner.address, pubKey: meta.blsPublicKey, proofOfPossession: pop });
}

/**
 * A valid CIDv1 (base16 `f`, raw codec 0x55, identity multihash) over 12 bytes: a run nonce and a
 * counter, so every simulated upload names a new file.
 */
export function simulatedCid(runNonce: number, n: number): string {
  const digest = new Uint8Array(12);
  const view = new DataView(digest.buffer);
  view.setUint32(0, runNonce >>> 0);
  view.setBigUint64(4, BigInt(n));
  return "f" + Buffer.from([0x01, 0x55, 0x00, digest.length, ...digest]).toString("hex");
}

export interface VolumeReportSpec {
  readonly reporter: MetaNodeKeys;
  readonly epoch: bigint;
  /** Already summed per wallet; sorted here by wallet string (QB-2095). */
  readonly volumes: ReadonlyMap<string, bigint>;
  readonly signers: readonly MetaNodeKeys[];
  readonly reference?: string;
  /** Adversarial: list these keys instead of the signers' (the signature stays the signers' aggregate). */
  readonly pubKeysOverride?: readonly Uint8Array[];
}

/** A MsgVolumeReport as tx-client's BuildVolumeReportMsg builds it, BLS-signed by `signers` over Keccak(sign bytes). */
export function buildVolumeReport(r: VolumeReportSpec): { any: Any; walletVolumes: Array<{ walletAddress: string; volume: bigint }> } {
  const walletVolumes = [...r.volumes.entries()]
    .map(([walletAddress, volume]) => ({ walletAddress, volume }))
    .sort((a, b) => Buffer.compare(Buffer.from(a.walletAddress), Buffer.from(b.walletAddress)));
  const reportReference = r.reference ?? `sim-epoch-${r.epoch}`;
  const txData = volumeReportTxData({ walletVolumes, reporter: r.reporter.p2p.networkAddress, epoch: r.epoch, reportReference, reporterOwner: r.reporter.owner.address });
  const signature = blsAggregateSignatures(r.signers.map((m) => blsSign(m.bls, txData)));
  const any = packAny(MsgVolumeReportSchema, {
    walletVolumes: walletVolumes.map((v) => ({ walletAddress: v.walletAddress, volume: v.volume.toString() })),
    reporter: r.reporter.p2p.networkAddress,
    epoch: r.epoch.toString(),
    reportReference,
    reporterOwner: r.reporter.owner.address,
    BLSSignature: { pubKeys: [...(r.pubKeysOverride ?? r.signers.map((m) => m.blsPublicKey))], signature, txData },
  });
  return { any, walletVolumes };
}
