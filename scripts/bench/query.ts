/**
 * `npm run bench:query`: gRPC query throughput while the chain commits MsgSend load, and what the
 * queries cost block production.
 *
 * One devnet (gRPC on), phases of the same length with the same MsgSend load (pre-signed txs over
 * `broadcast_tx_sync`, disjoint accounts per phase), alternating without and with a flood of gRPC
 * `cosmos.bank.v1beta1.Query/Balance` calls (a fixed number in flight), `--rounds` times each, so that
 * other load on the machine affects both sides alike. Prints every phase, then blocks per second and
 * committed tx/s summed per side, the queries per second, and the change. Target: block production
 * within 10 %.
 *
 * `--tx-rate N` paces the MsgSend load at N tx/s (below what the node can take, the question is whether
 * it still takes all of it with the queries on); without it the load saturates CheckTx, and the
 * queries' CPU share shows up directly in tx/s.
 *
 *   npm run bench:query -- [--seconds 10] [--rounds 3] [--accounts 100] [--concurrency 24] [--in-flight 16] [--tx-rate N]
 */
import os from "node:os";
import { parseArgs } from "node:util";
import * as grpc from "@grpc/grpc-js";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { QueryBalanceRequest, QueryBalanceResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import { buildDevnetAppState, devnetMnemonic } from "../../app/node/devnetGenesis.js";
import { derivePrivateKey, mnemonicToSeed, stratosHdPath } from "../../app/crypto/hd.js";
import { ethAddressFromPubKey, ethPublicKeyFromPrivateKey } from "../../app/crypto/ethSecp256k1.js";
import { BECH32_PREFIX, formatBech32Address } from "../../app/crypto/address.js";
import { type BenchKey, type SentTx, bodyOf, drive, print, signTx, startBenchDevnet } from "./devnetLoad.js";

const { values: opts } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    accounts: { type: "string", default: "100" },
    concurrency: { type: "string", default: "24" },
    "in-flight": { type: "string", default: "16" },
    "tx-rate": { type: "string" },
  },
  strict: true,
});
const SECONDS = Number(opts.seconds);
const ROUNDS = Number(opts.rounds);
const ACCOUNTS = Number(opts.accounts);
const IN_FLIGHT = Number(opts["in-flight"]);
const DRIVE = { seconds: SECONDS, concurrency: Number(opts.concurrency), ...(opts["tx-rate"] ? { rate: Number(opts["tx-rate"]) } : {}) };
const PER_ACCOUNT = Math.ceil((1500 * SECONDS) / ACCOUNTS);
const GAS_LIMIT = 200_000n;
const FEE = GAS_LIMIT * 1_000_000_000n;

function presign(keys: readonly BenchKey[], firstAccountNumber: number): SentTx[][] {
  return keys.map((k, i) => {
    const to = keys[(i + 1) % keys.length]!.address;
    const body = bodyOf("/cosmos.bank.v1beta1.MsgSend", MsgSend.encode({ fromAddress: k.address, toAddress: to, amount: [{ denom: "wei", amount: "1" }] }).finish());
    return Array.from({ length: PER_ACCOUNT }, (_, seq) => signTx(k, BigInt(firstAccountNumber + i), BigInt(seq), body, GAS_LIMIT, FEE));
  });
}

/** Balance queries over gRPC, `inFlight` at a time, until `stop` resolves; answers checked. */
async function queryFlood(address: string, owners: readonly string[], stop: Promise<void>): Promise<{ queries: number; failures: number; seconds: number }> {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  let stopped = false;
  void stop.then(() => {
    stopped = true;
  });
  let queries = 0;
  let failures = 0;
  const started = performance.now();
  const one = (owner: string): Promise<void> =>
    new Promise((resolve) => {
      client.makeUnaryRequest("/cosmos.bank.v1beta1.Query/Balance", (b: Buffer) => b, (b: Buffer) => b, Buffer.from(QueryBalanceRequest.encode({ address: owner, denom: "wei" }).finish()), (err, value) => {
        if (err || !QueryBalanceResponse.decode(value!).balance) failures++;
        else queries++;
        resolve();
      });
    });
  await Promise.all(Array.from({ length: IN_FLIGHT }, async (_, w) => {
    for (let i = w; !stopped; i += IN_FLIGHT) await one(owners[i % owners.length]!);
  }));
  const seconds = (performance.now() - started) / 1000;
  client.close();
  return { queries, failures, seconds };
}

