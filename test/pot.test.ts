/**
 * The pot module through real signed transactions (stock CosmJS, eth_secp256k1, SIGN_MODE_DIRECT) on
 * real devnets (CometBFT 0.38 + the app): spec-pot §11 TV1, TV4, TV5 and TV6. The same vectors run
 * in-process in app/modules/pot/spec.vectors.test.ts. Every number is copied from the spec or summed
 * from its table rows; none is recomputed by the module.
 *
 * Genesis (all three devnets): TV1's — 5 bonded resource nodes and 3 bonded meta nodes with 1 STOS
 * each on a fresh start (the owners pay at InitGenesis: S = 8e18, Lt = 8e12), FOUNDER (40 000 001
 * STOS) and TARGET (no coins). pot's `initial_total_supply` is the genesis supply, so nothing is minted
 * at block 1 and the community pool starts empty. Then, through CosmJS: MsgFoundationDeposit of
 * 40 000 000 STOS and sds MsgPrepay of 20 STOS (Pt = 20 STOS, Lt = 2 285 714 285 715).
 *
 * TV1, TV4 and TV5 each start from that post-prepay state and each changes S, Pt or Lt, so each has its
 * own chain; the three devnets start in parallel:
 *   A — default params (mature_epoch 2016): TV1 epochs 1 and 2, then TV6 in the reference mode;
 *   B — mature_epoch 1: TV4;
 *   C — require_registered_bls_keys: TV6's hardened mode (MsgSetMetaNodeBlsKey, duplicate key 38),
 *       then TV5 (its report signed by the registered keys).
 * Blocks every ~300 ms (timeout_commit override): nothing in pot depends on block time.
 *
 * Owner wallet of X = the devnet mnemonic's eth_secp256k1 key at HD index i, P2P key = devnetNodeKey(i):
 * RES1…RES5 = 101…105, META1…META3 = 111…113, FOUNDER = 120, TARGET = 121. BLS keys of META1…META3:
 * the TV6 seeds 32×0x11, 32×0x22, 32×0x33. Reports are BLS-signed with the project's BLS code
 * (app/crypto/bls) over txData = Keccak-256 of the sign bytes (app/modules/pot/logic/volumeReportSignBytes.ts,
 * cross-checked against protobuf-es's encoding of the message with an empty BLSSignatureInfo).
 *
 * Store records are compared with test/helpers/potRecords.ts (an encoder written from spec §2.1);
 * events of the report txs byte for byte as CometBFT's RPC serves them (index flags included);
 * `/app/invariants` (pot's included) is null at every height of every devnet.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create, fromBinary, toBinary, type DescMessage, type MessageInitShape, type MessageShape } from "@bufbuild/protobuf";
import { keccak_256 } from "@noble/hashes/sha3.js";
import type { DirectEthSecp256k1HdWallet, EncodeObject } from "@cosmjs/proto-signing";
import type { SigningStargateClient } from "@cosmjs/stargate";
import type { Comet38Client } from "@cosmjs/tendermint-rpc";
import { fromBech32, toBech32, toHex } from "@cosmjs/encoding";
import {
  QueryCommunityPoolRequest, QueryCommunityPoolResponse, QueryValidatorCommissionRequest, QueryValidatorCommissionResponse,
  QueryValidatorOutstandingRewardsRequest, QueryValidatorOutstandingRewardsResponse,
} from "cosmjs-types/cosmos/distribution/v1beta1/query";
import { connectStratos, stratosWallet } from "../app/client/index.js";
import { buildAppState, type GenesisNode } from "../app/node/genesisBuilder.js";
import { devnetAccount, devnetMnemonic, devnetNodeKey } from "../app/node/devnetGenesis.js";
import { devnetValidatorOperator } from "../app/node/devnetKeys.js";
import { mnemonicToSeed } from "../app/crypto/hd.js";
import { blsAggregateSignatures, blsKeyFromSecret, blsPublicKey, blsSign, type BlsSecretKey } from "../app/crypto/bls/index.js";
import { toGoProtoJson } from "../app/baseapp/protoJson.js";
import { MsgVolumeReportSchema } from "../app/codec/stratos/pot/v1/tx_pb.js";
import {
  QueryMetaNodeBlsKeyRequestSchema, QueryMetaNodeBlsKeyResponseSchema, QueryRewardBreakdownRequestSchema, QueryRewardBreakdownResponseSchema,
  QueryRewardsByEpochRequestSchema, QueryRewardsByEpochResponseSchema, QueryRewardsByWalletAndEpochRequestSchema,
  QueryRewardsByWalletAndEpochResponseSchema, QueryRewardsByWalletRequestSchema, QueryRewardsByWalletResponseSchema,
  QuerySlashingByOwnerRequestSchema, QuerySlashingByOwnerResponseSchema, QueryTotalMinedTokenRequestSchema,
  QueryTotalMinedTokenResponseSchema, QueryTotalRewardByEpochRequestSchema, QueryTotalRewardByEpochResponseSchema,
  QueryVolumeReportRequestSchema, QueryVolumeReportResponseSchema,
} from "../app/codec/stratos/pot/v1/query_pb.js";
import { QueryResourceNodeRequestSchema, QueryResourceNodeResponseSchema } from "../app/codec/stratos/register/v1/query_pb.js";
import { volumeReportTxData } from "../app/modules/pot/logic/volumeReportSignBytes.js";
import { blsProofOfPossessionMessage } from "../app/modules/pot/msgs/setMetaNodeBlsKey.js";
import { createTestDevnet, waitForHeight, type TestDevnet } from "./helpers/devnet.js";
import { TxSender, type TxOutcome } from "./helpers/txSender.js";
import { balanceAt, checkInvariants, invariantsAt, moduleAccount, queryValue, storeValue, verifiedStoreValue } from "./helpers/abciQuery.js";
import { REGISTER_KEY, lpInt } from "./helpers/registerRecords.js";
import { POT_KEY, coinValue, coinsValue, rewardValue, totalRewardValue, volumeReportRecordValue, wei } from "./helpers/potRecords.js";
import { rpcTxEvents, type RpcEvent } from "./helpers/rpcTxEvents.js";

const STOS = 10n ** 18n;
const GAS = 300_000n;
const REPORT_GAS = 600_000n;
const BLOCK_TIME = "300ms";

const INDEX = { RES1: 101, RES2: 102, RES3: 103, RES4: 104, RES5: 105, META1: 111, META2: 112, META3: 113, FOUNDER: 120, TARGET: 121 } as const;
type Actor = keyof typeof INDEX;
const RES = ["RES1", "RES2", "RES3", "RES4", "RES5"] as const;
const METAS = ["META1", "META2", "META3"] as const;
type Meta = (typeof METAS)[number];

const seed = mnemonicToSeed(devnetMnemonic());
const own = Object.fromEntries(Object.entries(INDEX).map(([n, i]) => [n, devnetAccount(i, seed).address])) as Record<Actor, string>;
const nodeKey = (a: Actor) => devnetNodeKey(INDEX[a], seed);
const net = (a: Actor): string => nodeKey(a).networkAddress;

const BLS: Record<Meta, BlsSecretKey> = {
  META1: blsKeyFromSecret(new Uint8Array(32).fill(0x11)),
  META2: blsKeyFromSecret(new Uint8Array(32).fill(0x22)),
  META3: blsKeyFromSecret(new Uint8Array(32).fill(0x33)),
};
const PK = { META1: blsPublicKey(BLS.META1), META2: blsPublicKey(BLS.META2), META3: blsPublicKey(BLS.META3) };
/** spec-pot §11.6: the compressed public keys of the three seeds. */
const TV6_PUBKEYS = {
  META1: "08a903f8419e4474a117b47c410a80364b9bce0cbc5674c8562e361659e11c9000",
  META2: "04e1b984f0869b2ca7a5c21bb22b7dba01ff88798d8bfbaf9259beadc678103c00",
  META3: "bfe7b9430e94c011bdc0e0a5f0c9425e420520528524b086711ca0f087ffd58f01",
};
/** TV6's wallets 20×0x01 and 20×0x02: no node is theirs (the chain does not check, §1). */
const TV6_W1 = "st1qyqszqgpqyqszqgpqyqszqgpqyqszqgpw74vvp";
const TV6_W2 = "st1qgpqyqszqgpqyqszqgpqyqszqgpqyqszl6nf8h";

