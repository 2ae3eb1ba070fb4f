/**
 * Test kit for pot scenarios in-process: register's Scenario idea (named actors, real signed txs,
 * block times chosen by the test) plus what pot needs on top — a `pot` genesis section (params are
 * only stored when it is present), BLS keys for the meta nodes, volume reports signed with the
 * project's BLS code, and readouts of the pools of spec-pot §2.3. Test-only.
 */
import type { Any } from "cosmjs-types/google/protobuf/any";
import { MsgFoundationDepositSchema, MsgSetMetaNodeBlsKeySchema, MsgSlashingResourceNodeSchema, MsgVolumeReportSchema, MsgWithdrawSchema } from "../../codec/stratos/pot/v1/tx_pb.js";
import { MsgPrepaySchema } from "../../codec/stratos/sds/v1/tx_pb.js";
import { blsAggregateSignatures, blsKeyFromSecret, blsPublicKey, blsSign, type BlsSecretKey } from "../../crypto/bls/index.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import type { GenesisSpec } from "../../node/genesisBuilder.js";
import { anyMsg, Scenario, type ScenarioOptions } from "../register/testkit.js";
import { POT_ACCOUNT } from "./keeper.js";
import { volumeReportTxData } from "./logic/volumeReportSignBytes.js";
import { blsProofOfPossessionMessage } from "./msgs/setMetaNodeBlsKey.js";

export { anyMsg, eventAttributes, genesisG, q, STOS, T, TX_FEE } from "../register/testkit.js";

/** BLS keys of META1…META3: the §11.6 TV6 seeds 32×0x11, 32×0x22, 32×0x33. */
export const META_BLS: Readonly<Record<"META1" | "META2" | "META3", BlsSecretKey>> = {
  META1: blsKeyFromSecret(new Uint8Array(32).fill(0x11)),
  META2: blsKeyFromSecret(new Uint8Array(32).fill(0x22)),
  META3: blsKeyFromSecret(new Uint8Array(32).fill(0x33)),
};

/** pot params as genesis JSON overrides (snake_case, proto JSON: int64 as strings). */
export interface PotParamsJson {
  readonly mature_epoch?: string;
  readonly require_registered_bls_keys?: boolean;
}

const STOS_TEXT = (stos: string): string => `${stos}000000000000000000`;
const valveJson = (start: string, end: string, reward: string, chain: string, res: string, meta: string) => ({
  total_mined_valve_start: { denom: "wei", amount: start },
  total_mined_valve_end: { denom: "wei", amount: end },
  mining_reward: { denom: "wei", amount: reward },
  block_chain_percentage_in_bp: chain,
  resource_node_percentage_in_bp: res,
  meta_node_percentage_in_bp: meta,
});

/**
 * The reference's default pot genesis (spec-pot §3, §8), written out by hand from the spec table so
 * that it does not depend on the module's own defaults, with `params` overrides.
 */
export function potGenesisJson(params: PotParamsJson = {}): Record<string, unknown> {
  return {
    params: {
      bond_denom: "wei",
      reward_denom: "wei",
      mature_epoch: "2016",
      mining_reward_params: [
        valveJson("0", STOS_TEXT("16819200"), STOS_TEXT("80"), "2000", "6000", "2000"),
        valveJson(STOS_TEXT("16819200"), STOS_TEXT("25228800"), STOS_TEXT("40"), "2000", "6200", "1800"),
        valveJson(STOS_TEXT("25228800"), STOS_TEXT("29433600"), STOS_TEXT("20"), "2000", "6400", "1600"),
        valveJson(STOS_TEXT("29433600"), STOS_TEXT("31536000"), STOS_TEXT("10"), "2000", "6600", "1400"),
        valveJson(STOS_TEXT("31536000"), STOS_TEXT("32587200"), STOS_TEXT("5"), "2000", "6800", "1200"),
        valveJson(STOS_TEXT("32587200"), STOS_TEXT("40000000"), "2500000000000000000", "2000", "7000", "1000"),
      ],
      community_tax: "0.020000000000000000",
      initial_total_supply: { denom: "wei", amount: STOS_TEXT("100000000") },
      ...params,
    },
    total_mined_token: { denom: "wei", amount: "0" },
    last_distributed_epoch: "0",
    immature_total_info: [],
    mature_total_info: [],
    individual_reward_info: [],
    matured_epoch: "0",
    reward_total_info: [],
  };
}

export interface PotScenarioOptions extends Omit<ScenarioOptions, "extraAppState" | "register" | "otherCoins"> {
  readonly register?: GenesisSpec["register"];
  readonly potParams?: PotParamsJson;
}

/** register's Scenario with a `pot` genesis section and pot readouts. */
export class PotScenario extends Scenario {
  static override async create(o: PotScenarioOptions): Promise<PotScenario> {
    const { app, actors } = await Scenario.start({ ...o, extraAppState: { pot: potGenesisJson(o.potParams) } });
    return new PotScenario(app, actors);
  }

  get pot() {
    return this.app.parts.keepers.pot;
  }

  /** wei balance of a module account (spec-pot §2.3). */
  moduleBalance(module: string): bigint {
    return this.app.balance(formatBech32Address(moduleAddress(module), BECH32_PREFIX.account));
  }

