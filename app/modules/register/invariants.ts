/**
 * Register invariants (SDK crisis style): each check reads the committed register state and returns
 * what is broken, or undefined. The reference registers none; these state what the reproduced
 * behaviour keeps true, so a failing one means a bug (or a hand-made inconsistent state), never a
 * reference quirk.
 *
 * The S check. Intended (§5.3): S = A, where
 *     A = Σ effective_tokens of BONDED, unsuspended resource nodes + Σ tokens of BONDED, unsuspended meta nodes.
 * The reference drifts from it — and the port must keep the drift, S feeds prices and rewards:
 *   1. MsgRemoveResourceNode leaves the node's effective deposit in S, also after the record is deleted;
 *   2. a decrease refused by IsUnbondable lowers effective_tokens but not S (§11 R4);
 *   3. MsgUpdateEffectiveDeposit counts any status it accepts (in practice only BONDED, see below);
 *   4. an export/import cycle recomputes S = A (§8.2), i.e. drops every earlier drift.
 * Items 1–3 only ever raise S above A and leave no trace in the state (a refused decrease or a deleted
 * node cannot be seen afterwards), and item 4 resets S to A. So no upper bound and no exact equality
 * can be checked from the state alone; the strongest check is the lower bound S ≥ A. It holds because
 * every step that lowers S lowers A by at least as much:
 *   - an effective-deposit decrease of an active node lowers both by |Δ| (or neither, when refused);
 *   - unsuspending a node adds its new effective deposit to A and Δ = new − old to S, equal because a
 *     suspended node has effective_tokens 0 (pot's suspension zeroes it; checked below);
 *   - removing/kicking a BONDED meta node lowers S by tokens − unbonding ≤ tokens, A by tokens;
 *   - MsgUpdateEffectiveDeposit only reaches BONDED resource nodes: an UNBONDING node's whole deposit is
 *     unbonding (tokens ≤ unbonding balance → refused), and an UNBONDED resource node never persists
 *     (created BONDED in the same tx; deleted when its unbonding completes). Genesis refuses the node
 *     shapes that would break this (genesis.ts), and the checks below watch that it stays so.
 * When pot's MsgSlashingResourceNode is on chain this must be relaxed: it suspends any node, and
 * suspending a removed (UNBONDING, unsuspended) node lowers S by its effective deposit while A does not
 * change. On a chain whose history passed through a genesis containing such a node (any export taken
 * while a removal is pending — the import drops that deposit from S, item 4), S can then end below A.
 *
 * Lt is not checked: register's own paths keep it ≥ 0 (IsUnbondable guards, prepay is proportional),
 * but pot's MsgSlashingResourceNode suspends a node and lowers Lt by its effective deposit without the
 * guard (spec-pot §4.4, spec-register §5.1), so Lt may go negative legitimately, as in the reference.
 * Slashing debts are not checked either: with Lt < 0, pot's slash amount (S + Pt)·Y / (Lt + Y) is
 * negative whenever Y < |Lt|, and the reference adds it to the debt as it is. (Both found by the
 * operation-sequence fuzz, docs/fuzzing.md.)
 */
import type { ReadContext } from "../../baseapp/context.js";
import { type Invariant, reportProblems as report } from "../../baseapp/invariants.js";
import { TxError } from "../../baseapp/errors.js";
import { AddressError } from "../../crypto/address.js";
import { equalBytes, hexOf } from "../../store/bytes.js";
import { parseSds, sdsString } from "./addresses.js";
import { type Keyed, POOL, type RegisterKeeper, type RegisterPool, isActive } from "./keeper.js";
import { BondStatus } from "./logic/bondStatus.js";
import { formatTimeBytes } from "./logic/time.js";
import { bondStatusName } from "./store.js";
import { type MetaNode, type NodeRecord, type ResourceNode, type UnbondingNode, unbondingBalance } from "./types.js";

