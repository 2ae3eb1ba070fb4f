/**
 * Register genesis (spec-register §8): the reference's proto-JSON `GenesisState` read strictly (every
 * bad field is a GenesisError naming its JSON path), validated at InitChain, applied as the reference's
 * `InitGenesis` does, and exported as its jsonpb writes it.
 *
 * JSON reading is a hand reader over auth's `JsonFields` rather than protobuf-es `fromJson`: errors name
 * the path (`register.meta_nodes[3].tokens`), and Durations / Timestamps follow Go (`time.ParseDuration`,
 * `time.Parse(RFC3339Nano)`, as gogoproto's jsonpb does), not the stricter proto3 JSON rules.
 *
 * Deviations (R:, all invisible to genesis files the reference's own handlers could have exported):
 *  - validation runs at InitChain (§8.3 R:); the reference ignores bad params, panics on some errors and
 *    silently skips others (§8.2, §10 Q13);
 *  - on a fresh start an UNBONDING node's deposit goes to the not-bonded pool (§8.2 QUIRK);
 *  - node shapes no handler ever produces are refused, because each would let a later message move S
 *    below the active deposits (see invariants.ts): a suspended resource node with an effective
 *    deposit, an UNBONDED resource node, an UNBONDING node without unbonding entries covering exactly its
 *    tokens, an unbonding record of a node that is not UNBONDING; negative or duplicate slashing entries;
 *  - a genesis that is not a fresh start must fund the four node pools exactly as the nodes say (§2.4);
 *  - export fails with a clear error for a slashing debt beyond int64 (§8.4 QUIRK: the reference panics).
 */
import { create, createRegistry, type JsonValue, toBinary } from "@bufbuild/protobuf";
import type { Context, ReadContext } from "../../baseapp/context.js";
import { TxError } from "../../baseapp/errors.js";
import { toGoProtoJson } from "../../baseapp/protoJson.js";
import { PubKeySchema as Ed25519PubKeySchema } from "../../codec/cosmos/crypto/ed25519/keys_pb.js";
import { GenesisStateSchema, type Slashing, SlashingSchema } from "../../codec/stratos/register/v1/genesis_pb.js";
import { AddressError } from "../../crypto/address.js";
import { coin, Coins } from "../../math/coins.js";
import { Dec, DecParseError } from "../../math/dec.js";
import { IntParseError, unmarshalIntText } from "../../math/int.js";
import { equalBytes, hexOf } from "../../store/bytes.js";
import { GenesisError, JsonFields } from "../auth/protoJson.js";
import { accString, isBlank, parseAcc, parseSds, sdsString } from "./addresses.js";
import { POOL, type RegisterKeeper, type RegisterPool } from "./keeper.js";
import { BondStatus } from "./logic/bondStatus.js";
import { totalNozSupply } from "./logic/ozone.js";
import { NANOS_PER_SECOND, type UnixNanos, utcTime } from "./logic/time.js";
import { NODE_PUBKEY_SCHEMAS, pubKeyAddress, typeUrlOf } from "./msgs/common.js";
import { type RegisterParams, ZERO_REGISTER_PARAMS, paramsToProto, validateRegisterParams } from "./params.js";
import {
  bondStatusName, kickPoolToProto, metaNodeToProto, registrationPoolToProto, resourceNodeToProto, unbondingNodeToProto,
} from "./store.js";
import type { Description, MetaNode, NodeRecord, PubKeyAny, ResourceNode, UnbondingEntry, UnbondingNode, VotePool } from "./types.js";

export interface GenesisSlashing {
  readonly walletAddress: string;
  /** Debt in wei (int64 in the genesis format). */
  readonly value: bigint;
}

/** The `register` part of `app_state`, parsed and validated. Record strings are kept as written. */
export interface RegisterGenesis {
  readonly params: RegisterParams;
  readonly resourceNodes: readonly ResourceNode[];
  readonly metaNodes: readonly MetaNode[];
  readonly remainingNozLimit: bigint;
  readonly slashing: readonly GenesisSlashing[];
  readonly depositNozRate: Dec;
  readonly registrationPools: readonly VotePool[];
  readonly unbondingNodes: readonly UnbondingNode[];
  readonly kickPools: readonly VotePool[];
}

const ROOT = "register";

/** Go's zero `time.Time` (0001-01-01T00:00:00Z): what a missing non-nullable timestamp decodes to. */
export const GO_ZERO_TIME: UnixNanos = utcTime(1, 1, 1);

// ================================================================================================
// Parsing
// ================================================================================================

