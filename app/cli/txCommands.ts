/**
 * `stchaind tx …`: sign with a keyring key and broadcast over the node's CometBFT RPC (SIGN_MODE_DIRECT,
 * eth_secp256k1 via CosmJS's DirectEthSecp256k1Wallet), waiting for the block that includes the tx.
 */
import { create, toBinary } from "@bufbuild/protobuf";
import { DirectEthSecp256k1Wallet, type EncodeObject } from "@cosmjs/proto-signing";
import { calculateFee, GasPrice, type StdFee } from "@cosmjs/stargate";
import { connectStratos, DEFAULT_GAS_PRICE } from "../client/client.js";
import { STRATOS_PREFIX } from "../client/wallet.js";
import { PubKeySchema as Ed25519PubKeySchema } from "../codec/cosmos/crypto/ed25519/keys_pb.js";
import { sdsAddressOfPubKey, sdsPubKeyFromBech32 } from "../crypto/sdsKeys.js";
import { CliError, dispatchGroup, flag, parseVerb, printResult, stdinLines, type FlagValues, type Parsed, type Verb, type VerbHandler } from "./common.js";
import { parseAccountAddress, parseCliCoins, parseValidatorAddress, type CliCoin } from "./coinArgs.js";
import { keyringFromFlags, KEYRING_FLAGS } from "./keysCommands.js";

export const DEFAULT_NODE = "http://127.0.0.1:26657";

/** Flags of every `tx` verb. */
const TX_FLAGS = {
  ...KEYRING_FLAGS,
  from: { type: "string" },
  node: { type: "string", default: DEFAULT_NODE },
  "chain-id": { type: "string" },
  fees: { type: "string" },
  gas: { type: "string", default: "auto" },
  "gas-adjustment": { type: "string", default: "1.5" },
  "gas-prices": { type: "string", default: DEFAULT_GAS_PRICE },
  memo: { type: "string", default: "" },
  yes: { type: "boolean", short: "y", default: false },
} as const;

const TX_FLAGS_USAGE = "--from KEY [--node URL] [--chain-id ID] [--fees COINS | --gas-prices P] [--gas auto|N] [--gas-adjustment 1.5] [--yes]";

function toCosmCoins(coins: readonly CliCoin[]): Array<{ denom: string; amount: string }> {
  return coins.map((c) => ({ denom: c.denom, amount: c.amount.toString() }));
}

/** "1.5" → 1.5 for CosmJS's gas estimate multiplier (a client-side estimate, never consensus). */
function parseAdjustment(text: string): number {
  if (!/^[0-9]+(\.[0-9]+)?$/.test(text) || Number(text) < 1) throw new CliError(`--gas-adjustment must be a number ≥ 1, got ${text}`, 2);
  return Number(text);
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split("\n").map((l) => l.trim()).find((l) => l.length > 0) ?? text;
}

/** Explains the usual node answers in words (the raw log stays in the message). */
function explain(message: string): string {
  if (/insufficient funds/i.test(message)) return `insufficient funds: ${message}`;
  if (/ECONNREFUSED|fetch failed|socket hang up/i.test(message)) return `cannot reach the node: ${message}`;
  return message;
}

/**
 * Resolves `--from` in the keyring, builds the fee, asks for confirmation unless `--yes`, signs,
 * broadcasts and prints the result. Messages are made by `build` from the signer's address.
 */
async function signAndSend(p: Parsed, build: (sender: string) => EncodeObject[]): Promise<number> {
  const values: FlagValues = p.values;
  const from = flag(values, "from");
  if (from === undefined) throw new CliError("--from is required (a key name or address in the keyring)", 2);
  const keyring = keyringFromFlags(p.home, values);
  const key = keyring.find(from);
  if (key === undefined) throw new CliError(`key ${from} not found in the ${keyring.backend} keyring (${keyring.dir})`);
  const messages = build(key.address);
  const fees = flag(values, "fees");
  const gasText = flag(values, "gas")!;
  if (gasText !== "auto" && !/^[1-9][0-9]*$/.test(gasText)) throw new CliError(`--gas must be auto or a positive integer, got ${gasText}`, 2);
  const adjustment = parseAdjustment(flag(values, "gas-adjustment")!);
  let gasPrice: GasPrice;
  try {
    gasPrice = GasPrice.fromString(flag(values, "gas-prices")!);
  } catch (e) {
    throw new CliError(`invalid --gas-prices: ${firstLine(e)}`, 2);
  }
  const feeCoins = fees === undefined ? undefined : toCosmCoins(parseCliCoins(fees));
  if (values["yes"] !== true) {
    process.stderr.write(`${JSON.stringify(messages, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString("base64") : v))}\n`);
    const answer = await stdinLines.next("confirm transaction before signing and broadcasting [y/N]").catch(() => "n");
    if (!/^y(es)?$/i.test(answer.trim())) throw new CliError("transaction not confirmed (answer y, or pass --yes)");
  }
  const wallet = await DirectEthSecp256k1Wallet.fromKey(await keyring.privateKey(key.name), STRATOS_PREFIX);
  let client;
  try {
    client = await connectStratos(flag(values, "node")!, wallet);
  } catch (e) {
    throw new CliError(`cannot reach the node at ${flag(values, "node")!}: ${firstLine(e)}`);
  }
  try {
    const chainId = flag(values, "chain-id");
    if (chainId !== undefined && chainId !== (await client.getChainId())) throw new CliError(`--chain-id ${chainId} differs from the node's ${await client.getChainId()}`);
    const memo = flag(values, "memo")!;
    let gas: number;
    if (gasText === "auto") {
      try {
        gas = Math.ceil((await client.simulate(key.address, messages, memo)) * adjustment);
      } catch (e) {
        throw new CliError(`simulation failed: ${explain(firstLine(e))}`);
      }
    } else {
      gas = Number(gasText);
    }
    const fee: StdFee = feeCoins !== undefined ? { amount: feeCoins, gas: String(gas) } : calculateFee(gas, gasPrice);
    let result;
    try {
      result = await client.signAndBroadcast(key.address, messages, fee, memo);
    } catch (e) {
      throw new CliError(`broadcast failed: ${explain(firstLine(e))}`);
    }
    if (result.code !== 0) throw new CliError(`tx ${result.transactionHash} failed (code ${result.code}): ${explain(firstLine(result.rawLog ?? ""))}`);
    printResult(p.output, { txhash: result.transactionHash, height: result.height, code: result.code, gas_wanted: result.gasWanted.toString(), gas_used: result.gasUsed.toString() });
    return 0;
  } finally {
    client.disconnect();
  }
}

