/**
 * What the simulator reads from the chain besides relayd's calls: module queries over gRPC (as the
 * meta nodes' relayd query API does, §5.7) and, for the independent check, raw store records and
 * blocks through CometBFT's RPC at explicit heights.
 */
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { create, fromBinary, toBinary, type DescMessage, type MessageInitShape, type MessageShape } from "@bufbuild/protobuf";
import { QueryBalanceRequest, QueryBalanceResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import {
  QueryMetaNodeRequestSchema, QueryMetaNodeResponseSchema, QueryResourceNodeRequestSchema, QueryResourceNodeResponseSchema,
  QueryBondedMetaNodeCountRequestSchema, QueryBondedMetaNodeCountResponseSchema,
} from "../codec/stratos/register/v1/query_pb.js";
import { QueryNozPriceRequestSchema, QueryNozPriceResponseSchema, QueryNozSupplyRequestSchema, QueryNozSupplyResponseSchema } from "../codec/stratos/sds/v1/query_pb.js";
import { Dec } from "../math/dec.js";
import {
  QueryParamsRequestSchema as PotParamsRequestSchema, QueryParamsResponseSchema as PotParamsResponseSchema, QueryRewardBreakdownRequestSchema,
  QueryRewardBreakdownResponseSchema, QueryRewardsByWalletRequestSchema, QueryRewardsByWalletResponseSchema, QuerySlashingByOwnerRequestSchema,
  QuerySlashingByOwnerResponseSchema, QueryTotalMinedTokenRequestSchema, QueryTotalMinedTokenResponseSchema, QueryVolumeReportRequestSchema,
  QueryVolumeReportResponseSchema, QueryMetaNodeBlsKeyRequestSchema, QueryMetaNodeBlsKeyResponseSchema,
} from "../codec/stratos/pot/v1/query_pb.js";
import type { ResourceNode, MetaNode } from "../codec/stratos/register/v1/register_pb.js";
import { moduleAddress } from "../crypto/moduleAddress.js";
import { BECH32_PREFIX, formatBech32Address } from "../crypto/address.js";
import type { GrpcChain } from "./grpcChain.js";

export const moduleAccount = (name: string): string => formatBech32Address(moduleAddress(name), BECH32_PREFIX.account);

const weiOf = (coins: ReadonlyArray<{ denom: string; amount: string }> | undefined): bigint =>
  (coins ?? []).filter((c) => c.denom === "wei").reduce((s, c) => s + BigInt(c.amount), 0n);

export class ChainView {
  private constructor(readonly grpc: GrpcChain, readonly comet: Comet38Client) {}

  static async connect(grpc: GrpcChain, rpcUrl: string): Promise<ChainView> {
    return new ChainView(grpc, await Comet38Client.connect(rpcUrl));
  }

  close(): void {
    this.comet.disconnect();
  }

  /** An ABCI query (gRPC path or store path) at a height through CometBFT's RPC. */
  async abci(path: string, data: Uint8Array, height?: number): Promise<Uint8Array> {
    const r = await this.comet.abciQuery({ path, data, ...(height !== undefined ? { height } : {}) });
    if ((r.code ?? 0) !== 0) throw new Error(`${path} at ${height ?? "latest"}: ${r.codespace}/${r.code}: ${r.log}`);
    return r.value;
  }

  async queryAt<I extends DescMessage, O extends DescMessage>(path: string, req: I, init: MessageInitShape<I>, res: O, height?: number): Promise<MessageShape<O>> {
    return fromBinary(res, await this.abci(path, toBinary(req, create(req, init)), height));
  }

  async resourceNode(networkAddr: string): Promise<ResourceNode | undefined> {
    try {
      return (await this.grpc.query("/stratos.register.v1.Query/ResourceNode", QueryResourceNodeRequestSchema, { networkAddr }, QueryResourceNodeResponseSchema)).node;
    } catch {
      return undefined;
    }
  }

  async metaNode(networkAddr: string, height?: number): Promise<MetaNode | undefined> {
    try {
      return (await this.queryAt("/stratos.register.v1.Query/MetaNode", QueryMetaNodeRequestSchema, { networkAddr }, QueryMetaNodeResponseSchema, height)).node;
    } catch {
      return undefined;
    }
  }

  async bondedMetaNodeCount(height?: number): Promise<bigint> {
    const r = await this.queryAt("/stratos.register.v1.Query/BondedMetaNodeCount", QueryBondedMetaNodeCountRequestSchema, {}, QueryBondedMetaNodeCountResponseSchema, height);
    return BigInt(r.number);
  }

  /** Lt and trunc(S / rate): the noz budget is total − remaining. */
  async nozSupply(height?: number): Promise<{ remaining: bigint; total: bigint }> {
    const r = await this.queryAt("/stratos.sds.v1.Query/NozSupply", QueryNozSupplyRequestSchema, {}, QueryNozSupplyResponseSchema, height);
    return { remaining: BigInt(r.remaining || "0"), total: BigInt(r.total || "0") };
  }

  /** The noz price (S + Pt) / Lt, wei per noz. */
  async nozPrice(): Promise<Dec> {
    const r = await this.grpc.query("/stratos.sds.v1.Query/NozPrice", QueryNozPriceRequestSchema, {}, QueryNozPriceResponseSchema);
    return r.price === "" ? Dec.ZERO : Dec.fromProtoString(r.price);
  }

  async balance(address: string, height?: number): Promise<bigint> {
    const v = await this.abci("/cosmos.bank.v1beta1.Query/Balance", QueryBalanceRequest.encode({ address, denom: "wei" }).finish(), height);
    return BigInt(QueryBalanceResponse.decode(v).balance?.amount ?? "0");
  }

  async potParams(height?: number) {
    return (await this.queryAt("/stratos.pot.v1.Query/Params", PotParamsRequestSchema, {}, PotParamsResponseSchema, height)).params;
  }

  async totalMinedToken(height?: number): Promise<bigint> {
    const r = await this.queryAt("/stratos.pot.v1.Query/TotalMinedToken", QueryTotalMinedTokenRequestSchema, {}, QueryTotalMinedTokenResponseSchema, height);
    return BigInt(r.totalMinedToken?.amount ?? "0");
  }

  /** The reported epoch's record (empty tx hash when none). */
  async volumeReport(epoch: bigint, height?: number): Promise<{ txHash: string; reporter: string }> {
    const r = await this.queryAt("/stratos.pot.v1.Query/VolumeReport", QueryVolumeReportRequestSchema, { epoch }, QueryVolumeReportResponseSchema, height);
    return { txHash: r.reportInfo?.txHash ?? "", reporter: r.reportInfo?.reporter ?? "" };
  }

  async lastDistributedEpoch(height?: number): Promise<bigint> {
    // No query serves it: the pot store's record (spec-pot §2.1, key 0x02).
    const v = await this.abci("/store/pot/key", Uint8Array.of(0x02), height);
    return v.length === 0 ? 0n : decodeLpInt(v);
  }

  /** The BLS key registered to a meta node (empty when none). */
  async metaNodeBlsKey(networkAddress: string): Promise<Uint8Array> {
    try {
      return (await this.grpc.query("/stratos.pot.v1.Query/MetaNodeBlsKey", QueryMetaNodeBlsKeyRequestSchema, { networkAddress }, QueryMetaNodeBlsKeyResponseSchema)).pubKey;
    } catch {
      return new Uint8Array();
    }
  }

  async rewardBreakdown(epoch: bigint, height?: number) {
    return this.queryAt("/stratos.pot.v1.Query/RewardBreakdown", QueryRewardBreakdownRequestSchema, { epoch }, QueryRewardBreakdownResponseSchema, height);
  }

  async rewardsByWallet(walletAddress: string, height?: number): Promise<{ mature: bigint; immature: bigint }> {
    const r = await this.queryAt("/stratos.pot.v1.Query/RewardsByWallet", QueryRewardsByWalletRequestSchema, { walletAddress }, QueryRewardsByWalletResponseSchema, height);
    return { mature: weiOf(r.rewards?.matureTotalReward), immature: weiOf(r.rewards?.immatureTotalReward) };
  }

  async slashingDebt(walletAddress: string, height?: number): Promise<bigint> {
    const r = await this.queryAt("/stratos.pot.v1.Query/SlashingByOwner", QuerySlashingByOwnerRequestSchema, { walletAddress }, QuerySlashingByOwnerResponseSchema, height);
    return BigInt(r.slashing || "0");
  }

  async latestHeight(): Promise<number> {
    return (await this.comet.status()).syncInfo.latestBlockHeight;
  }

  /** `/num_unconfirmed_txs`: mempool size. */
  async mempool(): Promise<{ txs: number; bytes: number }> {
    const r = await this.comet.numUnconfirmedTxs();
    return { txs: r.total, bytes: r.totalBytes };
  }

  /** `/app/invariants` at a height: the broken ones (empty when all hold). */
  async brokenInvariants(height: number): Promise<Record<string, string>> {
    const v = await this.abci("/app/invariants", new Uint8Array(), height);
    const all = JSON.parse(new TextDecoder().decode(v)) as Record<string, string | null>;
    return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== null));
  }
}

/** A length-prefixed cosmos Int record (`gogoproto` IntProto{int: string}) → bigint. */
export function decodeLpInt(bytes: Uint8Array): bigint {
  // varint length, then field 1 (tag 0x0a), varint length, decimal string.
  let i = 0;
  const varint = (): number => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[i++]!;
      n += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return n;
      shift += 7;
    }
  };
  varint();
  if (i >= bytes.length) return 0n;
  if (bytes[i++] !== 0x0a) throw new Error("decodeLpInt: unexpected field");
  const len = varint();
  return BigInt(new TextDecoder().decode(bytes.subarray(i, i + len)) || "0");
}