/** Parses and validates the `register` part of `app_state`. @throws GenesisError naming the problem. */
export function parseRegisterGenesis(json: unknown): RegisterGenesis {
  const root = JsonFields.of(json, ROOT);
  const pf = root.object("params");
  const params = pf === undefined ? ZERO_REGISTER_PARAMS : paramsFromJson(pf);
  const genesis: RegisterGenesis = {
    params,
    resourceNodes: root.array("resource_nodes").map((v, i) => resourceNodeFromJson(v, `${root.pathOf("resource_nodes")}[${i}]`)),
    metaNodes: root.array("meta_nodes").map((v, i) => metaNodeFromJson(v, `${root.pathOf("meta_nodes")}[${i}]`)),
    remainingNozLimit: intField(root, "remaining_noz_limit"),
    slashing: root.array("slashing").map((v, i) => slashingFromJson(v, `${root.pathOf("slashing")}[${i}]`)),
    depositNozRate: decField(root, "deposit_noz_rate"),
    registrationPools: root.array("meta_node_reg_vote_pool").map((v, i) =>
      votePoolFromJson(v, `${root.pathOf("meta_node_reg_vote_pool")}[${i}]`, "network_address")),
    unbondingNodes: root.array("unbonding_nodes").map((v, i) => unbondingNodeFromJson(v, `${root.pathOf("unbonding_nodes")}[${i}]`)),
    kickPools: root.array("kick_meta_node_vote_pool").map((v, i) =>
      votePoolFromJson(v, `${root.pathOf("kick_meta_node_vote_pool")}[${i}]`, "target_network_address")),
  };
  root.finish();
  validateRegisterGenesis(genesis);
  return genesis;
}

function paramsFromJson(f: JsonFields): RegisterParams {
  const min = f.object("resource_node_min_deposit");
  const p: RegisterParams = {
    bondDenom: f.string("bond_denom"),
    unbondingThresholdNanos: durationField(f, "unbonding_threashold_time"),
    unbondingCompletionNanos: durationField(f, "unbonding_completion_time"),
    maxEntries: f.uint32("max_entries"),
    resourceNodeRegEnabled: f.bool("resource_node_reg_enabled"),
    resourceNodeMinDeposit: { denom: min?.string("denom") ?? "", amount: min === undefined ? 0n : intField(min, "amount") },
    votingPeriodNanos: durationField(f, "voting_period"),
  };
  min?.finish();
  f.finish();
  return p;
}

function nodeFromJson(f: JsonFields): NodeRecord {
  return {
    networkAddress: f.string("network_address"),
    pubKey: pubKeyFromJson(f.object("pubkey")),
    suspend: f.bool("suspend"),
    status: bondStatusField(f, "status"),
    tokens: intField(f, "tokens"),
    ownerAddress: f.string("owner_address"),
    description: descriptionFromJson(f.object("description")),
    creationTime: timestampField(f, "creation_time"),
    beneficiaryAddress: f.string("beneficiary_address"),
  };
}

function resourceNodeFromJson(value: unknown, path: string): ResourceNode {
  const f = JsonFields.of(value, path);
  const node: ResourceNode = { ...nodeFromJson(f), nodeType: f.uint32("node_type"), effectiveTokens: intField(f, "effective_tokens") };
  f.finish();
  return node;
}

function metaNodeFromJson(value: unknown, path: string): MetaNode {
  const f = JsonFields.of(value, path);
  const node = nodeFromJson(f);
  f.finish();
  return node;
}

function descriptionFromJson(f: JsonFields | undefined): Description {
  const d: Description = {
    moniker: f?.string("moniker") ?? "",
    identity: f?.string("identity") ?? "",
    website: f?.string("website") ?? "",
    securityContact: f?.string("security_contact") ?? "",
    details: f?.string("details") ?? "",
  };
  f?.finish();
  return d;
}

/**
 * A `cosmos.crypto.PubKey` Any: `{"@type": "<type URL>", "key": "<base64>"}`. Only the key types a node
 * may carry (ed25519 for SDS; the two secp256k1 kinds as the create messages accept them). Every one of
 * them is `{ bytes key = 1 }` on the wire, so one schema encodes them all.
 */
function pubKeyFromJson(f: JsonFields | undefined): PubKeyAny | undefined {
  if (f === undefined) return undefined;
  const typeUrl = f.string("@type");
  if (!NODE_PUBKEY_SCHEMAS.some((s) => typeUrlOf(s) === typeUrl)) {
    throw new GenesisError(`${f.pathOf("@type")}: unsupported public key type ${JSON.stringify(typeUrl)}`);
  }
  const key = f.bytes("key");
  f.finish();
  return { typeUrl, value: toBinary(Ed25519PubKeySchema, create(Ed25519PubKeySchema, { key })) };
}

