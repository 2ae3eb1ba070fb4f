/**
 * The slashing module's block events (SDK v0.47 plain events, `types/events.go`), each built from
 * named attributes in the reference's order. Addresses are `stvalcons…`, numbers decimal text.
 */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { legacyEvent } from "../../baseapp/events.js";

/** Why a validator was slashed (`reason` attribute). */
export type SlashReason = "missing_signature" | "double_sign" | "unspecified";

/** A vote of `address` was absent at `height`; `missedBlocks` is its counter after the vote. */
export const livenessEvent = (a: { address: string; missedBlocks: bigint; height: bigint }): Event =>
  legacyEvent("liveness", { address: a.address, missed_blocks: a.missedBlocks.toString(), height: a.height.toString() });

/** Downtime: the slash and the jail in one event (`HandleValidatorSignature`). */
export const downtimeSlashEvent = (a: { address: string; power: bigint; burnedCoins: bigint }): Event =>
  legacyEvent("slash", {
    address: a.address,
    power: a.power.toString(),
    reason: "missing_signature",
    jailed: a.address,
    burned_coins: a.burnedCoins.toString(),
  });

/** A slash by `SlashWithInfractionReason` (evidence), without the jail. */
export const slashEvent = (a: { address: string; power: bigint; reason: SlashReason; burnedCoins: bigint }): Event =>
  legacyEvent("slash", { address: a.address, power: a.power.toString(), reason: a.reason, burned_coins: a.burnedCoins.toString() });

/** A jail by the slashing keeper's `Jail` (evidence). */
export const jailEvent = (address: string): Event => legacyEvent("slash", { jailed: address });
