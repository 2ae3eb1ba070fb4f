/**
 * Random operation sequences across bank, register, sds, pot, staking and distribution on the whole
 * app in process (docs/fuzzing.md). fast-check makes, from a seed, a list of valid-ish operations by
 * several accounts — sends, node registrations and deposit changes, meta-node votes, prepays, file
 * uploads, volume reports with a real BLS aggregate signature of the three meta nodes, resource-node
 * slashing and effective-deposit updates reported by a meta node, foundation deposits, reward withdrawals, validators, delegations, unbondings, redelegations, time jumps —
 * which are signed and delivered in blocks of 1–6 txs. Every invariant is checked after every block
 * (the staking test kit does it); a twin app fed the same blocks must reach the same app hash.
 */
import fc from "fast-check";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { MsgSendSchema } from "../../codec/cosmos/bank/v1beta1/tx_pb.js";
import { MsgFundCommunityPoolSchema, MsgWithdrawDelegatorRewardSchema } from "../../codec/cosmos/distribution/v1beta1/tx_pb.js";
import {
  MsgCreateMetaNodeSchema, MsgCreateResourceNodeSchema, MsgMetaNodeRegistrationVoteSchema, MsgRemoveMetaNodeSchema, MsgRemoveResourceNodeSchema,
  MsgUpdateEffectiveDepositSchema, MsgUpdateMetaNodeDepositSchema, MsgUpdateResourceNodeDepositSchema,
} from "../../codec/stratos/register/v1/tx_pb.js";
import { MsgFileUploadSchema, MsgPrepaySchema } from "../../codec/stratos/sds/v1/tx_pb.js";
import { MsgFoundationDepositSchema, MsgSlashingResourceNodeSchema, MsgWithdrawSchema } from "../../codec/stratos/pot/v1/tx_pb.js";
import { ed25519Any } from "../../modules/register/testkit.js";
import { anyMsg, type StakingScenario } from "../../modules/staking/testkit.js";
import { createFuzzWorld, fileHash, genesisValoper, STOS, T, volumeReportMsg } from "./world.js";

/** Accounts that send, prepay, delegate and may create nodes or validators. */
const USERS = ["W1", "W2", "W3", "VAL", "NEWRES", "NEWMETA"] as const;
const RESOURCE_OWNERS = ["RES1", "RES2", "RES3", "RES4", "RES5", "W1", "W2", "NEWRES"] as const;
const METAS = ["META1", "META2", "META3"] as const;
const META_CANDIDATES = ["NEWMETA", "W3"] as const;

const amount = fc.oneof(
  { weight: 6, arbitrary: fc.bigInt({ min: 1n, max: 20n * STOS }) },
  { weight: 2, arbitrary: fc.bigInt({ min: 1n, max: 1_000n }) },
  { weight: 1, arbitrary: fc.bigInt({ min: 1_000n * STOS, max: 100_000n * STOS }) },
);
const pick = <T extends string>(list: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...list);

export type Op =
  | { readonly k: "send"; readonly from: string; readonly to: string; readonly amount: bigint }
  | { readonly k: "prepay"; readonly who: string; readonly amount: bigint }
  | { readonly k: "upload"; readonly reporter: string; readonly uploader: string; readonly file: number }
  | { readonly k: "createResource"; readonly who: string; readonly deposit: bigint }
  | { readonly k: "resourceDeposit"; readonly who: string; readonly delta: bigint }
  | { readonly k: "removeResource"; readonly who: string }
  | { readonly k: "createMeta"; readonly who: string; readonly deposit: bigint }
  | { readonly k: "metaVote"; readonly voter: string; readonly candidate: string; readonly opinion: boolean }
  | { readonly k: "metaDeposit"; readonly who: string; readonly delta: bigint }
  | { readonly k: "removeMeta"; readonly who: string }
  | { readonly k: "foundation"; readonly amount: bigint }
  | { readonly k: "report"; readonly volumes: ReadonlyArray<readonly [string, bigint]> }
  | { readonly k: "potWithdraw"; readonly who: string; readonly amount: bigint }
  | { readonly k: "slashResource"; readonly node: string; readonly noz: bigint; readonly suspend: boolean }
  | { readonly k: "effectiveDeposit"; readonly node: string; readonly tokens: bigint }
  | { readonly k: "createValidator"; readonly who: string; readonly bond: bigint }
  | { readonly k: "delegate"; readonly who: string; readonly validator: string; readonly amount: bigint }
  | { readonly k: "undelegate"; readonly who: string; readonly validator: string; readonly amount: bigint }
  | { readonly k: "redelegate"; readonly who: string; readonly src: string; readonly dst: string; readonly amount: bigint }
  | { readonly k: "withdrawReward"; readonly who: string; readonly validator: string }
  | { readonly k: "fundCommunityPool"; readonly who: string; readonly amount: bigint }
  | { readonly k: "wait"; readonly seconds: bigint };