function slashingFromJson(value: unknown, path: string): GenesisSlashing {
  const f = JsonFields.of(value, path);
  const s = { walletAddress: f.string("wallet_address"), value: int64Field(f, "value") };
  f.finish();
  return s;
}

function votePoolFromJson(value: unknown, path: string, addressField: "network_address" | "target_network_address"): VotePool {
  const f = JsonFields.of(value, path);
  const pool: VotePool = {
    networkAddress: f.string(addressField),
    approveList: stringList(f, "approve_list"),
    rejectList: stringList(f, "reject_list"),
    expireTime: timestampField(f, "expire_time"),
    isVotePassed: f.bool("is_vote_passed"),
  };
  f.finish();
  return pool;
}

function unbondingNodeFromJson(value: unknown, path: string): UnbondingNode {
  const f = JsonFields.of(value, path);
  const record: UnbondingNode = {
    networkAddr: f.string("network_addr"),
    isMetaNode: f.bool("is_meta_node"),
    entries: f.array("entries").map((v, i) => unbondingEntryFromJson(v, `${f.pathOf("entries")}[${i}]`)),
  };
  f.finish();
  return record;
}

function unbondingEntryFromJson(value: unknown, path: string): UnbondingEntry {
  const f = JsonFields.of(value, path);
  const entry: UnbondingEntry = {
    creationHeight: int64Field(f, "creation_height"),
    completionTime: timestampField(f, "completion_time"),
    initialBalance: intField(f, "initial_balance"),
    balance: intField(f, "balance"),
  };
  f.finish();
  return entry;
}

// ---- field readers (jsonpb semantics; absent or null = the Go zero value) -----------------------

export function show(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (value !== null && typeof value === "object") return "an object";
  return JSON.stringify(value) ?? String(value);
}

export function stringList(f: JsonFields, name: string): string[] {
  return f.array(name).map((v, i) => {
    if (typeof v !== "string") throw new GenesisError(`${f.pathOf(name)}[${i}]: expected a string, got ${show(v)}`);
    return v;
  });
}

/**
 * `math.Int` (gogoproto customtype): a JSON string read by `big.Int.UnmarshalText` (base prefixes
 * allowed, "" refused) within 256 bits. Absent → 0 (Go leaves a nil Int that panics on use; §10 Q22 R:).
 */
export function intField(f: JsonFields, name: string): bigint {
  const v = f.raw(name);
  if (v === undefined) return 0n;
  if (typeof v !== "string") throw new GenesisError(`${f.pathOf(name)}: expected an integer string, got ${show(v)}`);
  try {
    const n = unmarshalIntText(v);
    if (n === undefined) throw new IntParseError(`math/big: cannot unmarshal "" into a *big.Int`);
    return n;
  } catch (e) {
    if (e instanceof IntParseError) throw new GenesisError(`${f.pathOf(name)}: ${e.message}`);
    throw e;
  }
}

/** `LegacyDec` JSON: human decimal text ("1000000.000000000000000000"). Absent → 0. */
export function decField(f: JsonFields, name: string): Dec {
  const v = f.raw(name);
  if (v === undefined) return Dec.ZERO;
  if (typeof v !== "string") throw new GenesisError(`${f.pathOf(name)}: expected a decimal string, got ${show(v)}`);
  try {
    return Dec.parse(v);
  } catch (e) {
    if (e instanceof DecParseError) throw new GenesisError(`${f.pathOf(name)}: ${e.message}`);
    throw e;
  }
}

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** int64: a JSON number or a quoted one (jsonpb writes strings), JSON number syntax, no fraction. */
export function int64Field(f: JsonFields, name: string): bigint {
  const v = f.raw(name);
  if (v === undefined) return 0n;
  let n: bigint | undefined;
  if (typeof v === "string" && /^-?(?:0|[1-9][0-9]*)$/.test(v)) n = BigInt(v);
  else if (typeof v === "number" && Number.isSafeInteger(v)) n = BigInt(v);
  if (n === undefined || n < INT64_MIN || n > INT64_MAX) {
    throw new GenesisError(`${f.pathOf(name)}: expected a 64-bit integer, got ${show(v)}`);
  }
  return n;
}

const BOND_STATUS_BY_NAME: ReadonlyMap<string, BondStatus> = new Map(
  ([BondStatus.Unspecified, BondStatus.Unbonded, BondStatus.Unbonding, BondStatus.Bonded] as const).map((s) => [bondStatusName(s), s]),
);

