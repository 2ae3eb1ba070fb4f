/**
 * `npm run bench:register`: committed register txs per second on a single-validator devnet, beside
 * MsgSend's from the same run. Three phases on one devnet, each driven like `bench:tps`
 * (pre-signed eth_secp256k1 SIGN_MODE_DIRECT txs, `broadcast_tx_sync` from many accounts, committed txs
 * counted from the blocks):
 *
 *   1. MsgSend — a short reference phase (`--send-seconds`);
 *   2. MsgCreateResourceNode — many owners, each registering one node with a fresh ed25519 key
 *      (1 STOS deposit, node type 4);
 *   3. MsgUpdateEffectiveDeposit — the owners of `--meta-nodes` genesis meta nodes re-weight the nodes
 *      phase 2 committed (each tx moves S and Lt).
 *
 * Keys are deterministic (no HD derivation, to keep set-up short): owner i's secp256k1 key is
 * SHA-256("bench-register/owner/" ‖ i), node i's ed25519 seed SHA-256("bench-register/node/" ‖ i); the
 * MsgSend accounts and meta-node owners likewise under their own labels.
 *
 *   npm run bench:register -- [--seconds 15] [--send-seconds 10] [--meta-nodes 100] [--send-accounts 400] [--concurrency 48]
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { create, toBinary } from "@bufbuild/protobuf";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { PubKeySchema as Ed25519PubKeySchema } from "../../app/codec/cosmos/crypto/ed25519/keys_pb.js";
import { MsgCreateResourceNodeSchema, MsgUpdateEffectiveDepositSchema } from "../../app/codec/stratos/register/v1/tx_pb.js";
import { BECH32_PREFIX, formatBech32Address } from "../../app/crypto/address.js";
import { ed25519PublicKey } from "../../app/crypto/ed25519.js";
import { ethAddressFromPubKey, ethPublicKeyFromPrivateKey } from "../../app/crypto/ethSecp256k1.js";
import { sha256 } from "../../app/crypto/hash.js";
import { sdsAddressOfPubKey } from "../../app/crypto/sdsKeys.js";
import { buildAppState, type GenesisNode } from "../../app/node/genesisBuilder.js";
import { type BenchKey, type RunResult, type SentTx, bodyOf, drive, print, signTx, startBenchDevnet } from "./devnetLoad.js";

const { values: opts } = parseArgs({
  options: {
    seconds: { type: "string", default: "15" },
    "send-seconds": { type: "string", default: "10" },
    "meta-nodes": { type: "string", default: "100" },
    "send-accounts": { type: "string", default: "400" },
    concurrency: { type: "string", default: "48" },
    /** Txs pre-signed per second of a register phase (the ceiling the phase can show). */
    "max-rate": { type: "string", default: "2000" },
  },
  strict: true,
});
const SECONDS = Number(opts.seconds);
const SEND_SECONDS = Number(opts["send-seconds"]);
const META_NODES = Number(opts["meta-nodes"]);
const SEND_ACCOUNTS = Number(opts["send-accounts"]);
const CONCURRENCY = Number(opts.concurrency);
const MAX_RATE = Number(opts["max-rate"]);
const OWNERS = MAX_RATE * SECONDS;

const STOS = 10n ** 18n;
const GAS_PRICE = 1_000_000_000n;
const SEND_GAS = 200_000n;
const REGISTER_GAS = 300_000n;

interface NodeKey {
  readonly publicKey: Uint8Array;
  readonly networkAddress: string;
}

const labelled = (label: string, i: number): Uint8Array => sha256(new TextEncoder().encode(`bench-register/${label}/${i}`));

function accountKey(label: string, i: number): BenchKey {
  const priv = labelled(label, i);
  const pub = ethPublicKeyFromPrivateKey(priv);
  return { priv, pub, address: formatBech32Address(ethAddressFromPubKey(pub), BECH32_PREFIX.account) };
}

function nodeKey(label: string, i: number): NodeKey {
  const publicKey = ed25519PublicKey(labelled(label, i));
  return { publicKey, networkAddress: sdsAddressOfPubKey(publicKey) };
}

const seconds = (from: number): string => ((performance.now() - from) / 1000).toFixed(1);

const t0 = performance.now();
console.log(
  `bench:register — ${CONCURRENCY} concurrent broadcast_tx_sync; MsgSend ${SEND_SECONDS} s, register phases ${SECONDS} s each; ` +
    `Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"})`,
);
const senders = Array.from({ length: SEND_ACCOUNTS }, (_, i) => accountKey("sender", i));
const metaOwners = Array.from({ length: META_NODES }, (_, i) => accountKey("meta-owner", i));
const metaNodes = Array.from({ length: META_NODES }, (_, i) => nodeKey("meta-node", i));
const owners = Array.from({ length: OWNERS }, (_, i) => accountKey("owner", i));
const nodes = Array.from({ length: OWNERS }, (_, i) => nodeKey("node", i));
console.log(`derived ${SEND_ACCOUNTS + META_NODES + OWNERS} account keys and ${META_NODES + OWNERS} node keys in ${seconds(t0)} s`);