/** "genesis" (the devnet validator) or a user who may have made one. */
const VALIDATORS = ["genesis", "VAL", "W1", "W2"] as const;

export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant("send" as const), from: pick(USERS), to: pick([...USERS, ...METAS]), amount }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant("prepay" as const), who: pick(USERS), amount }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant("upload" as const), reporter: pick(METAS), uploader: pick(USERS), file: fc.nat({ max: 50 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("createResource" as const), who: pick(RESOURCE_OWNERS), deposit: amount }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant("resourceDeposit" as const), who: pick(RESOURCE_OWNERS), delta: fc.oneof(amount, amount.map((a) => -a)) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("removeResource" as const), who: pick(RESOURCE_OWNERS) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("createMeta" as const), who: pick(META_CANDIDATES), deposit: amount }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("metaVote" as const), voter: pick(METAS), candidate: pick(META_CANDIDATES), opinion: fc.boolean() }) },
  // META1…META3 sign every volume report: they only add deposit; the candidates also take it back or leave.
  { weight: 1, arbitrary: fc.record({ k: fc.constant("metaDeposit" as const), who: pick(METAS), delta: amount }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("metaDeposit" as const), who: pick(META_CANDIDATES), delta: fc.oneof(amount, amount.map((a) => -a)) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("removeMeta" as const), who: pick(META_CANDIDATES) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("foundation" as const), amount }) },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant("report" as const),
      volumes: fc.uniqueArray(fc.tuple(pick(RESOURCE_OWNERS), fc.bigInt({ min: 1n, max: 2_000_000n })), { minLength: 1, maxLength: 5, selector: ([w]) => w }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("potWithdraw" as const), who: pick(RESOURCE_OWNERS), amount }) },
  // META1 reports for the meta nodes: a resource node slashed (Noz, maybe suspended) or its effective deposit set.
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant("slashResource" as const), node: pick(RESOURCE_OWNERS), noz: fc.bigInt({ min: 1n, max: 10n ** 15n }), suspend: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("effectiveDeposit" as const), node: pick(RESOURCE_OWNERS), tokens: fc.bigInt({ min: 0n, max: 2_000n * STOS }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("createValidator" as const), who: pick(["VAL", "W1", "W2"] as const), bond: amount }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant("delegate" as const), who: pick(USERS), validator: pick(VALIDATORS), amount }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("undelegate" as const), who: pick(USERS), validator: pick(VALIDATORS), amount }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("redelegate" as const), who: pick(USERS), src: pick(VALIDATORS), dst: pick(VALIDATORS), amount }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("withdrawReward" as const), who: pick(USERS), validator: pick(VALIDATORS) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant("fundCommunityPool" as const), who: pick(USERS), amount }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("wait" as const), seconds: fc.oneof(fc.bigInt({ min: 5n, max: 120n }), fc.bigInt({ min: 200n, max: 900n })) }) },
);

const coin = (a: bigint) => ({ denom: "wei", amount: a.toString() });