/** `cosmos.staking.v1beta1.BondStatus`: the enum name or its number. */
export function bondStatusField(f: JsonFields, name: string): BondStatus {
  const v = f.raw(name);
  if (v === undefined) return BondStatus.Unspecified;
  const byName = typeof v === "string" ? BOND_STATUS_BY_NAME.get(v) : undefined;
  if (byName !== undefined) return byName;
  if (typeof v === "number" && (v === 0 || v === 1 || v === 2 || v === 3)) return v;
  throw new GenesisError(`${f.pathOf(name)}: unknown value ${show(v)} for enum cosmos.staking.v1beta1.BondStatus`);
}

export function durationField(f: JsonFields, name: string): bigint {
  const v = f.raw(name);
  if (v === undefined) return 0n;
  if (typeof v !== "string") throw new GenesisError(`${f.pathOf(name)}: expected a duration string like "604800s", got ${show(v)}`);
  const nanos = parseGoDuration(v);
  if (typeof nanos === "string") throw new GenesisError(`${f.pathOf(name)}: bad Duration: ${nanos}`);
  return nanos;
}

export function timestampField(f: JsonFields, name: string): UnixNanos {
  const v = f.raw(name);
  if (v === undefined) return GO_ZERO_TIME;
  if (typeof v !== "string") throw new GenesisError(`${f.pathOf(name)}: expected an RFC 3339 timestamp string, got ${show(v)}`);
  const t = parseRfc3339Nano(v);
  if (typeof t === "string") throw new GenesisError(`${f.pathOf(name)}: bad Timestamp: ${t}`);
  return t;
}

const TWO_63 = 1n << 63n;
const DURATION_UNITS: ReadonlyMap<string, bigint> = new Map([
  ["ns", 1n], ["us", 1_000n], ["µs", 1_000n], ["μs", 1_000n], ["ms", 1_000_000n],
  ["s", NANOS_PER_SECOND], ["m", 60n * NANOS_PER_SECOND], ["h", 3_600n * NANOS_PER_SECOND],
]);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

/**
 * Go `time.ParseDuration` (what jsonpb uses for Duration): `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, e.g.
 * "604800s", "168h", "1h30m", "0". Returns nanoseconds, or Go's error text. Go scales a fraction with
 * float64; this port accepts only fractions that are whole nanoseconds of their unit (exact in both),
 * and refuses finer ones rather than risk a different rounding.
 */
export function parseGoDuration(text: string): bigint | string {
  const invalid = `time: invalid duration ${JSON.stringify(text)}`;
  let s = text;
  let neg = false;
  if (s !== "" && (s[0] === "-" || s[0] === "+")) {
    neg = s[0] === "-";
    s = s.slice(1);
  }
  if (s === "0") return 0n;
  if (s === "") return invalid;
  let total = 0n;
  while (s !== "") {
    if (!(s[0] === "." || isDigit(s[0]))) return invalid;
    let i = 0;
    let v = 0n;
    for (; isDigit(s[i]); i++) {
      v = v * 10n + BigInt(s.charCodeAt(i) - 48);
      if (v > TWO_63) return invalid;
    }
    const pre = i > 0;
    s = s.slice(i);
    let frac = 0n;
    let scale = 1n;
    let post = false;
    if (s[0] === ".") {
      s = s.slice(1);
      let j = 0;
      let overflow = false;
      for (; isDigit(s[j]); j++) {
        if (overflow) continue;
        const next = frac * 10n + BigInt(s.charCodeAt(j) - 48);
        if (frac > (TWO_63 - 1n) / 10n || next > TWO_63) {
          overflow = true;
          continue;
        }
        frac = next;
        scale *= 10n;
      }
      post = j > 0;
      s = s.slice(j);
    }
    if (!pre && !post) return invalid;
    let u = 0;
    while (u < s.length && s[u] !== "." && !isDigit(s[u])) u++;
    if (u === 0) return `time: missing unit in duration ${JSON.stringify(text)}`;
    const unitName = s.slice(0, u);
    s = s.slice(u);
    const unit = DURATION_UNITS.get(unitName);
    if (unit === undefined) return `time: unknown unit ${JSON.stringify(unitName)} in duration ${JSON.stringify(text)}`;
    if (v > TWO_63 / unit) return invalid;
    v *= unit;
    if (frac > 0n) {
      if (unit % scale !== 0n) return `${invalid}: a fraction finer than a nanosecond of its unit is not supported`;
      v += frac * (unit / scale);
      if (v > TWO_63) return invalid;
    }
    total += v;
    if (total > TWO_63) return invalid;
  }
  if (neg) return -total;
  if (total > TWO_63 - 1n) return invalid;
  return total;
}

