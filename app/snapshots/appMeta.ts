/**
 * The "stratos-ts/app-meta" snapshot extension: the node metadata the app keeps beside its trees
 * (BaseApp: chain id, last block time, consensus params), as of the snapshot height. A restored
 * node needs them and never sees InitChain. One `AppMetaEntry` payload per key, in key order.
 */

import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { AppMetaEntrySchema } from "../codec/stratosts/snapshots/v1/app_meta_pb.js";
import { SnapshotFormatError } from "../store/index.js";
import type { ExtensionSnapshot } from "./create.js";

export const APP_META_EXTENSION = "stratos-ts/app-meta";
export const APP_META_FORMAT = 1;

export function appMetaExtension(meta: ReadonlyMap<string, Uint8Array>): ExtensionSnapshot {
  const keys = [...meta.keys()].sort();
  return {
    name: APP_META_EXTENSION,
    format: APP_META_FORMAT,
    payloads: keys.map((key) => toBinary(AppMetaEntrySchema, create(AppMetaEntrySchema, { key, value: meta.get(key)! }))),
  };
}

/** Adds one payload to `into`; only `allowed` keys, each once. */
export function readAppMetaPayload(payload: Uint8Array, allowed: ReadonlySet<string>, into: Map<string, Uint8Array>): void {
  let entry;
  try {
    entry = fromBinary(AppMetaEntrySchema, payload);
  } catch (e) {
    throw new SnapshotFormatError(`app metadata payload does not decode: ${(e as Error).message}`);
  }
  if (!allowed.has(entry.key)) throw new SnapshotFormatError(`snapshot carries unknown app metadata "${entry.key}"`);
  if (into.has(entry.key)) throw new SnapshotFormatError(`snapshot carries app metadata "${entry.key}" twice`);
  into.set(entry.key, entry.value);
}