/** Name → check, for `ModuleHooks.invariants`. */
export function registerInvariants(k: RegisterKeeper): Record<string, Invariant> {
  const guarded = (check: (s: Snapshot) => string[]): Invariant => (ctx) => {
    // Before register's genesis ran (or without a register section in app_state) there is nothing
    // to check: no params, no rate, no nodes.
    if (k.getParams(ctx).bondDenom === "") return undefined;
    return report(check(snapshot(k, ctx)));
  };
  return {
    "module-accounts": guarded(moduleAccounts),
    "effective-total-deposit": guarded(effectiveTotalDeposit),
    "resource-node-effective-tokens": guarded(resourceNodeEffectiveTokens),
    "nonnegative-amounts": guarded(nonnegativeAmounts),
    "bonded-node-count": guarded(bondedNodeCount),
    "unbonding-queue": guarded(unbondingQueue),
    "active-meta-node-index": guarded(activeMetaNodeIndex),
  };
}

/** Everything the checks read, loaded once per check. */
interface Snapshot {
  readonly k: RegisterKeeper;
  readonly ctx: ReadContext;
  readonly denom: string;
  readonly resourceNodes: readonly Keyed<ResourceNode>[];
  readonly metaNodes: readonly Keyed<MetaNode>[];
  readonly unbonding: ReadonlyMap<string, UnbondingNode>;
}

function snapshot(k: RegisterKeeper, ctx: ReadContext): Snapshot {
  const unbonding = new Map<string, UnbondingNode>();
  for (const { addr, value } of k.unbondingNodes(ctx)) unbonding.set(hexOf(addr), value);
  return { k, ctx, denom: k.bondDenom(ctx), resourceNodes: [...k.resourceNodes(ctx)], metaNodes: [...k.metaNodes(ctx)], unbonding };
}

const sumOf = (nodes: readonly Keyed<NodeRecord>[], pick: (n: NodeRecord) => boolean): bigint =>
  nodes.reduce((s, { value }) => (pick(value) ? s + value.tokens : s), 0n);
const isBonded = (n: NodeRecord): boolean => n.status === BondStatus.Bonded;
const isNotBonded = (n: NodeRecord): boolean => n.status === BondStatus.Unbonded || n.status === BondStatus.Unbonding;

/**
 * (1) §2.4: each node pool holds, in the bond denom, exactly the tokens of the nodes whose deposit sits
 * there. Not-bonded pools: UNBONDING nodes, and UNBONDED ones (meta candidates; a resource node is
 * UNBONDED only inside MsgCreateResourceNode, and InitGenesis would put one there too).
 */
function moduleAccounts(s: Snapshot): string[] {
  const rows: ReadonlyArray<readonly [RegisterPool, bigint, string]> = [
    [POOL.resourceBonded, sumOf(s.resourceNodes, isBonded), "BONDED resource nodes"],
    [POOL.resourceNotBonded, sumOf(s.resourceNodes, isNotBonded), "UNBONDED and UNBONDING resource nodes"],
    [POOL.metaBonded, sumOf(s.metaNodes, isBonded), "BONDED meta nodes"],
    [POOL.metaNotBonded, sumOf(s.metaNodes, isNotBonded), "UNBONDED and UNBONDING meta nodes"],
  ];
  return rows.flatMap(([pool, want, whose]) => {
    const have = s.k.poolBalance(s.ctx, pool);
    return have === want ? [] : [`${pool} holds ${have}${s.denom} but the tokens of its ${whose} add up to ${want}${s.denom}`];
  });
}

/** (2) S ≥ A (see the file comment for why this, and not equality, is the exact contract). */
function effectiveTotalDeposit(s: Snapshot): string[] {
  let active = 0n;
  for (const { value } of s.resourceNodes) if (isActive(value)) active += value.effectiveTokens;
  for (const { value } of s.metaNodes) if (isActive(value)) active += value.tokens;
  const total = s.k.getEffectiveTotalDeposit(s.ctx);
  return total >= active
    ? []
    : [`S (0x10) = ${total} is below the active deposits ${active} (effective tokens of BONDED unsuspended resource nodes + tokens of BONDED unsuspended meta nodes)`];
}