const RFC3339 = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:[.,]([0-9]+))?(Z|[+-][0-9]{2}:[0-9]{2})$/;
/** Range of a valid protobuf Timestamp (gogoproto `TimestampFromProto`): [0001-01-01, 10000-01-01). */
const TIMESTAMP_MIN = GO_ZERO_TIME;
const TIMESTAMP_END = utcTime(10000, 1, 1);

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Go `time.Parse(time.RFC3339Nano, s)` as jsonpb uses it for Timestamp: "2006-01-02T15:04:05Z" with an
 * optional fraction of any length (cut to nanoseconds, not rounded) and "Z" or a ±hh:mm offset; then
 * the protobuf Timestamp range. Returns nanoseconds since the Unix epoch (UTC), or an error text.
 */
export function parseRfc3339Nano(text: string): UnixNanos | string {
  const m = RFC3339.exec(text);
  if (m === null) return `parsing time ${JSON.stringify(text)} as RFC 3339 failed`;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12) return `parsing time ${JSON.stringify(text)}: month out of range`;
  if (day < 1 || day > daysIn(month, year)) return `parsing time ${JSON.stringify(text)}: day out of range`;
  if (hour > 23 || minute > 59 || second > 59) return `parsing time ${JSON.stringify(text)}: time out of range`;
  const nanos = BigInt(((m[7] ?? "") + "000000000").slice(0, 9));
  let t = utcTime(year, month, day, hour, minute, second) + nanos;
  const zone = m[8] ?? "Z";
  if (zone !== "Z") {
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zh > 23 || zm > 59) return `parsing time ${JSON.stringify(text)}: time zone offset out of range`;
    const offset = BigInt((zh * 60 + zm) * 60) * NANOS_PER_SECOND;
    t += zone[0] === "-" ? offset : -offset;
  }
  if (t < TIMESTAMP_MIN || t >= TIMESTAMP_END) return `timestamp ${JSON.stringify(text)} is outside 0001-01-01 … 9999-12-31`;
  return t;
}

// ================================================================================================
// Validation (§8.3 R: and the node shapes described at the top)
// ================================================================================================

/** Parses `text` with `parse`; an address error becomes a GenesisError at `path`. */
export function addressAt(parse: (text: string) => Uint8Array, text: string, path: string): Uint8Array {
  try {
    return parse(text);
  } catch (e) {
    if (e instanceof AddressError) throw new GenesisError(`${path}: ${e.message}`);
    throw e;
  }
}

/** Every check InitChain runs before anything is written. @throws GenesisError */
export function validateRegisterGenesis(g: RegisterGenesis): void {
  const paramsProblem = validateRegisterParams(g.params);
  if (paramsProblem !== undefined) throw new GenesisError(`${ROOT}.params: ${paramsProblem}`);
  if (!g.depositNozRate.isPositive()) {
    throw new GenesisError(`${ROOT}.deposit_noz_rate: deposit noz rate must be positive, got ${g.depositNozRate.toString()}`);
  }
  if (g.remainingNozLimit < 0n) {
    throw new GenesisError(`${ROOT}.remaining_noz_limit: remaining Noz Limit must be non-negative, got ${g.remainingNozLimit}`);
  }

  /** hex(address) → { path, node, isMeta } over both lists. */
  const nodes = new Map<string, { path: string; node: NodeRecord; isMeta: boolean }>();
  const addNode = (node: NodeRecord, path: string, isMeta: boolean, more?: () => void): void => {
    const addr = validateNode(node, path);
    more?.();
    const other = nodes.get(hexOf(addr));
    if (other !== undefined) throw new GenesisError(`${path}.network_address: ${node.networkAddress} is already registered by ${other.path}`);
    nodes.set(hexOf(addr), { path, node, isMeta });
  };
  g.resourceNodes.forEach((node, i) => {
    const path = `${ROOT}.resource_nodes[${i}]`;
    addNode(node, path, false, () => validateResourceNode(node, path));
  });
  g.metaNodes.forEach((node, i) => addNode(node, `${ROOT}.meta_nodes[${i}]`, true));

  const wallets = new Set<string>();
  g.slashing.forEach((s, i) => {
    const path = `${ROOT}.slashing[${i}]`;
    const wallet = hexOf(addressAt(parseAcc, s.walletAddress, `${path}.wallet_address`));
    if (wallets.has(wallet)) throw new GenesisError(`${path}.wallet_address: ${s.walletAddress} has a second slashing entry`);
    wallets.add(wallet);
    if (s.value < 0n) throw new GenesisError(`${path}.value: a slashing debt must not be negative, got ${s.value}`);
  });

  uniqueAddresses(g.registrationPools.map((p) => p.networkAddress), `${ROOT}.meta_node_reg_vote_pool`, "network_address");
  uniqueAddresses(g.kickPools.map((p) => p.networkAddress), `${ROOT}.kick_meta_node_vote_pool`, "target_network_address");
  const unbonding = uniqueAddresses(g.unbondingNodes.map((u) => u.networkAddr), `${ROOT}.unbonding_nodes`, "network_addr");
  g.unbondingNodes.forEach((record, i) => validateUnbondingRecord(record, `${ROOT}.unbonding_nodes[${i}]`, nodes.get(unbonding[i]!)));
  const withRecord = new Set(unbonding);
  for (const [key, { path, node }] of nodes) {
    if (node.status === BondStatus.Unbonding && !withRecord.has(key)) {
      throw new GenesisError(`${path}: an UNBONDING node needs its record in ${ROOT}.unbonding_nodes (else it never completes)`);
    }
  }
}

