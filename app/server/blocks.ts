/**
 * CometBFT's JSON blocks and validators as the protobuf messages the tendermint and tx services
 * return (tendermint.types.Block, the SDK's Block with a bech32 proposer, BlockID).
 */
import { create } from "@bufbuild/protobuf";
import { type Timestamp, TimestampSchema } from "@bufbuild/protobuf/wkt";
import { type Block, BlockSchema } from "../codec/tendermint/types/block_pb.js";
import { type BlockID, BlockIDSchema, type Commit, type Header, type Vote } from "../codec/tendermint/types/types_pb.js";
import type { Evidence } from "../codec/tendermint/types/evidence_pb.js";
import { type Block as SdkBlock, BlockSchema as SdkBlockSchema } from "../codec/cosmos/base/tendermint/v1beta1/types_pb.js";
import { BECH32_PREFIX, formatBech32Address } from "../crypto/address.js";
import { Code, ServiceError } from "./status.js";

export interface BlockIdJson {
  hash: string;
  parts: { total: number; hash: string };
}
interface HeaderJson {
  version: { block: string; app?: string };
  chain_id: string;
  height: string;
  time: string;
  last_block_id: BlockIdJson;
  last_commit_hash: string;
  data_hash: string;
  validators_hash: string;
  next_validators_hash: string;
  consensus_hash: string;
  app_hash: string;
  last_results_hash: string;
  evidence_hash: string;
  proposer_address: string;
}
interface VoteJson {
  type: number;
  height: string;
  round: number;
  block_id: BlockIdJson;
  timestamp: string;
  validator_address: string;
  validator_index: number;
  signature: string | null;
  extension?: string | null;
  extension_signature?: string | null;
}
interface CommitJson {
  height: string;
  round: number;
  block_id: BlockIdJson;
  signatures: { block_id_flag: number; validator_address: string; timestamp: string; signature: string | null }[];
}
export interface BlockJson {
  header: HeaderJson;
  data: { txs: string[] | null };
  evidence: { evidence: { type: string; value: Record<string, unknown> }[] | null };
  last_commit: CommitJson | null;
}
export interface ResultBlockJson {
  block_id: BlockIdJson;
  block: BlockJson;
}

const hex = (s: string | null | undefined): Uint8Array => Buffer.from(s ?? "", "hex");
const b64 = (s: string | null | undefined): Uint8Array => Buffer.from(s ?? "", "base64");

/** Go's RFC 3339 with up to nine fraction digits → Timestamp (the zero time included). */
export function timestampOf(text: string): Timestamp {
  const m = /^(.*?)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(text);
  if (!m) throw new ServiceError(Code.INTERNAL, `CometBFT time ${JSON.stringify(text)} is not RFC 3339`);
  const ms = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(ms)) throw new ServiceError(Code.INTERNAL, `CometBFT time ${JSON.stringify(text)} is not RFC 3339`);
  return create(TimestampSchema, { seconds: BigInt(Math.floor(ms / 1000)), nanos: Number((m[2] ?? "").padEnd(9, "0")) });
}

export function blockIdOf(j: BlockIdJson): BlockID {
  return create(BlockIDSchema, { hash: hex(j.hash), partSetHeader: { total: j.parts.total, hash: hex(j.parts.hash) } });
}

function headerFields(h: HeaderJson): Omit<Header, "$typeName" | "proposerAddress"> {
  return {
    version: { $typeName: "tendermint.version.Consensus", block: BigInt(h.version.block), app: BigInt(h.version.app ?? "0") },
    chainId: h.chain_id,
    height: BigInt(h.height),
    time: timestampOf(h.time),
    lastBlockId: blockIdOf(h.last_block_id),
    lastCommitHash: hex(h.last_commit_hash),
    dataHash: hex(h.data_hash),
    validatorsHash: hex(h.validators_hash),
    nextValidatorsHash: hex(h.next_validators_hash),
    consensusHash: hex(h.consensus_hash),
    appHash: hex(h.app_hash),
    lastResultsHash: hex(h.last_results_hash),
    evidenceHash: hex(h.evidence_hash),
  };
}

function voteOf(v: VoteJson): Vote {
  return {
    $typeName: "tendermint.types.Vote",
    type: v.type,
    height: BigInt(v.height),
    round: v.round,
    blockId: blockIdOf(v.block_id),
    timestamp: timestampOf(v.timestamp),
    validatorAddress: hex(v.validator_address),
    validatorIndex: v.validator_index,
    signature: b64(v.signature),
    extension: b64(v.extension),
    extensionSignature: b64(v.extension_signature),
  };
}

function commitOf(c: CommitJson | null): Commit | undefined {
  if (!c) return undefined;
  return {
    $typeName: "tendermint.types.Commit",
    height: BigInt(c.height),
    round: c.round,
    blockId: blockIdOf(c.block_id),
    signatures: c.signatures.map((s) => ({
      $typeName: "tendermint.types.CommitSig",
      blockIdFlag: s.block_id_flag,
      validatorAddress: hex(s.validator_address),
      timestamp: timestampOf(s.timestamp),
      signature: b64(s.signature),
    })),
  };
}

function evidenceOf(e: { type: string; value: Record<string, unknown> }): Evidence {
  if (e.type !== "tendermint/DuplicateVoteEvidence") {
    throw new ServiceError(Code.UNIMPLEMENTED, `evidence of type ${e.type} cannot be returned by this node yet`);
  }
  const v = e.value as { vote_a: VoteJson; vote_b: VoteJson; TotalVotingPower: string; ValidatorPower: string; Timestamp: string };
  return {
    $typeName: "tendermint.types.Evidence",
    sum: {
      case: "duplicateVoteEvidence",
      value: {
        $typeName: "tendermint.types.DuplicateVoteEvidence",
        voteA: voteOf(v.vote_a),
        voteB: voteOf(v.vote_b),
        totalVotingPower: BigInt(v.TotalVotingPower),
        validatorPower: BigInt(v.ValidatorPower),
        timestamp: timestampOf(v.Timestamp),
      },
    },
  };
}

function blockParts(b: BlockJson): Pick<Block, "data" | "evidence" | "lastCommit"> {
  return {
    data: { $typeName: "tendermint.types.Data", txs: (b.data.txs ?? []).map(b64) },
    evidence: { $typeName: "tendermint.types.EvidenceList", evidence: (b.evidence.evidence ?? []).map(evidenceOf) },
    lastCommit: commitOf(b.last_commit),
  };
}

/** The block as CometBFT's protobuf has it (the services' deprecated `block` field). */
export function blockOf(b: BlockJson): Block {
  return create(BlockSchema, {
    header: { ...headerFields(b.header), $typeName: "tendermint.types.Header", proposerAddress: hex(b.header.proposer_address) },
    ...blockParts(b),
  });
}

/** SDK 0.47 `sdk_block`: the proposer as a bech32 consensus address. */
export function sdkBlockOf(b: BlockJson): SdkBlock {
  return create(SdkBlockSchema, {
    header: {
      ...headerFields(b.header),
      $typeName: "cosmos.base.tendermint.v1beta1.Header",
      proposerAddress: formatBech32Address(hex(b.header.proposer_address), BECH32_PREFIX.consensus),
    },
    ...blockParts(b),
  });
}
