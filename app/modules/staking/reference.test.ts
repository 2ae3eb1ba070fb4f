/**
 * Byte-for-byte checks against the Go reference (reference.vectors.ts, made by scripts/staking-golden
 * with the SDK fork stratos-chain v0.12.2 pins): store keys, a validator record, the edit_validator
 * YAML, and the TxRaw bytes genutil delivers for each stratos-1 gentx.
 */
import { describe, expect, it } from "vitest";
import { Dec } from "../../math/dec.js";
import { hexOf } from "../../store/bytes.js";
import { utcTime } from "../register/logic/time.js";
import { gentxToTxBytes } from "../genutil/gentx.js";
import {
  delegationKey, historicalInfoKey, lastValidatorPowerKey, parseValidatorQueueKey, redelegationByDstKey, redelegationBySrcKey, redelegationKey,
  unbondingDelegationByValidatorKey, unbondingDelegationKey, unbondingQueueKey, validatorKey, validatorPowerIndexKey, validatorQueueKey,
} from "./keys.js";
import { commissionYaml } from "./logic/commission.js";
import { STAKING_GOLDEN } from "./reference.vectors.js";
import { decodeValidator, encodeValidator } from "./store.js";
import { mainnetGentxs } from "./testkit.js";
import { BondStatus } from "./types.js";
import { ed25519Address } from "../../crypto/ed25519.js";

const seq = (start: number, n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => start + i);
const del = seq(0x10, 20);
const val = seq(0x80, 20);
const dst = seq(0xa0, 20);
const t = utcTime(2024, 3, 22, 12, 0, 0, 123_456_789);

describe("store keys are the SDK's", () => {
  it.each([
    ["powerIndex", validatorPowerIndexKey(100_500n, val)],
    ["validator", validatorKey(val)],
    ["delegation", delegationKey(del, val)],
    ["ubd", unbondingDelegationKey(del, val)],
    ["ubdByVal", unbondingDelegationByValidatorKey(del, val)],
    ["red", redelegationKey(del, val, dst)],
    ["redBySrc", redelegationBySrcKey(del, val, dst)],
    ["redByDst", redelegationByDstKey(del, val, dst)],
    ["lastPower", lastValidatorPowerKey(val)],
    ["ubdQueue", unbondingQueueKey(t)],
    ["validatorQueue", validatorQueueKey(t, 29_501n)],
    ["historicalInfo", historicalInfoKey(10_000n)],
  ] as const)("%s", (name, key) => {
    expect(hexOf(key)).toBe(STAKING_GOLDEN.keys[name]);
  });

  it("a validator-queue key parses back to its time text and height", () => {
    expect(parseValidatorQueueKey(validatorQueueKey(t, 29_501n))).toEqual({ timeText: "2024-03-22T12:00:00.123456789", height: 29_501n });
  });
});

describe("records and texts are the SDK's", () => {
  it("a validator record encodes as gogoproto writes it (non-nullable fields present) and decodes back", () => {
    const key = seq(0x40, 32);
    const record = {
      operator: val, consensusPubKey: key, consensusAddress: ed25519Address(key), jailed: false, status: BondStatus.Bonded,
      tokens: 99n * 10n ** 18n, delegatorShares: Dec.fromInt(99n * 10n ** 18n),
      description: { moniker: "moniker", identity: "", website: "", securityContact: "", details: "" },
      unbondingHeight: 0n, unbondingTime: 0n,
      commission: { rates: { rate: Dec.parse("0.1"), maxRate: Dec.parse("0.2"), maxChangeRate: Dec.parse("0.01") }, updateTime: utcTime(2023, 9, 8, 0, 0, 0, 425_396_140) },
      minSelfDelegation: 1n, unbondingOnHoldRefCount: 0n, unbondingIds: [],
    };
    const bytes = encodeValidator(record);
    expect(hexOf(bytes)).toBe(STAKING_GOLDEN.validatorRecord);
    expect(decodeValidator(new Uint8Array(bytes))).toEqual(record);
  });

  it("Commission.String()", () => {
    expect(commissionYaml({ rates: { rate: Dec.parse("0.1"), maxRate: Dec.parse("0.2"), maxChangeRate: Dec.parse("0.01") }, updateTime: utcTime(2023, 9, 8, 0, 0, 0, 425_396_140) }))
      .toBe(STAKING_GOLDEN.commissionYaml);
  });

  it("each stratos-1 gentx re-encodes to the TxRaw the SDK's tx encoder makes (what its signature covers)", () => {
    const gentxs = mainnetGentxs().gen_txs;
    expect(gentxs).toHaveLength(7);
    gentxs.forEach((g, i) => expect(hexOf(gentxToTxBytes(g))).toBe(STAKING_GOLDEN.gentxTxRaw[i]));
  });
});
