/**
 * `npm run bench:distribution`: the cost of distribution's BeginBlock allocation (spec-staking §2.5)
 * against the number of votes, in-process, on the distribution test chain (auth, bank, distribution,
 * mint and the staking fake: app/modules/distribution/chain.testing.ts).
 *
 * For 100 and 1,000 bonded validators, every one of them voting (a tenth ABSENT), each block collects
 * fees into `fee_collector` and runs BeginBlock (mint, then distribution: the fee transfer, one
 * `AllocateTokensToValidator` per vote with its two events and three record updates, the proposer):
 *  - "logic": the pure split alone (logic/allocation.ts `allocate` + the commission split per vote);
 *  - "BeginBlock, memory": mint + distribution BeginBlock over an in-memory multistore;
 *  - "BeginBlock, IAVL": the same over the IAVL multistore (in memory), plus its Commit (hashing the
 *    changed nodes of every store).
 * Medians and p95 over `--blocks` blocks after warm-up blocks.
 *
 *   npm run bench:distribution -- [--blocks 40]
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { DecCoins } from "../../app/math/coins.js";
import { Dec } from "../../app/math/dec.js";
import { allocate, splitCommission } from "../../app/modules/distribution/logic/allocation.js";
import { DistributionChain, STOS } from "../../app/modules/distribution/chain.testing.js";
import { FAKE_STAKING_STORE } from "../../app/modules/distribution/stakingFake.testing.js";
import { ed25519Address } from "../../app/crypto/ed25519.js";
import { RootMultiStore } from "../../app/store/rootMultiStore.js";

const { values: opts } = parseArgs({ options: { blocks: { type: "string", default: "40" } }, strict: true });
const BLOCKS = Number(opts.blocks);
const WARMUP = 5;

const operator = (i: number): Uint8Array => {
  const a = new Uint8Array(20);
  new DataView(a.buffer).setUint32(16, i + 1);
  a[0] = 0x11;
  return a;
};
const pubKey = (i: number): Uint8Array => {
  const k = new Uint8Array(32);
  new DataView(k.buffer).setUint32(28, i + 1);
  k[0] = 0x51;
  return k;
};
const PAYER = new Uint8Array(20).fill(0xfe);

function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] ?? NaN;
}
const f = (ms: number): string => ms.toFixed(ms < 10 ? 3 : 1);

interface Setup {
  readonly chain: DistributionChain;
  readonly root?: RootMultiStore;
  readonly votes: ReadonlyArray<{ validatorAddress: Uint8Array; power: bigint; blockIdFlag: number }>;
}

async function setup(validators: number, iavl: boolean): Promise<Setup> {
  let root: RootMultiStore | undefined;
  if (iavl) {
    root = new RootMultiStore();
    for (const name of ["acc", "bank", "distribution", "mint", FAKE_STAKING_STORE]) root.mount(name, "iavl");
    await root.load();
  }
  const chain = new DistributionChain({
    accounts: [...Array.from({ length: validators }, (_, i) => ({ address: operator(i), balance: 10_000n * STOS })), { address: PAYER, balance: 10n ** 30n }],
    ...(root ? { store: root.working() } : {}),
  });
  for (let i = 0; i < validators; i++) {
    chain.createValidator({ operator: operator(i), consensusPubKey: pubKey(i), rate: Dec.parse(["0.05", "0.1", "0.09"][i % 3]!), selfBond: BigInt(1 + ((i * 7919) % 1000)) * STOS });
  }
  if (root) await root.commit();
  const votes = Array.from({ length: validators }, (_, i) => ({
    validatorAddress: ed25519Address(pubKey(i)),
    power: (BigInt(1 + ((i * 7919) % 1000)) * STOS) / 10n ** 15n,
    blockIdFlag: i % 10 === 0 ? 1 : 2,
  }));
  return { chain, votes, ...(root ? { root } : {}) };
}

async function measure(validators: number, iavl: boolean): Promise<{ begin: number[]; commit: number[] }> {
  const { chain, root, votes } = await setup(validators, iavl);
  const begin: number[] = [];
  const commit: number[] = [];
  for (let b = 0; b < WARMUP + BLOCKS; b++) {
    const height = BigInt(b + 2);
    chain.height = height - 1n;
    chain.collectFees(PAYER, 16_000_400_244_999_989_281n + BigInt(b));
    const t0 = performance.now();
    chain.beginBlock(height, votes);
    const t1 = performance.now();
    if (root) await root.commit();
    const t2 = performance.now();
    if (b >= WARMUP) {
      begin.push(t1 - t0);
      commit.push(t2 - t1);
    }
  }
  const broken = chain.brokenInvariants();
  if (Object.keys(broken).length > 0) throw new Error(`invariants broken: ${JSON.stringify(broken)}`);
  return { begin, commit };
}

function measureLogic(validators: number): number[] {
  const fees = DecCoins.of({ denom: "wei", amount: Dec.fromInt(16_000_400_244_999_989_281n) });
  const votes = Array.from({ length: validators }, (_, i) => ({ power: BigInt(1 + ((i * 7919) % 1000)) * 1000n }));
  const rate = Dec.parse("0.1");
  const out: number[] = [];
  for (let b = 0; b < WARMUP + BLOCKS; b++) {
    const t0 = performance.now();
    const { rewards } = allocate(fees, Dec.ZERO, votes);
    for (const r of rewards) splitCommission(r, rate);
    if (b >= WARMUP) out.push(performance.now() - t0);
  }
  return out;
}

console.log(`bench:distribution — BeginBlock allocation in-process, Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}); ${BLOCKS} blocks per row after ${WARMUP} warm-up blocks`);
console.log("votes  | logic median | BeginBlock memory median (p95) | BeginBlock IAVL median (p95) | IAVL Commit median | µs per vote (memory)");
for (const n of [100, 1_000]) {
  const logic = measureLogic(n);
  const memory = await measure(n, false);
  const iavl = await measure(n, true);
  const perVote = (percentile(memory.begin, 0.5) * 1000) / n;
  console.log(
    `${String(n).padStart(6)} | ${f(percentile(logic, 0.5)).padStart(9)} ms | ${f(percentile(memory.begin, 0.5)).padStart(9)} ms (${f(percentile(memory.begin, 0.95))}) | ` +
    `${f(percentile(iavl.begin, 0.5)).padStart(9)} ms (${f(percentile(iavl.begin, 0.95))}) | ${f(percentile(iavl.commit, 0.5)).padStart(9)} ms | ${perVote.toFixed(1)}`,
  );
}