console.log(`bench:query — ${ROUNDS} × 2 phases of ${SECONDS} s, ${ACCOUNTS} accounts per phase, ${DRIVE.concurrency} concurrent broadcast_tx_sync${opts["tx-rate"] ? ` paced at ${opts["tx-rate"]} tx/s` : ""}, ${IN_FLIGHT} gRPC queries in flight; Node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`);
const seed = mnemonicToSeed(devnetMnemonic());
const keys = Array.from({ length: 2 * ROUNDS * ACCOUNTS }, (_, i) => {
  const priv = derivePrivateKey(seed, stratosHdPath(i));
  const pub = ethPublicKeyFromPrivateKey(priv);
  return { priv, pub, address: formatBech32Address(ethAddressFromPubKey(pub), BECH32_PREFIX.account) };
});
const appState = buildDevnetAppState(keys.map((k, index) => ({ index, hdPath: "", address: k.address })), { withNodes: false });
const phases = Array.from({ length: 2 * ROUNDS }, (_, p) => presign(keys.slice(p * ACCOUNTS, (p + 1) * ACCOUNTS), p * ACCOUNTS));
const devnet = await startBenchDevnet(appState, { grpc: true });
const totals = { quiet: { txs: 0, blocks: 0, seconds: 0 }, loud: { txs: 0, blocks: 0, seconds: 0 } };
let queries = 0;
let failures = 0;
let querySeconds = 0;
try {
  for (let p = 0; p < 2 * ROUNDS; p++) {
    const withQueries = p % 2 === 1;
    let endFlood!: () => void;
    const floodStop = new Promise<void>((r) => (endFlood = r));
    const flood = withQueries ? queryFlood(devnet.grpcAddress!, keys.map((k) => k.address), floodStop) : undefined;
    const r = await drive(withQueries ? "MsgSend load + gRPC Balance flood" : "MsgSend load, no queries", devnet.rpcUrl, phases[p]!, devnet.appMs, DRIVE);
    endFlood();
    print(r);
    const side = withQueries ? totals.loud : totals.quiet;
    side.txs += r.committed;
    side.blocks += r.blocks;
    side.seconds += r.seconds;
    if (flood) {
      const q = await flood;
      console.log(`  gRPC Balance: ${q.queries} in ${q.seconds.toFixed(1)} s = ${(q.queries / q.seconds).toFixed(0)} queries/s (${q.failures} failed)`);
      queries += q.queries;
      failures += q.failures;
      querySeconds += q.seconds;
    }
  }
  const bps = (t: typeof totals.quiet): number => t.blocks / t.seconds;
  const tps = (t: typeof totals.quiet): number => t.txs / t.seconds;
  const bpsChange = (bps(totals.loud) / bps(totals.quiet) - 1) * 100;
  const tpsChange = (tps(totals.loud) / tps(totals.quiet) - 1) * 100;
  const sign = (x: number): string => `${x >= 0 ? "+" : ""}${x.toFixed(1)} %`;
  console.log(`gRPC Balance queries: ${queries} in ${querySeconds.toFixed(1)} s = ${(queries / querySeconds).toFixed(0)} queries/s (${failures} failed)`);
  console.log(`blocks/s: ${bps(totals.quiet).toFixed(3)} without queries, ${bps(totals.loud).toFixed(3)} with (${sign(bpsChange)})`);
  console.log(`tx/s: ${tps(totals.quiet).toFixed(0)} without queries, ${tps(totals.loud).toFixed(0)} with (${sign(tpsChange)})`);
  console.log(`target: block production within 10 % — ${bpsChange >= -10 && tpsChange >= -10 ? "met" : "NOT met"}`);
} finally {
  await devnet.stop();
}