const POOL = {
  foundation: moduleAccount("foundation_account"),
  feeCollector: moduleAccount("fee_collector"),
  rewardPool: moduleAccount("total_reward_pool"),
  prepay: moduleAccount("total_unissued_prepay"),
  distribution: moduleAccount("distribution"),
} as const;
type PoolName = keyof typeof POOL;

function genesis(potParams: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const resources = RES.map((a, i): GenesisNode => ({ kind: "resource", ownerAddress: own[a], pubKey: nodeKey(a).publicKey, tokens: STOS, moniker: `res${i + 1}`, nodeType: 4 }));
  const metas = METAS.map((a, i): GenesisNode => ({ kind: "meta", ownerAddress: own[a], pubKey: nodeKey(a).publicKey, tokens: STOS, moniker: `meta${i + 1}` }));
  const balance = (a: Actor): bigint => (a === "FOUNDER" ? 40_000_001n * STOS : a === "TARGET" ? 0n : 100n * STOS);
  return buildAppState({
    accounts: (Object.keys(INDEX) as Actor[]).map((a) => ({ address: own[a], balance: balance(a) })),
    nodes: [...resources, ...metas],
    pot: { params: potParams },
  });
}

// ---- messages (CosmJS EncodeObjects, camelCase values) ---------------------------------------

const P = "/stratos.pot.v1.";
const coin = (amount: bigint) => ({ denom: "wei", amount: amount.toString() });
const foundationDeposit = (from: Actor, amount: bigint): EncodeObject => ({ typeUrl: `${P}MsgFoundationDeposit`, value: { from: own[from], amount: [coin(amount)] } });
const prepay = (a: Actor, amount: bigint): EncodeObject => ({ typeUrl: "/stratos.sds.v1.MsgPrepay", value: { sender: own[a], beneficiary: own[a], amount: [coin(amount)] } });
const withdraw = (a: Actor, amount: bigint, target: string): EncodeObject => ({
  typeUrl: `${P}MsgWithdraw`, value: { walletAddress: own[a], targetAddress: target, amount: [coin(amount)] },
});
const slashing = (reporter: Meta, node: Actor, noz: bigint, suspend: boolean): EncodeObject => ({
  typeUrl: `${P}MsgSlashingResourceNode`,
  value: { reporters: [net(reporter)], reporterOwner: [own[reporter]], networkAddress: net(node), walletAddress: own[node], slashing: noz.toString(), suspend },
});
/** MsgSetMetaNodeBlsKey with a proof of possession over the node's own network address. */
function setBlsKey(m: Meta): EncodeObject {
  const pubKey = PK[m];
  const pop = blsSign(BLS[m], blsProofOfPossessionMessage(fromBech32(net(m), 1023).data, pubKey));
  return { typeUrl: `${P}MsgSetMetaNodeBlsKey`, value: { networkAddress: net(m), ownerAddress: own[m], pubKey, proofOfPossession: pop } };
}

interface ReportSpec {
  readonly epoch: bigint;
  /** (wallet, volume) in message order. */
  readonly volumes: ReadonlyArray<readonly [string, bigint]>;
  /** Who signs (default META1…META3); their public keys are listed in this order. */
  readonly signers?: readonly Meta[];
  /** Overrides of the BLSSignatureInfo fields, applied after signing. */
  readonly pubKeys?: readonly Uint8Array[];
  readonly signature?: Uint8Array;
  readonly txData?: Uint8Array;
}

/**
 * A MsgVolumeReport by META1 (reporter and reporter_owner), as the meta nodes sign it (spec-pot §4.1.1,
 * spec-sds-clients §7.2): txData = Keccak-256(sign bytes), signature = Σ sk_i·H(txData).
 */
function report(r: ReportSpec): EncodeObject {
  const fields = {
    walletVolumes: r.volumes.map(([walletAddress, volume]) => ({ walletAddress, volume: volume.toString() })),
    reporter: net("META1"),
    epoch: r.epoch.toString(),
    reportReference: `ref-${r.epoch}`,
    reporterOwner: own.META1,
  };
  const txData = txDataOf(r.epoch, r.volumes);
  const signers = r.signers ?? METAS;
  return {
    typeUrl: `${P}MsgVolumeReport`,
    value: {
      ...fields,
      BLSSignature: {
        pubKeys: [...(r.pubKeys ?? signers.map((m) => PK[m]))],
        signature: r.signature ?? blsAggregateSignatures(signers.map((m) => blsSign(BLS[m], txData))),
        txData: r.txData ?? txData,
      },
    },
  };
}

/** txData of META1's report; checked against a second encoder (protobuf-es, empty BLSSignatureInfo). */
function txDataOf(epoch: bigint, volumes: ReadonlyArray<readonly [string, bigint]>): Uint8Array {
  const walletVolumes = volumes.map(([walletAddress, volume]) => ({ walletAddress, volume }));
  const txData = volumeReportTxData({ walletVolumes, reporter: net("META1"), epoch, reportReference: `ref-${epoch}`, reporterOwner: own.META1 });
  const viaSchema = keccak_256(toBinary(MsgVolumeReportSchema, create(MsgVolumeReportSchema, {
    walletVolumes: volumes.map(([walletAddress, volume]) => ({ walletAddress, volume: volume.toString() })),
    reporter: net("META1"), epoch: epoch.toString(), reportReference: `ref-${epoch}`, reporterOwner: own.META1, BLSSignature: {},
  })));
  if (toHex(viaSchema) !== toHex(txData)) throw new Error(`txData of epoch ${epoch}: the two encoders differ`);
  return txData;
}

/** TV1's report: RES1 50 000, RES2 30 000, RES3 20 000 (Y = 100 000). */
const TV1_VOLUMES: ReadonlyArray<readonly [string, bigint]> = [[own.RES1, 50_000n], [own.RES2, 30_000n], [own.RES3, 20_000n]];

// ---- one devnet and its views ----------------------------------------------------------------

class PotNet {
  /** Highest height whose invariants were checked. */
  checked = 0;

  private constructor(
    readonly name: string,
    readonly testnet: TestDevnet,
    readonly comet: Comet38Client,
    readonly client: SigningStargateClient,
    readonly sender: TxSender,
  ) {}