/** Returns the address bytes. */
function validateNode(node: NodeRecord, path: string): Uint8Array {
  const addr = addressAt(parseSds, node.networkAddress, `${path}.network_address`);
  if (node.pubKey === undefined) throw new GenesisError(`${path}.pubkey: missing public key`);
  let keyAddr: Uint8Array;
  try {
    keyAddr = pubKeyAddress(node.pubKey);
  } catch (e) {
    if (e instanceof TxError) throw new GenesisError(`${path}.pubkey: invalid public key: ${e.message.replace(/: panic$/, "")}`);
    throw e;
  }
  if (!equalBytes(addr, keyAddr)) {
    throw new GenesisError(`${path}.network_address: ${node.networkAddress} is not the address of its pubkey (${sdsString(keyAddr)})`);
  }
  addressAt(parseAcc, node.ownerAddress, `${path}.owner_address`);
  if (!isBlank(node.beneficiaryAddress)) addressAt(parseAcc, node.beneficiaryAddress, `${path}.beneficiary_address`);
  if (node.tokens < 0n) throw new GenesisError(`${path}.tokens: must not be negative, got ${node.tokens}`);
  if (node.status === BondStatus.Unspecified) throw new GenesisError(`${path}.status: ${bondStatusName(node.status)} is not a node status`);
  return addr;
}

function validateResourceNode(node: ResourceNode, path: string): void {
  if (!Number.isInteger(node.nodeType) || node.nodeType < 1 || node.nodeType > 7) {
    throw new GenesisError(`${path}.node_type: node type(s) not supported: ${node.nodeType} (valid: 1…7)`);
  }
  if (node.status === BondStatus.Unbonded) {
    throw new GenesisError(
      `${path}.status: a resource node is BOND_STATUS_BONDED or BOND_STATUS_UNBONDING (an unbonded one would let MsgUpdateEffectiveDeposit move S without a bonded deposit)`,
    );
  }
  if (node.effectiveTokens < 0n) throw new GenesisError(`${path}.effective_tokens: must not be negative, got ${node.effectiveTokens}`);
  if (node.suspend && node.effectiveTokens !== 0n) {
    throw new GenesisError(`${path}.effective_tokens: a suspended resource node has no effective deposit (suspension sets it to 0), got ${node.effectiveTokens}`);
  }
  // Only for BONDED nodes: an UNBONDING node keeps the effective deposit it had when it was removed
  // while its payouts (several entries, from a genesis) may already have lowered its tokens.
  if (node.status === BondStatus.Bonded && node.effectiveTokens > node.tokens) {
    throw new GenesisError(`${path}.effective_tokens: ${node.effectiveTokens} exceeds the deposit ${node.tokens}`);
  }
}

/** Parses each address (reference: an unparsable one is skipped or stored under a bare prefix) and refuses repeats; returns the hex keys. */
function uniqueAddresses(addresses: readonly string[], listPath: string, field: string): string[] {
  const seen = new Map<string, number>();
  return addresses.map((text, i) => {
    const key = hexOf(addressAt(parseSds, text, `${listPath}[${i}].${field}`));
    const first = seen.get(key);
    if (first !== undefined) throw new GenesisError(`${listPath}[${i}].${field}: ${text} is already listed at ${listPath}[${first}]`);
    seen.set(key, i);
    return key;
  });
}

