/**
 * The pot store's keys and record layouts (spec-pot §2.1), written field by field from the spec with a
 * plain protobuf writer — an oracle independent of app/modules/pot. Values are LP (uvarint length ‖
 * protobuf) as stored; Int wrappers use `lpInt` of registerRecords.ts. Coins are gogoproto
 * `cosmos.base.v1beta1.Coin { denom = 1; amount = 2 (Int, always written) }`.
 */
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import { fromBech32 } from "@cosmjs/encoding";
import { lp } from "./registerRecords.js";

const LEN = WireType.LengthDelimited;

export interface CoinAmount {
  readonly denom: string;
  readonly amount: bigint;
}

export const wei = (amount: bigint): CoinAmount => ({ denom: "wei", amount });

function coin(c: CoinAmount): Uint8Array {
  const w = new BinaryWriter();
  if (c.denom !== "") w.tag(1, LEN).string(c.denom);
  w.tag(2, LEN).string(c.amount.toString());
  return w.finish();
}

function coinList(w: BinaryWriter, field: number, coins: readonly CoinAmount[]): void {
  for (const c of coins) w.tag(field, LEN).bytes(coin(c));
}

/** `Reward { wallet_address = 1; reward_from_mining_pool = 2; reward_from_traffic_pool = 3 }`, LP. */
export function rewardValue(wallet: string, mining: readonly CoinAmount[], traffic: readonly CoinAmount[]): Uint8Array {
  const w = new BinaryWriter();
  if (wallet !== "") w.tag(1, LEN).string(wallet);
  coinList(w, 2, mining);
  coinList(w, 3, traffic);
  return lp(w.finish());
}

/** `stratos.types.v1.Coins { repeated Coin Value = 1 }`, LP: mature and immature totals. */
export function coinsValue(coins: readonly CoinAmount[]): Uint8Array {
  const w = new BinaryWriter();
  coinList(w, 1, coins);
  return lp(w.finish());
}

/** A single `Coin`, LP: total_mined_token. */
export const coinValue = (c: CoinAmount): Uint8Array => lp(coin(c));

/** `TotalReward { mining_reward = 1; traffic_reward = 2 }`, LP. */
export function totalRewardValue(mining: readonly CoinAmount[], traffic: readonly CoinAmount[]): Uint8Array {
  const w = new BinaryWriter();
  coinList(w, 1, mining);
  coinList(w, 2, traffic);
  return lp(w.finish());
}

/** `VolumeReportRecord { reporter = 1; report_reference = 2; tx_hash = 3 }`, LP. */
export function volumeReportRecordValue(reporter: string, reference: string, txHash: string): Uint8Array {
  const w = new BinaryWriter();
  if (reporter !== "") w.tag(1, LEN).string(reporter);
  if (reference !== "") w.tag(2, LEN).string(reference);
  if (txHash !== "") w.tag(3, LEN).string(txHash);
  return lp(w.finish());
}

// ---- keys (spec-pot §2.1) --------------------------------------------------------------------

const raw = (bech32: string): Uint8Array => fromBech32(bech32, 1023).data;
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const key = (prefix: number, ...tails: Uint8Array[]): Uint8Array => Uint8Array.from([prefix, ...tails.flatMap((t) => [...t])]);

export const POT_KEY = {
  totalMinedToken: Uint8Array.of(0x01),
  lastDistributedEpoch: Uint8Array.of(0x02),
  /** `0x03 ‖ epochStr ‖ "_" ‖ addr`: the reward of `wallet` maturing at `epoch`. */
  individualReward: (epoch: bigint, wallet: string) => key(0x03, utf8(`${epoch}_`), raw(wallet)),
  matureTotal: (wallet: string) => key(0x04, raw(wallet)),
  immatureTotal: (wallet: string) => key(0x05, raw(wallet)),
  volumeReport: (epoch: bigint) => key(0x06, utf8(epoch.toString())),
  maturedEpoch: Uint8Array.of(0x07),
  totalReward: (epoch: bigint) => key(0x08, utf8(epoch.toString())),
} as const;