  static async start(name: string, potParams: Readonly<Record<string, unknown>>): Promise<PotNet> {
    const testnet = await createTestDevnet({ appState: genesis(potParams), configOverrides: `[consensus]\ntimeout_commit = "${BLOCK_TIME}"` });
    try {
      await testnet.devnet.start();
      const comet = await testnet.client();
      await waitForHeight(comet, 2);
      const wallet = (await stratosWallet(devnetMnemonic(), { indexes: Object.values(INDEX) })) as DirectEthSecp256k1HdWallet;
      const client = await connectStratos(testnet.devnet.rpcUrl, wallet, { broadcastPollIntervalMs: 150 });
      return new PotNet(name, testnet, comet, client, await TxSender.create(wallet, comet, client));
    } catch (e) {
      await testnet.cleanup();
      throw e;
    }
  }

  async stop(): Promise<void> {
    this.client.disconnect();
    await this.testnet.cleanup();
  }

  async latest(): Promise<number> {
    return (await this.comet.status()).syncInfo.latestBlockHeight;
  }

  async query<I extends DescMessage, O extends DescMessage>(method: string, req: I, init: MessageInitShape<I>, res: O, height: number): Promise<MessageShape<O>> {
    return fromBinary(res, await queryValue(this.comet, `/stratos.pot.v1.Query/${method}`, toBinary(req, create(req, init)), height));
  }

  /** A pot query's answer as the gateway's JSON (Go jsonpb: proto names, defaults emitted). */
  async json<I extends DescMessage, O extends DescMessage>(method: string, req: I, init: MessageInitShape<I>, res: O, height: number): Promise<string> {
    return JSON.stringify(toGoProtoJson(res, await this.query(method, req, init, res, height)));
  }

  balance(address: string, height: number): Promise<bigint> {
    return balanceAt(this.comet, address, height);
  }

  async pools(height: number): Promise<Record<PoolName, bigint>> {
    const entries = await Promise.all((Object.keys(POOL) as PoolName[]).map(async (p) => [p, await this.balance(POOL[p], height)] as const));
    return Object.fromEntries(entries) as Record<PoolName, bigint>;
  }

  /** The community pool record's wei amount as the Dec's raw text (value × 10^18), "0" when empty. */
  async communityPool(height: number): Promise<bigint> {
    const value = await queryValue(this.comet, "/cosmos.distribution.v1beta1.Query/CommunityPool", QueryCommunityPoolRequest.encode({}).finish(), height);
    return BigInt(QueryCommunityPoolResponse.decode(value).pool.find((c) => c.denom === "wei")?.amount ?? "0");
  }

  /** The devnet validator's outstanding rewards and commission, wei as Dec raw text (value × 10^18). */
  async validatorRewards(height: number): Promise<{ outstanding: bigint; commission: bigint }> {
    const validatorAddress = toBech32("stvaloper", fromBech32(devnetValidatorOperator().address, 90).data);
    const o = await queryValue(this.comet, "/cosmos.distribution.v1beta1.Query/ValidatorOutstandingRewards", QueryValidatorOutstandingRewardsRequest.encode({ validatorAddress }).finish(), height);
    const c = await queryValue(this.comet, "/cosmos.distribution.v1beta1.Query/ValidatorCommission", QueryValidatorCommissionRequest.encode({ validatorAddress }).finish(), height);
    const wei = (coins: readonly { denom: string; amount: string }[] | undefined): bigint => BigInt(coins?.find((x) => x.denom === "wei")?.amount ?? "0");
    return {
      outstanding: wei(QueryValidatorOutstandingRewardsResponse.decode(o).rewards?.rewards),
      commission: wei(QueryValidatorCommissionResponse.decode(c).commission?.commission),
    };
  }

  async pot(key: Uint8Array, height: number): Promise<string> {
    return toHex(await storeValue(this.comet, "pot", key, height));
  }

  async register(key: Uint8Array, height: number): Promise<string> {
    return toHex(await storeValue(this.comet, "register", key, height));
  }

  /** Submits each (signer, msgs, gas) in order (CheckTx answers before the next), then waits for all. */
  async block(...txs: ReadonlyArray<readonly [Actor, readonly EncodeObject[], bigint?]>): Promise<TxOutcome[]> {
    const pending = [];
    for (const [signer, msgs, gas] of txs) pending.push(await this.sender.submit(own[signer], msgs, gas ?? GAS));
    return Promise.all(pending.map((p) => this.sender.wait(p)));
  }

  async send(signer: Actor, msgs: readonly EncodeObject[], gas?: bigint): Promise<TxOutcome> {
    const [out] = await this.block([signer, msgs, gas]);
    return out!;
  }

  /** `/app/invariants` has no broken entry at any height up to the latest. */
  async checkInvariants(): Promise<void> {
    this.checked = await checkInvariants(this.comet, this.checked, await this.latest());
  }

  events(hash: string): Promise<RpcEvent[]> {
    return rpcTxEvents(this.testnet.devnet.rpcUrl, hash);
  }
}

// ---- expectations ----------------------------------------------------------------------------

const q = (s: string): string => JSON.stringify(s);
const hex = (b: Uint8Array): string => toHex(b);
const FAILED = "failed to execute message; message index: 0: ";

function expectOk(...outs: readonly TxOutcome[]): void {
  for (const o of outs) expect(o.code === 0 ? 0 : `${o.phase} ${o.codespace}/${o.code}: ${o.log}`).toBe(0);
}

/** A handler failure: in a block, the reference's codespace, code and log; no module event. */
function expectDeliverFailure(o: TxOutcome, codespace: string, code: number, text: string): void {
  expect([o.phase, o.codespace, o.code, o.log]).toEqual(["deliver", codespace, code, `${FAILED}${text}`]);
  expect(o.events.filter((e) => e.type.startsWith("stratos.") || (e.type === "message" && e.attributes[0]?.key === "action"))).toEqual([]);
}

const ev = (type: string, ...attributes: ReadonlyArray<readonly [string, string]>): RpcEvent => ({
  type, attributes: attributes.map(([key, value]) => ({ key, value, index: true })),
});
/** A typed event: keys sorted, values JSON-quoted (spec-pot §0). */
const typed = (type: string, fields: Record<string, string>): RpcEvent =>
  ev(`stratos.pot.v1.${type}`, ...Object.keys(fields).sort().map((k) => [k, q(fields[k]!)] as const));
/** What SDK 0.47's bank SendCoins emits for one transfer (coin_spent, coin_received, transfer, message). */
const transfer = (from: string, to: string, amount: string): RpcEvent[] => [
  ev("coin_spent", ["spender", from], ["amount", amount]),
  ev("coin_received", ["receiver", to], ["amount", amount]),
  ev("transfer", ["recipient", to], ["sender", from], ["amount", amount]),
  ev("message", ["sender", from]),
];
/** The events of message 0 (from its `action` event on). */
function messageEvents(events: readonly RpcEvent[]): RpcEvent[] {
  const start = events.findIndex((e) => e.type === "message" && e.attributes[0]?.key === "action");
  return start < 0 ? [] : events.slice(start);
}
const actionEvent = (msg: string, signer: Actor, module: string): RpcEvent =>
  ev("message", ["action", `${P}${msg}`], ["sender", own[signer]], ["module", module]);

