/** The sds store (store key `sds`, spec-sds §2.1). */
import { concatBytes } from "../../store/bytes.js";

export const SDS_MODULE_NAME = "sds";
export const SDS_STORE_KEY = "sds";

export const FILE_INFO_PREFIX = Uint8Array.of(0x01);
/** Params, plain protobuf (not length-prefixed). */
export const PARAMS_KEY = Uint8Array.of(0x20);

/** `0x01 ‖ file_hash` — the hash exactly as submitted (its raw bytes, no decoding or normalisation). */
export const fileInfoKey = (fileHash: Uint8Array): Uint8Array => concatBytes(FILE_INFO_PREFIX, fileHash);
