/**
 * Mint genesis (spec-staking §6; SDK v0.47 `x/mint/keeper/genesis.go`, `types/genesis.go`): minter and
 * params read strictly from proto-JSON, validated at InitChain (the reference validates only in
 * `validate-genesis`), stored, and the mint module account created; export is the inverse.
 */
import type { Context, ReadContext } from "../../baseapp/context.js";
import { Dec, DecParseError } from "../../math/dec.js";
import { GenesisError, JsonFields } from "../auth/protoJson.js";
import type { MintKeeper } from "./keeper.js";
import { MINT_MODULE_NAME } from "./keys.js";
import { validateMintParams } from "./params.js";
import type { Minter, MintParams, MintParamsInput } from "./types.js";

export interface MintGenesis {
  readonly minter: Minter;
  readonly params: MintParams;
}

const ROOT = "mint";

/** stratos-1's mint genesis (spec-staking §6): inflation off, goal 67 %, 6 311 520 blocks a year. */
export function mainnetMintGenesisJson(): Record<string, unknown> {
  return {
    minter: { inflation: "0.000000000000000000", annual_provisions: "0.000000000000000000" },
    params: {
      mint_denom: "wei", inflation_rate_change: "0.000000000000000000", inflation_max: "0.000000000000000000",
      inflation_min: "0.000000000000000000", goal_bonded: "0.670000000000000000", blocks_per_year: "6311520",
    },
  };
}

/** Parses and validates the `mint` part of `app_state`. @throws GenesisError naming the problem. */
export function parseMintGenesis(json: unknown): MintGenesis {
  const root = JsonFields.of(json, ROOT);
  const m = root.object("minter");
  const inflation = m === undefined ? undefined : decField(m, "inflation");
  const annualProvisions = m === undefined ? undefined : decField(m, "annual_provisions");
  m?.finish();
  const p = root.object("params");
  const input: MintParamsInput = {
    mintDenom: p?.string("mint_denom") ?? "",
    inflationRateChange: p === undefined ? undefined : decField(p, "inflation_rate_change"),
    inflationMax: p === undefined ? undefined : decField(p, "inflation_max"),
    inflationMin: p === undefined ? undefined : decField(p, "inflation_min"),
    goalBonded: p === undefined ? undefined : decField(p, "goal_bonded"),
    blocksPerYear: p?.uint64("blocks_per_year") ?? 0n,
  };
  p?.finish();
  root.finish();
  const problem = validateMintParams(input);
  if (problem !== undefined) throw new GenesisError(`${root.pathOf("params")}: ${problem}`);
  // The reference checks only that inflation is not negative; a nil Dec would panic in BeginBlock.
  if (inflation === undefined) throw new GenesisError(`${root.pathOf("minter")}.inflation: missing decimal`);
  if (annualProvisions === undefined) throw new GenesisError(`${root.pathOf("minter")}.annual_provisions: missing decimal`);
  if (inflation.isNegative()) {
    throw new GenesisError(`${root.pathOf("minter")}: mint parameter Inflation should be positive, is ${inflation.toString()}`);
  }
  return { minter: { inflation, annualProvisions }, params: input as MintParams };
}

/** A Dec in JSON (human decimal text); undefined when absent (Go's nil Dec). */
function decField(f: JsonFields, name: string): Dec | undefined {
  const v = f.raw(name);
  if (v === undefined) return undefined;
  if (typeof v !== "string") throw new GenesisError(`${f.pathOf(name)}: expected a decimal string, got ${JSON.stringify(v)}`);
  try {
    return Dec.parse(v);
  } catch (e) {
    if (e instanceof DecParseError) throw new GenesisError(`${f.pathOf(name)}: ${e.message}`);
    throw e;
  }
}

export function initMintGenesis(ctx: Context, k: MintKeeper, g: MintGenesis): void {
  k.setMinter(ctx, g.minter);
  k.setParams(ctx, g.params);
  k.deps.accounts.getModuleAccount(ctx, MINT_MODULE_NAME);
}

export function exportMintGenesis(ctx: ReadContext, k: MintKeeper): unknown {
  const minter = k.getMinter(ctx);
  const params = k.getParams(ctx);
  return {
    minter: { inflation: minter.inflation.toString(), annual_provisions: minter.annualProvisions.toString() },
    params: params === undefined ? null : {
      mint_denom: params.mintDenom,
      inflation_rate_change: params.inflationRateChange.toString(),
      inflation_max: params.inflationMax.toString(),
      inflation_min: params.inflationMin.toString(),
      goal_bonded: params.goalBonded.toString(),
      blocks_per_year: params.blocksPerYear.toString(),
    },
  };
}
