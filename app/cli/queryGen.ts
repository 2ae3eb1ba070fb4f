/**
 * The generated `stchaind query <module> <verb>` table: one verb per method of every module's
 * `Query` service found in app/codec (the same catalog the gRPC and REST servers serve), named as the
 * method in kebab case plus the SDK CLI's names where they differ (`bank total`, `distribution
 * rewards`, `gov tally`, …). A verb sends its request as an ABCI query on the method's gRPC path and
 * prints the answer as proto JSON.
 */
import type { DescMessage, DescMethod, DescService } from "@bufbuild/protobuf";
import { hasPagination, positionalFields, flagName, requestFlags } from "./protoArgs.js";
import type { Verb } from "./common.js";

export interface GeneratedQuery {
  readonly module: string;
  readonly name: string;
  /** The ABCI query path: `/cosmos.bank.v1beta1.Query/Balance`. */
  readonly path: string;
  readonly method: DescMethod;
  readonly verb: Verb;
  /** One paragraph: what the verb asks and what the answer holds. */
  readonly description: string;
}

/** Flags every query verb has: a request field of that name is positional only (staking HistoricalInfo's `height`). */
export const RESERVED_QUERY_FLAGS: ReadonlySet<string> = new Set(["height", "node", "home", "output", "help"]);

/** The SDK CLI's names for methods whose kebab-case name differs (module → verb → method). */
export const SDK_QUERY_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  bank: { total: "TotalSupply", "denom-metadata": "DenomsMetadata", "spendable-balances": "SpendableBalances" },
  staking: {
    delegations: "DelegatorDelegations", "delegations-to": "ValidatorDelegations", "unbonding-delegations": "DelegatorUnbondingDelegations",
    "unbonding-delegations-from": "ValidatorUnbondingDelegations", redelegation: "Redelegations", "historical-info": "HistoricalInfo",
  },
  distribution: {
    rewards: "DelegationTotalRewards", commission: "ValidatorCommission", slashes: "ValidatorSlashes",
    "validator-outstanding-rewards": "ValidatorOutstandingRewards", "withdraw-addr": "DelegatorWithdrawAddress",
  },
  gov: { tally: "TallyResult" },
  upgrade: { plan: "CurrentPlan", applied: "AppliedPlan", "module-versions": "ModuleVersions" },
  pot: { "volume-report": "VolumeReport", rewards: "RewardsByWallet" },
  register: { "deposit-by-node": "DepositByNode", "deposit-by-owner": "DepositByOwner" },
};

/** "AllBalances" → "all-balances", "NozPrice" → "noz-price". */
export function kebabCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").replace(/([A-Z])([A-Z][a-z])/g, "$1-$2").toLowerCase();
}

/** The CLI's module name of a query service, or undefined for services the CLI does not expose. */
export function moduleOfService(service: DescService): string | undefined {
  const parts = service.typeName.split(".");
  if (parts[parts.length - 1] !== "Query") return undefined;
  if (parts[0] !== "cosmos" && parts[0] !== "stratos") return undefined;
  // gov answers both versions; the CLI speaks v1, as the SDK's since v0.46.
  if (service.typeName === "cosmos.gov.v1beta1.Query") return undefined;
  return parts[1];
}

/** A placeholder for a positional argument in usage lines and examples. */
function placeholder(module: string, fieldName: string): string {
  const n = fieldName.toLowerCase();
  if (/network|^candidate|^voter_network/.test(n)) return "stsds1…";
  if (n.startsWith("validator") || n.includes("validator_addr") || (module === "slashing" && n === "cons_address")) return n === "cons_address" ? "stvalcons1…" : "stvaloper1…";
  if (n.includes("addr") || n === "voter" || n === "depositor" || n === "owner_addr" || n === "wallet_address") return "st1…";
  if (n.endsWith("_id") || n === "id" || n === "epoch" || n === "height" || n.endsWith("_height")) return "1";
  if (n === "denom") return "wei";
  return `<${n}>`;
}

function describeMessage(message: DescMessage): string {
  return message.fields.map((f) => f.name).join(", ") || "no fields";
}

function generatedVerb(module: string, name: string, method: DescMethod): { verb: Verb; description: string } {
  const input = method.input;
  const slots = positionalFields(input);
  const positionalUsage = slots.map((f) => `[${f.name}]`).join(" ");
  const flags = Object.keys(requestFlags(input, RESERVED_QUERY_FLAGS)).filter((k) => !["limit", "offset", "page-key", "count-total", "reverse"].includes(k));
  const flagUsage = flags.map((f) => `[--${f} V]`).join(" ");
  const pageUsage = hasPagination(input) ? " [--limit N] [--offset N | --page-key KEY] [--count-total] [--reverse]" : "";
  const usage = `stchaind query ${module} ${name}${positionalUsage ? " " + positionalUsage : ""}${flagUsage ? " " + flagUsage : ""}${pageUsage} [--height H] [--node URL] [--output json|text]`;
  // The example names the leading fields a user usually gives (ids and addresses), not every optional one.
  const exampleArgs = slots.filter((f, i) => i === 0 || /addr|_id$|epoch/.test(f.name)).filter((f) => f.fieldKind === "scalar").map((f) => placeholder(module, f.name));
  const example = `stchaind query ${module} ${name}${exampleArgs.length ? " " + exampleArgs.join(" ") : ""} --output json`;
  const description = `Asks /${method.parent.typeName}/${method.name} (request ${input.name}: ${describeMessage(input)}) and prints its ${method.output.name} as proto JSON.` +
    (slots.length > 0 ? ` Arguments fill ${slots.map((f) => f.name).join(", ")} in that order; each field is also a flag (${slots.filter((f) => !RESERVED_QUERY_FLAGS.has(flagName(f))).map((f) => `--${flagName(f)}`).join(", ")}).` : "");
  return { verb: { usage, example, description }, description };
}

/** module → verb → generated query, from the services of the proto catalog. */
export function buildQueryTable(services: readonly DescService[]): Map<string, Map<string, GeneratedQuery>> {
  const table = new Map<string, Map<string, GeneratedQuery>>();
  for (const service of services) {
    const module = moduleOfService(service);
    if (module === undefined) continue;
    const verbs = table.get(module) ?? new Map<string, GeneratedQuery>();
    table.set(module, verbs);
    const add = (name: string, method: DescMethod): void => {
      if (verbs.has(name)) return;
      const { verb, description } = generatedVerb(module, name, method);
      verbs.set(name, { module, name, path: `/${service.typeName}/${method.name}`, method, verb, description });
    };
    for (const method of service.methods) add(kebabCase(method.name), method);
    for (const [alias, methodName] of Object.entries(SDK_QUERY_ALIASES[module] ?? {})) {
      const method = service.methods.find((m) => m.name === methodName);
      if (method !== undefined) add(alias, method);
    }
  }
  return new Map([...table.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}