// Genesis: account numbers follow this order (senders, meta owners, owners). A fresh start: the meta
// nodes' deposits move from their owners into the bonded pool, S and Lt start from them.
const accounts = [
  ...senders.map((k) => ({ address: k.address, balance: 1_000_000n * STOS })),
  ...metaOwners.map((k) => ({ address: k.address, balance: 1_000n * STOS })),
  ...owners.map((k) => ({ address: k.address, balance: 2n * STOS })),
];
const accountNumber = new Map(accounts.map((a, i) => [a.address, BigInt(i)]));
const genesisMetaNodes = metaNodes.map((n, i): GenesisNode => ({
  kind: "meta", ownerAddress: metaOwners[i]!.address, pubKey: n.publicKey, tokens: 100n * STOS, moniker: `bench-meta-${i}`,
}));
const appState = buildAppState({ accounts, nodes: genesisMetaNodes });

/** Pre-signs `perAccount` txs per key (sequences 0…n−1); `body(keyIndex, sequence)` builds each TxBody. */
function presign(keys: readonly BenchKey[], perAccount: number, gas: bigint, body: (i: number, seq: number) => Uint8Array): SentTx[][] {
  return keys.map((k, i) =>
    Array.from({ length: perAccount }, (_, seq) => signTx(k, accountNumber.get(k.address)!, BigInt(seq), body(i, seq), gas, gas * GAS_PRICE)),
  );
}

const t1 = performance.now();
const sendBodies = senders.map((k, i) =>
  bodyOf("/cosmos.bank.v1beta1.MsgSend", MsgSend.encode({ fromAddress: k.address, toAddress: senders[(i + 1) % senders.length]!.address, amount: [{ denom: "wei", amount: "1" }] }).finish()),
);
const sends = presign(senders, Math.ceil((3000 * SEND_SECONDS) / SEND_ACCOUNTS), SEND_GAS, (i) => sendBodies[i]!);
const creates = presign(owners, 1, REGISTER_GAS, (i) =>
  bodyOf(
    `/${MsgCreateResourceNodeSchema.typeName}`,
    toBinary(MsgCreateResourceNodeSchema, create(MsgCreateResourceNodeSchema, {
      networkAddress: nodes[i]!.networkAddress,
      pubkey: { typeUrl: `/${Ed25519PubKeySchema.typeName}`, value: toBinary(Ed25519PubKeySchema, create(Ed25519PubKeySchema, { key: nodes[i]!.publicKey })) },
      value: { denom: "wei", amount: STOS.toString() },
      ownerAddress: owners[i]!.address,
      description: { moniker: `bench-node-${i}` },
      nodeType: 4,
    })),
  ),
);
console.log(`pre-signed ${sends.flat().length} MsgSend and ${creates.length} MsgCreateResourceNode txs in ${seconds(t1)} s`);

const results: Array<readonly [string, RunResult]> = [];
const devnet = await startBenchDevnet(appState);
try {
  const phase = async (label: string, txs: SentTx[][], runSeconds: number): Promise<RunResult> => {
    const r = await drive(`stratos-ts (${label})`, devnet.rpcUrl, txs, devnet.appMs, { seconds: runSeconds, concurrency: CONCURRENCY });
    print(r);
    results.push([label, r]);
    return r;
  };
  await phase("MsgSend", sends, SEND_SECONDS);
  const created = await phase("MsgCreateResourceNode", creates, SECONDS);

  // Phase 3 re-weights the nodes phase 2 committed: meta owner m's j-th tx names node (j·M + m) mod n
  // with an effective deposit that changes every time (≤ the 1 STOS deposit).
  const live = nodes.filter((_, i) => created.included.has(creates[i]![0]!.hash));
  if (live.length === 0) throw new Error("no MsgCreateResourceNode was committed");
  const t2 = performance.now();
  const perMeta = Math.ceil((MAX_RATE * SECONDS) / META_NODES);
  const updates = presign(metaOwners, perMeta, REGISTER_GAS, (m, j) =>
    bodyOf(
      `/${MsgUpdateEffectiveDepositSchema.typeName}`,
      toBinary(MsgUpdateEffectiveDepositSchema, create(MsgUpdateEffectiveDepositSchema, {
        reporters: [metaNodes[m]!.networkAddress],
        reporterOwner: [metaOwners[m]!.address],
        networkAddress: live[(j * META_NODES + m) % live.length]!.networkAddress,
        effectiveTokens: (STOS - BigInt((j * 7 + m) % 1000) * 10n ** 12n).toString(),
      })),
    ),
  );
  console.log(`pre-signed ${updates.flat().length} MsgUpdateEffectiveDeposit txs for ${live.length} nodes in ${seconds(t2)} s`);
  await phase("MsgUpdateEffectiveDeposit", updates, SECONDS);
} finally {
  await devnet.stop();
}

console.log("\ncommitted tx/s (same devnet, same load shape):");
for (const [label, r] of results) console.log(`  ${label.padEnd(26)} ${r.tps.toFixed(0).padStart(6)} tx/s  (${r.committed} txs, ${r.rejected} rejected at CheckTx)`);
