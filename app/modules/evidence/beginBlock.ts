/**
 * Evidence's BeginBlock (spec-staking §4.1; SDK v0.47 `BeginBlocker` and `HandleEquivocationEvidence`):
 * each double sign CometBFT reports is checked (known, not unbonded, its key known, not too old, not
 * already tombstoned), then the validator is slashed by the double-sign fraction at the infraction
 * height − 1, jailed forever, tombstoned, and the evidence stored.
 */
import type { Misbehaviour } from "../../baseapp/block.js";
import { AddressError, BECH32_PREFIX, parseBech32Address } from "../../crypto/address.js";
import { fromTimestamp } from "../register/logic/time.js";
import { VALIDATOR_UPDATE_DELAY } from "../slashing/logic/liveness.js";
import { BondStatus } from "../staking/types.js";
import { type Equivocation, equivocationFromMisbehaviour } from "./equivocation.js";
import type { WriteContext } from "./expected.js";
import type { EvidenceKeeper } from "./keeper.js";
import { DOUBLE_SIGN_JAIL_END_TIME, isTooOld } from "./params.js";

export interface EvidenceBlockContext extends WriteContext {
  readonly header: { readonly height: bigint; readonly time: { readonly seconds: bigint; readonly nanos: number } };
}

export function evidenceBeginBlock(k: EvidenceKeeper, ctx: EvidenceBlockContext, misbehaviour: readonly Misbehaviour[]): void {
  for (const m of misbehaviour) {
    if (m.kind === "duplicate_vote" || m.kind === "light_client_attack") handleEquivocationEvidence(k, ctx, equivocationFromMisbehaviour(m));
    else k.log("ignored unknown evidence type");
  }
}

/** `Equivocation.GetConsensusAddress()`: Go's nil (empty) when the text does not parse. */
function consensusAddressOf(e: Equivocation): Uint8Array {
  try {
    return parseBech32Address(e.consensusAddress, BECH32_PREFIX.consensus);
  } catch (err) {
    if (err instanceof AddressError) return new Uint8Array();
    throw err;
  }
}

/**
 * One equivocation. @throws Error when a bonded validator has no signing info (the reference panics:
 * slashing creates it when the validator is bonded)
 */
export function handleEquivocationEvidence(k: EvidenceKeeper, ctx: EvidenceBlockContext, e: Equivocation): void {
  const consAddr = consensusAddressOf(e);
  const validator = k.staking.validatorByConsAddr(ctx, consAddr);
  // Unknown, or Unbonded: its stake can no longer be slashed.
  if (validator === undefined || validator.status === BondStatus.Unbonded) return;
  if (k.slashing.getPubkey(ctx, consAddr) === undefined) {
    k.log(`ignore evidence; expected public key for validator ${e.consensusAddress} not found`);
    return;
  }

  const ageNanos = fromTimestamp(ctx.header.time) - e.time;
  const ageBlocks = ctx.header.height - e.height;
  if (isTooOld(k.getAgeLimits(ctx), ageNanos, ageBlocks)) {
    k.log(`ignored equivocation; evidence too old: validator ${e.consensusAddress}, infraction height ${e.height}`);
    return;
  }

  if (!k.slashing.hasSigningInfo(ctx, consAddr)) throw new Error(`expected signing info for validator ${e.consensusAddress} but not found`);
  if (k.slashing.isTombstoned(ctx, consAddr)) {
    k.log(`ignored equivocation; validator already tombstoned: ${e.consensusAddress}, infraction height ${e.height}`);
    return;
  }

  // The stake that signed at the infraction height was fixed ValidatorUpdateDelay blocks earlier.
  const infractionHeight = e.height - VALIDATOR_UPDATE_DELAY;
  k.slashing.slashWithReason(ctx, consAddr, k.slashing.slashFractionDoubleSign(ctx), e.power, infractionHeight, "double_sign");
  // A validator already jailed (e.g. for downtime) is not jailed twice.
  if (!validator.jailed) k.slashing.jail(ctx, consAddr);
  k.slashing.jailUntil(ctx, consAddr, DOUBLE_SIGN_JAIL_END_TIME);
  k.slashing.tombstone(ctx, consAddr);
  k.setEvidence(ctx, e);
}