/**
 * (2′) What keeps (2) true: a suspended resource node has no effective deposit (pot's suspension
 * zeroes it, unsuspension sets it), a resource node is BONDED or UNBONDING, and a BONDED one's
 * effective deposit fits its tokens (MsgUpdateEffectiveDeposit's check; a BONDED node's tokens only grow).
 */
function resourceNodeEffectiveTokens(s: Snapshot): string[] {
  const problems: string[] = [];
  for (const { addr, value: n } of s.resourceNodes) {
    const name = `resource node ${sdsString(addr)}`;
    if (n.suspend && n.effectiveTokens !== 0n) problems.push(`${name} is suspended with effective tokens ${n.effectiveTokens}`);
    if (n.status !== BondStatus.Bonded && n.status !== BondStatus.Unbonding) problems.push(`${name} is ${bondStatusName(n.status)}`);
    if (n.status === BondStatus.Bonded && n.effectiveTokens > n.tokens) {
      problems.push(`${name} has effective tokens ${n.effectiveTokens} above its tokens ${n.tokens}`);
    }
  }
  return problems;
}

/**
 * (3) The rate is set and positive, and no tokens, effective tokens or unbonding balances are negative.
 * (Lt and slashing debts may be negative: see the file comment.)
 */
function nonnegativeAmounts(s: Snapshot): string[] {
  const problems: string[] = [];
  try {
    const rate = s.k.getDepositNozRate(s.ctx);
    if (!rate.isPositive()) problems.push(`deposit noz rate (0x07) = ${rate.toString()} is not positive`);
  } catch (e) {
    if (!(e instanceof TxError)) throw e;
    problems.push("deposit noz rate (0x07) is not set");
  }
  for (const { addr, value: n } of s.resourceNodes) {
    if (n.tokens < 0n) problems.push(`resource node ${sdsString(addr)} has negative tokens ${n.tokens}`);
    if (n.effectiveTokens < 0n) problems.push(`resource node ${sdsString(addr)} has negative effective tokens ${n.effectiveTokens}`);
  }
  for (const { addr, value: n } of s.metaNodes) {
    if (n.tokens < 0n) problems.push(`meta node ${sdsString(addr)} has negative tokens ${n.tokens}`);
  }
  for (const [key, record] of s.unbonding) {
    for (const e of record.entries) {
      if (e.balance < 0n) problems.push(`unbonding record ${record.networkAddr} (key ${key}) has an entry with negative balance ${e.balance}`);
    }
  }
  return problems;
}

/** (4) Counters 0x08 / 0x09 = number of BONDED meta / resource nodes (suspended ones included). */
function bondedNodeCount(s: Snapshot): string[] {
  const rows: ReadonlyArray<readonly [string, bigint, number]> = [
    ["bonded meta node count (0x08)", s.k.getBondedMetaNodeCount(s.ctx), s.metaNodes.filter((n) => isBonded(n.value)).length],
    ["bonded resource node count (0x09)", s.k.getBondedResourceNodeCount(s.ctx), s.resourceNodes.filter((n) => isBonded(n.value)).length],
  ];
  return rows.flatMap(([name, stored, counted]) => (stored === BigInt(counted) ? [] : [`${name} is ${stored} but ${counted} nodes are BONDED`]));
}

/**
 * (6) The active-meta-node index (keys.ts 0x30, this port's own) lists exactly the active meta nodes,
 * each under its record's bech32 network address and pointing at its record's key.
 */
