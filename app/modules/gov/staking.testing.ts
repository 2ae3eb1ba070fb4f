/**
 * A stand-in for the staking keeper as gov sees it (StakingForGov), for tests until the staking module
 * is wired: validators and delegations set by the test, read back with the reference's semantics —
 * the power index (consensus power desc, operator bytes asc; jailed validators are not in it), its
 * first max_validators entries filtered to BONDED, a delegator's delegations by validator bytes, the
 * bonded pool as the sum of the bonded validators' tokens. Test-only; it keeps no store state.
 */
import { Dec } from "../../math/dec.js";
import { compareBytes, equalBytes } from "../../store/bytes.js";
import { BondStatus, type Delegation, type Validator } from "../staking/types.js";
import { consensusPower } from "../staking/logic/shares.js";
import type { StakingForGov } from "./expected.js";

export interface StandInValidator {
  readonly operator: Uint8Array;
  readonly tokens: bigint;
  /** Default: tokens (exchange rate 1). */
  readonly delegatorShares?: Dec;
  /** Default BONDED. */
  readonly status?: BondStatus;
  readonly jailed?: boolean;
}

export class StakingStandIn implements StakingForGov {
  private readonly vals: Validator[] = [];
  private readonly dels: Delegation[] = [];

  constructor(public maxValidators = 100) {}

  addValidator(v: StandInValidator): void {
    if (this.vals.some((x) => equalBytes(x.operator, v.operator))) throw new Error("stand-in: validator added twice");
    this.vals.push({
      operator: v.operator,
      consensusPubKey: new Uint8Array(32),
      consensusAddress: v.operator,
      jailed: v.jailed ?? false,
      status: v.status ?? BondStatus.Bonded,
      tokens: v.tokens,
      delegatorShares: v.delegatorShares ?? Dec.fromInt(v.tokens),
      description: { moniker: "", identity: "", website: "", securityContact: "", details: "" },
      unbondingHeight: 0n,
      unbondingTime: 0n,
      commission: { rates: { rate: Dec.ZERO, maxRate: Dec.ZERO, maxChangeRate: Dec.ZERO }, updateTime: 0n },
      minSelfDelegation: 1n,
      unbondingOnHoldRefCount: 0n,
      unbondingIds: [],
    });
  }

  /** Tokens bonded to a validator change (e.g. a new delegation at exchange rate 1 adds the same shares). */
  addTokens(operator: Uint8Array, tokens: bigint, shares: Dec = Dec.fromInt(tokens)): void {
    const i = this.vals.findIndex((v) => equalBytes(v.operator, operator));
    const v = this.vals[i];
    if (v === undefined) throw new Error("stand-in: unknown validator");
    this.vals[i] = { ...v, tokens: v.tokens + tokens, delegatorShares: v.delegatorShares.add(shares) };
  }

  addDelegation(delegator: Uint8Array, validator: Uint8Array, shares: Dec): void {
    this.dels.push({ delegator, validator, shares });
  }

  *bondedValidatorsByPower(): Iterable<Validator> {
    const index = this.vals
      .filter((v) => !v.jailed)
      .sort((a, b) => {
        const pa = consensusPower(a.tokens);
        const pb = consensusPower(b.tokens);
        return pa !== pb ? (pa > pb ? -1 : 1) : compareBytes(a.operator, b.operator);
      })
      .slice(0, this.maxValidators);
    for (const v of index) if (v.status === BondStatus.Bonded) yield v;
  }

  *delegatorDelegations(_ctx: unknown, delegator: Uint8Array): Iterable<Delegation> {
    yield* this.dels.filter((d) => equalBytes(d.delegator, delegator)).sort((a, b) => compareBytes(a.validator, b.validator));
  }

  totalBondedTokens(): bigint {
    return this.vals.filter((v) => v.status === BondStatus.Bonded).reduce((sum, v) => sum + v.tokens, 0n);
  }
}
