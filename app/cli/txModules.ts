/**
 * The `tx` verbs of every landed module beyond the first slice's (txCommands.ts): staking, distribution,
 * slashing, gov, bank multi-send, register, sds, pot, crisis. Positional arguments follow the SDK CLI
 * (spec-staking §11.4) and the reference's Stratos commands (spec-sds §7, spec-register, spec-pot);
 * the rest are flags. Each verb only builds messages: signing, fees, --generate-only and broadcasting are
 * txCommands.ts's.
 */
import fs from "node:fs";
import { create, fromBinary, fromJson, toBinary, type JsonValue, type Registry } from "@bufbuild/protobuf";
import type { EncodeObject } from "@cosmjs/proto-signing";
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { PubKeySchema as Ed25519PubKeySchema } from "../codec/cosmos/crypto/ed25519/keys_pb.js";
import { QueryDelegatorValidatorsRequestSchema, QueryDelegatorValidatorsResponseSchema } from "../codec/cosmos/distribution/v1beta1/query_pb.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../crypto/address.js";
import { sdsAddressOfPubKey, sdsPubKeyFromBech32 } from "../crypto/sdsKeys.js";
import { Dec } from "../math/dec.js";
import { CliError, flag, reachNode, type FlagValues, type Verb } from "./common.js";
import { parseAccountAddress, parseCliCoins, parseValidatorAddress, type CliCoin } from "./coinArgs.js";

/** A verb's message builder; `node` is the RPC URL for the few verbs that must look something up first. */
export interface ModuleTxVerb {
  readonly verb: Verb;
  /** Exact number of positionals, or a range. */
  readonly positionals: number | { min: number; max: number };
  readonly flags?: Readonly<Record<string, { type: "string" } | { type: "boolean" }>>;
  /** Checks the arguments before the keyring is opened (bad input fails fast). */
  readonly check?: (positionals: string[], values: FlagValues) => void;
  readonly build: (positionals: string[], sender: string, values: FlagValues, tools: BuildTools) => EncodeObject[] | Promise<EncodeObject[]>;
  /** The sender is the first positional (`tx bank send <from> …`, `tx sds prepay <from> …`), as in the reference. */
  readonly fromIsFirst?: boolean;
}

export interface BuildTools {
  readonly node: string;
  /** Every message type of app/codec (proposal messages, JSON files). */
  registry(): Promise<Registry>;
}

const FLAGS_USAGE = "--from KEY [--fees COINS | --gas auto|N] [--generate-only] [--yes]";

function coins(text: string): Array<{ denom: string; amount: string }> {
  return parseCliCoins(text).map((c: CliCoin) => ({ denom: c.denom, amount: c.amount.toString() }));
}

function oneCoin(text: string, what: string): { denom: string; amount: string } {
  const list = coins(text);
  if (list.length !== 1) throw new CliError(`${what} takes one coin, got ${text}`);
  return list[0]!;
}

function required(values: FlagValues, name: string, what = ""): string {
  const v = flag(values, name);
  if (v === undefined || v === "") throw new CliError(`--${name} is required${what ? ` (${what})` : ""}`, 2);
  return v;
}

function positiveInteger(text: string, what: string): bigint {
  if (!/^[0-9]+$/.test(text)) throw new CliError(`invalid ${what} ${text}: expected a non-negative integer`, 2);
  return BigInt(text);
}

function proposalId(text: string): bigint {
  if (!/^[1-9][0-9]*$/.test(text)) throw new CliError(`invalid proposal id ${text}`, 2);
  return BigInt(text);
}

function decimal(text: string, what: string): string {
  try {
    return Dec.parse(text).toProtoString();
  } catch (e) {
    throw new CliError(`invalid ${what} ${text}: ${e instanceof Error ? e.message : String(e)}`, 2);
  }
}

/** The validator operator address of an account (same key, `stvaloper` prefix). */
export function valoperOf(account: string): string {
  return formatBech32Address(parseBech32Address(account, BECH32_PREFIX.account), BECH32_PREFIX.validator);
}

function networkAddress(text: string, what = "network address"): string {
  try {
    parseBech32Address(text, BECH32_PREFIX.sds);
  } catch (e) {
    throw new CliError(`invalid ${what} "${text}": ${e instanceof Error ? e.message : String(e)}`);
  }
  return text;
}

function sdsPubKey(values: FlagValues): { pubkey: { typeUrl: string; value: Uint8Array }; networkAddress: string } {
  const text = required(values, "pubkey", "the node's stsdspub1… key");
  let key: Uint8Array;
  try {
    key = sdsPubKeyFromBech32(text);
  } catch (e) {
    throw new CliError(`invalid --pubkey "${text}": ${e instanceof Error ? e.message : String(e)}`);
  }
  return {
    pubkey: { typeUrl: `/${Ed25519PubKeySchema.typeName}`, value: toBinary(Ed25519PubKeySchema, create(Ed25519PubKeySchema, { key })) },
    networkAddress: sdsAddressOfPubKey(key),
  };
}

