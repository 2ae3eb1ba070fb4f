/**
 * `npm run bench:staking`: staking throughput and block costs.
 *
 * 1. MsgDelegate tx/s on a single-validator devnet: pre-signed MsgDelegates (eth_secp256k1,
 *    SIGN_MODE_DIRECT) from many genesis accounts to the devnet validator, broadcast with
 *    `broadcast_tx_sync` for a fixed time (the shared driver of bench:tps).
 * 2. In-process FinalizeBlock and EndBlock time with 100 and 1,000 validators × 10,000 delegations
 *    (max_validators 100), every bonded validator voting: an empty block (fee allocation and liveness
 *    over 100 votes, historical info, the set computation) and a block of MsgDelegates that change
 *    powers (updates for every touched validator in the set).
 *
 *   npm run bench:staking -- [--seconds 20] [--accounts 200] [--concurrency 32] [--skip-devnet] [--blocks 20] [--txs 100]
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { create, toBinary } from "@bufbuild/protobuf";
import { MsgDelegateSchema } from "../../app/codec/cosmos/staking/v1beta1/tx_pb.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../app/crypto/address.js";
import { ed25519Address, ed25519PublicKey } from "../../app/crypto/ed25519.js";
import { ethAddressFromPubKey, ethPublicKeyFromPrivateKey } from "../../app/crypto/ethSecp256k1.js";
import { derivePrivateKey, mnemonicToSeed, stratosHdPath } from "../../app/crypto/hd.js";
import { Dec } from "../../app/math/dec.js";
import { validatorJson } from "../../app/modules/staking/genesis.js";
import { BondStatus, type Validator } from "../../app/modules/staking/types.js";
import { buildDevnetAppState, devnetMnemonic } from "../../app/node/devnetGenesis.js";
import { devnetValidatorOperator } from "../../app/node/devnetKeys.js";
import { buildAppState } from "../../app/node/genesisBuilder.js";
import { TestApp } from "../../app/node/testApp.js";
import type { StratosKeepers } from "../../app/node/app.js";
import type { ModuleHooks } from "../../app/baseapp/block.js";
import { BlockIDFlag } from "cosmjs-types/tendermint/types/validator";
import { Context } from "../../app/baseapp/context.js";
import { EventManager } from "../../app/baseapp/events.js";
import { type BenchKey, type SentTx, bodyOf, drive, print, signTx, startBenchDevnet } from "./devnetLoad.js";

const { values: opts } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    accounts: { type: "string", default: "200" },
    concurrency: { type: "string", default: "32" },
    "skip-devnet": { type: "boolean", default: false },
    blocks: { type: "string", default: "20" },
    txs: { type: "string", default: "100" },
  },
  strict: true,
});

const STOS = 10n ** 18n;
const GAS_LIMIT = 300_000n;
const FEE = GAS_LIMIT * 1_000_000_000n;
const seed = mnemonicToSeed(devnetMnemonic());
const keyAt = (i: number): BenchKey => {
  const priv = derivePrivateKey(seed, stratosHdPath(i));
  const pub = ethPublicKeyFromPrivateKey(priv);
  return { priv, pub, address: formatBech32Address(ethAddressFromPubKey(pub), BECH32_PREFIX.account) };
};
const bech32Bytes = (address: string): Uint8Array => parseBech32Address(address, BECH32_PREFIX.account);
const valoperOf = (account: string): string => formatBech32Address(bech32Bytes(account), BECH32_PREFIX.validator);

const delegateBody = (delegator: string, validator: string, amount: bigint): Uint8Array =>
  bodyOf("/cosmos.staking.v1beta1.MsgDelegate", toBinary(MsgDelegateSchema, create(MsgDelegateSchema, {
    delegatorAddress: delegator, validatorAddress: validator, amount: { denom: "wei", amount: amount.toString() },
  })));

// ---- 1. MsgDelegate tx/s on a devnet ---------------------------------------------------------------

async function devnetDelegates(): Promise<void> {
  const accounts = Number(opts.accounts);
  const seconds = Number(opts.seconds);
  const perAccount = Math.ceil((2000 * seconds) / accounts);
  const keys = Array.from({ length: accounts }, (_, i) => keyAt(i));
  const appState = buildDevnetAppState(keys.map((k, index) => ({ index, hdPath: "", address: k.address })), { withNodes: false });
  const validator = valoperOf(devnetValidatorOperator().address);
  const t0 = performance.now();
  const txs: SentTx[][] = keys.map((k, i) => {
    const body = delegateBody(k.address, validator, 10n ** 15n);
    return Array.from({ length: perAccount }, (_, seq) => signTx(k, BigInt(i), BigInt(seq), body, GAS_LIMIT, FEE));
  });
  console.log(`pre-signed ${accounts * perAccount} MsgDelegate txs of ${txs[0]![0]!.bytes.length} bytes in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const devnet = await startBenchDevnet(appState);
  try {
    print(await drive("stratos-ts MsgDelegate (eth_secp256k1)", devnet.rpcUrl, txs, devnet.appMs, { seconds, concurrency: Number(opts.concurrency) }));
  } finally {
    await devnet.stop();
  }
}

// ---- 2. FinalizeBlock / EndBlock in-process --------------------------------------------------------

const DELEGATIONS = 10_000;
const MAX_VALIDATORS = 100;

/**
 * An exported-style staking genesis: `validators` validators (the top 100 Bonded, the others
 * Unbonded), 10,000 delegations spread over them by `delegators` accounts, pools funded to match.
 */
