// Failures of the pure PoT economics (spec-pot §4, §5.3). Each carries the codespace/code that the
// reference's transaction result shows for the same failure, so the module can map it to its
// registered error (or pass it through) without guessing. Where the reference *panics* (a Go runtime
// panic recovered by baseapp), the result code is the SDK's ErrPanic: codespace "sdk", code 111222.
// That code enters CometBFT's LastResultsHash, so we keep it even where the log text is clearer.

import { InvalidCoinsError, InvalidDenomError } from "../../../math/coins.js";
import { DecOverflowError, DivisionByZeroError } from "../../../math/dec.js";
import { IntOverflowError } from "../../../math/int.js";

/** Base class: a failure with the reference's (codespace, code). */
export class PotLogicError extends Error {
  constructor(
    readonly codespace: string,
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * §5.3 step 2: Y + Lt > trunc(S / rate). The reference returns a plain error that the handler wraps
 * in ErrVolumeReport (pot 32); the text is the reference's, verbatim.
 */
export class NozSupplyExceededError extends PotLogicError {
  constructor(
    readonly consumedPlusRemaining: bigint,
    readonly totalNozSupply: bigint,
  ) {
    super("pot", 32, "remaining+consumed Noz exceeds total Noz supply");
  }
}

/** A negative report volume (pot ErrNegativeVolume, 18); ValidateBasic normally rejects it first. */
export class NegativeVolumeError extends PotLogicError {
  constructor(
    readonly walletAddress: string,
    readonly volume: bigint,
  ) {
    super("pot", 18, `distributeEpochReward: volume ${volume} of wallet "${walletAddress}" is negative`);
  }
}

/** §4.1 handler step 5: `BLS_signature.txData` ≠ Keccak-256 of the sign bytes (pot ErrBLSTxDataInvalid, 21). */
export class BlsTxDataInvalidError extends PotLogicError {
  constructor() {
    super("pot", 21, "BLS signature txData does not match the volume report's sign bytes");
  }
}

/** §4.1 handler step 6: the aggregate signature does not verify (pot ErrBLSVerifyFailed, 23). */
export class BlsVerifyFailedError extends PotLogicError {
  constructor() {
    super("pot", 23, "BLS signature verification failed");
  }
}

/** §4.1 handler step 7: fewer public keys than max(1, ⌊2n/3⌋) (pot ErrBLSNotReachThreshold, 24). */
export class BlsNotReachThresholdError extends PotLogicError {
  constructor(
    readonly pubKeyCount: number,
    readonly threshold: bigint,
  ) {
    super("pot", 24, `BLS signature does not reach the threshold: ${pubKeyCount} public keys, ${threshold} required`);
  }
}

/** Where the Go reference panics (tx result sdk/111222). Subclasses say why. */
export class ReferencePanicError extends PotLogicError {
  constructor(message: string) {
    super("sdk", 111222, message);
  }
}

/**
 * A Dec division by zero (Go: "division by zero" panic). `divisor` names the zero quantity; `cause` is
 * the math layer's DivisionByZeroError when mapped by withReferencePanics (its message, which names
 * the register formula and divisor, is kept).
 */
export class ZeroDivisorError extends ReferencePanicError {
  constructor(
    readonly where: string,
    readonly divisor: string,
    cause?: unknown,
  ) {
    super(`${where}: ${divisor} is zero (the reference panics on this division)${cause instanceof Error ? `: ${cause.message}` : ""}`);
    if (cause !== undefined) this.cause = cause;
  }
}

/**
 * §3/§5.3 step 4: total_mined_token is inside no valve. The reference keeps nil-amount mining coins
 * and panics on their first use, so every report fails (QUIRK); we fail with the same result code
 * and an explicit message naming ErrOutOfIssuance.
 */
export class OutOfIssuanceError extends ReferencePanicError {
  constructor(readonly totalMinedToken: bigint) {
    super(`mining reward reaches the issuance limit (ErrOutOfIssuance): total mined ${totalMinedToken} is in no valve`);
  }
}

/** The valve list is empty: the reference indexes element -1 and panics (§3 QUIRK). */
export class EmptyMiningValvesError extends ReferencePanicError {
  constructor() {
    super("selectMiningValve: mining_reward_params is empty (the reference panics on index -1)");
  }
}

/** A coin amount would be negative: Go's sdk.NewCoin panics (reachable only from invalid state/params). */
export class NegativeCoinAmountError extends ReferencePanicError {
  constructor(
    readonly what: string,
    readonly amount: bigint,
  ) {
    super(`${what}: negative coin amount ${amount} (the reference panics in NewCoin)`);
  }
}

/** Int (256-bit) or Dec overflow: Go's sdkmath panics. */
export class ArithmeticOverflowError extends ReferencePanicError {
  constructor(where: string, cause: unknown) {
    super(`${where}: arithmetic overflow (${cause instanceof Error ? cause.message : String(cause)})`);
    this.cause = cause;
  }
}

/** A coin with an invalid denom (params not validated): Go's sdk.NewCoin / NewCoins panic. */
export class InvalidCoinError extends ReferencePanicError {
  constructor(where: string, cause: unknown) {
    super(`${where}: invalid coin (${cause instanceof Error ? cause.message : String(cause)})`);
    this.cause = cause;
  }
}

/**
 * Runs `fn`, turning the math layer's panic-equivalents (Dec division by zero, Int/Dec overflow) into
 * the errors above so callers only ever see PotLogicError subclasses for reference panics. This is
 * pot's boundary for the register formulas it calls (register/logic/ozone.ts, suspension.ts), which
 * throw the math layer's errors. Coin errors only arise from invalid denoms here (amounts are checked
 * before coins are built).
 */
export function withReferencePanics<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof DivisionByZeroError) throw new ZeroDivisorError(where, "a Dec divisor", e);
    if (e instanceof DecOverflowError || e instanceof IntOverflowError) throw new ArithmeticOverflowError(where, e);
    if (e instanceof InvalidCoinsError || e instanceof InvalidDenomError) throw new InvalidCoinError(where, e);
    throw e;
  }
}
