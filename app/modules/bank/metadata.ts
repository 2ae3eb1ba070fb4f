/**
 * Denom metadata (`cosmos.bank.v1beta1.Metadata`, SDK v0.47 `x/bank/types/metadata.go`): validation
 * with the reference's texts, and the genesis proto-JSON form.
 */
import type { DenomUnit, Metadata } from "cosmjs-types/cosmos/bank/v1beta1/bank";
import { goTrimSpace, isValidDenom } from "../../math/coins.js";
import { GenesisError, JsonFields } from "../auth/protoJson.js";

/** SDK `Metadata.Validate`: the first problem's text, or undefined. */
export function validateMetadata(m: Metadata): string | undefined {
  if (goTrimSpace(m.name) === "") return "name field cannot be blank";
  if (goTrimSpace(m.symbol) === "") return "symbol field cannot be blank";
  if (!isValidDenom(m.base)) return `invalid metadata base denom: invalid denom: ${m.base}`;
  if (!isValidDenom(m.display)) return `invalid metadata display denom: invalid denom: ${m.display}`;
  let hasDisplay = false;
  let currentExponent = 0;
  const seen = new Set<string>();
  for (const [i, unit] of m.denomUnits.entries()) {
    if (i === 0) {
      if (unit.denom !== m.base) return `metadata's first denomination unit must be the one with base denom '${m.base}'`;
      if (unit.exponent !== 0) return `the exponent for base denomination unit ${m.base} must be 0`;
    } else if (currentExponent >= unit.exponent) {
      return "denom units should be sorted asc by exponent";
    }
    currentExponent = unit.exponent;
    if (seen.has(unit.denom)) return `duplicate denomination unit ${unit.denom}`;
    if (unit.denom === m.display) hasDisplay = true;
    const unitProblem = validateDenomUnit(unit);
    if (unitProblem !== undefined) return unitProblem;
    seen.add(unit.denom);
  }
  if (!hasDisplay) return `metadata must contain a denomination unit with display denom '${m.display}'`;
  return undefined;
}

/** SDK `DenomUnit.Validate`. */
function validateDenomUnit(unit: DenomUnit): string | undefined {
  if (!isValidDenom(unit.denom)) return `invalid denom unit: invalid denom: ${unit.denom}`;
  const aliases = new Set<string>();
  for (const alias of unit.aliases) {
    if (aliases.has(alias)) return `duplicate denomination unit alias ${alias}`;
    if (goTrimSpace(alias) === "") return `alias for denom unit ${unit.denom} cannot be blank`;
    aliases.add(alias);
  }
  return undefined;
}

export function metadataFromJson(value: unknown, path: string): Metadata {
  const f = JsonFields.of(value, path);
  const denomUnits = f.array("denom_units").map((u, i) => {
    const uf = JsonFields.of(u, `${f.pathOf("denom_units")}[${i}]`);
    const unit: DenomUnit = { denom: uf.string("denom"), exponent: uf.uint32("exponent"), aliases: stringList(uf, "aliases") };
    uf.finish();
    return unit;
  });
  const metadata: Metadata = {
    description: f.string("description"),
    denomUnits,
    base: f.string("base"),
    display: f.string("display"),
    name: f.string("name"),
    symbol: f.string("symbol"),
    uri: f.string("uri"),
    uriHash: f.string("uri_hash"),
  };
  f.finish();
  return metadata;
}

function stringList(f: JsonFields, name: string): string[] {
  return f.array(name).map((v, i) => {
    if (typeof v !== "string") throw new GenesisError(`${f.pathOf(name)}[${i}]: expected a string`);
    return v;
  });
}

/** Proto-JSON as the SDK exports it (OrigName, defaults emitted, proto field order; uint32 as number). */
export function metadataToJson(m: Metadata): Record<string, unknown> {
  return {
    description: m.description,
    denom_units: m.denomUnits.map((u) => ({ denom: u.denom, exponent: u.exponent, aliases: [...u.aliases] })),
    base: m.base,
    display: m.display,
    name: m.name,
    symbol: m.symbol,
    uri: m.uri,
    uri_hash: m.uriHash,
  };
}