interface TxVerb {
  readonly verb: Verb;
  readonly positionals: number;
  /** The verb's own flags, beside TX_FLAGS. */
  readonly flags?: NonNullable<Parameters<typeof parseVerb>[2]>;
  readonly build: (positionals: string[], sender: string, values: FlagValues) => EncodeObject[];
  /** Checks the arguments before the keyring is opened (bad input fails fast). */
  readonly check?: (positionals: string[], values: FlagValues) => void;
}

/** `--pubkey stsdspub1…`: the node's ed25519 P2P key; its network address `stsds1…` derives from it. */
function sdsPubKeyFlag(values: FlagValues): { pubKey: Uint8Array; networkAddress: string } {
  const text = flag(values, "pubkey");
  if (text === undefined) throw new CliError("--pubkey is required (the node's stsdspub1… key)", 2);
  let pubKey: Uint8Array;
  try {
    pubKey = sdsPubKeyFromBech32(text);
  } catch (e) {
    throw new CliError(`invalid --pubkey "${text}": ${firstLine(e)}`);
  }
  return { pubKey, networkAddress: sdsAddressOfPubKey(pubKey) };
}

function depositFlag(values: FlagValues): { denom: string; amount: string } {
  const text = flag(values, "amount");
  if (text === undefined) throw new CliError("--amount is required (the deposit, e.g. 1stos)", 2);
  const coins = parseCliCoins(text);
  if (coins.length !== 1) throw new CliError(`--amount takes one coin, got ${text}`);
  return toCosmCoins(coins)[0]!;
}

/** Resource node types 1…7 (spec-register §2: bit flags of storage/database/computation). */
function nodeTypeFlag(values: FlagValues): number {
  const text = flag(values, "node-type") ?? "4";
  if (!/^[1-7]$/.test(text)) throw new CliError(`--node-type must be 1 to 7, got ${text}`, 2);
  return Number(text);
}

const REGISTER_FLAGS = {
  pubkey: { type: "string" }, amount: { type: "string" }, moniker: { type: "string" }, "node-type": { type: "string" },
  beneficiary: { type: "string" }, website: { type: "string" }, details: { type: "string" },
} as const;

const VOTE_OPTIONS: Readonly<Record<string, number>> = { yes: 1, abstain: 2, no: 3, no_with_veto: 4 };