/** `--pubkey` of create-validator: the SDK's JSON Any (`{"@type":"/cosmos.crypto.ed25519.PubKey","key":"…"}`) or bare base64. */
function consensusPubKey(text: string): { typeUrl: string; value: Uint8Array } {
  let key: Uint8Array | undefined;
  if (text.trim().startsWith("{")) {
    let json: { "@type"?: unknown; key?: unknown };
    try {
      json = JSON.parse(text) as { "@type"?: unknown; key?: unknown };
    } catch {
      throw new CliError(`invalid --pubkey: not JSON (${text})`, 2);
    }
    if (json["@type"] !== "/cosmos.crypto.ed25519.PubKey" || typeof json.key !== "string") throw new CliError(`invalid --pubkey: expected {"@type":"/cosmos.crypto.ed25519.PubKey","key":"<base64>"}`, 2);
    key = Buffer.from(json.key, "base64");
  } else if (/^[A-Za-z0-9+/]+=*$/.test(text)) {
    key = Buffer.from(text, "base64");
  }
  if (key === undefined || key.length !== 32) throw new CliError(`invalid --pubkey: expected a 32-byte ed25519 key (cometbft show-validator)`, 2);
  return { typeUrl: `/${Ed25519PubKeySchema.typeName}`, value: toBinary(Ed25519PubKeySchema, create(Ed25519PubKeySchema, { key })) };
}

function description(values: FlagValues, keep: string | undefined): { moniker: string; identity: string; website: string; securityContact: string; details: string } {
  const v = (name: string): string => flag(values, name) ?? keep ?? "";
  return { moniker: v("moniker"), identity: v("identity"), website: v("website"), securityContact: v("security-contact"), details: v("details") };
}

const DESCRIPTION_FLAGS = {
  moniker: { type: "string" }, identity: { type: "string" }, website: { type: "string" }, "security-contact": { type: "string" }, details: { type: "string" },
} as const;

const VOTE_OPTIONS_V1: Readonly<Record<string, number>> = { yes: 1, abstain: 2, no: 3, no_with_veto: 4 };

/** `yes=0.6,no=0.4` → weighted options (weights as the LegacyDec's decimal text, summing to 1). */
export function parseWeightedVote(text: string): Array<{ option: number; weight: string }> {
  const options = text.split(",").map((part) => {
    const [name, weight] = part.split("=");
    const option = VOTE_OPTIONS_V1[(name ?? "").trim()];
    if (option === undefined || weight === undefined) throw new CliError(`invalid weighted vote "${part}": expected option=weight with option yes, no, abstain or no_with_veto`, 2);
    let dec: Dec;
    try {
      dec = Dec.parse(weight.trim());
    } catch {
      throw new CliError(`invalid weight "${weight}" in ${part}`, 2);
    }
    return { option, weight: dec };
  });
  const total = options.reduce((sum, o) => sum.add(o.weight), Dec.parse("0"));
  if (!total.equals(Dec.parse("1"))) throw new CliError(`weighted vote weights must sum to 1, got ${total.toString()}`, 2);
  return options.map((o) => ({ option: o.option, weight: o.weight.toString() }));
}

function readJsonFile(file: string): JsonValue {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  }
  try {
    return JSON.parse(text) as JsonValue;
  } catch (e) {
    throw new CliError(`${file}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

function isObject(v: JsonValue | undefined): v is { [k: string]: JsonValue } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A proto-JSON message with `@type` → an Any with the SDK's `/type` URL (nested Anys fixed the same way). */
export function anyFromJson(json: JsonValue, registry: Registry, where: string): { typeUrl: string; value: Uint8Array } {
  if (!isObject(json) || typeof json["@type"] !== "string") throw new CliError(`${where}: expected a message with "@type"`);
  const typeName = json["@type"].replace(/^\//, "");
  const schema = registry.getMessage(typeName);
  if (schema === undefined) throw new CliError(`${where}: unknown message type ${json["@type"]}`);
  const { ["@type"]: _t, ...fields } = json;
  try {
    const message = fromJson(schema, fields, { registry });
    return { typeUrl: `/${typeName}`, value: toBinary(schema, sdkAnyTypeUrls(message, registry)) };
  } catch (e) {
    throw new CliError(`${where}: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`);
  }
}

/**
 * protobuf-es packs Any values read from JSON under "type.googleapis.com/x.y.Z"; the SDK signs "/x.y.Z".
 * Rewrites every Any inside `message` (at any depth, inside packed Anys too) to the SDK's form.
 */
export function sdkAnyTypeUrls<T>(message: T, registry: Registry): T {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (value === null || typeof value !== "object" || value instanceof Uint8Array) return;
    const record = value as Record<string, unknown>;
    if (record["$typeName"] === "google.protobuf.Any") {
      const typeUrl = String(record["typeUrl"]);
      const typeName = typeUrl.slice(typeUrl.lastIndexOf("/") + 1);
      record["typeUrl"] = `/${typeName}`;
      const schema = registry.getMessage(typeName);
      if (schema !== undefined && record["value"] instanceof Uint8Array) {
        const inner = fromBinary(schema, record["value"]);
        visit(inner);
        record["value"] = toBinary(schema, inner);
      }
      return;
    }
    for (const [k, v] of Object.entries(record)) if (k !== "$typeName") visit(v);
  };
  visit(message);
  return message;
}

async function delegatorValidators(node: string, delegator: string): Promise<string[]> {
  const comet = await reachNode(node, () => Comet38Client.connect(node));
  try {
    const request = create(QueryDelegatorValidatorsRequestSchema, { delegatorAddress: delegator });
    const response = await comet.abciQuery({ path: "/cosmos.distribution.v1beta1.Query/DelegatorValidators", data: toBinary(QueryDelegatorValidatorsRequestSchema, request) });
    if (response.code !== 0) throw new CliError(`cannot list ${delegator}'s validators: ${response.log ?? ""}`);
    return fromBinary(QueryDelegatorValidatorsResponseSchema, response.value).validators;
  } finally {
    comet.disconnect();
  }
}