function validateUnbondingRecord(record: UnbondingNode, path: string, owner: { path: string; node: NodeRecord; isMeta: boolean } | undefined): void {
  const kind = record.isMetaNode ? "meta" : "resource";
  if (owner === undefined || owner.isMeta !== record.isMetaNode) {
    throw new GenesisError(`${path}.network_addr: no ${kind} node ${record.networkAddr} in ${ROOT}.${kind}_nodes`);
  }
  if (owner.node.status !== BondStatus.Unbonding) {
    throw new GenesisError(`${path}: the ${kind} node ${record.networkAddr} is ${bondStatusName(owner.node.status)}, not unbonding`);
  }
  if (record.entries.length === 0) throw new GenesisError(`${path}.entries: an unbonding record needs at least one entry`);
  let sum = 0n;
  record.entries.forEach((e, j) => {
    if (e.balance < 0n) throw new GenesisError(`${path}.entries[${j}].balance: must not be negative, got ${e.balance}`);
    if (e.initialBalance < 0n) throw new GenesisError(`${path}.entries[${j}].initial_balance: must not be negative, got ${e.initialBalance}`);
    sum += e.balance;
  });
  if (sum !== owner.node.tokens) {
    throw new GenesisError(`${path}.entries: the balances add up to ${sum} but ${owner.path} holds tokens ${owner.node.tokens}`);
  }
}

// ================================================================================================
// InitGenesis (§8.2)
// ================================================================================================

/** Pools in the order the reference reads them for the fresh-start test. */
const NODE_POOLS: readonly RegisterPool[] = [POOL.resourceNotBonded, POOL.resourceBonded, POOL.metaNotBonded, POOL.metaBonded];

/** Where a node's deposit sits (§2.4); UNBONDING → not-bonded is the R: fix of the §8.2 QUIRK. */
function poolOf(status: BondStatus, isMeta: boolean): RegisterPool {
  if (status === BondStatus.Bonded) return isMeta ? POOL.metaBonded : POOL.resourceBonded;
  return isMeta ? POOL.metaNotBonded : POOL.resourceNotBonded;
}

/**
 * Applies a validated genesis (run after auth, bank and distribution genesis, spec-chain §8).
 * @throws GenesisError if the node pools are funded inconsistently, or an owner cannot pay its
 * deposit on a fresh start (the reference panics).
 */
export function initRegisterGenesis(ctx: Context, k: RegisterKeeper, g: RegisterGenesis): void {
  k.setParams(ctx, g.params);
  const denom = g.params.bondDenom;
  const balances = NODE_POOLS.map((pool) => k.poolBalance(ctx, pool));
  const fresh = balances.every((b) => b === 0n);
  if (!fresh) checkFundedPools(g, new Map(NODE_POOLS.map((pool, i) => [pool, balances[i]!])), denom);

  const move = (owner: string, pool: RegisterPool, tokens: bigint, path: string): void => {
    // NewCoins drops a zero coin: the reference's send of nothing moves nothing.
    if (!fresh || tokens === 0n) return;
    try {
      k.bank.sendCoinsFromAccountToModule(ctx, parseAcc(owner), pool, Coins.of(coin(denom, tokens)));
    } catch (e) {
      if (!(e instanceof TxError)) throw e;
      throw new GenesisError(`${path}: cannot move the deposit ${tokens}${denom} from the owner ${owner} to ${pool}: ${e.message}`);
    }
  };
  const withBeneficiary = <T extends NodeRecord>(node: T): T =>
    isBlank(node.beneficiaryAddress) ? { ...node, beneficiaryAddress: node.ownerAddress } : node;

  let s = 0n;
  let bondedResource = 0n;
  g.resourceNodes.forEach((node, i) => {
    if (node.status === BondStatus.Bonded) {
      bondedResource++;
      if (!node.suspend) s += node.effectiveTokens;
    }
    move(node.ownerAddress, poolOf(node.status, false), node.tokens, `${ROOT}.resource_nodes[${i}]`);
    k.setResourceNode(ctx, parseSds(node.networkAddress), withBeneficiary(node));
  });
  k.setBondedResourceNodeCount(ctx, bondedResource);

  let bondedMeta = 0n;
  g.metaNodes.forEach((node, i) => {
    if (node.status === BondStatus.Bonded) {
      bondedMeta++;
      if (!node.suspend) s += node.tokens;
    }
    move(node.ownerAddress, poolOf(node.status, true), node.tokens, `${ROOT}.meta_nodes[${i}]`);
    k.setMetaNode(ctx, parseSds(node.networkAddress), withBeneficiary(node));
  });
  k.setBondedMetaNodeCount(ctx, bondedMeta);

  const pt = k.getTotalUnissuedPrepay(ctx);
  k.setInitialGenesisDepositTotal(ctx, s);
  k.setEffectiveTotalDeposit(ctx, s);
  k.setDepositNozRate(ctx, g.depositNozRate);
  // Fresh start without prepaid tokens: all ozone of S is still unsold. Otherwise the exported limit.
  k.setRemainingOzoneLimit(ctx, fresh && pt === 0n ? totalNozSupply(s, g.depositNozRate) : g.remainingNozLimit);

  for (const debt of g.slashing) k.setSlashing(ctx, parseAcc(debt.walletAddress), debt.value);
  for (const pool of g.registrationPools) k.setRegistrationPool(ctx, parseSds(pool.networkAddress), pool);
  for (const record of g.unbondingNodes) {
    k.setUnbondingNode(ctx, parseSds(record.networkAddr), record);
    // One queue insertion per entry, with the record's address text (InsertUnbondingNodeQueue).
    for (const entry of record.entries) k.enqueueUnbonding(ctx, entry.completionTime, record.networkAddr);
  }
  for (const pool of g.kickPools) k.setKickPool(ctx, parseSds(pool.networkAddress), pool);
}

