/**
 * sds genesis (spec-sds §7): params and the file records. Validated at InitChain (§7 R:): the params,
 * the bond denom equal to register's (§10 item 11), and every record — a valid CID, height ≥ 0, a
 * reporters bitmap of whole 64-bit words, a bech32 uploader. Export is the exact inverse.
 */
import { create, fromJson, type JsonValue } from "@bufbuild/protobuf";
import type { Context, ReadContext } from "../../baseapp/context.js";
import { toGoProtoJson } from "../../baseapp/protoJson.js";
import { type GenesisState, GenesisStateSchema, GenesisFileInfoSchema } from "../../codec/stratos/sds/v1/genesis_pb.js";
import { FileInfoSchema, ParamsSchema } from "../../codec/stratos/sds/v1/sds_pb.js";
import { AddressError, BECH32_PREFIX, parseBech32Address } from "../../crypto/address.js";
import { unmarshalIntText } from "../../math/int.js";
import { GenesisError } from "../auth/index.js";
import { isValidCid } from "./cid.js";
import { type FileInfo, type SdsKeeper } from "./keeper.js";
import { type SdsParams, validateSdsParams } from "./params.js";

export interface SdsGenesis {
  readonly params: SdsParams;
  readonly files: ReadonlyArray<{ readonly fileHash: string; readonly info: FileInfo }>;
}

export function parseSdsGenesis(json: unknown): SdsGenesis {
  let state: GenesisState;
  try {
    state = fromJson(GenesisStateSchema, json as JsonValue);
  } catch (e) {
    throw new GenesisError(`sds: ${e instanceof Error ? e.message : String(e)}`);
  }
  const params = { bondDenom: state.params?.bondDenom ?? "" };
  const problem = validateSdsParams(params);
  if (problem !== undefined) throw new GenesisError(`sds.params.bond_denom: ${problem}: invalid denomination`);
  const files = state.files.map((f, i) => {
    const where = `sds.files[${i}]`;
    if (f.fileHash === "") throw new GenesisError(`${where}.file_hash: missing file hash`);
    if (!isValidCid(new TextEncoder().encode(f.fileHash))) throw new GenesisError(`${where}.file_hash: ${f.fileHash} is not a valid CID`);
    const info = f.fileInfo ?? create(FileInfoSchema);
    let height: bigint | undefined;
    try {
      height = unmarshalIntText(info.height);
    } catch {
      height = undefined;
    }
    if (height === undefined || height < 0n) throw new GenesisError(`${where}.file_info.height: invalid height "${info.height}"`);
    if (info.reporters.length === 0) throw new GenesisError(`${where}.file_info.reporters: missing reporters`);
    if (info.reporters.length % 8 !== 0) throw new GenesisError(`${where}.file_info.reporters: ${info.reporters.length} bytes is not a whole number of 64-bit words`);
    try {
      parseBech32Address(info.uploader, BECH32_PREFIX.account);
    } catch (e) {
      if (e instanceof AddressError) throw new GenesisError(`${where}.file_info.uploader: ${e.message}`);
      throw e;
    }
    return { fileHash: f.fileHash, info: { height, reporters: info.reporters, uploader: info.uploader } };
  });
  return { params, files };
}

export function initSdsGenesis(ctx: Context, k: SdsKeeper, g: SdsGenesis): void {
  const registerDenom = k.register.bondDenom(ctx);
  if (g.params.bondDenom !== registerDenom) {
    throw new GenesisError(`sds.params.bond_denom: ${g.params.bondDenom} must equal register's bond denom ${registerDenom}`);
  }
  k.setParams(ctx, g.params);
  for (const f of g.files) k.setFileInfo(ctx, new TextEncoder().encode(f.fileHash), f.info);
}

export function exportSdsGenesis(ctx: ReadContext, k: SdsKeeper): JsonValue {
  const files = [...k.files(ctx)].map(({ fileHash, info }) =>
    create(GenesisFileInfoSchema, {
      fileHash: new TextDecoder().decode(fileHash),
      fileInfo: create(FileInfoSchema, { height: info.height.toString(), reporters: info.reporters, uploader: info.uploader }),
    }),
  );
  return toGoProtoJson(GenesisStateSchema, create(GenesisStateSchema, { params: create(ParamsSchema, { bondDenom: k.getParams(ctx).bondDenom }), files }));
}
