/**
 * `npm run bench:query`: gRPC query throughput while the chain commits MsgSend load, and what the
 * queries cost block production.
 *
 * One devnet (gRPC on), two phases of the same length with the same MsgSend load (pre-signed txs over
 * `broadcast_tx_sync`, disjoint accounts per phase): first without queries, then with a flood of
 * gRPC `cosmos.bank.v1beta1.Query/Balance` calls (a fixed number in flight). Prints blocks per second,
 * committed tx/s and app time per block for both, the queries per second of the second, and the
 * change. Target: block production within 10 %.
 *
 *   npm run bench:query -- [--seconds 20] [--accounts 200] [--concurrency 24] [--in-flight 16]
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
import { type BenchKey, type RunResult, type SentTx, bodyOf, drive, print, signTx, startBenchDevnet } from "./devnetLoad.js";

const { values: opts } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    accounts: { type: "string", default: "200" },
    concurrency: { type: "string", default: "24" },
    "in-flight": { type: "string", default: "16" },
  },
  strict: true,
});
const SECONDS = Number(opts.seconds);
const ACCOUNTS = Number(opts.accounts);
const IN_FLIGHT = Number(opts["in-flight"]);
const DRIVE = { seconds: SECONDS, concurrency: Number(opts.concurrency) };
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

const blocksPerSecond = (r: RunResult): number => r.blocks / r.seconds;

console.log(`bench:query — ${SECONDS} s per phase, ${ACCOUNTS} accounts per phase, ${DRIVE.concurrency} concurrent broadcast_tx_sync, ${IN_FLIGHT} gRPC queries in flight; Node ${process.version}, ${os.cpus().length} cores`);
const seed = mnemonicToSeed(devnetMnemonic());
const keys = Array.from({ length: 2 * ACCOUNTS }, (_, i) => {
  const priv = derivePrivateKey(seed, stratosHdPath(i));
  const pub = ethPublicKeyFromPrivateKey(priv);
  return { priv, pub, address: formatBech32Address(ethAddressFromPubKey(pub), BECH32_PREFIX.account) };
});
const appState = buildDevnetAppState(keys.map((k, index) => ({ index, hdPath: "", address: k.address })), { withNodes: false });
const quiet = presign(keys.slice(0, ACCOUNTS), 0);
const loud = presign(keys.slice(ACCOUNTS), ACCOUNTS);
const devnet = await startBenchDevnet(appState, { grpc: true });
try {
  const base = await drive("MsgSend load, no queries", devnet.rpcUrl, quiet, devnet.appMs, DRIVE);
  print(base);
  let endFlood!: () => void;
  const floodStop = new Promise<void>((r) => (endFlood = r));
  const flood = queryFlood(devnet.grpcAddress!, keys.map((k) => k.address), floodStop);
  const withQueries = await drive("MsgSend load + gRPC Balance flood", devnet.rpcUrl, loud, devnet.appMs, DRIVE);
  endFlood();
  const q = await flood;
  print(withQueries);
  const bpsChange = (blocksPerSecond(withQueries) / blocksPerSecond(base) - 1) * 100;
  const tpsChange = (withQueries.tps / base.tps - 1) * 100;
  console.log(`gRPC Balance queries: ${q.queries} in ${q.seconds.toFixed(1)} s = ${(q.queries / q.seconds).toFixed(0)} queries/s (${q.failures} failed)`);
  console.log(`blocks/s: ${blocksPerSecond(base).toFixed(3)} without queries, ${blocksPerSecond(withQueries).toFixed(3)} with (${bpsChange >= 0 ? "+" : ""}${bpsChange.toFixed(1)} %)`);
  console.log(`tx/s: ${base.tps.toFixed(0)} without queries, ${withQueries.tps.toFixed(0)} with (${tpsChange >= 0 ? "+" : ""}${tpsChange.toFixed(1)} %)`);
  console.log(`target: block production within 10 % — ${Math.abs(bpsChange) <= 10 && tpsChange >= -10 ? "met" : "NOT met"}`);
} finally {
  await devnet.stop();
}