function bigGenesis(validators: number, delegators: readonly BenchKey[]): Record<string, unknown> {
  const perValidator = Math.ceil(DELEGATIONS / validators);
  const vals: Validator[] = [];
  const delegations: Array<{ delegator_address: string; validator_address: string; shares: string }> = [];
  let bonded = 0n;
  let notBonded = 0n;
  for (let v = 0; v < validators; v++) {
    const operator = keyAt(10_000 + v);
    const consensusPubKey = ed25519PublicKey(derivePrivateKey(seed, stratosHdPath(v, 3)));
    let tokens = 0n;
    for (let d = 0; d < perValidator && delegations.length < DELEGATIONS; d++) {
      // Earlier validators hold more, so the genesis bonded set (the first 100) is the top of the ranking.
      const amount = STOS + BigInt((validators - v) * 1_000 + d) * 10n ** 15n;
      tokens += amount;
      delegations.push({ delegator_address: delegators[(v * perValidator + d) % delegators.length]!.address, validator_address: valoperOf(operator.address), shares: Dec.fromInt(amount).toString() });
    }
    const status = v < MAX_VALIDATORS ? BondStatus.Bonded : BondStatus.Unbonded;
    if (status === BondStatus.Bonded) bonded += tokens;
    else notBonded += tokens;
    vals.push({
      operator: bech32Bytes(operator.address), consensusPubKey, consensusAddress: ed25519Address(consensusPubKey), jailed: false, status, tokens,
      delegatorShares: Dec.fromInt(tokens), description: { moniker: `v${v}`, identity: "", website: "", securityContact: "", details: "" },
      unbondingHeight: 0n, unbondingTime: 0n, commission: { rates: { rate: Dec.parse("0.1"), maxRate: Dec.parse("0.2"), maxChangeRate: Dec.parse("0.01") }, updateTime: 0n },
      minSelfDelegation: 1n, unbondingOnHoldRefCount: 0n, unbondingIds: [],
    });
  }
  const ranked = vals.filter((v) => v.status === BondStatus.Bonded);
  const powers = ranked.map((v) => ({ address: formatBech32Address(v.operator, BECH32_PREFIX.validator), power: (v.tokens / 10n ** 15n).toString() }));
  const state = buildAppState({
    accounts: delegators.map((k) => ({ address: k.address, balance: 1_000_000n * STOS })),
    moduleBalances: { bonded_tokens_pool: bonded, not_bonded_tokens_pool: notBonded },
    validatorOperator: null,
  });
  const staking = state["staking"] as Record<string, unknown>;
  return {
    ...state,
    staking: {
      ...staking,
      last_total_power: powers.reduce((n, p) => n + BigInt(p.power), 0n).toString(),
      last_validator_powers: powers,
      validators: vals.map(validatorJson),
      delegations,
      exported: true,
    },
  };
}

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function inProcess(validators: number): Promise<void> {
  const delegators = Array.from({ length: 200 }, (_, i) => keyAt(20_000 + i));
  const t0 = performance.now();
  const appState = bigGenesis(validators, delegators);
  // The exported-style genesis has no distribution records or signing infos (an export would carry
  // them): the staking hooks make them after InitGenesis, as if each validator and delegation had been
  // created by a tx and the bonded ones bonded.
  // Crisis asserts before that step runs, so its genesis check is skipped here.
  const stakingState = appState["staking"] as { delegations: Array<{ delegator_address: string; validator_address: string }>; validators: Array<{ operator_address: string }> };
  const valBytes = (valoper: string): Uint8Array => parseBech32Address(valoper, BECH32_PREFIX.validator);
  const distributionRecords = (keepers: StratosKeepers): ModuleHooks => ({
    name: "bench_distribution_records",
    initGenesis(ctx) {
      for (const v of stakingState.validators) {
        const operator = valBytes(v.operator_address);
        keepers.staking.hooks.afterValidatorCreated(ctx, operator);
        const validator = keepers.staking.validator(ctx, operator);
        if (validator?.status === BondStatus.Bonded) keepers.staking.hooks.afterValidatorBonded(ctx, validator.consensusAddress, operator);
      }
      for (const d of stakingState.delegations) {
        keepers.staking.hooks.beforeDelegationCreated(ctx, bech32Bytes(d.delegator_address), valBytes(d.validator_address));
        keepers.staking.hooks.afterDelegationModified(ctx, bech32Bytes(d.delegator_address), valBytes(d.validator_address));
      }
    },
  });
  const app = await TestApp.create({
    appState, genesisSeconds: 1_700_000_000n, extraModules: (keepers) => [distributionRecords(keepers)], app: { skipGenesisInvariants: true },
  });
  // Every bonded validator signs every block: distribution's allocation and slashing's liveness run over them.
  const votes = app.genesisValidators.map((u) => ({ validator: { address: ed25519Address(u.pubKey!.ed25519!), power: u.power }, blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT }));
  const initMs = performance.now() - t0;
  const blocks = Number(opts.blocks);
  const perBlock = Number(opts.txs);
  let seconds = 1_700_000_100n;
  let height = app.nextHeight;
  const sequences = new Map<number, bigint>();
  const finalize = (txs: Uint8Array[]) => {
    const [res, ms] = timed(() => app.parts.app.finalizeBlock({
      txs, decidedLastCommit: { round: 0, votes }, misbehavior: [], hash: new Uint8Array(32), height, time: { seconds, nanos: 0 },
      nextValidatorsHash: new Uint8Array(32), proposerAddress: new Uint8Array(20),
    }));
    height++;
    seconds += 5n;
    return { res, ms };
  };
  const empty: number[] = [];
  const endBlock: number[] = [];
  const full: number[] = [];
  let updates = 0;
  let failed = 0;
  const stakingModule = app.parts.keepers.staking;
  for (let b = 0; b < blocks; b++) {
    const { ms } = finalize([]);
    await app.parts.app.commit();
    empty.push(ms);
    // The set computation over the ranking, on a throw-away branch of the committed state.
    const branch = app.parts.store.committed().branch();
    const ctx = Context.forBlock(branch, { chainId: "bench", height: BigInt(height), time: { seconds, nanos: 0 }, proposerAddress: new Uint8Array(20) }, "finalize", new EventManager());
    endBlock.push(timed(() => stakingModule.applyAndReturnValidatorSetUpdates(ctx))[1]);
  }
  for (let b = 0; b < blocks; b++) {
    const txs = Array.from({ length: perBlock }, (_, i) => {
      const who = (b * perBlock + i) % delegators.length;
      const k = delegators[who]!;
      const seq = sequences.get(who) ?? 0n;
      sequences.set(who, seq + 1n);
      const target = valoperOf(keyAt(10_000 + ((b * perBlock + i) % Math.min(validators, MAX_VALIDATORS))).address);
      return signTx(k, BigInt(who), seq, delegateBody(k.address, target, STOS), GAS_LIMIT, FEE).bytes;
    });
    // Signed for the devnet chain id, which is TestApp's.
    const { res, ms } = finalize(txs);
    await app.parts.app.commit();
    full.push(ms);
    updates += res.validatorUpdates.length;
    failed += res.txResults.filter((r) => r.code !== 0).length;
  }
  await app.close();
  console.log(
    `${String(validators).padStart(5)} validators × ${DELEGATIONS} delegations: InitChain ${initMs.toFixed(0)} ms; ` +
      `empty block ${median(empty).toFixed(2)} ms, EndBlock set computation ${median(endBlock).toFixed(2)} ms, ` +
      `block of ${perBlock} MsgDelegate ${median(full).toFixed(1)} ms (${((perBlock * 1000) / median(full)).toFixed(0)} tx/s in FinalizeBlock, ` +
      `${(updates / blocks).toFixed(0)} updates/block${failed ? `, ${failed} txs FAILED` : ""}) — medians of ${blocks} blocks`,
  );
}

console.log(`bench:staking — Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"})`);
if (!opts["skip-devnet"]) await devnetDelegates();
for (const n of [100, 1000]) await inProcess(n);