/** The signer and messages of an operation (undefined for a time jump). `epoch` is the next report epoch. */
export function opTx(s: StakingScenario, op: Op, epoch: bigint): readonly [string, readonly Any[]] | undefined {
  const a = (n: string) => s.address(n);
  const valoper = (v: string) => (v === "genesis" ? genesisValoper() : s.valoper(v));
  switch (op.k) {
    case "send":
      return [op.from, [anyMsg(MsgSendSchema, { fromAddress: a(op.from), toAddress: a(op.to), amount: [coin(op.amount)] })]];
    case "prepay":
      return [op.who, [anyMsg(MsgPrepaySchema, { sender: a(op.who), beneficiary: a(op.who), amount: [coin(op.amount)] })]];
    case "upload":
      return [op.reporter, [anyMsg(MsgFileUploadSchema, { fileHash: fileHash(op.file), from: a(op.reporter), reporter: s.net(op.reporter), uploader: a(op.uploader) })]];
    case "createResource":
      return [op.who, [anyMsg(MsgCreateResourceNodeSchema, {
        networkAddress: s.net(op.who), pubkey: ed25519Any(s.actor(op.who).node.publicKey), value: coin(op.deposit), ownerAddress: a(op.who), description: { moniker: `res-${op.who}` }, nodeType: 4,
      })]];
    case "resourceDeposit":
      return [op.who, [anyMsg(MsgUpdateResourceNodeDepositSchema, {
        networkAddress: s.net(op.who), ownerAddress: a(op.who), depositDelta: coin(op.delta < 0n ? -op.delta : op.delta),
      })]];
    case "removeResource":
      return [op.who, [anyMsg(MsgRemoveResourceNodeSchema, { resourceNodeAddress: s.net(op.who), ownerAddress: a(op.who) })]];
    case "createMeta":
      return [op.who, [anyMsg(MsgCreateMetaNodeSchema, {
        networkAddress: s.net(op.who), pubkey: ed25519Any(s.actor(op.who).node.publicKey), value: coin(op.deposit), ownerAddress: a(op.who), beneficiaryAddress: a(op.who),
        description: { moniker: `meta-${op.who}` },
      })]];
    case "metaVote":
      return [op.voter, [anyMsg(MsgMetaNodeRegistrationVoteSchema, {
        candidateNetworkAddress: s.net(op.candidate), candidateOwnerAddress: a(op.candidate), opinion: op.opinion, voterNetworkAddress: s.net(op.voter), voterOwnerAddress: a(op.voter),
      })]];
    case "metaDeposit":
      return [op.who, [anyMsg(MsgUpdateMetaNodeDepositSchema, { networkAddress: s.net(op.who), ownerAddress: a(op.who), depositDelta: coin(op.delta < 0n ? -op.delta : op.delta) })]];
    case "removeMeta":
      return [op.who, [anyMsg(MsgRemoveMetaNodeSchema, { metaNodeAddress: s.net(op.who), ownerAddress: a(op.who) })]];
    case "foundation":
      return ["FOUNDER", [anyMsg(MsgFoundationDepositSchema, { from: a("FOUNDER"), amount: [coin(op.amount)] })]];
    case "report":
      return ["META1", [volumeReportMsg(s, epoch, op.volumes.map(([w, v]) => [a(w), v] as const))]];
    case "slashResource":
      return ["META1", [anyMsg(MsgSlashingResourceNodeSchema, {
        reporters: [s.net("META1")], reporterOwner: [a("META1")], networkAddress: s.net(op.node), walletAddress: a(op.node), slashing: op.noz.toString(), suspend: op.suspend,
      })]];
    case "effectiveDeposit":
      return ["META1", [anyMsg(MsgUpdateEffectiveDepositSchema, {
        reporters: [s.net("META1")], reporterOwner: [a("META1")], networkAddress: s.net(op.node), effectiveTokens: op.tokens.toString(),
      })]];
    case "potWithdraw":
      return [op.who, [anyMsg(MsgWithdrawSchema, { walletAddress: a(op.who), targetAddress: a(op.who), amount: [coin(op.amount)] })]];
    case "createValidator":
      return [op.who, [s.createValidator(op.who, op.bond)]];
    case "delegate":
      return [op.who, [s.delegate(op.who, valoper(op.validator), op.amount)]];
    case "undelegate":
      return [op.who, [s.undelegate(op.who, valoper(op.validator), op.amount)]];
    case "redelegate":
      return [op.who, [s.redelegate(op.who, valoper(op.src), valoper(op.dst), op.amount)]];
    case "withdrawReward":
      return [op.who, [anyMsg(MsgWithdrawDelegatorRewardSchema, { delegatorAddress: a(op.who), validatorAddress: valoper(op.validator) })]];
    case "fundCommunityPool":
      return [op.who, [anyMsg(MsgFundCommunityPoolSchema, { amount: [coin(op.amount)], depositor: a(op.who) })]];
    case "wait":
      return undefined;
  }
}

export interface OpsFuzzReport {
  readonly seed: number;
  readonly ops: number;
  readonly blocks: number;
  readonly lastHeight: bigint;
  /** Simulated chain time covered, seconds. */
  readonly seconds: bigint;
  /** op kind → { ok, failed } */
  readonly byKind: Readonly<Record<string, { ok: number; failed: number }>>;
  /** "codespace/code" → count over all delivered txs. */
  readonly codes: Readonly<Record<string, number>>;
  /** The first failing operation and log of each code. */
  readonly sampleLogs: Readonly<Record<string, string>>;
  readonly exceptions: readonly string[];
  readonly twinBlocksCompared: number;
  readonly ms: number;
}

export interface OpsFuzzOptions {
  readonly ops: number;
  readonly seed: number;
  readonly twin?: boolean;
  readonly onProgress?: (report: () => OpsFuzzReport) => void;
}