const REGISTER_NODE_FLAGS = { pubkey: { type: "string" }, amount: { type: "string" }, beneficiary: { type: "string" }, "network-address": { type: "string" }, "node-type": { type: "string" }, ...DESCRIPTION_FLAGS } as const;

function nodeType(values: FlagValues, fallback?: number): number {
  const text = flag(values, "node-type") ?? (fallback === undefined ? undefined : String(fallback));
  if (text === undefined) throw new CliError("--node-type is required (1 to 7)", 2);
  if (!/^[1-7]$/.test(text)) throw new CliError(`--node-type must be 1 to 7, got ${text}`, 2);
  return Number(text);
}

function beneficiary(values: FlagValues, sender: string): string {
  const b = flag(values, "beneficiary");
  return b === undefined ? sender : parseAccountAddress(b);
}

function listOf(values: FlagValues, name: string, parse: (t: string) => string): string[] {
  return required(values, name).split(",").map((t) => parse(t.trim()));
}

function opinion(text: string): boolean {
  if (!/^(true|false|yes|no)$/i.test(text)) throw new CliError(`--opinion must be true or false, got ${text}`, 2);
  return /^(true|yes)$/i.test(text);
}

const u = (module: string, verb: string, args: string): string => `stchaind tx ${module} ${verb}${args ? " " + args : ""} ${FLAGS_USAGE}`;

