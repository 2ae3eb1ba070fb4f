/**
 * Crisis genesis (spec-staking §7; SDK v0.47 `keeper/genesis.go`): `{"constant_fee": {denom, amount}}`,
 * stored with `SetConstantFee`'s check (a valid denom, an amount ≥ 0); export is the inverse.
 */
import type { JsonValue } from "@bufbuild/protobuf";
import type { ReadContext } from "../../baseapp/context.js";
import { type Coin } from "../../math/coins.js";
import { IntParseError, unmarshalIntText } from "../../math/int.js";
import { GenesisError, JsonFields } from "../auth/protoJson.js";
import type { WriteContext } from "./expected.js";
import { type CrisisKeeper, isValidConstantFee } from "./keeper.js";

const ROOT = "crisis";

export interface CrisisGenesis {
  readonly constantFee: Coin;
}

/** Parses and checks the `crisis` part of `app_state`. @throws GenesisError naming the problem */
export function parseCrisisGenesis(json: unknown): CrisisGenesis {
  const root = JsonFields.of(json, ROOT);
  const f = root.object("constant_fee");
  const denom = f?.string("denom") ?? "";
  const amountText = f?.raw("amount");
  f?.finish();
  root.finish();
  const path = root.pathOf("constant_fee");
  if (amountText === undefined) throw new GenesisError(`${path}.amount: missing amount (Go's nil Int)`);
  if (typeof amountText !== "string") throw new GenesisError(`${path}.amount: expected an integer string, got ${JSON.stringify(amountText)}`);
  let amount: bigint | undefined;
  try {
    amount = unmarshalIntText(amountText);
  } catch (e) {
    if (e instanceof IntParseError) throw new GenesisError(`${path}.amount: ${e.message}`);
    throw e;
  }
  if (amount === undefined) throw new GenesisError(`${path}.amount: missing amount (Go's nil Int)`);
  const constantFee = { denom, amount };
  if (!isValidConstantFee(constantFee)) throw new GenesisError(`${path}: negative or invalid constant fee: ${amount}${denom}`);
  return { constantFee };
}

export function initCrisisGenesis(ctx: WriteContext, k: CrisisKeeper, g: CrisisGenesis): void {
  k.setConstantFee(ctx, g.constantFee);
}

export function exportCrisisGenesis(ctx: ReadContext, k: CrisisKeeper): JsonValue {
  const fee = k.getConstantFee(ctx);
  return { constant_fee: { denom: fee.denom, amount: fee.amount.toString() } };
}
