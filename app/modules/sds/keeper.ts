/**
 * The sds keeper: file-upload records and params in the `sds` store (spec-sds §2). Register and bank
 * are reached only through the interfaces of expected.ts.
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import type { ReadContext } from "../../baseapp/context.js";
import { decodeLengthPrefixed, encodeLengthPrefixed } from "../../baseapp/lengthPrefixed.js";
import { FileInfoSchema, ParamsSchema } from "../../codec/stratos/sds/v1/sds_pb.js";
import { unmarshalIntText } from "../../math/int.js";
import { prefixEnd } from "../../store/bytes.js";
import type { BankForSds, RegisterForSds, WriteContext } from "./expected.js";
import { FILE_INFO_PREFIX, PARAMS_KEY, SDS_STORE_KEY, fileInfoKey } from "./keys.js";
import { type SdsParams, ZERO_SDS_PARAMS } from "./params.js";

/** An upload record: the latest report's height and uploader, every reporter's bit. */
export interface FileInfo {
  readonly height: bigint;
  readonly reporters: Uint8Array;
  readonly uploader: string;
}

export interface SdsKeeperDeps {
  readonly register: RegisterForSds;
  readonly bank: BankForSds;
  /** Bech32 address allowed to send MsgUpdateParams (the gov module account). */
  readonly authority: string;
}

export function encodeFileInfo(f: FileInfo): Uint8Array {
  // `height` is a non-nullable Int: always written, "0" included.
  return encodeLengthPrefixed(FileInfoSchema, create(FileInfoSchema, { height: f.height.toString(), reporters: f.reporters, uploader: f.uploader }));
}

export function decodeFileInfo(bytes: Uint8Array): FileInfo {
  const p = decodeLengthPrefixed(FileInfoSchema, bytes);
  return { height: unmarshalIntText(p.height) ?? 0n, reporters: p.reporters, uploader: p.uploader };
}

export class SdsKeeper {
  constructor(readonly deps: SdsKeeperDeps) {}

  get register(): RegisterForSds {
    return this.deps.register;
  }

  get bank(): BankForSds {
    return this.deps.bank;
  }

  getParams(ctx: ReadContext): SdsParams {
    const bytes = ctx.kv(SDS_STORE_KEY).get(PARAMS_KEY);
    return bytes === undefined ? ZERO_SDS_PARAMS : { bondDenom: fromBinary(ParamsSchema, bytes).bondDenom };
  }

  setParams(ctx: WriteContext, params: SdsParams): void {
    ctx.kv(SDS_STORE_KEY).set(PARAMS_KEY, toBinary(ParamsSchema, create(ParamsSchema, { bondDenom: params.bondDenom })));
  }

  /** By the file hash's raw bytes as submitted. */
  getFileInfo(ctx: ReadContext, fileHash: Uint8Array): FileInfo | undefined {
    const bytes = ctx.kv(SDS_STORE_KEY).get(fileInfoKey(fileHash));
    return bytes === undefined ? undefined : decodeFileInfo(bytes);
  }

  setFileInfo(ctx: WriteContext, fileHash: Uint8Array, info: FileInfo): void {
    ctx.kv(SDS_STORE_KEY).set(fileInfoKey(fileHash), encodeFileInfo(info));
  }

  /** Every record in key order (byte order of the hashes), with the hash bytes recovered from the key. */
  *files(ctx: ReadContext): Generator<{ readonly fileHash: Uint8Array; readonly info: FileInfo }> {
    for (const { key, value } of ctx.kv(SDS_STORE_KEY).iterator(FILE_INFO_PREFIX, prefixEnd(FILE_INFO_PREFIX))) {
      yield { fileHash: key.subarray(FILE_INFO_PREFIX.length), info: decodeFileInfo(value) };
    }
  }

  /** The ozone state a prepay reads: S, Pt, Lt. */
  prepayParams(ctx: ReadContext): { s: bigint; pt: bigint; lt: bigint } {
    const { s, lt } = this.register.ozoneState(ctx);
    return { s, pt: this.register.getTotalUnissuedPrepay(ctx), lt };
  }
}
