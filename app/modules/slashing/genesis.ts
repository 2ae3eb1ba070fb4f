/**
 * Slashing genesis (spec-staking §3.6; SDK v0.47 `keeper/genesis.go`): params, signing infos and the
 * missed-block bitmaps, read strictly from the reference's proto-JSON (errors name the JSON path), checked
 * at InitChain as the reference's InitGenesis checks them (addresses, `Params.Validate`), applied in its
 * order (the pubkey relation of every staking validator first), and exported as its jsonpb writes it.
 */
import type { JsonValue } from "@bufbuild/protobuf";
import type { ReadContext } from "../../baseapp/context.js";
import { toGoProtoJson } from "../../baseapp/protoJson.js";
import { ValidatorSigningInfoSchema } from "../../codec/cosmos/slashing/v1beta1/slashing_pb.js";
import { AddressError, BECH32_PREFIX, parseBech32Address } from "../../crypto/address.js";
import { Dec, DecParseError } from "../../math/dec.js";
import { GenesisError, JsonFields } from "../auth/protoJson.js";
import { parseGoDuration, parseRfc3339Nano } from "../register/genesis.js";
import type { WriteContext } from "./expected.js";
import { consAddrString, type SlashingKeeper } from "./keeper.js";
import { type SlashingParams, slashingParamsJson, validateSlashingParams } from "./params.js";
import { GO_ZERO_TIME, signingInfoToProto, type UnixNanos, type ValidatorSigningInfo } from "./types.js";

const ROOT = "slashing";
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

export interface SlashingGenesis {
  readonly params: SlashingParams;
  readonly signingInfos: ReadonlyArray<{ readonly consAddr: Uint8Array; readonly info: ValidatorSigningInfo }>;
  /** Per validator, the slots as written (the reference stores `missed: false` slots too; they read as not missed). */
  readonly missedBlocks: ReadonlyArray<{ readonly consAddr: Uint8Array; readonly slots: ReadonlyArray<{ readonly index: bigint; readonly missed: boolean }> }>;
}

// ---------------------------------------------------------------- parsing

/** Parses and checks the `slashing` part of `app_state`. @throws GenesisError naming the problem */
export function parseSlashingGenesis(json: unknown): SlashingGenesis {
  const root = JsonFields.of(json, ROOT);
  const pf = root.object("params");
  const raw = {
    signedBlocksWindow: pf === undefined ? 0n : int64Field(pf, "signed_blocks_window"),
    minSignedPerWindow: pf === undefined ? undefined : decField(pf, "min_signed_per_window"),
    downtimeJailDurationNanos: pf === undefined ? 0n : durationField(pf, "downtime_jail_duration"),
    slashFractionDoubleSign: pf === undefined ? undefined : decField(pf, "slash_fraction_double_sign"),
    slashFractionDowntime: pf === undefined ? undefined : decField(pf, "slash_fraction_downtime"),
  };
  pf?.finish();
  const params = validateSlashingParams(raw);
  if (typeof params === "string") throw new GenesisError(`${ROOT}.params: ${params}`);

  const signingInfos = root.array("signing_infos").map((v, i) => {
    const f = JsonFields.of(v, `${root.pathOf("signing_infos")}[${i}]`);
    const consAddr = consAddress(f, "address");
    const inf = f.object("validator_signing_info");
    const info: ValidatorSigningInfo = {
      address: inf?.string("address") ?? "",
      startHeight: inf === undefined ? 0n : int64Field(inf, "start_height"),
      indexOffset: inf === undefined ? 0n : int64Field(inf, "index_offset"),
      jailedUntil: inf === undefined ? GO_ZERO_TIME : timestampField(inf, "jailed_until"),
      tombstoned: inf?.bool("tombstoned") ?? false,
      missedBlocksCounter: inf === undefined ? 0n : int64Field(inf, "missed_blocks_counter"),
    };
    inf?.finish();
    f.finish();
    return { consAddr, info };
  });

  const missedBlocks = root.array("missed_blocks").map((v, i) => {
    const f = JsonFields.of(v, `${root.pathOf("missed_blocks")}[${i}]`);
    const consAddr = consAddress(f, "address");
    const slots = f.array("missed_blocks").map((s, j) => {
      const sf = JsonFields.of(s, `${f.pathOf("missed_blocks")}[${j}]`);
      const slot = { index: int64Field(sf, "index"), missed: sf.bool("missed") };
      sf.finish();
      return slot;
    });
    f.finish();
    return { consAddr, slots };
  });
  root.finish();
  return { params, signingInfos, missedBlocks };
}

