/**
 * MsgFileUpload (spec-sds §4.1): a meta node records that a file was uploaded. Signed by the meta node's
 * owner; relayd packs up to 250 of these into one tx. Reporters accumulate in a bitmap; height and
 * uploader are last-writer-wins.
 */
import { fromBinary } from "@bufbuild/protobuf";
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import { ErrInvalidAddress, ErrPanic } from "../../../baseapp/errors.js";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventFileUploadSchema } from "../../../codec/stratos/sds/v1/event_pb.js";
import { type MsgFileUpload, MsgFileUploadResponseSchema, MsgFileUploadSchema } from "../../../codec/stratos/sds/v1/tx_pb.js";
import { BECH32_PREFIX, formatBech32Address, isBech32Address, parseBech32Address } from "../../../crypto/address.js";
import { emptyResponse, signerBytes, typeUrlOf } from "../../register/msgs/common.js";
import { isValidCid } from "../cid.js";
import { ErrInvalidFileHash, ErrReporterAddressOrOwner } from "../errors.js";
import type { SdsKeeper } from "../keeper.js";
import { BitmapLengthError, setReporterBit } from "../logic/reporterBitmap.js";

interface Decoded {
  readonly msg: MsgFileUpload;
  /** `file_hash` as the bytes on the wire: Go strings are byte strings, and identity CIDs need not be UTF-8. */
  readonly fileHash: Uint8Array;
}

/** The raw bytes of field 1 (last occurrence wins, as in Go's decoder). */
function rawFileHash(bytes: Uint8Array): Uint8Array {
  const reader = new BinaryReader(bytes);
  let out: Uint8Array = new Uint8Array(0);
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    if (field === 1 && wire === WireType.LengthDelimited) out = reader.bytes();
    else reader.skip(wire);
  }
  return out;
}


export function validateFileUpload({ msg, fileHash }: Decoded): void {
  if (!isValidCid(fileHash)) throw ErrInvalidFileHash.wrap("failed to validate file hash");
  if (!isBech32Address(msg.from, BECH32_PREFIX.account)) throw ErrInvalidAddress.wrap("failed to validate from address");
  if (!isBech32Address(msg.reporter, BECH32_PREFIX.sds)) throw ErrInvalidAddress.wrap("failed to parse reporter address");
  if (!isBech32Address(msg.uploader, BECH32_PREFIX.account)) throw ErrInvalidAddress.wrap("failed to parse uploader address");
}

export function fileUploadRoute(k: SdsKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgFileUploadSchema),
    schema: MsgFileUploadSchema,
    decode: (bytes) => ({ msg: fromBinary(MsgFileUploadSchema, bytes), fileHash: rawFileHash(bytes) }),
    validateBasic: validateFileUpload,
    signers: ({ msg }) => [signerBytes(msg.from)],
    handle(ctx, { msg, fileHash }) {
      const reporter = parseBech32Address(msg.reporter, BECH32_PREFIX.sds);
      const from = formatBech32Address(parseBech32Address(msg.from, BECH32_PREFIX.account), BECH32_PREFIX.account);
      // `OwnMetaNode`: the meta node exists and its stored owner is the signer. Status is not checked
      // (spec-sds §10 item 3): any meta node's owner may report, as in the reference.
      if (k.register.getMetaNode(ctx, reporter)?.ownerAddress !== from) throw ErrReporterAddressOrOwner;
      const existing = k.getFileInfo(ctx, fileHash);
      const reporterText = formatBech32Address(reporter, BECH32_PREFIX.sds);
      // Deterministic bitmap index (spec-sds §4.1.4 R:, docs/deviations.md): the reporter's position among
      // the active meta nodes of this tx's state; a reporter not among them sets bit 0 as in the reference.
      const { index } = k.register.activeMetaNodePosition(ctx, reporterText);
      let reporters: Uint8Array;
      try {
        reporters = setReporterBit(existing?.reporters, index);
      } catch (e) {
        // A stored bitmap whose length is not a multiple of 8 (genesis only) makes the reference panic.
        if (e instanceof BitmapLengthError) throw ErrPanic.wrap(e.message);
        throw e;
      }
      k.setFileInfo(ctx, fileHash, { height: ctx.blockHeight, reporters, uploader: msg.uploader });
      ctx.emit(typedEvent(EventFileUploadSchema, { sender: msg.from, reporter: msg.reporter, uploader: msg.uploader, fileHash: msg.fileHash }));
      return emptyResponse(MsgFileUploadResponseSchema);
    },
  });
}