export const TX_VERBS: Readonly<Record<string, Readonly<Record<string, TxVerb>>>> = {
  bank: {
    send: {
      verb: { usage: `stchaind tx bank send <from key> <to address> <coins> ${TX_FLAGS_USAGE}`, example: "stchaind tx bank send alice st1… 1.5stos --keyring-backend test --yes" },
      positionals: 3,
      check: ([, to, coins]) => {
        parseAccountAddress(to!);
        parseCliCoins(coins!);
      },
      build: ([, to, coins], sender) => [{
        typeUrl: "/cosmos.bank.v1beta1.MsgSend",
        value: { fromAddress: sender, toAddress: parseAccountAddress(to!), amount: toCosmCoins(parseCliCoins(coins!)) },
      }],
    },
  },
  staking: {
    delegate: {
      verb: { usage: `stchaind tx staking delegate <validator address> <amount> ${TX_FLAGS_USAGE}`, example: "stchaind tx staking delegate stvaloper1… 100stos --from alice --yes" },
      positionals: 2,
      check: ([validator, amount]) => {
        parseValidatorAddress(validator!);
        parseCliCoins(amount!);
      },
      build: ([validator, amount], sender) => {
        const coins = parseCliCoins(amount!);
        if (coins.length !== 1) throw new CliError("delegate takes one amount of the bond denom");
        return [{ typeUrl: "/cosmos.staking.v1beta1.MsgDelegate", value: { delegatorAddress: sender, validatorAddress: parseValidatorAddress(validator!), amount: toCosmCoins(coins)[0] } }];
      },
    },
  },
  distribution: {
    "withdraw-rewards": {
      verb: { usage: `stchaind tx distribution withdraw-rewards <validator address> ${TX_FLAGS_USAGE}`, example: "stchaind tx distribution withdraw-rewards stvaloper1… --from alice --yes" },
      positionals: 1,
      check: ([validator]) => void parseValidatorAddress(validator!),
      build: ([validator], sender) => [{
        typeUrl: "/cosmos.distribution.v1beta1.MsgWithdrawDelegatorReward",
        value: { delegatorAddress: sender, validatorAddress: parseValidatorAddress(validator!) },
      }],
    },
  },
  register: {
    "create-resource-node": {
      verb: {
        usage: `stchaind tx register create-resource-node --pubkey stsdspub1… --amount COINS --moniker M [--node-type 1-7] [--beneficiary st1…] ${TX_FLAGS_USAGE}`,
        example: "stchaind tx register create-resource-node --pubkey stsdspub1… --amount 1stos --moniker my-resource-node --node-type 4 --from alice --yes",
      },
      positionals: 0,
      flags: REGISTER_FLAGS,
      check: (_p, values) => {
        sdsPubKeyFlag(values);
        depositFlag(values);
        nodeTypeFlag(values);
        if (flag(values, "moniker") === undefined) throw new CliError("--moniker is required", 2);
        const beneficiary = flag(values, "beneficiary");
        if (beneficiary !== undefined) parseAccountAddress(beneficiary);
      },
      build: (_p, sender, values) => {
        const { pubKey, networkAddress } = sdsPubKeyFlag(values);
        return [{
          typeUrl: "/stratos.register.v1.MsgCreateResourceNode",
          value: {
            networkAddress,
            pubkey: { typeUrl: "/cosmos.crypto.ed25519.PubKey", value: toBinary(Ed25519PubKeySchema, create(Ed25519PubKeySchema, { key: pubKey })) },
            value: depositFlag(values),
            ownerAddress: sender,
            beneficiaryAddress: flag(values, "beneficiary") ?? sender,
            description: { moniker: flag(values, "moniker")!, website: flag(values, "website") ?? "", details: flag(values, "details") ?? "" },
            nodeType: nodeTypeFlag(values),
          },
        }];
      },
    },
  },
  gov: {
    vote: {
      verb: { usage: `stchaind tx gov vote <proposal id> <yes|no|abstain|no_with_veto> ${TX_FLAGS_USAGE}`, example: "stchaind tx gov vote 1 yes --from alice --yes" },
      positionals: 2,
      check: ([id, option]) => {
        if (!/^[1-9][0-9]*$/.test(id!)) throw new CliError(`invalid proposal id ${id!}`);
        if (VOTE_OPTIONS[option!] === undefined) throw new CliError(`invalid vote option ${option!} (yes, no, abstain, no_with_veto)`);
      },
      build: ([id, option], sender) => [{
        typeUrl: "/cosmos.gov.v1beta1.MsgVote",
        value: { proposalId: BigInt(id!), voter: sender, option: VOTE_OPTIONS[option!]! },
      }],
    },
  },
};

function txVerbHandler(v: TxVerb, fromIsFirst: boolean): VerbHandler {
  return async (args) => {
    const p = parseVerb(args, v.verb, { ...TX_FLAGS, ...(v.flags ?? {}) }, { min: v.positionals, max: v.positionals });
    if (p.help) return 0;
    v.check?.(p.positionals, p.values);
    // `tx bank send <from> …` names the sender as its first argument, as the SDK's does.
    const parsed: Parsed = fromIsFirst ? { ...p, values: { ...p.values, from: p.positionals[0] } } : p;
    return signAndSend(parsed, (sender) => v.build(p.positionals, sender, p.values));
  };
}

export function runTx(args: string[]): Promise<number> {
  const [module, ...rest] = args;
  const groups = Object.fromEntries(Object.entries(TX_VERBS).map(([name, vs]) => [name, {
    verb: { usage: `stchaind tx ${name} <${Object.keys(vs).join("|")}> …`, example: `stchaind tx ${name} ${Object.keys(vs)[0]!} --help` },
    run: (a: string[]) => dispatchGroup(`tx ${name}`, Object.fromEntries(Object.entries(vs).map(([verb, v]) => [verb, { verb: v.verb, run: txVerbHandler(v, name === "bank" && verb === "send") }])), a),
  }]));
  return dispatchGroup("tx", groups, module === undefined ? [] : [module, ...rest]);
}