function activeMetaNodeIndex(s: Snapshot): string[] {
  const want = new Map(s.metaNodes.filter((n) => isActive(n.value)).map((n) => [n.value.networkAddress, hexOf(n.addr)]));
  const problems: string[] = [];
  for (const { networkAddress, addr } of s.k.activeMetaNodeIndex(s.ctx)) {
    const expected = want.get(networkAddress);
    if (expected === undefined) problems.push(`active-meta-node index lists ${networkAddress}, which is not an active meta node`);
    else if (expected !== hexOf(addr)) problems.push(`active-meta-node index maps ${networkAddress} to ${hexOf(addr)}, its record is under ${expected}`);
    want.delete(networkAddress);
  }
  for (const networkAddress of [...want.keys()].sort()) problems.push(`active meta node ${networkAddress} is missing from the active-meta-node index`);
  return problems;
}

/**
 * (5) Unbonding records, nodes and the queue agree: every record sits under its own address, belongs
 * to an existing UNBONDING node of its kind whose tokens its balances add up to, and has its address in
 * the queue slice of each entry's completion time; every UNBONDING node has a record; every queued
 * address parses and has a record with an entry completing at that slice's time. A payout that failed
 * in EndBlock (§7.1, §10 Q9: the slice is deleted, the record stays) shows up here.
 */
function unbondingQueue(s: Snapshot): string[] {
  const problems: string[] = [];
  const queue = new Map<string, readonly string[]>(); // time text → addresses
  for (const { key, addresses } of s.k.unbondingQueue(s.ctx)) queue.set(new TextDecoder().decode(key), addresses);
  const nodes = new Map<string, { node: NodeRecord; isMeta: boolean }>();
  for (const { addr, value } of s.resourceNodes) nodes.set(hexOf(addr), { node: value, isMeta: false });
  for (const { addr, value } of s.metaNodes) nodes.set(hexOf(addr), { node: value, isMeta: true });

  for (const [key, record] of s.unbonding) {
    const name = `unbonding record ${record.networkAddr}`;
    const addr = parseOrUndefined(record.networkAddr);
    if (addr === undefined || hexOf(addr) !== key) problems.push(`${name} is stored under the key of another address (${key})`);
    const owner = nodes.get(key);
    const kind = record.isMetaNode ? "meta" : "resource";
    if (owner === undefined || owner.isMeta !== record.isMetaNode) {
      problems.push(`${name}: no ${kind} node at that address`);
    } else {
      if (owner.node.status !== BondStatus.Unbonding) problems.push(`${name}: its ${kind} node is ${bondStatusName(owner.node.status)}`);
      const sum = unbondingBalance(record);
      if (sum !== owner.node.tokens) problems.push(`${name}: its balances add up to ${sum} but its node holds tokens ${owner.node.tokens}`);
    }
    for (const e of record.entries) {
      const time = formatTimeBytes(e.completionTime);
      const queued = queue.get(time) ?? [];
      if (!queued.some((a) => sameAddress(a, key))) problems.push(`${name} has an entry completing at ${time} but is not in that queue slice`);
    }
  }
  for (const [key, { node, isMeta }] of nodes) {
    if (node.status === BondStatus.Unbonding && !s.unbonding.has(key)) {
      problems.push(`UNBONDING ${isMeta ? "meta" : "resource"} node ${node.networkAddress} has no unbonding record`);
    }
  }
  for (const [time, addresses] of queue) {
    for (const a of addresses) {
      const addr = parseOrUndefined(a);
      const record = addr === undefined ? undefined : s.unbonding.get(hexOf(addr));
      if (record === undefined || !record.entries.some((e) => formatTimeBytes(e.completionTime) === time)) {
        problems.push(`queue slice ${time} lists ${JSON.stringify(a)}, which has no unbonding entry completing then`);
      }
    }
  }
  return problems;
}

function parseOrUndefined(text: string): Uint8Array | undefined {
  try {
    return parseSds(text);
  } catch (e) {
    if (e instanceof AddressError) return undefined;
    throw e;
  }
}

function sameAddress(text: string, keyHex: string): boolean {
  const addr = parseOrUndefined(text);
  return addr !== undefined && equalBytes(addr, Buffer.from(keyHex, "hex"));
}
