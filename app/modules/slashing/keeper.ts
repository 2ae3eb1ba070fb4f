/**
 * The slashing keeper: state I/O of the `slashing` store (params, signing infos, the missed-block
 * bitmap, the consensus address ↔ pubkey relation), and the slash and jail wrappers evidence calls
 * (SDK v0.47 `x/slashing/keeper`: keeper.go, params.go, signing_info.go). No procedure lives here:
 * liveness is beginBlock.ts, MsgUnjail msgs/unjail.ts.
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import type { ReadContext } from "../../baseapp/context.js";
import { ParamsSchema } from "../../codec/cosmos/slashing/v1beta1/slashing_pb.js";
import { PubKeySchema as Ed25519PubKeySchema } from "../../codec/cosmos/crypto/ed25519/keys_pb.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { Dec } from "../../math/dec.js";
import { prefixEnd } from "../../store/bytes.js";
import { jailEvent, type SlashReason, slashEvent } from "./events.js";
import type { StakingForSlashing, WriteContext } from "./expected.js";
import {
  addressOfSigningInfoKey, indexOfMissedBlockKey, missedBlockKey, missedBlocksPrefix, PARAMS_KEY, pubkeyRelationKey,
  SIGNING_INFO_PREFIX, SLASHING_STORE_KEY, signingInfoKey,
} from "./keys.js";
import { maxMissedPerWindow, minSignedPerWindow } from "./logic/liveness.js";
import { type SlashingParams, slashingParamsFromProto, slashingParamsToProto } from "./params.js";
import { decodeSigningInfo, encodeSigningInfo, type UnixNanos, type ValidatorSigningInfo } from "./types.js";

/** `BoolValue{value: true}`: a missed slot. A signed slot has no key (the reference may store `false`). */
const MISSED = Uint8Array.of(0x08, 0x01);
const ED25519_PUBKEY_TYPE_URL = "/cosmos.crypto.ed25519.PubKey";

export const consAddrString = (consAddr: Uint8Array): string => formatBech32Address(consAddr, BECH32_PREFIX.consensus);

export class SlashingKeeper {
  constructor(
    readonly staking: StakingForSlashing,
    /** Bech32 address of the MsgUpdateParams authority (the gov module account). */
    readonly authority: string,
  ) {}

  // ---------------------------------------------------------------- params

  /**
   * The stored params (validated when they were set). Before genesis stored any, the zero params, as
   * in the reference — whose liveness then fails on the window of 0, so a chain needs slashing params
   * in its genesis.
   */
  getParams(ctx: ReadContext): SlashingParams {
    const raw = ctx.kv(SLASHING_STORE_KEY).get(PARAMS_KEY);
    const p = slashingParamsFromProto(raw === undefined ? undefined : fromBinary(ParamsSchema, raw));
    return {
      signedBlocksWindow: p.signedBlocksWindow,
      minSignedPerWindow: p.minSignedPerWindow ?? Dec.ZERO,
      downtimeJailDurationNanos: p.downtimeJailDurationNanos,
      slashFractionDoubleSign: p.slashFractionDoubleSign ?? Dec.ZERO,
      slashFractionDowntime: p.slashFractionDowntime ?? Dec.ZERO,
    };
  }

  setParams(ctx: WriteContext, params: SlashingParams): void {
    ctx.kv(SLASHING_STORE_KEY).set(PARAMS_KEY, toBinary(ParamsSchema, slashingParamsToProto(params)));
  }

  /** `MinSignedPerWindow`: RoundInt64(min_signed_per_window × window). */
  minSignedPerWindow(ctx: ReadContext): bigint {
    const p = this.getParams(ctx);
    return minSignedPerWindow(p.minSignedPerWindow, p.signedBlocksWindow);
  }

  maxMissedPerWindow(ctx: ReadContext): bigint {
    const p = this.getParams(ctx);
    return maxMissedPerWindow(p.minSignedPerWindow, p.signedBlocksWindow);
  }

  slashFractionDoubleSign(ctx: ReadContext): Dec {
    return this.getParams(ctx).slashFractionDoubleSign;
  }

  // ---------------------------------------------------------------- signing infos

  getSigningInfo(ctx: ReadContext, consAddr: Uint8Array): ValidatorSigningInfo | undefined {
    const raw = ctx.kv(SLASHING_STORE_KEY).get(signingInfoKey(consAddr));
    return raw === undefined ? undefined : decodeSigningInfo(raw);
  }

  hasSigningInfo(ctx: ReadContext, consAddr: Uint8Array): boolean {
    return this.getSigningInfo(ctx, consAddr) !== undefined;
  }

  setSigningInfo(ctx: WriteContext, consAddr: Uint8Array, info: ValidatorSigningInfo): void {
    ctx.kv(SLASHING_STORE_KEY).set(signingInfoKey(consAddr), encodeSigningInfo(info));
  }

  /** Every signing info in consensus-address byte order. */
  *signingInfos(ctx: ReadContext): Generator<{ readonly consAddr: Uint8Array; readonly info: ValidatorSigningInfo }> {
    for (const { key, value } of ctx.kv(SLASHING_STORE_KEY).iterator(SIGNING_INFO_PREFIX, prefixEnd(SIGNING_INFO_PREFIX))) {
      yield { consAddr: addressOfSigningInfoKey(key.subarray(SIGNING_INFO_PREFIX.length)), info: decodeSigningInfo(value) };
    }
  }