/**
 * Not a fresh start: the bank genesis already funds the node pools, and nothing moves. Then they must
 * hold exactly the deposits of the nodes (§2.4) — otherwise payouts fail later and the record is
 * stuck (§10 Q9, Q13); the reference does not check this.
 */
function checkFundedPools(g: RegisterGenesis, balances: ReadonlyMap<RegisterPool, bigint>, denom: string): void {
  const expected = new Map<RegisterPool, bigint>(NODE_POOLS.map((p) => [p, 0n]));
  const add = (node: NodeRecord, isMeta: boolean): void => {
    const pool = poolOf(node.status, isMeta);
    expected.set(pool, (expected.get(pool) ?? 0n) + node.tokens);
  };
  for (const node of g.resourceNodes) add(node, false);
  for (const node of g.metaNodes) add(node, true);
  for (const pool of NODE_POOLS) {
    const want = expected.get(pool) ?? 0n;
    const have = balances.get(pool) ?? 0n;
    if (want !== have) {
      throw new GenesisError(
        `${ROOT}: the node pools are funded in the bank genesis (not a fresh start), but ${pool} holds ${have}${denom} while its nodes' tokens add up to ${want}${denom}`,
      );
    }
  }
}

// ================================================================================================
// ExportGenesis (§8.4)
// ================================================================================================

const PUBKEY_REGISTRY = createRegistry(...NODE_PUBKEY_SCHEMAS);

/**
 * The register `app_state` as the reference's jsonpb writes it (proto field names and order, every
 * field present). S, the counters and 0x06 are not exported; InitGenesis recomputes them (§5.3 item 4).
 * @throws GenesisError for a slashing debt beyond int64 (the reference panics, §8.4 QUIRK)
 */
export function exportRegisterGenesis(ctx: ReadContext, k: RegisterKeeper): JsonValue {
  const slashing: Slashing[] = [];
  for (const { addr, value } of k.slashingDebts(ctx)) {
    if (value <= 0n) continue;
    if (value > INT64_MAX) {
      throw new GenesisError(
        `${ROOT}.slashing: the debt of ${accString(addr)} is ${value} wei, beyond the int64 range of the genesis format; it cannot be exported`,
      );
    }
    slashing.push(create(SlashingSchema, { walletAddress: accString(addr), value }));
  }
  const state = create(GenesisStateSchema, {
    params: paramsToProto(k.getParams(ctx)),
    resourceNodes: [...k.resourceNodes(ctx)].map(({ value }) => resourceNodeToProto(value)),
    metaNodes: [...k.metaNodes(ctx)].map(({ value }) => metaNodeToProto(value)),
    remainingNozLimit: k.getRemainingOzoneLimit(ctx).toString(),
    slashing,
    depositNozRate: k.getDepositNozRate(ctx).toString(),
    metaNodeRegVotePool: [...k.registrationPools(ctx)].map(({ value }) => registrationPoolToProto(value)),
    unbondingNodes: [...k.unbondingNodes(ctx)].map(({ value }) => unbondingNodeToProto(value)),
    kickMetaNodeVotePool: [...k.kickPools(ctx)].map(({ value }) => kickPoolToProto(value)),
  });
  return toGoProtoJson(GenesisStateSchema, state, PUBKEY_REGISTRY);
}
