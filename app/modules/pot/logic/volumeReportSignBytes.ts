/**
 * What the meta nodes BLS-sign for a volume report (spec-pot §4.1.1): `MsgVolumeReport.GetBLSSignBytes()`
 * = the gogoproto encoding of the message with `BLS_signature` replaced by an empty `BLSSignatureInfo`,
 * and `txData = Keccak-256(signBytes)` (Ethereum Keccak, 0x01 padding — not NIST SHA3-256).
 *
 * Hand-written rather than generated because the bytes must match gogoproto's non-nullable custom-type
 * rules exactly (spec-pot §10 item 4), which generic protobuf encoders do not follow:
 *   1 wallet_volumes  0x0a len { 0x0a len wallet_address (only if non-empty), 0x12 len volume (ALWAYS) }
 *   2 reporter        0x12 len bytes   (only if non-empty)
 *   3 epoch           0x1a len decimal (ALWAYS, "0" for zero)
 *   4 report_reference 0x22 …, 5 reporter_owner 0x2a … (only if non-empty)
 *   6 BLS_signature   0x32 0x00        (ALWAYS: non-nullable, empty)
 * `Int` fields marshal as their decimal text (big.Int MarshalText, "-" for negatives).
 */
import { keccak256 } from "../../../crypto/hash.js";
import { concatBytes } from "../../../store/bytes.js";

export interface SignedWalletVolume {
  /** st1… bech32 text as carried in the message (not validated here). */
  readonly walletAddress: string;
  readonly volume: bigint;
}

/** The MsgVolumeReport fields that enter the sign bytes (everything but BLS_signature). */
export interface VolumeReportSignInput {
  readonly walletVolumes: readonly SignedWalletVolume[];
  /** stsds1… bech32 of the reporting meta node. */
  readonly reporter: string;
  readonly epoch: bigint;
  readonly reportReference: string;
  /** st1… bech32 of the meta node's owner. */
  readonly reporterOwner: string;
}

const utf8 = new TextEncoder();

function varint(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

/** Tag, length and payload of a length-delimited field. */
function field(tag: number, payload: Uint8Array): Uint8Array {
  const head = [tag, ...varint(payload.length)];
  const out = new Uint8Array(head.length + payload.length);
  out.set(head, 0);
  out.set(payload, head.length);
  return out;
}


/** A string field, omitted when empty (proto3 scalar rule). */
function optionalString(tag: number, value: string): Uint8Array[] {
  return value.length === 0 ? [] : [field(tag, utf8.encode(value))];
}

/** A non-nullable `Int` custom-type field: always written, as decimal text. */
function intField(tag: number, value: bigint): Uint8Array {
  return field(tag, utf8.encode(value.toString()));
}

function walletVolumeBytes(entry: SignedWalletVolume): Uint8Array {
  return concatBytes(...[...optionalString(0x0a, entry.walletAddress), intField(0x12, entry.volume)]);
}

/** The exact bytes `GetBLSSignBytes()` returns for this report. */
export function volumeReportSignBytes(report: VolumeReportSignInput): Uint8Array {
  return concatBytes(...[
    ...report.walletVolumes.map((entry) => field(0x0a, walletVolumeBytes(entry))),
    ...optionalString(0x12, report.reporter),
    intField(0x1a, report.epoch),
    ...optionalString(0x22, report.reportReference),
    ...optionalString(0x2a, report.reporterOwner),
    field(0x32, new Uint8Array()),
  ]);
}

/** `txData` the handler compares with `BLS_signature.txData` and the BLS signature covers. */
export function volumeReportTxData(report: VolumeReportSignInput): Uint8Array {
  return keccak256(volumeReportSignBytes(report));
}
