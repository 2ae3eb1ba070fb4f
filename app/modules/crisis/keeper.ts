/**
 * The crisis keeper (SDK v0.47 `x/crisis/keeper`): the constant fee in the `crisis` store, and the
 * invariant registry — every module's `ModuleHooks.invariants`, registered by the app as
 * "<module>/<route>" routes — with the assertion InitChain and `--inv-check-period` run.
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import type { ReadContext } from "../../baseapp/context.js";
import { ErrInvalidCoins } from "../../baseapp/errors.js";
import type { Invariant } from "../../baseapp/invariants.js";
import { CoinSchema } from "../../codec/cosmos/base/v1beta1/coin_pb.js";
import { type Coin, isValidDenom } from "../../math/coins.js";
import { unmarshalIntText } from "../../math/int.js";
import type { BankForCrisis, WriteContext } from "./expected.js";
import { CONSTANT_FEE_KEY, CRISIS_STORE_KEY } from "./keys.js";

export interface InvariantRoute {
  readonly moduleName: string;
  readonly route: string;
  readonly invariant: Invariant;
}

/** `InvarRoute.FullRoute()`. */
export const fullRoute = (r: { readonly moduleName: string; readonly route: string }): string => `${r.moduleName}/${r.route}`;

export interface CrisisKeeperDeps {
  readonly bank: BankForCrisis;
  /** Bech32 address of the MsgUpdateParams authority (the gov module account). */
  readonly authority: string;
  /** Assert every invariant in EndBlock at heights divisible by this (the node's `--inv-check-period`); 0 = never. */
  readonly invCheckPeriod: bigint;
}

/** `Coin.IsValid() && !IsNegative()`: a valid denom and an amount ≥ 0. */
export function isValidConstantFee(fee: Coin): boolean {
  return isValidDenom(fee.denom) && fee.amount >= 0n;
}

export class CrisisKeeper {
  private readonly registry: InvariantRoute[] = [];

  constructor(readonly deps: CrisisKeeperDeps) {}

  get bank(): BankForCrisis {
    return this.deps.bank;
  }

  get authority(): string {
    return this.deps.authority;
  }

  /** `RegisterRoute`: done by the app while it wires the modules, before any block. */
  registerRoute(moduleName: string, route: string, invariant: Invariant): void {
    const full = fullRoute({ moduleName, route });
    if (this.registry.some((r) => fullRoute(r) === full)) throw new Error(`invariant ${full} registered twice`);
    this.registry.push({ moduleName, route, invariant });
  }

  /** The registered invariants in registration order. */
  routes(): readonly InvariantRoute[] {
    return this.registry;
  }

  /** The stored fee; a zero coin without denom before genesis stored one. */
  getConstantFee(ctx: ReadContext): Coin {
    const raw = ctx.kv(CRISIS_STORE_KEY).get(CONSTANT_FEE_KEY);
    if (raw === undefined) return { denom: "", amount: 0n };
    const c = fromBinary(CoinSchema, raw);
    return { denom: c.denom, amount: unmarshalIntText(c.amount) ?? 0n };
  }

  /** `SetConstantFee`. @throws sdk 10 "negative or invalid constant fee: <coin>: invalid coins" */
  setConstantFee(ctx: WriteContext, fee: Coin): void {
    if (!isValidConstantFee(fee)) throw ErrInvalidCoins.wrap(`negative or invalid constant fee: ${fee.amount}${fee.denom}`);
    ctx.kv(CRISIS_STORE_KEY).set(CONSTANT_FEE_KEY, toBinary(CoinSchema, create(CoinSchema, { denom: fee.denom, amount: fee.amount.toString() })));
  }

  /**
   * `AssertInvariants`: every registered invariant in order; the first broken one stops everything
   * (the reference panics: InitChain fails, or the node halts in EndBlock).
   * @throws InvariantBrokenError
   */
  assertInvariants(ctx: ReadContext): void {
    for (const r of this.registry) {
      const problem = r.invariant(ctx);
      if (problem !== undefined) throw new InvariantBrokenError(r, problem);
    }
  }
}

/** A broken invariant found by the assertion, with the reference's panic text. */
export class InvariantBrokenError extends Error {
  override readonly name = "InvariantBrokenError";
  constructor(
    readonly route: InvariantRoute,
    readonly problem: string,
  ) {
    super(
      `invariant broken: ${fullRoute(route)}: ${problem}\n` +
        "\tCRITICAL please submit the following transaction:\n" +
        `\t\t tx crisis invariant-broken ${route.moduleName} ${route.route}`,
    );
  }
}