  /**
   * `JailUntil`. @throws Error without signing info (the reference panics: "cannot jail validator that
   * does not have any signing information")
   */
  jailUntil(ctx: WriteContext, consAddr: Uint8Array, until: UnixNanos): void {
    const info = this.getSigningInfo(ctx, consAddr);
    if (info === undefined) throw new Error("cannot jail validator that does not have any signing information");
    this.setSigningInfo(ctx, consAddr, { ...info, jailedUntil: until });
  }

  /** `Tombstone`. @throws Error without signing info or when already tombstoned (reference panics) */
  tombstone(ctx: WriteContext, consAddr: Uint8Array): void {
    const info = this.getSigningInfo(ctx, consAddr);
    if (info === undefined) throw new Error("cannot tombstone validator that does not have any signing information");
    if (info.tombstoned) throw new Error("cannot tombstone validator that is already tombstoned");
    this.setSigningInfo(ctx, consAddr, { ...info, tombstoned: true });
  }

  isTombstoned(ctx: ReadContext, consAddr: Uint8Array): boolean {
    return this.getSigningInfo(ctx, consAddr)?.tombstoned ?? false;
  }

  // ---------------------------------------------------------------- missed-block bitmap

  getMissedBlockBit(ctx: ReadContext, consAddr: Uint8Array, index: bigint): boolean {
    return ctx.kv(SLASHING_STORE_KEY).has(missedBlockKey(consAddr, index));
  }

  setMissedBlockBit(ctx: WriteContext, consAddr: Uint8Array, index: bigint, missed: boolean): void {
    const store = ctx.kv(SLASHING_STORE_KEY);
    if (missed) store.set(missedBlockKey(consAddr, index), MISSED);
    else store.delete(missedBlockKey(consAddr, index));
  }

  /** Clears every slot of a validator's bitmap (after a downtime jail). */
  clearMissedBlockBitArray(ctx: WriteContext, consAddr: Uint8Array): void {
    const store = ctx.kv(SLASHING_STORE_KEY);
    const prefix = missedBlocksPrefix(consAddr);
    const keys = [...store.iterator(prefix, prefixEnd(prefix))].map((kv) => kv.key);
    for (const key of keys) store.delete(key);
  }

  /**
   * The missed slots of a validator with index in [0, window), ascending (`GetValidatorMissedBlocks`
   * walks exactly that range; slots a larger earlier window left behind are not listed).
   */
  missedBlocks(ctx: ReadContext, consAddr: Uint8Array): bigint[] {
    const window = this.getParams(ctx).signedBlocksWindow;
    const prefix = missedBlocksPrefix(consAddr);
    const indices: bigint[] = [];
    for (const { key } of ctx.kv(SLASHING_STORE_KEY).iterator(prefix, prefixEnd(prefix))) {
      const index = indexOfMissedBlockKey(key.subarray(prefix.length));
      if (index >= 0n && index < window) indices.push(index);
    }
    return indices.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  // ---------------------------------------------------------------- address ↔ pubkey relation

  /** `AddPubkey`: stores the ed25519 consensus key under its address, as an Any (`MarshalInterface`). */
  addPubkey(ctx: WriteContext, pubKey: Uint8Array): void {
    const value = toBinary(AnySchema, create(AnySchema, {
      typeUrl: ED25519_PUBKEY_TYPE_URL,
      value: toBinary(Ed25519PubKeySchema, create(Ed25519PubKeySchema, { key: pubKey })),
    }));
    ctx.kv(SLASHING_STORE_KEY).set(pubkeyRelationKey(ed25519Address(pubKey)), value);
  }

  /** The consensus key stored for an address, or undefined (the reference's "address … not found"). */
  getPubkey(ctx: ReadContext, consAddr: Uint8Array): Uint8Array | undefined {
    const raw = ctx.kv(SLASHING_STORE_KEY).get(pubkeyRelationKey(consAddr));
    if (raw === undefined) return undefined;
    const any = fromBinary(AnySchema, raw);
    return fromBinary(Ed25519PubKeySchema, any.value).key;
  }

  deletePubkey(ctx: WriteContext, consAddr: Uint8Array): void {
    ctx.kv(SLASHING_STORE_KEY).delete(pubkeyRelationKey(consAddr));
  }

  // ---------------------------------------------------------------- slash and jail (for evidence)

  /**
   * `SlashWithInfractionReason`: staking's slash, then `slash{address, power, reason, burned_coins}`.
   * Returns the wei burned from the validator.
   */
  slashWithReason(ctx: WriteContext, consAddr: Uint8Array, fraction: Dec, power: bigint, infractionHeight: bigint, reason: SlashReason): bigint {
    const burned = this.staking.slash(ctx, consAddr, infractionHeight, power, fraction);
    ctx.emit(slashEvent({ address: consAddrString(consAddr), power, reason, burnedCoins: burned }));
    return burned;
  }

  /** `Jail`: staking's jail, then `slash{jailed}`. */
  jail(ctx: WriteContext, consAddr: Uint8Array): void {
    this.staking.jail(ctx, consAddr);
    ctx.emit(jailEvent(consAddrString(consAddr)));
  }
}