/** The five transfers of §5.3 step 10, in order: F2V, P2V, F2R, P2R, trunc(TAX). */
function distributionTransfers(f2v: bigint, p2v: bigint, f2r: bigint, p2r: bigint, tax: bigint): RpcEvent[] {
  return [
    ...transfer(POOL.foundation, POOL.feeCollector, `${f2v}wei`),
    ...transfer(POOL.prepay, POOL.feeCollector, `${p2v}wei`),
    ...transfer(POOL.foundation, POOL.rewardPool, `${f2r}wei`),
    ...transfer(POOL.prepay, POOL.rewardPool, `${p2r}wei`),
    ...transfer(POOL.prepay, POOL.distribution, `${tax}wei`),
  ];
}

/** An 18-decimal Dec as written in the spec (`1 224 999 946 405.869532259956129398`) → its binary-proto text (raw × 10^18). */
function decProto(text: string): string {
  const [int, frac] = text.replaceAll(" ", "").split(".");
  if (int === undefined || frac === undefined || frac.length !== 18) throw new Error(`decProto: ${text} is not an 18-decimal Dec`);
  return BigInt(int + frac).toString();
}

const coinsJson = (amount: bigint): string => (amount === 0n ? "[]" : `[{"denom":"wei","amount":"${amount}"}]`);
const rewardsByWalletJson = (a: Actor | string, mature: bigint, immature: bigint): string => {
  const wallet = a in INDEX ? own[a as Actor] : a;
  return `{"rewards":{"wallet_address":"${wallet}","mature_total_reward":${coinsJson(mature)},"immature_total_reward":${coinsJson(immature)}}}`;
};

async function rewardsByWallet(n: PotNet, a: Actor, height: number): Promise<string> {
  return n.json("RewardsByWallet", QueryRewardsByWalletRequestSchema, { walletAddress: own[a] }, QueryRewardsByWalletResponseSchema, height);
}

async function slashingDebt(n: PotNet, a: Actor, height: number): Promise<string> {
  return (await n.query("SlashingByOwner", QuerySlashingByOwnerRequestSchema, { walletAddress: own[a] }, QuerySlashingByOwnerResponseSchema, height)).slashing;
}

/** The MsgFoundationDeposit of 40 000 000 STOS and the 20 STOS prepay of every devnet, in one block. */
async function fundAndPrepay(n: PotNet): Promise<number> {
  const before = await n.latest();
  const [deposit, pre] = await n.block(["FOUNDER", [foundationDeposit("FOUNDER", 40_000_000n * STOS)]], ["RES1", [prepay("RES1", 20n * STOS)]]);
  expectOk(deposit!, pre!);
  expect(messageEvents(await n.events(deposit!.hash))).toEqual([
    actionEvent("MsgFoundationDeposit", "FOUNDER", "pot"),
    ...transfer(own.FOUNDER, POOL.foundation, "40000000000000000000000000wei"),
    typed("EventFoundationDeposit", { amount: "40000000000000000000000000wei" }),
  ]);
  const h = Math.max(deposit!.height, pre!.height);
  // S = 8e18, Lt = 8e12 before; the prepay bought 5 714 285 714 285 noz (spec-pot §11.1).
  expect(await n.register(REGISTER_KEY.effectiveTotalDeposit, before)).toBe(hex(lpInt(8n * STOS)));
  expect(await n.register(REGISTER_KEY.remainingOzoneLimit, before)).toBe(hex(lpInt(8_000_000_000_000n)));
  expect(await n.register(REGISTER_KEY.remainingOzoneLimit, h)).toBe(hex(lpInt(2_285_714_285_715n)));
  expect(await n.balance(POOL.foundation, h)).toBe(40_000_000n * STOS);
  expect(await n.balance(POOL.prepay, h)).toBe(20n * STOS);
  expect(await n.communityPool(h)).toBe(0n);
  await n.checkInvariants();
  return h;
}

// ---- the devnets -----------------------------------------------------------------------------

let A: PotNet; // default params: TV1, TV6
let B: PotNet; // mature_epoch 1: TV4
let C: PotNet; // require_registered_bls_keys: TV6 hardened, TV5