function show(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value !== null && typeof value === "object") return "an object";
  return JSON.stringify(value) ?? String(value);
}

/** `sdk.ConsAddressFromBech32` (the reference panics on a bad one). */
function consAddress(f: JsonFields, name: string): Uint8Array {
  try {
    return parseBech32Address(f.string(name), BECH32_PREFIX.consensus);
  } catch (e) {
    if (e instanceof AddressError) throw new GenesisError(`${f.pathOf(name)}: ${e.message}`);
    throw e;
  }
}

/** int64: a JSON number or a quoted one (jsonpb writes strings). */
function int64Field(f: JsonFields, name: string): bigint {
  const v = f.raw(name);
  if (v === undefined) return 0n;
  let n: bigint | undefined;
  if (typeof v === "string" && /^-?(?:0|[1-9][0-9]*)$/.test(v)) n = BigInt(v);
  else if (typeof v === "number" && Number.isSafeInteger(v)) n = BigInt(v);
  if (n === undefined || n < INT64_MIN || n > INT64_MAX) throw new GenesisError(`${f.pathOf(name)}: expected a 64-bit integer, got ${show(v)}`);
  return n;
}

/** `LegacyDec` JSON: human decimal text; absent or null is Go's nil Dec (refused by the params check). */
function decField(f: JsonFields, name: string): Dec | undefined {
  const v = f.raw(name);
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw new GenesisError(`${f.pathOf(name)}: expected a decimal string, got ${show(v)}`);
  try {
    return Dec.parse(v);
  } catch (e) {
    if (e instanceof DecParseError) throw new GenesisError(`${f.pathOf(name)}: ${e.message}`);
    throw e;
  }
}

/** Duration as gogoproto's jsonpb reads it (`time.ParseDuration`: "21600s", "6h"). */
function durationField(f: JsonFields, name: string): bigint {
  const v = f.raw(name);
  if (v === undefined) return 0n;
  if (typeof v !== "string") throw new GenesisError(`${f.pathOf(name)}: expected a duration string like "21600s", got ${show(v)}`);
  const nanos = parseGoDuration(v);
  if (typeof nanos === "string") throw new GenesisError(`${f.pathOf(name)}: bad Duration: ${nanos}`);
  return nanos;
}

function timestampField(f: JsonFields, name: string): UnixNanos {
  const v = f.raw(name);
  if (v === undefined) return GO_ZERO_TIME;
  if (typeof v !== "string") throw new GenesisError(`${f.pathOf(name)}: expected an RFC 3339 timestamp string, got ${show(v)}`);
  const t = parseRfc3339Nano(v);
  if (typeof t === "string") throw new GenesisError(`${f.pathOf(name)}: bad Timestamp: ${t}`);
  return t;
}

// ---------------------------------------------------------------- InitGenesis / ExportGenesis

/**
 * `InitGenesis`: the address ↔ pubkey relation of every validator staking already has (none on a fresh
 * chain: gentxs are delivered later and reach slashing through the hooks), then the records, then params.
 */
export function initSlashingGenesis(ctx: WriteContext, k: SlashingKeeper, g: SlashingGenesis): void {
  for (const validator of k.staking.validators(ctx)) k.addPubkey(ctx, validator.consensusPubKey);
  for (const { consAddr, info } of g.signingInfos) k.setSigningInfo(ctx, consAddr, info);
  for (const { consAddr, slots } of g.missedBlocks) {
    for (const { index, missed } of slots) k.setMissedBlockBit(ctx, consAddr, index, missed);
  }
  k.setParams(ctx, g.params);
}

/** `ExportGenesis`: every signing info in address order, each with its missed slots (only the missed ones). */
export function exportSlashingGenesis(ctx: ReadContext, k: SlashingKeeper): JsonValue {
  const signingInfos: JsonValue[] = [];
  const missedBlocks: JsonValue[] = [];
  for (const { consAddr, info } of k.signingInfos(ctx)) {
    const address = consAddrString(consAddr);
    signingInfos.push({ address, validator_signing_info: toGoProtoJson(ValidatorSigningInfoSchema, signingInfoToProto(info)) });
    missedBlocks.push({ address, missed_blocks: k.missedBlocks(ctx, consAddr).map((index) => ({ index: index.toString(), missed: true })) });
  }
  return { params: slashingParamsJson(k.getParams(ctx)), signing_infos: signingInfos, missed_blocks: missedBlocks };
}