  /** The community pool record in wei (a Dec, as text). */
  communityPool(): string {
    return this.app.parts.keepers.distribution.getCommunityPool(this.read).amountOf("wei").toString();
  }

  /** The flows of §5.3 step 10 are read from these. */
  pools(): PotPools {
    return {
      foundation: this.moduleBalance(POT_ACCOUNT.foundation),
      feeCollector: this.moduleBalance(POT_ACCOUNT.feeCollector),
      totalRewardPool: this.moduleBalance(POT_ACCOUNT.totalRewardPool),
      prepay: this.moduleBalance(POT_ACCOUNT.totalUnissuedPrepay),
      distribution: this.moduleBalance("distribution"),
      communityPool: this.communityPool(),
    };
  }
}

export interface PotPools {
  readonly foundation: bigint;
  readonly feeCollector: bigint;
  readonly totalRewardPool: bigint;
  readonly prepay: bigint;
  readonly distribution: bigint;
  readonly communityPool: string;
}

// ---- messages -------------------------------------------------------------------------------------

export const foundationDeposit = (s: PotScenario, from: string, amount: bigint) =>
  anyMsg(MsgFoundationDepositSchema, { from: s.address(from), amount: [{ denom: "wei", amount: amount.toString() }] });

export const prepay = (s: PotScenario, sender: string, amount: bigint) =>
  anyMsg(MsgPrepaySchema, { sender: s.address(sender), beneficiary: s.address(sender), amount: [{ denom: "wei", amount: amount.toString() }] });

export const withdraw = (s: PotScenario, wallet: string, amount: bigint, target: string) =>
  anyMsg(MsgWithdrawSchema, { walletAddress: s.address(wallet), targetAddress: target, amount: [{ denom: "wei", amount: amount.toString() }] });

export const slashing = (s: PotScenario, reporter: string, node: string, wallet: string, noz: bigint, suspend: boolean) =>
  anyMsg(MsgSlashingResourceNodeSchema, {
    reporters: [s.net(reporter)], reporterOwner: [s.address(reporter)], networkAddress: s.net(node), walletAddress: wallet, slashing: noz.toString(), suspend,
  });

/** MsgSetMetaNodeBlsKey with a proof of possession by `sk` over `popFor`'s network address (default: the node itself). */
export function setBlsKey(s: PotScenario, node: string, sk: BlsSecretKey, popFor = node): Any {
  const pubKey = blsPublicKey(sk);
  return anyMsg(MsgSetMetaNodeBlsKeySchema, {
    networkAddress: s.net(node), ownerAddress: s.address(node), pubKey, proofOfPossession: blsSign(sk, blsProofOfPossessionMessage(s.netBytes(popFor), pubKey)),
  });
}

export interface ReportSpec {
  /** The meta node (actor name) named as reporter. */
  readonly reporter: string;
  /** The reporter_owner (actor name); default the reporter's own owner. */
  readonly owner?: string;
  readonly epoch: bigint;
  /** (wallet text, volume) in message order. */
  readonly volumes: ReadonlyArray<readonly [string, bigint]>;
  readonly reference?: string;
  /** Who signs (default META1…META3); their public keys are listed in this order. */
  readonly signers?: readonly BlsSecretKey[];
  /** Overrides of the BLSSignatureInfo fields (after signing). */
  readonly pubKeys?: readonly Uint8Array[];
  readonly signature?: Uint8Array;
  readonly txData?: Uint8Array;
}

/** A MsgVolumeReport signed as §4.1.1 and spec-sds-clients §7.2 describe: txData = Keccak-256(sign bytes), aggregate of sk_i·H(txData). */
export function volumeReport(s: PotScenario, r: ReportSpec): Any {
  const reporter = s.net(r.reporter);
  const reporterOwner = s.address(r.owner ?? r.reporter);
  const reportReference = r.reference ?? `ref-${r.epoch}`;
  const walletVolumes = r.volumes.map(([walletAddress, volume]) => ({ walletAddress, volume }));
  const txData = volumeReportTxData({ walletVolumes, reporter, epoch: r.epoch, reportReference, reporterOwner });
  const signers = r.signers ?? [META_BLS.META1, META_BLS.META2, META_BLS.META3];
  return anyMsg(MsgVolumeReportSchema, {
    walletVolumes: walletVolumes.map((v) => ({ walletAddress: v.walletAddress, volume: v.volume.toString() })),
    reporter,
    epoch: r.epoch.toString(),
    reportReference,
    reporterOwner,
    BLSSignature: {
      pubKeys: [...(r.pubKeys ?? signers.map(blsPublicKey))],
      signature: r.signature ?? blsAggregateSignatures(signers.map((sk) => blsSign(sk, txData))),
      txData: r.txData ?? txData,
    },
  });
}

// ---- state snapshots ------------------------------------------------------------------------------

/** Every key/value of `stores` in committed state, as hex. */
export function storeDump(s: PotScenario, stores: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of stores) {
    for (const { key, value } of s.read.kv(name).iterator()) out[`${name}/${Buffer.from(key).toString("hex")}`] = Buffer.from(value).toString("hex");
  }
  return out;
}

/** The keys whose values differ between two dumps (added, removed or changed). */
export function changedKeys(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => before[k] !== after[k]).sort();
}