describe("pot through signed transactions on devnets (spec-pot §11)", () => {
  beforeAll(async () => {
    const started = await Promise.allSettled([
      PotNet.start("A", {}),
      PotNet.start("B", { mature_epoch: "1" }),
      PotNet.start("C", { require_registered_bls_keys: true }),
    ]);
    const failed = started.find((s) => s.status === "rejected");
    for (const s of started) if (s.status === "fulfilled" && failed) await s.value.stop();
    if (failed?.status === "rejected") throw failed.reason;
    [A, B, C] = started.map((s) => (s as PromiseFulfilledResult<PotNet>).value) as [PotNet, PotNet, PotNet];
  });

  afterAll(async () => {
    await Promise.all([A, B, C].filter((n) => n !== undefined).map((n) => n.stop()));
  });

  it("oracle self-check: the BLS seeds give TV6's public keys (spec-pot §11.6)", () => {
    expect(METAS.map((m) => hex(PK[m]))).toEqual([TV6_PUBKEYS.META1, TV6_PUBKEYS.META2, TV6_PUBKEYS.META3]);
    expect(moduleAccount("total_unissued_prepay")).toBe("st15fmkzxwtq5p64gc0zxmd87cmdwjnn3sakmkuu7");
  });

  // ---- A: TV1 and TV6 ------------------------------------------------------------------------

  describe("devnet A (default params): TV1 epochs 1 and 2, TV6", () => {
    let prepayHeight = 0;

    it("setup: MsgFoundationDeposit 40 000 000 STOS and sds MsgPrepay 20 STOS (Pt = 20 STOS, Lt = 2 285 714 285 715)", async () => {
      prepayHeight = await fundAndPrepay(A);
      // Genesis matured_epoch = 0: the first EndBlock stored mature_epoch (§6.2).
      expect(await A.pot(POT_KEY.maturedEpoch, prepayHeight)).toBe(hex(lpInt(2016n)));
      // InitGenesis stored the genesis last_distributed_epoch "0".
      expect(await A.pot(POT_KEY.lastDistributedEpoch, prepayHeight)).toBe(hex(lpInt(0n)));
    });

    it("TV1 epoch 1: events byte for byte, the five flows, records, immature totals, TotalReward, queries, RewardBreakdown (spec-pot §11.1)", async () => {
      const out = await A.send("META1", [report({ epoch: 1n, volumes: TV1_VOLUMES })], REPORT_GAS);
      expectOk(out);
      const h = out.height;

      // Events of the message, byte for byte as CometBFT serves them (§5.3 step 10, then §4.1 step 11).
      const msgEvents = [
        actionEvent("MsgVolumeReport", "META1", "pot"),
        ...distributionTransfers(16_000_000_000_000_000_000n, 244_999_989_281n, 63_999_999_999_999_999_999n, 960_399_957_978n, 19_599_999_142n),
        typed("EventVolumeReport", { epoch: "1", report_reference: "ref-1" }),
      ];
      expect(messageEvents(await A.events(out.hash))).toEqual(msgEvents);
      // SDK 0.47's message log: the same events, unmerged, in emission order.
      expect(JSON.parse(out.log)).toEqual([{ msg_index: 0, events: msgEvents.map((e) => ({ type: e.type, attributes: e.attributes.map(({ key, value }) => ({ key, value })) })) }]);

      // The pools: the spec's "After:" line and the flows as balance changes. Distribution's BeginBlock
      // of h took block h − 1's fees out of fee_collector; it now holds this block's fee, F2V and P2V.
      const [before, after] = [await A.pools(h - 1), await A.pools(h)];
      expect(after.foundation).toBe(39_999_920_000_000_000_000_000_001n);
      expect(after.prepay).toBe(19_999_998_775_000_053_599n);
      expect(after.rewardPool).toBe(64_000_000_960_399_957_977n);
      expect(before.foundation - after.foundation).toBe(16_000_000_000_000_000_000n + 63_999_999_999_999_999_999n);
      expect(before.prepay - after.prepay).toBe(244_999_989_281n + 960_399_957_978n + 19_599_999_142n);
      const validatorShare = out.feeWei + 16_000_000_000_000_000_000n + 244_999_989_281n;
      expect(after.feeCollector).toBe(validatorShare);
      expect(after.distribution - before.distribution).toBe(before.feeCollector + 19_599_999_142n);
      expect(await A.communityPool(h)).toBe(19_599_999_142n * STOS);

      // One block later distribution hands the validators' share to the (only) validator: outstanding
      // rewards grow by all of it (community tax 0), its commission by 10 %, the rest goes to its delegators.
      await waitForHeight(A.comet, h + 1);
      const [atReport, nextBlock] = [await A.validatorRewards(h), await A.validatorRewards(h + 1)];
      expect(await A.balance(POOL.feeCollector, h + 1)).toBe(0n);
      expect(nextBlock.outstanding - atReport.outstanding).toBe(validatorShare * STOS);
      expect(nextBlock.commission - atReport.commission).toBe(validatorShare * STOS / 10n);

      // Lt += Y; S unchanged; total_mined_token, last_distributed_epoch, TotalReward[1], the report record.
      expect(await A.register(REGISTER_KEY.remainingOzoneLimit, h)).toBe(hex(lpInt(2_285_714_385_715n)));
      expect(await A.register(REGISTER_KEY.effectiveTotalDeposit, h)).toBe(hex(lpInt(8n * STOS)));
      expect(await A.pot(POT_KEY.totalMinedToken, h)).toBe(hex(coinValue(wei(79_999_999_999_999_999_999n))));
      expect(await A.pot(POT_KEY.lastDistributedEpoch, h)).toBe(hex(lpInt(1n)));
      expect(await A.pot(POT_KEY.totalReward(1n), h)).toBe(hex(totalRewardValue([wei(79_999_999_999_999_999_999n)], [wei(1_224_999_946_401n)])));
      expect(await A.pot(POT_KEY.volumeReport(1n), h)).toBe(hex(volumeReportRecordValue(net("META1"), "ref-1", out.hash)));

      // IndividualReward records at epoch 1 + 2016 (RES1's read with its proof against the app hash).
      const META_MINING = 5_333_333_333_333_333_333n;
      const META_TRAFFIC = 80_033_329_831n;
      const rewards: Array<readonly [Actor, bigint, bigint]> = [
        ["RES1", 24_000_000_000_000_000_000n, 360_149_984_243n],
        ["RES2", 14_400_000_000_000_000_000n, 216_089_990_545n],
        ["RES3", 9_600_000_000_000_000_000n, 144_059_993_697n],
        ...METAS.map((m) => [m, META_MINING, META_TRAFFIC] as const),
      ];
      expect(hex(await verifiedStoreValue(A.comet, "pot", POT_KEY.individualReward(2017n, own.RES1), h)))
        .toBe(hex(rewardValue(own.RES1, [wei(24_000_000_000_000_000_000n)], [wei(360_149_984_243n)])));
      for (const [a, mining, traffic] of rewards) {
        expect([a, await A.pot(POT_KEY.individualReward(2017n, own[a]), h)]).toEqual([a, hex(rewardValue(own[a], [wei(mining)], [wei(traffic)]))]);
        expect([a, await A.pot(POT_KEY.immatureTotal(own[a]), h)]).toEqual([a, hex(coinsValue([wei(mining + traffic)]))]);
      }
      expect(await A.pot(POT_KEY.individualReward(2017n, own.RES4), h)).toBe("");

      // Immature totals through RewardsByWallet (spec: RES1 24 000 000 360 149 984 243, …, each META 5 333 333 413 366 663 164).
      expect(await rewardsByWallet(A, "RES1", h)).toBe(rewardsByWalletJson("RES1", 0n, 24_000_000_360_149_984_243n));
      expect(await rewardsByWallet(A, "RES2", h)).toBe(rewardsByWalletJson("RES2", 0n, 14_400_000_216_089_990_545n));
      expect(await rewardsByWallet(A, "RES3", h)).toBe(rewardsByWalletJson("RES3", 0n, 9_600_000_144_059_993_697n));
      for (const m of METAS) expect(await rewardsByWallet(A, m, h)).toBe(rewardsByWalletJson(m, 0n, 5_333_333_413_366_663_164n));
      expect(await rewardsByWallet(A, "RES4", h)).toBe(rewardsByWalletJson("RES4", 0n, 0n));

      // TotalReward through TotalRewardByEpoch; TotalMinedToken; VolumeReport (epoch 0 = the last one).
      expect(await A.json("TotalRewardByEpoch", QueryTotalRewardByEpochRequestSchema, { epoch: 1n }, QueryTotalRewardByEpochResponseSchema, h)).toBe(
        '{"total_reward":{"mining_reward":[{"denom":"wei","amount":"79999999999999999999"}],"traffic_reward":[{"denom":"wei","amount":"1224999946401"}]},"is_legacy":false}',
      );
      expect(await A.json("TotalMinedToken", QueryTotalMinedTokenRequestSchema, {}, QueryTotalMinedTokenResponseSchema, h)).toBe(
        '{"total_mined_token":{"denom":"wei","amount":"79999999999999999999"}}',
      );
      const reportInfo = `{"report_info":{"epoch":"1","reference":"ref-1","tx_hash":"${out.hash}","reporter":"${net("META1")}"}}`;
      expect(await A.json("VolumeReport", QueryVolumeReportRequestSchema, { epoch: 1n }, QueryVolumeReportResponseSchema, h)).toBe(reportInfo);
      expect(await A.json("VolumeReport", QueryVolumeReportRequestSchema, { epoch: 0n }, QueryVolumeReportResponseSchema, h)).toBe(reportInfo);

      // RewardsByEpoch: the not-yet-matured records of report epoch 1, in store order (address bytes).
      const byEpoch = await A.query("RewardsByEpoch", QueryRewardsByEpochRequestSchema, { epoch: 1n }, QueryRewardsByEpochResponseSchema, h);
      const sorted = [...rewards].sort(([x], [y]) => (hex(POT_KEY.matureTotal(own[x])) < hex(POT_KEY.matureTotal(own[y])) ? -1 : 1));
      expect(JSON.stringify((toGoProtoJson(QueryRewardsByEpochResponseSchema, byEpoch) as { rewards: unknown }).rewards)).toBe(
        `[${sorted.map(([a, m, t]) => `{"wallet_address":"${own[a]}","reward_from_mining_pool":${coinsJson(m)},"reward_from_traffic_pool":${coinsJson(t)}}`).join(",")}]`,
      );

      // RewardBreakdown: R, the inputs read before the report, each wallet's reward.
      const { audit, matured } = await A.query("RewardBreakdown", QueryRewardBreakdownRequestSchema, { epoch: 1n }, QueryRewardBreakdownResponseSchema, h);
      expect(matured).toBe(false);
      expect(audit).toMatchObject({
        effectiveTotalDeposit: "8000000000000000000", unissuedPrepay: "20000000000000000000", remainingOzoneLimit: "2285714285715", totalVolume: "100000",
        trafficReward: decProto("1 224 999 946 405.869532259956129398"), communityTax: decProto("0.020000000000000000"), metaNodeCount: "3",
        matureEpoch: "2017", reporter: net("META1"),
      });
      expect(audit?.miningRewardParam?.miningReward).toMatchObject({ denom: "wei", amount: "80000000000000000000" });
      expect(new Map(audit?.rewards.map((r) => [r.walletAddress, [r.rewardFromMiningPool.map((c) => c.amount), r.rewardFromTrafficPool.map((c) => c.amount)]])))
        .toEqual(new Map(rewards.map(([a, m, t]) => [own[a], [[m.toString()], [t.toString()]]])));
      await A.checkInvariants();
    });

    it("TV1 epoch 2 (same volumes, continuing state): R, flows, records at 2018, totals; nothing matures", async () => {
      const out = await A.send("META1", [report({ epoch: 2n, volumes: TV1_VOLUMES })], REPORT_GAS);
      expectOk(out);
      const h = out.height;
      expect(messageEvents(await A.events(out.hash))).toEqual([
        actionEvent("MsgVolumeReport", "META1", "pot"),
        ...distributionTransfers(16_000_000_000_000_000_000n, 244_999_967_843n, 63_999_999_999_999_999_999n, 960_399_873_944n, 19_599_997_427n),
        typed("EventVolumeReport", { epoch: "2", report_reference: "ref-2" }),
      ]);
      const [before, after] = [await A.pools(h - 1), await A.pools(h)];
      expect(after.prepay).toBe(19_999_997_550_000_214_385n);
      expect(after.rewardPool).toBe(128_000_001_920_799_831_920n);
      expect(before.foundation - after.foundation).toBe(79_999_999_999_999_999_999n);
      expect(after.feeCollector).toBe(out.feeWei + 16_000_000_000_000_000_000n + 244_999_967_843n);
      expect((await A.communityPool(h)) - (await A.communityPool(h - 1))).toBe(19_599_997_427n * STOS);
      expect(await A.register(REGISTER_KEY.remainingOzoneLimit, h)).toBe(hex(lpInt(2_285_714_485_715n)));
      expect(await A.pot(POT_KEY.totalMinedToken, h)).toBe(hex(coinValue(wei(159_999_999_999_999_999_998n))));
      expect(await A.pot(POT_KEY.lastDistributedEpoch, h)).toBe(hex(lpInt(2n)));
      expect(await A.json("TotalRewardByEpoch", QueryTotalRewardByEpochRequestSchema, { epoch: 2n }, QueryTotalRewardByEpochResponseSchema, h)).toBe(
        '{"total_reward":{"mining_reward":[{"denom":"wei","amount":"79999999999999999999"}],"traffic_reward":[{"denom":"wei","amount":"1224999839214"}]},"is_legacy":false}',
      );
      const { audit } = await A.query("RewardBreakdown", QueryRewardBreakdownRequestSchema, { epoch: 2n }, QueryRewardBreakdownResponseSchema, h);
      expect(audit?.trafficReward).toBe(decProto("1 224 999 839 218.383600897929176556"));
      const epoch2: Array<readonly [Actor, bigint, bigint]> = [
        ["RES1", 24_000_000_000_000_000_000n, 360_149_952_730n],
        ["RES2", 14_400_000_000_000_000_000n, 216_089_971_638n],
        ["RES3", 9_600_000_000_000_000_000n, 144_059_981_092n],
        ...METAS.map((m) => [m, 5_333_333_333_333_333_333n, 80_033_322_828n] as const),
      ];
      for (const [a, mining, traffic] of epoch2) {
        expect([a, await A.pot(POT_KEY.individualReward(2018n, own[a]), h)]).toEqual([a, hex(rewardValue(own[a], [wei(mining)], [wei(traffic)]))]);
      }
      expect(await rewardsByWallet(A, "RES1", h)).toBe(rewardsByWalletJson("RES1", 0n, 24_000_000_360_149_984_243n + 24_000_000_360_149_952_730n));
      // Nothing matures before last_distributed_epoch reaches 2017.
      expect(await A.pot(POT_KEY.maturedEpoch, h)).toBe(hex(lpInt(2016n)));
      expect(await A.pot(POT_KEY.matureTotal(own.RES1), h)).toBe("");
      await A.checkInvariants();
    });

    it("TV6 (reference mode, 3 bonded meta nodes → 2 keys): one key 24, flipped txData 21, forged signatures 23; 3 keys, 2 keys and the duplicate-key trick pass", async () => {
      const volumes: ReadonlyArray<readonly [string, bigint]> = [[TV6_W1, 50_000n], [TV6_W2, 30_000n]];
      const txData7 = txDataOf(7n, volumes);
      const flipped = txData7.slice();
      flipped[0]! ^= 0x01;
      const sigma1 = (epoch: bigint) => blsSign(BLS.META1, txDataOf(epoch, volumes));
      const h0 = await A.latest();
      const outs = await A.block(
        ["META1", [report({ epoch: 7n, volumes, signers: ["META1"] })], REPORT_GAS],
        ["META1", [report({ epoch: 7n, volumes, txData: flipped })], REPORT_GAS],
        // Forged: only META1 signed, all three keys listed; the three-key aggregate with two keys listed.
        ["META1", [report({ epoch: 7n, volumes, signature: sigma1(7n), pubKeys: [PK.META1, PK.META2, PK.META3] })], REPORT_GAS],
        ["META1", [report({ epoch: 7n, volumes, pubKeys: [PK.META1, PK.META2] })], REPORT_GAS],
        ["META1", [report({ epoch: 7n, volumes })], REPORT_GAS],
        ["META1", [report({ epoch: 8n, volumes, signers: ["META1", "META2"] })], REPORT_GAS],
        // The duplicate-key trick (§4.1 QUIRK, the reference's behaviour by default): 2·σ1 with [pk1, pk1].
        ["META1", [report({ epoch: 9n, volumes, pubKeys: [PK.META1, PK.META1], signature: blsAggregateSignatures([sigma1(9n), sigma1(9n)]) })], REPORT_GAS],
      );
      const [one, flip, forged, twoListed, three, two, dup] = outs as [TxOutcome, TxOutcome, TxOutcome, TxOutcome, TxOutcome, TxOutcome, TxOutcome];
      expectDeliverFailure(one, "pot", 24, "BLS signed meta-nodes does not reach the threshold");
      expectDeliverFailure(flip, "pot", 21, "BLS signature txData is invalid");
      expectDeliverFailure(forged, "pot", 23, "BLS signature verify failed");
      expectDeliverFailure(twoListed, "pot", 23, "BLS signature verify failed");
      expectOk(three, two, dup);
      for (const [o, epoch] of [[three, 7n], [two, 8n], [dup, 9n]] as const) {
        expect(messageEvents(await A.events(o.hash)).at(-1)).toEqual(typed("EventVolumeReport", { epoch: epoch.toString(), report_reference: `ref-${epoch}` }));
      }
      const h = Math.max(...outs.map((o) => o.height));
      expect(await A.pot(POT_KEY.lastDistributedEpoch, h)).toBe(hex(lpInt(9n)));
      for (const [o, epoch] of [[three, 7n], [two, 8n], [dup, 9n]] as const) {
        expect(await A.pot(POT_KEY.volumeReport(epoch), h)).toBe(hex(volumeReportRecordValue(net("META1"), `ref-${epoch}`, o.hash)));
      }
      // Failures cost META1 only their fees; the passing reports pay META1 nothing directly.
      expect((await A.balance(own.META1, h0)) - (await A.balance(own.META1, h))).toBe(outs.reduce((s, o) => s + o.feeWei, 0n));
      // The unknown-node wallets are paid like any wallet: 0.625 and 0.375 of the 48 STOS resource mining share.
      const mining = async (wallet: string) => {
        const r = await A.query("RewardsByWalletAndEpoch", QueryRewardsByWalletAndEpochRequestSchema, { walletAddress: wallet, epoch: 7n }, QueryRewardsByWalletAndEpochResponseSchema, h);
        return r.rewards.map((x) => x.rewardFromMiningPool.map((c) => `${c.amount}${c.denom}`).join(","));
      };
      expect(await mining(TV6_W1)).toEqual(["30000000000000000000wei"]);
      expect(await mining(TV6_W2)).toEqual(["18000000000000000000wei"]);
      await A.checkInvariants();
    });
  });

  // ---- B: TV4 --------------------------------------------------------------------------------

  describe("devnet B (mature_epoch = 1): TV4", () => {
    it("slashing debt, maturity in EndBlock into the community pool, withdraw to a target, a further 1wei fails 29 (spec-pot §11.4)", async () => {
      const h0 = await fundAndPrepay(B);
      // Genesis matured_epoch = 0: the first EndBlock stored mature_epoch = 1.
      expect(await B.pot(POT_KEY.maturedEpoch, h0)).toBe(hex(lpInt(1n)));

      // h1: slashing 100 000 noz against RES1, no suspension: debt = trunc(R(Y = 100 000)).
      const s1 = await B.send("META1", [slashing("META1", "RES1", 100_000n, false)]);
      expectOk(s1);
      expect(messageEvents(await B.events(s1.hash))).toEqual([
        actionEvent("MsgSlashingResourceNode", "META1", "pot"),
        typed("EventSlashing", { amount: "1224999946405", network_address: net("RES1"), slashing_type: "storage", suspend: "false", wallet_address: own.RES1 }),
      ]);
      expect(await slashingDebt(B, "RES1", s1.height)).toBe("1224999946405");
      expect(await B.register(REGISTER_KEY.slashing(own.RES1), s1.height)).toBe(hex(lpInt(1_224_999_946_405n)));
      expect(await B.register(REGISTER_KEY.effectiveTotalDeposit, s1.height)).toBe(hex(lpInt(8n * STOS)));
      expect(await B.register(REGISTER_KEY.remainingOzoneLimit, s1.height)).toBe(hex(lpInt(2_285_714_285_715n)));

      // h2: epoch 1 (TV1 numbers); records keyed 2; L = 1 ≤ M = 1: nothing matures.
      const r1 = await B.send("META1", [report({ epoch: 1n, volumes: TV1_VOLUMES })], REPORT_GAS);
      expectOk(r1);
      expect(await B.pot(POT_KEY.individualReward(2n, own.RES1), r1.height))
        .toBe(hex(rewardValue(own.RES1, [wei(24_000_000_000_000_000_000n)], [wei(360_149_984_243n)])));
      expect(await B.pot(POT_KEY.maturedEpoch, r1.height)).toBe(hex(lpInt(1n)));
      expect(await rewardsByWallet(B, "RES1", r1.height)).toBe(rewardsByWalletJson("RES1", 0n, 24_000_000_360_149_984_243n));

      // h3: epoch 2; its EndBlock matures E = 2 (the epoch-1 rewards of 6 wallets) and collects RES1's debt.
      const r2 = await B.send("META1", [report({ epoch: 2n, volumes: TV1_VOLUMES })], REPORT_GAS);
      expectOk(r2);
      const h3 = r2.height;
      expect(await rewardsByWallet(B, "RES1", h3)).toBe(rewardsByWalletJson("RES1", 23_999_999_135_150_037_838n, 24_000_000_360_149_952_730n));
      expect(await rewardsByWallet(B, "RES2", h3)).toBe(rewardsByWalletJson("RES2", 14_400_000_216_089_990_545n, 14_400_000_216_089_971_638n));
      expect(await rewardsByWallet(B, "RES3", h3)).toBe(rewardsByWalletJson("RES3", 9_600_000_144_059_993_697n, 9_600_000_144_059_981_092n));
      for (const m of METAS) expect(await rewardsByWallet(B, m, h3)).toBe(rewardsByWalletJson(m, 5_333_333_413_366_663_164n, 5_333_333_413_366_656_161n));
      expect(await B.pot(POT_KEY.matureTotal(own.RES1), h3)).toBe(hex(coinsValue([wei(23_999_999_135_150_037_838n)])));
      expect(await slashingDebt(B, "RES1", h3)).toBe("0");
      // The epoch-2 tax (in the tx) and the slashed amount (in EndBlock) both reached the community pool.
      expect((await B.communityPool(h3)) - (await B.communityPool(h3 - 1))).toBe((19_599_997_427n + 1_224_999_946_405n) * STOS);
      // EndBlock's FundCommunityPool of the slashed amount, among the block's events (CosmJS drops the index flags).
      const plain = (e: { readonly type: string; readonly attributes: ReadonlyArray<{ readonly key: string; readonly value: string }> }) =>
        ({ type: e.type, attributes: e.attributes.map(({ key, value }) => ({ key, value })) });
      const endBlock = (await B.comet.blockResults(h3)).finalizeBlockEvents.map(plain);
      const slashed = transfer(POOL.rewardPool, POOL.distribution, "1224999946405wei").map(plain);
      const at = endBlock.findIndex((e) => JSON.stringify(e) === JSON.stringify(slashed[0]));
      expect(endBlock.slice(at, at + slashed.length)).toEqual(slashed);
      expect(await B.pot(POT_KEY.maturedEpoch, h3)).toBe(hex(lpInt(2n)));
      for (const a of ["RES1", "RES2", "RES3", ...METAS] as const) {
        expect([a, await B.pot(POT_KEY.individualReward(2n, own[a]), h3)]).toEqual([a, ""]);
      }
      expect(await B.pot(POT_KEY.individualReward(3n, own.RES1), h3)).not.toBe("");
      expect(await B.balance(POOL.rewardPool, h3)).toBe(128_000_000_695_799_885_515n);

      // Withdraw everything mature to TARGET.
      const w = await B.send("RES1", [withdraw("RES1", 23_999_999_135_150_037_838n, own.TARGET)]);
      expectOk(w);
      expect(messageEvents(await B.events(w.hash))).toEqual([
        actionEvent("MsgWithdraw", "RES1", "pot"),
        ...transfer(POOL.rewardPool, own.TARGET, "23999999135150037838wei"),
        typed("EventWithdraw", { amount: "23999999135150037838wei", target_address: own.TARGET, wallet_address: own.RES1 }),
      ]);
      expect(await B.balance(own.TARGET, w.height)).toBe(23_999_999_135_150_037_838n);
      expect(await rewardsByWallet(B, "RES1", w.height)).toBe(rewardsByWalletJson("RES1", 0n, 24_000_000_360_149_952_730n));
      expect(await B.balance(POOL.rewardPool, w.height)).toBe(104_000_001_560_649_847_677n);

      // A further 1wei: code 29 wrapping 7; only RES1's fee moves.
      const extra = await B.send("RES1", [withdraw("RES1", 1n, own.TARGET)]);
      expectDeliverFailure(extra, "pot", 29, "insufficient mature total: failure during withdraw");
      expect((await B.balance(own.RES1, extra.height - 1)) - (await B.balance(own.RES1, extra.height))).toBe(extra.feeWei);
      expect(await B.balance(POOL.rewardPool, extra.height)).toBe(104_000_001_560_649_847_677n);
      expect(await B.balance(own.TARGET, extra.height)).toBe(23_999_999_135_150_037_838n);
      await B.checkInvariants();
    });
  });

  // ---- C: TV6 hardened, TV5 ------------------------------------------------------------------

  describe("devnet C (require_registered_bls_keys = true): TV6 hardened mode, TV5", () => {
    it("setup; MsgSetMetaNodeBlsKey for META1…META3; the duplicate-key trick fails 38, an unregistered key 37", async () => {
      await fundAndPrepay(C);
      const regs = await C.block(...METAS.map((m) => [m, [setBlsKey(m)]] as const));
      expectOk(...regs);
      for (const [i, m] of METAS.entries()) {
        expect(messageEvents(await C.events(regs[i]!.hash)).at(-1)).toEqual(typed("EventSetMetaNodeBlsKey", { network_address: net(m), pub_key: TV6_PUBKEYS[m] }));
      }
      const h = Math.max(...regs.map((o) => o.height));
      for (const m of METAS) {
        const key = await C.query("MetaNodeBlsKey", QueryMetaNodeBlsKeyRequestSchema, { networkAddress: net(m) }, QueryMetaNodeBlsKeyResponseSchema, h);
        expect([m, hex(key.pubKey)]).toEqual([m, TV6_PUBKEYS[m]]);
      }

      const sigma1 = blsSign(BLS.META1, txDataOf(1n, TV1_VOLUMES));
      const outsider = blsKeyFromSecret(new Uint8Array(32).fill(0x44));
      const [dup, unregistered] = await C.block(
        ["META1", [report({ epoch: 1n, volumes: TV1_VOLUMES, pubKeys: [PK.META1, PK.META1], signature: blsAggregateSignatures([sigma1, sigma1]) })], REPORT_GAS],
        ["META1", [report({
          epoch: 1n, volumes: TV1_VOLUMES, pubKeys: [PK.META1, blsPublicKey(outsider)],
          signature: blsAggregateSignatures([sigma1, blsSign(outsider, txDataOf(1n, TV1_VOLUMES))]),
        })], REPORT_GAS],
      );
      expectDeliverFailure(dup!, "pot", 38, "BLS public key listed twice");
      expectDeliverFailure(unregistered!, "pot", 37, "BLS public key is not registered to a bonded, unsuspended meta node");
      expect(await C.pot(POT_KEY.lastDistributedEpoch, Math.max(dup!.height, unregistered!.height))).toBe(hex(lpInt(0n)));
      await C.checkInvariants();
    });

    it("TV5: slashing 10^18 noz prices at ≈ S + Pt; suspension: S, Lt, node effective 0; the next report's R (spec-pot §11.5)", async () => {
      // For comparison: slashing = 10^18 noz on the un-suspended TV1 state (RES2, no suspension).
      const big = await C.send("META1", [slashing("META1", "RES2", 10n ** 18n, false)]);
      expectOk(big);
      expect(messageEvents(await C.events(big.hash)).at(-1)).toEqual(
        typed("EventSlashing", { amount: "27999936000146285359", network_address: net("RES2"), slashing_type: "storage", suspend: "false", wallet_address: own.RES2 }),
      );
      expect(await slashingDebt(C, "RES2", big.height)).toBe("27999936000146285359");
      expect(await C.register(REGISTER_KEY.effectiveTotalDeposit, big.height)).toBe(hex(lpInt(8n * STOS)));
      expect(await C.register(REGISTER_KEY.remainingOzoneLimit, big.height)).toBe(hex(lpInt(2_285_714_285_715n)));

      // slashing = 0, suspend = true: no debt; S −= 1e18, Lt = trunc(Lt − 1e18 / 1e6).
      const sus = await C.send("META1", [slashing("META1", "RES1", 0n, true)]);
      expectOk(sus);
      expect(messageEvents(await C.events(sus.hash))).toEqual([
        actionEvent("MsgSlashingResourceNode", "META1", "pot"),
        typed("EventSlashing", { amount: "0", network_address: net("RES1"), slashing_type: "storage", suspend: "true", wallet_address: own.RES1 }),
      ]);
      expect(await slashingDebt(C, "RES1", sus.height)).toBe("0");
      expect(await C.register(REGISTER_KEY.effectiveTotalDeposit, sus.height)).toBe(hex(lpInt(7_000_000_000_000_000_000n)));
      expect(await C.register(REGISTER_KEY.remainingOzoneLimit, sus.height)).toBe(hex(lpInt(1_285_714_285_715n)));
      const node = await queryRegisterNode(C, "RES1", sus.height);
      expect([node?.suspend, node?.effectiveTokens, node?.tokens]).toEqual([true, "0", STOS.toString()]);

      // The following epoch-1 report with Y = 100 000, signed by the three registered keys.
      const r = await C.send("META1", [report({ epoch: 1n, volumes: TV1_VOLUMES })], REPORT_GAS);
      expectOk(r);
      const { audit } = await C.query("RewardBreakdown", QueryRewardBreakdownRequestSchema, { epoch: 1n }, QueryRewardBreakdownResponseSchema, r.height);
      expect(audit?.trafficReward).toBe(decProto("2 099 999 836 665.512703884197746394"));
      expect([audit?.effectiveTotalDeposit, audit?.unissuedPrepay, audit?.remainingOzoneLimit]).toEqual(["7000000000000000000", "20000000000000000000", "1285714285715"]);
      // P2V = trunc(R × 2000 / 10000) in the second transfer.
      const transfers = messageEvents(await C.events(r.hash)).filter((e) => e.type === "transfer");
      expect(transfers[1]).toEqual(ev("transfer", ["recipient", POOL.feeCollector], ["sender", POOL.prepay], ["amount", "419999967333wei"]));
      expect(await C.register(REGISTER_KEY.remainingOzoneLimit, r.height)).toBe(hex(lpInt(1_285_714_385_715n)));
      await C.checkInvariants();
    });
  });

  it("/app/invariants (pot's included) is null at every height of the three devnets", async () => {
    for (const n of [A, B, C]) {
      await waitForHeight(n.comet, (await n.latest()) + 1);
      await n.checkInvariants();
      const last = await invariantsAt(n.comet, n.checked);
      expect(Object.keys(last)).toEqual(expect.arrayContaining([
        "pot/reward-pool-balance", "pot/immature-totals", "pot/reward-epoch-index", "pot/nonnegative-amounts", "pot/total-mined-token",
      ]));
      expect([n.name, Object.entries(last).filter(([, v]) => v !== null)]).toEqual([n.name, []]);
    }
  });
});

async function queryRegisterNode(n: PotNet, a: Actor, height: number) {
  const value = await queryValue(n.comet, "/stratos.register.v1.Query/ResourceNode",
    toBinary(QueryResourceNodeRequestSchema, create(QueryResourceNodeRequestSchema, { networkAddr: net(a) })), height);
  return fromBinary(QueryResourceNodeResponseSchema, value).node;
}
