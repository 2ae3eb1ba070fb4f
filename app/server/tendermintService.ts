/**
 * `cosmos.base.tendermint.v1beta1.Service` (SDK v0.47 client/grpc/tmservice): what this node's
 * CometBFT says about itself, its blocks and validator sets (over its RPC), and ABCI queries run
 * in-process against the app (never through CometBFT).
 */
import { create, fromBinary, toBinary, type DescMessage, type MessageInitShape } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import type { RequestQuery, ResponseQuery } from "cosmjs-types/tendermint/abci/types";
import {
  ABCIQueryRequestSchema, ABCIQueryResponseSchema, GetBlockByHeightRequestSchema, GetBlockByHeightResponseSchema,
  GetLatestBlockResponseSchema, GetLatestValidatorSetRequestSchema, GetLatestValidatorSetResponseSchema,
  GetNodeInfoResponseSchema, GetSyncingResponseSchema, GetValidatorSetByHeightRequestSchema,
  GetValidatorSetByHeightResponseSchema, ValidatorSchema,
} from "../codec/cosmos/base/tendermint/v1beta1/query_pb.js";
import type { PageRequest } from "../codec/cosmos/base/query/v1beta1/pagination_pb.js";
import { PubKeySchema as Ed25519PubKeySchema } from "../codec/cosmos/crypto/ed25519/keys_pb.js";
import { PubKeySchema as Secp256k1PubKeySchema } from "../codec/cosmos/crypto/secp256k1/keys_pb.js";
import { BECH32_PREFIX, formatBech32Address } from "../crypto/address.js";
import { blockIdOf, blockOf, type ResultBlockJson, sdkBlockOf } from "./blocks.js";
import { CometRpc, CometRpcError } from "./cometRpc.js";
import type { MethodCall, MethodResult, NodeMethod } from "./methods.js";
import { Code, invalidArgument, ServiceError } from "./status.js";

const SERVICE = "/cosmos.base.tendermint.v1beta1.Service/";

export interface TendermintServiceDeps {
  readonly rpc: CometRpc;
  /** The app's ABCI Query, called in-process. */
  readonly abciQuery: (req: RequestQuery) => ResponseQuery | Promise<ResponseQuery>;
  readonly lastHeight: () => number;
  readonly appName: string;
  readonly appVersion: string;
}

interface StatusJson {
  node_info: {
    protocol_version: { p2p: string; block: string; app: string };
    id: string;
    listen_addr: string;
    network: string;
    version: string;
    channels: string;
    moniker: string;
    other: { tx_index: string; rpc_address: string };
  };
  sync_info: { latest_block_height: string; catching_up: boolean };
}

interface ValidatorsJson {
  block_height: string;
  validators: { address: string; pub_key: { type: string; value: string }; voting_power: string; proposer_priority: string }[];
  total: string;
}

/** SDK `query.DefaultLimit`. */
const DEFAULT_LIMIT = 100n;