export const MODULE_TX_VERBS: Readonly<Record<string, Readonly<Record<string, ModuleTxVerb>>>> = {
  bank: {
    "multi-send": {
      verb: { usage: u("bank", "multi-send", "<from key> <to address> <to address>… <coins>"), example: "stchaind tx bank multi-send alice st1… st1… 1stos --yes", description: "Sends <coins> to each recipient in one MsgMultiSend." },
      positionals: { min: 3, max: 100 },
      fromIsFirst: true,
      check: (p) => {
        p.slice(1, -1).forEach(parseAccountAddress);
        parseCliCoins(p[p.length - 1]!);
      },
      build: (p, sender) => {
        const each = parseCliCoins(p[p.length - 1]!);
        const recipients = p.slice(1, -1).map(parseAccountAddress);
        const total = each.map((c) => ({ denom: c.denom, amount: (c.amount * BigInt(recipients.length)).toString() }));
        const amount = each.map((c) => ({ denom: c.denom, amount: c.amount.toString() }));
        return [{ typeUrl: "/cosmos.bank.v1beta1.MsgMultiSend", value: { inputs: [{ address: sender, coins: total }], outputs: recipients.map((address) => ({ address, coins: amount })) } }];
      },
    },
  },
  staking: {
    "create-validator": {
      verb: {
        usage: u("staking", "create-validator", "--amount COIN --pubkey '{\"@type\":\"/cosmos.crypto.ed25519.PubKey\",\"key\":\"…\"}' --moniker M [--commission-rate 0.1] [--commission-max-rate 0.2] [--commission-max-change-rate 0.01] [--min-self-delegation 1] [--identity --website --security-contact --details]"),
        example: "stchaind tx staking create-validator --amount 100stos --pubkey \"$(cometbft show-validator --home ~/.stchaind)\" --moniker my-validator --from alice --yes",
      },
      positionals: 0,
      flags: { amount: { type: "string" }, pubkey: { type: "string" }, "commission-rate": { type: "string" }, "commission-max-rate": { type: "string" }, "commission-max-change-rate": { type: "string" }, "min-self-delegation": { type: "string" }, ...DESCRIPTION_FLAGS },
      check: (_p, v) => {
        oneCoin(required(v, "amount"), "--amount");
        consensusPubKey(required(v, "pubkey"));
        required(v, "moniker");
      },
      build: (_p, sender, v) => [{
        typeUrl: "/cosmos.staking.v1beta1.MsgCreateValidator",
        value: {
          description: description(v, undefined),
          commission: {
            rate: decimal(flag(v, "commission-rate") ?? "0.1", "--commission-rate"),
            maxRate: decimal(flag(v, "commission-max-rate") ?? "0.2", "--commission-max-rate"),
            maxChangeRate: decimal(flag(v, "commission-max-change-rate") ?? "0.01", "--commission-max-change-rate"),
          },
          minSelfDelegation: positiveInteger(flag(v, "min-self-delegation") ?? "1", "--min-self-delegation").toString(),
          delegatorAddress: sender,
          validatorAddress: valoperOf(sender),
          pubkey: consensusPubKey(required(v, "pubkey")),
          value: oneCoin(required(v, "amount"), "--amount"),
        },
      }],
    },
    "edit-validator": {
      verb: { usage: u("staking", "edit-validator", "[--moniker M] [--identity I] [--website W] [--security-contact S] [--details D] [--commission-rate R] [--min-self-delegation N]"), example: "stchaind tx staking edit-validator --moniker new-name --from alice --yes" },
      positionals: 0,
      flags: { "commission-rate": { type: "string" }, "min-self-delegation": { type: "string" }, ...DESCRIPTION_FLAGS },
      build: (_p, sender, v) => {
        const rate = flag(v, "commission-rate");
        const min = flag(v, "min-self-delegation");
        return [{
          typeUrl: "/cosmos.staking.v1beta1.MsgEditValidator",
          value: { description: description(v, "[do-not-modify]"), validatorAddress: valoperOf(sender), commissionRate: rate === undefined ? "" : decimal(rate, "--commission-rate"), minSelfDelegation: min === undefined ? "" : positiveInteger(min, "--min-self-delegation").toString() },
        }];
      },
    },
    redelegate: {
      verb: { usage: u("staking", "redelegate", "<src validator> <dst validator> <amount>"), example: "stchaind tx staking redelegate stvaloper1… stvaloper1… 10stos --from alice --yes" },
      positionals: 3,
      check: ([src, dst, amount]) => {
        parseValidatorAddress(src!);
        parseValidatorAddress(dst!);
        oneCoin(amount!, "redelegate");
      },
      build: ([src, dst, amount], sender) => [{ typeUrl: "/cosmos.staking.v1beta1.MsgBeginRedelegate", value: { delegatorAddress: sender, validatorSrcAddress: src!, validatorDstAddress: dst!, amount: oneCoin(amount!, "redelegate") } }],
    },
    unbond: {
      verb: { usage: u("staking", "unbond", "<validator> <amount>"), example: "stchaind tx staking unbond stvaloper1… 10stos --from alice --yes" },
      positionals: 2,
      check: ([val, amount]) => {
        parseValidatorAddress(val!);
        oneCoin(amount!, "unbond");
      },
      build: ([val, amount], sender) => [{ typeUrl: "/cosmos.staking.v1beta1.MsgUndelegate", value: { delegatorAddress: sender, validatorAddress: val!, amount: oneCoin(amount!, "unbond") } }],
    },
    "cancel-unbond": {
      verb: { usage: u("staking", "cancel-unbond", "<validator> <amount> <creation height>"), example: "stchaind tx staking cancel-unbond stvaloper1… 10stos 123 --from alice --yes" },
      positionals: 3,
      check: ([val, amount, height]) => {
        parseValidatorAddress(val!);
        oneCoin(amount!, "cancel-unbond");
        positiveInteger(height!, "creation height");
      },
      build: ([val, amount, height], sender) => [{
        typeUrl: "/cosmos.staking.v1beta1.MsgCancelUnbondingDelegation",
        value: { delegatorAddress: sender, validatorAddress: val!, amount: oneCoin(amount!, "cancel-unbond"), creationHeight: positiveInteger(height!, "creation height") },
      }],
    },
  },
  distribution: {
    "withdraw-all-rewards": {
      verb: { usage: u("distribution", "withdraw-all-rewards", ""), example: "stchaind tx distribution withdraw-all-rewards --from alice --yes", description: "Withdraws the rewards of every delegation of --from (the validators are looked up on the node)." },
      positionals: 0,
      build: async (_p, sender, _v, tools) => {
        const validators = await delegatorValidators(tools.node, sender);
        if (validators.length === 0) throw new CliError(`${sender} has no delegations`);
        return validators.map((validatorAddress) => ({ typeUrl: "/cosmos.distribution.v1beta1.MsgWithdrawDelegatorReward", value: { delegatorAddress: sender, validatorAddress } }));
      },
    },
    "set-withdraw-addr": {
      verb: { usage: u("distribution", "set-withdraw-addr", "<withdraw address>"), example: "stchaind tx distribution set-withdraw-addr st1… --from alice --yes" },
      positionals: 1,
      check: ([a]) => void parseAccountAddress(a!),
      build: ([a], sender) => [{ typeUrl: "/cosmos.distribution.v1beta1.MsgSetWithdrawAddress", value: { delegatorAddress: sender, withdrawAddress: a! } }],
    },
    "fund-community-pool": {
      verb: { usage: u("distribution", "fund-community-pool", "<coins>"), example: "stchaind tx distribution fund-community-pool 10stos --from alice --yes" },
      positionals: 1,
      check: ([c]) => void parseCliCoins(c!),
      build: ([c], sender) => [{ typeUrl: "/cosmos.distribution.v1beta1.MsgFundCommunityPool", value: { amount: coins(c!), depositor: sender } }],
    },
  },
  slashing: {
    unjail: {
      verb: { usage: u("slashing", "unjail", ""), example: "stchaind tx slashing unjail --from validator-key --yes", description: "Unjails the validator whose operator is --from." },
      positionals: 0,
      build: (_p, sender) => [{ typeUrl: "/cosmos.slashing.v1beta1.MsgUnjail", value: { validatorAddr: valoperOf(sender) } }],
    },
  },
  gov: {
    "submit-proposal": {
      verb: {
        usage: u("gov", "submit-proposal", "<proposal.json>"),
        example: "stchaind tx gov submit-proposal proposal.json --from alice --yes",
        description: 'proposal.json (gov v1): {"messages": [{"@type": "/cosmos.upgrade.v1beta1.MsgSoftwareUpgrade", "authority": "st10d07y265gmmuvt4z0w9aw880jnsr700jnhrz9e", …}], "metadata": "…", "deposit": "10stos", "title": "…", "summary": "…"}',
      },
      positionals: 1,
      check: ([file]) => {
        const json = readJsonFile(file!);
        if (!isObject(json)) throw new CliError(`${file!}: expected an object with messages, deposit, title, summary`);
        if (typeof json["deposit"] === "string" && json["deposit"] !== "") parseCliCoins(json["deposit"]);
      },
      build: async ([file], sender, _v, tools) => {
        const json = readJsonFile(file!) as { [k: string]: JsonValue };
        const registry = await tools.registry();
        const messages = Array.isArray(json["messages"]) ? json["messages"] : [];
        const str = (k: string): string => (typeof json[k] === "string" ? (json[k] as string) : "");
        return [{
          typeUrl: "/cosmos.gov.v1.MsgSubmitProposal",
          value: {
            messages: messages.map((m, i) => anyFromJson(m, registry, `${file!}: messages[${i}]`)),
            initialDeposit: str("deposit") === "" ? [] : coins(str("deposit")),
            proposer: sender, metadata: str("metadata"), title: str("title"), summary: str("summary"),
          },
        }];
      },
    },
    deposit: {
      verb: { usage: u("gov", "deposit", "<proposal id> <coins>"), example: "stchaind tx gov deposit 1 10stos --from alice --yes" },
      positionals: 2,
      check: ([id, c]) => {
        proposalId(id!);
        parseCliCoins(c!);
      },
      build: ([id, c], sender) => [{ typeUrl: "/cosmos.gov.v1.MsgDeposit", value: { proposalId: proposalId(id!), depositor: sender, amount: coins(c!) } }],
    },
    "weighted-vote": {
      verb: { usage: u("gov", "weighted-vote", "<proposal id> <option=weight,…>"), example: "stchaind tx gov weighted-vote 1 yes=0.6,no=0.4 --from alice --yes" },
      positionals: 2,
      check: ([id, w]) => {
        proposalId(id!);
        parseWeightedVote(w!);
      },
      build: ([id, w], sender) => [{ typeUrl: "/cosmos.gov.v1.MsgVoteWeighted", value: { proposalId: proposalId(id!), voter: sender, options: parseWeightedVote(w!), metadata: "" } }],
    },
  },
  register: {
    "update-resource-node": {
      verb: { usage: u("register", "update-resource-node", "--network-address stsds1… --node-type 1-7 [--moniker M] [--website W] [--details D] [--beneficiary st1…]"), example: "stchaind tx register update-resource-node --network-address stsds1… --node-type 4 --moniker renamed --from alice --yes", description: "Replaces the node's description and node type (and beneficiary, when given)." },
      positionals: 0,
      flags: REGISTER_NODE_FLAGS,
      check: (_p, v) => {
        networkAddress(required(v, "network-address"));
        nodeType(v);
      },
      build: (_p, sender, v) => [{
        typeUrl: "/stratos.register.v1.MsgUpdateResourceNode",
        value: { description: description(v, undefined), beneficiaryAddress: beneficiary(v, sender), networkAddress: required(v, "network-address"), ownerAddress: sender, nodeType: nodeType(v) },
      }],
    },
    "update-resource-node-deposit": {
      verb: { usage: u("register", "update-resource-node-deposit", "--network-address stsds1… --deposit-delta COIN"), example: "stchaind tx register update-resource-node-deposit --network-address stsds1… --deposit-delta 1stos --from alice --yes" },
      positionals: 0,
      flags: { "network-address": { type: "string" }, "deposit-delta": { type: "string" } },
      check: (_p, v) => {
        networkAddress(required(v, "network-address"));
        oneCoin(required(v, "deposit-delta"), "--deposit-delta");
      },
      build: (_p, sender, v) => [{ typeUrl: "/stratos.register.v1.MsgUpdateResourceNodeDeposit", value: { networkAddress: required(v, "network-address"), ownerAddress: sender, depositDelta: oneCoin(required(v, "deposit-delta"), "--deposit-delta") } }],
    },
    "remove-resource-node": {
      verb: { usage: u("register", "remove-resource-node", "--network-address stsds1…"), example: "stchaind tx register remove-resource-node --network-address stsds1… --from alice --yes" },
      positionals: 0,
      flags: { "network-address": { type: "string" } },
      check: (_p, v) => void networkAddress(required(v, "network-address")),
      build: (_p, sender, v) => [{ typeUrl: "/stratos.register.v1.MsgRemoveResourceNode", value: { resourceNodeAddress: required(v, "network-address"), ownerAddress: sender } }],
    },
    "update-effective-deposit": {
      verb: {
        usage: u("register", "update-effective-deposit", "--network-address stsds1… --effective-tokens N --reporters stsds1…,… --reporter-owners st1…,…"),
        example: "stchaind tx register update-effective-deposit --network-address stsds1… --effective-tokens 1000000000000000000 --reporters stsds1… --reporter-owners st1… --from meta-owner --yes",
        description: "Sent by meta nodes: sets a resource node's effective deposit (wei).",
      },
      positionals: 0,
      flags: { "network-address": { type: "string" }, "effective-tokens": { type: "string" }, reporters: { type: "string" }, "reporter-owners": { type: "string" } },
      check: (_p, v) => {
        networkAddress(required(v, "network-address"));
        positiveInteger(required(v, "effective-tokens"), "--effective-tokens");
        listOf(v, "reporters", (t) => networkAddress(t, "reporter"));
        listOf(v, "reporter-owners", parseAccountAddress);
      },
      build: (_p, _sender, v) => [{
        typeUrl: "/stratos.register.v1.MsgUpdateEffectiveDeposit",
        value: { reporters: listOf(v, "reporters", (t) => t), reporterOwner: listOf(v, "reporter-owners", (t) => t), networkAddress: required(v, "network-address"), effectiveTokens: positiveInteger(required(v, "effective-tokens"), "--effective-tokens").toString() },
      }],
    },
    "create-meta-node": {
      verb: { usage: u("register", "create-meta-node", "--pubkey stsdspub1… --amount COIN --moniker M [--beneficiary st1…]"), example: "stchaind tx register create-meta-node --pubkey stsdspub1… --amount 1000stos --moniker my-meta-node --from alice --yes" },
      positionals: 0,
      flags: REGISTER_NODE_FLAGS,
      check: (_p, v) => {
        sdsPubKey(v);
        oneCoin(required(v, "amount"), "--amount");
        required(v, "moniker");
      },
      build: (_p, sender, v) => {
        const { pubkey, networkAddress: net } = sdsPubKey(v);
        return [{
          typeUrl: "/stratos.register.v1.MsgCreateMetaNode",
          value: { networkAddress: net, pubkey, value: oneCoin(required(v, "amount"), "--amount"), ownerAddress: sender, beneficiaryAddress: beneficiary(v, sender), description: description(v, undefined) },
        }];
      },
    },
    "update-meta-node": {
      verb: { usage: u("register", "update-meta-node", "--network-address stsds1… [--moniker M] [--website W] [--details D] [--beneficiary st1…]"), example: "stchaind tx register update-meta-node --network-address stsds1… --moniker renamed --from alice --yes" },
      positionals: 0,
      flags: REGISTER_NODE_FLAGS,
      check: (_p, v) => void networkAddress(required(v, "network-address")),
      build: (_p, sender, v) => [{ typeUrl: "/stratos.register.v1.MsgUpdateMetaNode", value: { description: description(v, undefined), beneficiaryAddress: beneficiary(v, sender), networkAddress: required(v, "network-address"), ownerAddress: sender } }],
    },
    "update-meta-node-deposit": {
      verb: { usage: u("register", "update-meta-node-deposit", "--network-address stsds1… --deposit-delta COIN"), example: "stchaind tx register update-meta-node-deposit --network-address stsds1… --deposit-delta 1stos --from alice --yes" },
      positionals: 0,
      flags: { "network-address": { type: "string" }, "deposit-delta": { type: "string" } },
      check: (_p, v) => {
        networkAddress(required(v, "network-address"));
        oneCoin(required(v, "deposit-delta"), "--deposit-delta");
      },
      build: (_p, sender, v) => [{ typeUrl: "/stratos.register.v1.MsgUpdateMetaNodeDeposit", value: { networkAddress: required(v, "network-address"), ownerAddress: sender, depositDelta: oneCoin(required(v, "deposit-delta"), "--deposit-delta") } }],
    },
    "remove-meta-node": {
      verb: { usage: u("register", "remove-meta-node", "--network-address stsds1…"), example: "stchaind tx register remove-meta-node --network-address stsds1… --from alice --yes" },
      positionals: 0,
      flags: { "network-address": { type: "string" } },
      check: (_p, v) => void networkAddress(required(v, "network-address")),
      build: (_p, sender, v) => [{ typeUrl: "/stratos.register.v1.MsgRemoveMetaNode", value: { metaNodeAddress: required(v, "network-address"), ownerAddress: sender } }],
    },
    "meta-node-reg-vote": {
      verb: {
        usage: u("register", "meta-node-reg-vote", "--candidate-network-address stsds1… --candidate-owner-address st1… --opinion true|false --voter-network-address stsds1…"),
        example: "stchaind tx register meta-node-reg-vote --candidate-network-address stsds1… --candidate-owner-address st1… --opinion true --voter-network-address stsds1… --from meta-owner --yes",
      },
      positionals: 0,
      flags: { "candidate-network-address": { type: "string" }, "candidate-owner-address": { type: "string" }, opinion: { type: "string" }, "voter-network-address": { type: "string" } },
      check: (_p, v) => {
        networkAddress(required(v, "candidate-network-address"), "candidate network address");
        parseAccountAddress(required(v, "candidate-owner-address"));
        opinion(required(v, "opinion"));
        networkAddress(required(v, "voter-network-address"), "voter network address");
      },
      build: (_p, sender, v) => [{
        typeUrl: "/stratos.register.v1.MsgMetaNodeRegistrationVote",
        value: { candidateNetworkAddress: required(v, "candidate-network-address"), candidateOwnerAddress: required(v, "candidate-owner-address"), opinion: opinion(required(v, "opinion")), voterNetworkAddress: required(v, "voter-network-address"), voterOwnerAddress: sender },
      }],
    },
    "kick-meta-node-vote": {
      verb: { usage: u("register", "kick-meta-node-vote", "--target-network-address stsds1… --opinion true|false --voter-network-address stsds1…"), example: "stchaind tx register kick-meta-node-vote --target-network-address stsds1… --opinion true --voter-network-address stsds1… --from meta-owner --yes" },
      positionals: 0,
      flags: { "target-network-address": { type: "string" }, opinion: { type: "string" }, "voter-network-address": { type: "string" } },
      check: (_p, v) => {
        networkAddress(required(v, "target-network-address"), "target network address");
        opinion(required(v, "opinion"));
        networkAddress(required(v, "voter-network-address"), "voter network address");
      },
      build: (_p, sender, v) => [{
        typeUrl: "/stratos.register.v1.MsgKickMetaNodeVote",
        value: { targetNetworkAddress: required(v, "target-network-address"), opinion: opinion(required(v, "opinion")), voterNetworkAddress: required(v, "voter-network-address"), voterOwnerAddress: sender },
      }],
    },
  },
  sds: {
    prepay: {
      verb: { usage: u("sds", "prepay", "<from key> <beneficiary address> <coins>"), example: "stchaind tx sds prepay alice st1… 1stos --yes", description: "Buys ozone for <beneficiary> with <coins> (the reference's argument order)." },
      positionals: 3,
      fromIsFirst: true,
      check: ([, b, c]) => {
        parseAccountAddress(b!);
        parseCliCoins(c!);
      },
      build: ([, b, c], sender) => [{ typeUrl: "/stratos.sds.v1.MsgPrepay", value: { sender, beneficiary: b!, amount: coins(c!) } }],
    },
    upload: {
      verb: { usage: u("sds", "upload", "--file-hash H --reporter stsds1… --uploader st1…"), example: "stchaind tx sds upload --file-hash v05ahm… --reporter stsds1… --uploader st1… --from meta-owner --yes", description: "Records a file upload (sent by the reporting meta node's owner). Alias: file-upload." },
      positionals: 0,
      flags: { "file-hash": { type: "string" }, reporter: { type: "string" }, uploader: { type: "string" } },
      check: (_p, v) => {
        required(v, "file-hash");
        networkAddress(required(v, "reporter"), "reporter");
        parseAccountAddress(required(v, "uploader"));
      },
      build: (_p, sender, v) => [{ typeUrl: "/stratos.sds.v1.MsgFileUpload", value: { fileHash: required(v, "file-hash"), from: sender, reporter: required(v, "reporter"), uploader: required(v, "uploader") } }],
    },
  },
  pot: {
    "volume-report": {
      verb: {
        usage: u("pot", "volume-report", "<report.json>"),
        example: "stchaind tx pot volume-report report.json --from meta-owner --yes",
        description: 'report.json: the MsgVolumeReport as proto JSON without reporter_owner (the sender): {"wallet_volumes": [{"wallet_address": "st1…", "volume": "100"}], "reporter": "stsds1…", "epoch": "1", "report_reference": "…", "BLS_signature": {"pub_keys": ["base64…"], "signature": "base64…", "txData": "base64…"}}',
      },
      positionals: 1,
      check: ([file]) => {
        if (!isObject(readJsonFile(file!))) throw new CliError(`${file!}: expected a JSON object (MsgVolumeReport)`);
      },
      build: async ([file], sender, _v, tools) => {
        const json = { ...(readJsonFile(file!) as { [k: string]: JsonValue }), "@type": "/stratos.pot.v1.MsgVolumeReport", reporter_owner: sender };
        const any = anyFromJson(json, await tools.registry(), file!);
        return [{ typeUrl: any.typeUrl, value: decodeInit(any, await tools.registry()) }];
      },
    },
    withdraw: {
      verb: { usage: u("pot", "withdraw", "<coins> [--target-address st1…]"), example: "stchaind tx pot withdraw 1stos --from alice --yes", description: "Withdraws mature mining rewards of --from to --target-address (default: --from)." },
      positionals: 1,
      flags: { "target-address": { type: "string" } },
      check: ([c], v) => {
        parseCliCoins(c!);
        const t = flag(v, "target-address");
        if (t !== undefined) parseAccountAddress(t);
      },
      build: ([c], sender, v) => [{ typeUrl: "/stratos.pot.v1.MsgWithdraw", value: { amount: coins(c!), walletAddress: sender, targetAddress: flag(v, "target-address") ?? sender } }],
    },
    "foundation-deposit": {
      verb: { usage: u("pot", "foundation-deposit", "<coins>"), example: "stchaind tx pot foundation-deposit 100stos --from alice --yes" },
      positionals: 1,
      check: ([c]) => void parseCliCoins(c!),
      build: ([c], sender) => [{ typeUrl: "/stratos.pot.v1.MsgFoundationDeposit", value: { amount: coins(c!), from: sender } }],
    },
    "slashing-resource-node": {
      verb: {
        usage: u("pot", "slashing-resource-node", "--network-address stsds1… --wallet-address st1… --slashing N --suspend true|false --reporters stsds1…,… --reporter-owners st1…,…"),
        example: "stchaind tx pot slashing-resource-node --network-address stsds1… --wallet-address st1… --slashing 1000 --suspend true --reporters stsds1… --reporter-owners st1… --from meta-owner --yes",
      },
      positionals: 0,
      flags: { "network-address": { type: "string" }, "wallet-address": { type: "string" }, slashing: { type: "string" }, suspend: { type: "string" }, reporters: { type: "string" }, "reporter-owners": { type: "string" } },
      check: (_p, v) => {
        networkAddress(required(v, "network-address"));
        parseAccountAddress(required(v, "wallet-address"));
        positiveInteger(required(v, "slashing"), "--slashing");
        opinion(required(v, "suspend"));
        listOf(v, "reporters", (t) => networkAddress(t, "reporter"));
        listOf(v, "reporter-owners", parseAccountAddress);
      },
      build: (_p, _sender, v) => [{
        typeUrl: "/stratos.pot.v1.MsgSlashingResourceNode",
        value: {
          reporters: listOf(v, "reporters", (t) => t), reporterOwner: listOf(v, "reporter-owners", (t) => t), networkAddress: required(v, "network-address"),
          walletAddress: required(v, "wallet-address"), slashing: positiveInteger(required(v, "slashing"), "--slashing").toString(), suspend: opinion(required(v, "suspend")),
        },
      }],
    },
    "set-meta-node-bls-key": {
      verb: { usage: u("pot", "set-meta-node-bls-key", "--network-address stsds1… --pub-key HEX --proof-of-possession HEX"), example: "stchaind tx pot set-meta-node-bls-key --network-address stsds1… --pub-key a1b2… --proof-of-possession c3d4… --from meta-owner --yes" },
      positionals: 0,
      flags: { "network-address": { type: "string" }, "pub-key": { type: "string" }, "proof-of-possession": { type: "string" } },
      check: (_p, v) => {
        networkAddress(required(v, "network-address"));
        hexBytes(required(v, "pub-key"), "--pub-key");
        hexBytes(required(v, "proof-of-possession"), "--proof-of-possession");
      },
      build: (_p, sender, v) => [{
        typeUrl: "/stratos.pot.v1.MsgSetMetaNodeBlsKey",
        value: { networkAddress: required(v, "network-address"), ownerAddress: sender, pubKey: hexBytes(required(v, "pub-key"), "--pub-key"), proofOfPossession: hexBytes(required(v, "proof-of-possession"), "--proof-of-possession") },
      }],
    },
  },
  crisis: {
    "invariant-broken": {
      verb: { usage: u("crisis", "invariant-broken", "<module> <invariant route>"), example: "stchaind tx crisis invariant-broken bank total-supply --from alice --yes" },
      positionals: 2,
      build: ([m, r], sender) => [{ typeUrl: "/cosmos.crisis.v1beta1.MsgVerifyInvariant", value: { sender, invariantModuleName: m!, invariantRoute: r! } }],
    },
  },
};

function hexBytes(text: string, what: string): Uint8Array {
  if (!/^(0x)?([0-9a-fA-F]{2})+$/.test(text)) throw new CliError(`${what} must be hex bytes, got ${text}`, 2);
  return Buffer.from(text.replace(/^0x/, ""), "hex");
}

/** An Any's message as the protobuf-es value the Stratos registry types (stratosTypes.ts) encode. */
function decodeInit(any: { typeUrl: string; value: Uint8Array }, registry: Registry): unknown {
  const schema = registry.getMessage(any.typeUrl.slice(1));
  if (schema === undefined) throw new CliError(`unknown message type ${any.typeUrl}`);
  return fromBinary(schema, any.value);
}

/** `tx sds file-upload` is the reference's older name of `tx sds upload`. */
export const MODULE_TX_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = { sds: { "file-upload": "upload" } };
