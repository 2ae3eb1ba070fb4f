/**
 * The register store's record layouts (spec-register §2.1, §2.2), written field by field from the
 * spec with a plain protobuf writer — an oracle independent of app/modules/register/store.ts. Values
 * are LP (uvarint length ‖ protobuf) as stored. Checked against the literal hex of spec §11 R12 in
 * test/register.test.ts before use.
 */
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { fromBech32 } from "@cosmjs/encoding";

const LEN = WireType.LengthDelimited;
const VARINT = WireType.Varint;
const NS_PER_S = 1_000_000_000n;

/** Bond status numbers (cosmos.staking.v1beta1.BondStatus). */
export const STATUS = { unbonded: 1, unbonding: 2, bonded: 3 } as const;

export const lp = (body: Uint8Array): Uint8Array => new BinaryWriter().bytes(body).finish();

/** google.protobuf.Timestamp of Unix nanoseconds (zero fields omitted). */
export function timestamp(ns: bigint): Uint8Array {
  const w = new BinaryWriter();
  const seconds = ns / NS_PER_S;
  const nanos = Number(ns % NS_PER_S);
  if (seconds !== 0n) w.tag(1, VARINT).int64(seconds);
  if (nanos !== 0) w.tag(2, VARINT).int32(nanos);
  return w.finish();
}

/** stratos.types.v1.Int / Dec wrapper: `{ string Value = 1 }`, LP. */
export const lpInt = (value: bigint | string): Uint8Array => lp(new BinaryWriter().tag(1, LEN).string(value.toString()).finish());

function ed25519Any(pubKey: Uint8Array): Uint8Array {
  const key = new BinaryWriter().tag(1, LEN).bytes(pubKey).finish();
  return new BinaryWriter().tag(1, LEN).string("/cosmos.crypto.ed25519.PubKey").tag(2, LEN).bytes(key).finish();
}

function description(moniker: string): Uint8Array {
  const w = new BinaryWriter();
  if (moniker !== "") w.tag(1, LEN).string(moniker);
  return w.finish();
}

export interface NodeRecord {
  readonly networkAddress: string;
  readonly pubKey: Uint8Array;
  readonly suspend: boolean;
  readonly status: number;
  readonly tokens: bigint;
  readonly owner: string;
  readonly moniker: string;
  readonly creationNs: bigint;
  readonly beneficiary: string;
}

/** Fields 1–8, common to ResourceNode and MetaNode. */
function nodeFields(w: BinaryWriter, n: NodeRecord): void {
  w.tag(1, LEN).string(n.networkAddress);
  w.tag(2, LEN).bytes(ed25519Any(n.pubKey));
  if (n.suspend) w.tag(3, VARINT).bool(true);
  if (n.status !== 0) w.tag(4, VARINT).int32(n.status);
  w.tag(5, LEN).string(n.tokens.toString()); // non-nullable Int: always encoded
  w.tag(6, LEN).string(n.owner);
  w.tag(7, LEN).bytes(description(n.moniker)); // non-nullable: always encoded
  w.tag(8, LEN).bytes(timestamp(n.creationNs)); // non-nullable: always encoded
}

export function resourceNodeValue(n: NodeRecord & { readonly nodeType: number; readonly effectiveTokens: bigint }): Uint8Array {
  const w = new BinaryWriter();
  nodeFields(w, n);
  if (n.nodeType !== 0) w.tag(9, VARINT).uint32(n.nodeType);
  w.tag(10, LEN).string(n.effectiveTokens.toString());
  if (n.beneficiary !== "") w.tag(11, LEN).string(n.beneficiary);
  return lp(w.finish());
}

export function metaNodeValue(n: NodeRecord): Uint8Array {
  const w = new BinaryWriter();
  nodeFields(w, n);
  if (n.beneficiary !== "") w.tag(9, LEN).string(n.beneficiary);
  return lp(w.finish());
}

/** MetaNodeRegistrationVotePool and KickMetaNodeVotePool share one layout. */
export function votePoolValue(p: { networkAddress: string; approve: readonly string[]; reject: readonly string[]; expireNs: bigint; passed: boolean }): Uint8Array {
  const w = new BinaryWriter();
  w.tag(1, LEN).string(p.networkAddress);
  for (const a of p.approve) w.tag(2, LEN).string(a);
  for (const r of p.reject) w.tag(3, LEN).string(r);
  w.tag(4, LEN).bytes(timestamp(p.expireNs));
  if (p.passed) w.tag(5, VARINT).bool(true);
  return lp(w.finish());
}

export interface UnbondingEntry {
  readonly height: bigint;
  readonly completionNs: bigint;
  readonly initialBalance: bigint;
  readonly balance: bigint;
}

export function unbondingNodeValue(u: { networkAddress: string; isMetaNode: boolean; entries: readonly UnbondingEntry[] }): Uint8Array {
  const w = new BinaryWriter();
  w.tag(1, LEN).string(u.networkAddress);
  if (u.isMetaNode) w.tag(2, VARINT).bool(true);
  for (const e of u.entries) {
    const entry = new BinaryWriter();
    if (e.height !== 0n) entry.tag(1, VARINT).int64(e.height);
    entry.tag(2, LEN).bytes(timestamp(e.completionNs));
    entry.tag(3, LEN).string(e.initialBalance.toString());
    entry.tag(4, LEN).string(e.balance.toString());
    w.tag(3, LEN).bytes(entry.finish());
  }
  return lp(w.finish());
}

/** stratos.types.v1.SdsAddresses, LP: an unbonding queue slice. */
export function addressListValue(addresses: readonly string[]): Uint8Array {
  const w = new BinaryWriter();
  for (const a of addresses) w.tag(1, LEN).string(a);
  return lp(w.finish());
}

// ---- keys (spec-register §2.1) ---------------------------------------------------------------

const raw = (bech32: string): Uint8Array => fromBech32(bech32, 1023).data;
const key = (prefix: number, tail: Uint8Array): Uint8Array => Uint8Array.from([prefix, ...tail]);

export const REGISTER_KEY = {
  resourceNode: (sds: string) => key(0x01, raw(sds)),
  metaNode: (sds: string) => key(0x02, raw(sds)),
  registrationPool: (sds: string) => key(0x03, raw(sds)),
  remainingOzoneLimit: Uint8Array.of(0x04),
  slashing: (wallet: string) => key(0x05, raw(wallet)),
  initialGenesisDeposit: Uint8Array.of(0x06),
  depositNozRate: Uint8Array.of(0x07),
  bondedMetaNodeCount: Uint8Array.of(0x08),
  bondedResourceNodeCount: Uint8Array.of(0x09),
  effectiveTotalDeposit: Uint8Array.of(0x10),
  unbondingNode: (sds: string) => key(0x11, raw(sds)),
  unbondingQueue: (ns: bigint) => key(0x12, new TextEncoder().encode(formatTimeBytes(ns))),
  kickPool: (sds: string) => key(0x13, raw(sds)),
} as const;

// ---- time texts (spec-register §0) -----------------------------------------------------------

const isoSeconds = (ns: bigint): string => new Date(Number(ns / NS_PER_S) * 1000).toISOString().slice(0, 19);

/** Event timestamps: RFC 3339 with whole seconds (a fraction is cut off). */
export const rfc3339Seconds = (ns: bigint): string => `${isoSeconds(ns)}Z`;

/** Queue keys: `YYYY-MM-DDTHH:MM:SS.nnnnnnnnn` (always nine fractional digits). */
export const formatTimeBytes = (ns: bigint): string => `${isoSeconds(ns)}.${(ns % NS_PER_S).toString().padStart(9, "0")}`;
