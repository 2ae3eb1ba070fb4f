/**
 * `npm run bench:slashing`: what liveness costs each block, in-process (the whole app over an in-memory
 * IAVL store, FinalizeBlock + Commit without CometBFT), with slashing and evidence over the staking fake
 * (app/modules/slashing/testApp.testing.ts) until the real staking keeper is wired:
 *
 *   - empty blocks without votes (the app's own per-block cost, the baseline);
 *   - blocks with `--validators` votes, all signed (steady state: one signing-info write per vote, no
 *     bitmap write once the window holds no misses);
 *   - blocks where `--absent` of them miss (a bitmap write and a liveness event each);
 *   - one block with a double sign (slash, jail, tombstone, evidence write), for scale.
 *
 * Mainnet params (window 10 000): no validator reaches the downtime threshold here.
 *
 *   npm run bench:slashing -- [--validators 100] [--absent 5] [--blocks 200]
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { MisbehaviorType, type VoteInfo } from "cosmjs-types/tendermint/abci/types";
import { BlockIDFlag } from "cosmjs-types/tendermint/types/validator";
import { SlashingApp } from "../../app/modules/slashing/testApp.testing.js";

const { values: opts } = parseArgs({
  options: {
    validators: { type: "string", default: "100" },
    absent: { type: "string", default: "5" },
    blocks: { type: "string", default: "200" },
  },
  strict: true,
});
const VALIDATORS = Number(opts.validators);
const ABSENT = Number(opts.absent);
const BLOCKS = Number(opts.blocks);
const STOS = 10n ** 18n;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median ms of FinalizeBlock + Commit over `count` blocks carrying `votes()`. */
async function timeBlocks(s: SlashingApp, count: number, votes: () => VoteInfo[]): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = votes();
    const t0 = performance.now();
    await s.block({ votes: v });
    times.push(performance.now() - t0);
  }
  return median(times);
}

console.log(`bench:slashing — in-process TestApp (in-memory IAVL), Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}); ${VALIDATORS} validators, ${BLOCKS} blocks per row, medians`);
const setupStart = performance.now();
const s = await SlashingApp.create({
  accounts: VALIDATORS,
  validators: Array.from({ length: VALIDATORS }, (_, key) => ({ key, selfBond: (10n + BigInt(key)) * STOS })),
});
console.log(`set-up (keys, genesis, ${VALIDATORS} bonded validators): ${((performance.now() - setupStart) / 1000).toFixed(1)} s`);
const validators = Array.from({ length: VALIDATORS }, (_, i) => s.validator(i));
const vote = (i: number, flag: BlockIDFlag): VoteInfo => ({ validator: { address: validators[i]!.consAddr, power: (10n + BigInt(i)) * 1_000n }, blockIdFlag: flag });
const allSigned = () => validators.map((_, i) => vote(i, BlockIDFlag.BLOCK_ID_FLAG_COMMIT));
const someAbsent = () => validators.map((_, i) => vote(i, i < ABSENT ? BlockIDFlag.BLOCK_ID_FLAG_ABSENT : BlockIDFlag.BLOCK_ID_FLAG_COMMIT));

await timeBlocks(s, 20, allSigned); // warm-up
const rows: Array<[string, number]> = [
  ["no votes (baseline)", await timeBlocks(s, BLOCKS, () => [])],
  [`${VALIDATORS} votes, all signed`, await timeBlocks(s, BLOCKS, allSigned)],
  [`${VALIDATORS} votes, ${ABSENT} absent`, await timeBlocks(s, BLOCKS, someAbsent)],
  [`${VALIDATORS} votes, all signed again (clearing misses)`, await timeBlocks(s, BLOCKS, allSigned)],
];
for (const [name, ms] of rows) console.log(`${name.padEnd(52)} FinalizeBlock + Commit ${ms.toFixed(2).padStart(7)} ms`);

const target = validators[VALIDATORS - 1]!;
const t0 = performance.now();
const res = await s.block({
  votes: allSigned(),
  misbehavior: [{ type: MisbehaviorType.DUPLICATE_VOTE, validator: { address: target.consAddr, power: 1_000n }, height: s.app.nextHeight - 2n, time: { seconds: 1_700_000_000n, nanos: 0 }, totalVotingPower: 1n }],
});
console.log(`double sign block (FinalizeBlock + Commit): ${(performance.now() - t0).toFixed(2)} ms, ${res.events.filter((e) => e.type === "slash").length} slash events`);
await s.close();