export function tendermintServiceMethods(d: TendermintServiceDeps): Map<string, NodeMethod> {
  const answer = <O extends DescMessage>(schema: O, init: MessageInitShape<O>): MethodResult => ({
    value: toBinary(schema, create(schema, init)),
    height: d.lastHeight(),
  });
  const status = (): Promise<StatusJson> => d.rpc.call<StatusJson>("status");
  const latestHeight = async (): Promise<bigint> => BigInt((await status()).sync_info.latest_block_height);
  const block = (height?: bigint): Promise<ResultBlockJson> => d.rpc.call<ResultBlockJson>("block", { height: height?.toString() }).catch(rethrowBlockError);

  const validatorSet = async (height: bigint | undefined, page: PageRequest | undefined) => {
    const { pageNumber, limit } = parsePagination(page);
    const res = await d.rpc.call<ValidatorsJson>("validators", { height: height?.toString(), page: pageNumber, per_page: limit }).catch(rethrowBlockError);
    return {
      blockHeight: BigInt(res.block_height),
      validators: res.validators.map(validatorOf),
      pagination: { nextKey: new Uint8Array(), total: BigInt(res.total) },
    };
  };

  const methods: Record<string, (call: MethodCall) => Promise<MethodResult>> = {
    async GetNodeInfo() {
      const s = await status();
      const n = s.node_info;
      return answer(GetNodeInfoResponseSchema, {
        defaultNodeInfo: {
          protocolVersion: { p2p: BigInt(n.protocol_version.p2p), block: BigInt(n.protocol_version.block), app: BigInt(n.protocol_version.app) },
          defaultNodeId: n.id,
          listenAddr: n.listen_addr,
          network: n.network,
          version: n.version,
          channels: Buffer.from(n.channels, "hex"),
          moniker: n.moniker,
          other: { txIndex: n.other.tx_index, rpcAddress: n.other.rpc_address },
        },
        applicationVersion: {
          name: d.appName,
          appName: "stchaind",
          version: d.appVersion,
          // The SDK API level this node answers as (explorers pick their routes by it).
          cosmosSdkVersion: "v0.47.12",
          goVersion: `node ${process.version}`,
        },
      });
    },

    async GetSyncing() {
      return answer(GetSyncingResponseSchema, { syncing: (await status()).sync_info.catching_up });
    },

    async GetLatestBlock() {
      const res = await block();
      return answer(GetLatestBlockResponseSchema, { blockId: blockIdOf(res.block_id), block: blockOf(res.block), sdkBlock: sdkBlockOf(res.block) });
    },

    async GetBlockByHeight(call) {
      const req = fromBinary(GetBlockByHeightRequestSchema, call.request);
      if (req.height > (await latestHeight())) throw invalidArgument("requested block height is bigger then the chain length");
      if (req.height <= 0n) throw invalidArgument(`height must be greater than 0, but got ${req.height}`);
      const res = await block(req.height);
      return answer(GetBlockByHeightResponseSchema, { blockId: blockIdOf(res.block_id), block: blockOf(res.block), sdkBlock: sdkBlockOf(res.block) });
    },

    async GetLatestValidatorSet(call) {
      const req = fromBinary(GetLatestValidatorSetRequestSchema, call.request);
      return answer(GetLatestValidatorSetResponseSchema, await validatorSet(undefined, req.pagination));
    },

    async GetValidatorSetByHeight(call) {
      const req = fromBinary(GetValidatorSetByHeightRequestSchema, call.request);
      if (req.height > (await latestHeight())) throw invalidArgument("requested block height is bigger then the chain length");
      if (req.height <= 0n) throw invalidArgument(`height must be greater than 0, but got ${req.height}`);
      return answer(GetValidatorSetByHeightResponseSchema, await validatorSet(req.height, req.pagination));
    },

    async ABCIQuery(call) {
      const req = fromBinary(ABCIQueryRequestSchema, call.request);
      if (req.path === "") throw invalidArgument("empty query path");
      // As the SDK: only the app's own ABCI paths, not gRPC method paths (those have their services).
      const root = req.path.replace(/^\//, "").split("/")[0];
      if (root !== "app" && root !== "store" && root !== "p2p" && root !== "custom") {
        throw invalidArgument(`unsupported ABCI query path: ${req.path}`);
      }
      const res = await d.abciQuery({ path: req.path, data: req.data, height: req.height, prove: req.prove });
      return answer(ABCIQueryResponseSchema, {
        code: res.code,
        log: res.log,
        info: res.info,
        index: res.index,
        key: res.key,
        value: res.value,
        proofOps: res.proofOps ? { ops: res.proofOps.ops.map((op) => ({ type: op.type, key: op.key, data: op.data })) } : undefined,
        height: res.height,
        codespace: res.codespace,
      });
    },
  };
  return new Map(Object.entries(methods).map(([name, f]) => [SERVICE + name, f]));
}

/** SDK `query.ParsePagination`: offset/limit → CometBFT's 1-based page. */
function parsePagination(page: PageRequest | undefined): { pageNumber: number; limit: number } {
  let limit = page?.limit ?? DEFAULT_LIMIT;
  if (limit === 0n) limit = DEFAULT_LIMIT;
  if (limit > 100n) limit = 100n; // CometBFT's per_page maximum
  const offset = page?.offset ?? 0n;
  return { pageNumber: Number(offset / limit + 1n), limit: Number(limit) };
}

function validatorOf(v: ValidatorsJson["validators"][number]): MessageInitShape<typeof ValidatorSchema> {
  const key = Buffer.from(v.pub_key.value, "base64");
  const pubKey = v.pub_key.type === "tendermint/PubKeySecp256k1"
    ? create(AnySchema, { typeUrl: "/cosmos.crypto.secp256k1.PubKey", value: toBinary(Secp256k1PubKeySchema, create(Secp256k1PubKeySchema, { key })) })
    : create(AnySchema, { typeUrl: "/cosmos.crypto.ed25519.PubKey", value: toBinary(Ed25519PubKeySchema, create(Ed25519PubKeySchema, { key })) });
  return {
    address: formatBech32Address(Buffer.from(v.address, "hex"), BECH32_PREFIX.consensus),
    pubKey,
    votingPower: BigInt(v.voting_power),
    proposerPriority: BigInt(v.proposer_priority),
  };
}

/** CometBFT's height errors as statuses: a pruned or future block is NotFound/InvalidArgument. */
function rethrowBlockError(e: unknown): never {
  if (e instanceof CometRpcError) {
    const text = e.text;
    if (/must be greater than 0|must be less than or equal/i.test(text)) throw invalidArgument(e.message);
    if (/not available|lowest height|could not find/i.test(text)) throw new ServiceError(Code.NOT_FOUND, e.message);
    throw new ServiceError(Code.UNKNOWN, e.message);
  }
  throw e;
}