export async function runOpsFuzz(o: OpsFuzzOptions): Promise<OpsFuzzReport> {
  const exceptions: string[] = [];
  const onInternalError = (error: unknown): void => void exceptions.push(`handler: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  const world = await createFuzzWorld({ onInternalError, shortUnbonding: true });
  const twin = o.twin ? await createFuzzWorld({ shortUnbonding: true }) : undefined;
  const started = performance.now();
  const byKind = new Map<string, { ok: number; failed: number }>();
  const codes = new Map<string, number>();
  const samples = new Map<string, string>();
  let blocks = 0;
  let twinBlocksCompared = 0;
  let done = 0;
  let epoch = 1n;
  const start = T;
  let now = start;
  const report = (): OpsFuzzReport => ({
    seed: o.seed, ops: done, blocks, lastHeight: world.app.nextHeight - 1n, seconds: now - start, byKind: Object.fromEntries([...byKind].sort()),
    codes: Object.fromEntries([...codes].sort()), sampleLogs: Object.fromEntries([...samples].sort()), exceptions, twinBlocksCompared, ms: Math.round(performance.now() - started),
  });
  try {
    const CHUNK = 300;
    for (let chunk = 0; done < o.ops; chunk++) {
      const ops = fc.sample(opArbitrary, { numRuns: Math.min(CHUNK, o.ops - done), seed: o.seed + chunk });
      const sizes = fc.sample(fc.integer({ min: 1, max: 6 }), { numRuns: ops.length, seed: o.seed + chunk + 1_000_000 });
      for (let i = 0, b = 0; i < ops.length; b++) {
        const batch = ops.slice(i, i + sizes[b]!);
        i += batch.length;
        done += batch.length;
        const list: Array<readonly [string, readonly Any[]]> = [];
        const kinds: string[] = [];
        let wait = 5n;
        for (const op of batch) {
          if (op.k === "wait") {
            wait += op.seconds;
            byKind.set("wait", { ok: (byKind.get("wait")?.ok ?? 0) + 1, failed: 0 });
            continue;
          }
          const tx = opTx(world, op, epoch);
          if (op.k === "report") epoch++;
          if (tx === undefined) continue;
          list.push(tx);
          kinds.push(op.k);
        }
        now += wait;
        let results;
        try {
          results = await world.txs(list, now);
        } catch (e) {
          const ops = JSON.stringify(batch, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
          exceptions.push(`block ${world.app.nextHeight - 1n} (operations ${ops}): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
          throw e;
        }
        blocks++;
        results.forEach((r, j) => {
          const entry = byKind.get(kinds[j]!) ?? { ok: 0, failed: 0 };
          if (r.code === 0) entry.ok++;
          else entry.failed++;
          byKind.set(kinds[j]!, entry);
          const key = `${r.code === 0 ? "ok" : r.codespace}/${r.code}`;
          codes.set(key, (codes.get(key) ?? 0) + 1);
          if (r.code !== 0 && !samples.has(key)) samples.set(key, `${kinds[j]!}: ${r.log.slice(0, 200)}`);
        });
        if (twin) {
          await twin.txs(list, now);
          const [x, y] = [world, twin].map((w) => Buffer.from(w.app.parts.store.lastCommit().appHash).toString("hex"));
          if (x !== y) {
            exceptions.push(`determinism: height ${world.app.nextHeight - 1n}: app hash ${x}, twin ${y}`);
            throw new Error("the twin app computed another app hash");
          }
          twinBlocksCompared++;
        }
      }
      o.onProgress?.(report);
    }
    return report();
  } catch (e) {
    if (exceptions.length === 0) exceptions.push(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return report();
  } finally {
    await world.close();
    await twin?.close();
  }
}

export function formatOpsFuzzReport(r: OpsFuzzReport): string {
  return [
    `operation sequences (seed ${r.seed}): ${r.ops} operations in ${r.blocks} blocks (last height ${r.lastHeight}, ${r.seconds} s of chain time) in ${(r.ms / 1000).toFixed(1)} s`,
    `  every invariant checked after each block${r.twinBlocksCompared > 0 ? `; app hash equal to a twin app's at ${r.twinBlocksCompared} blocks` : ""}`,
    `  by kind (ok/failed): ${Object.entries(r.byKind).map(([k, v]) => `${k} ${v.ok}/${v.failed}`).join(", ")}`,
    `  codes: ${Object.entries(r.codes).map(([k, v]) => `${k}×${v}`).join(" ")}`,
    ...Object.entries(r.sampleLogs).filter(([k]) => k.startsWith("undefined/")).map(([k, log]) => `  first ${k}: ${log}`),
    `  exceptions: ${r.exceptions.length}`,
    ...r.exceptions.slice(0, 5).map((e) => `    ${e.split("\n").slice(0, 6).join(" | ")}`),
  ].join("\n");
}
