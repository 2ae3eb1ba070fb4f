/**
 * `stchaind tx …`: sign with a keyring key and broadcast over the node's CometBFT RPC (SIGN_MODE_DIRECT,
 * eth_secp256k1 via CosmJS's DirectEthSecp256k1Wallet), waiting for the block that includes the tx.
 */
import fs from "node:fs";
import { create, fromJson, toBinary, toJson, type JsonValue, type Registry } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { DirectEthSecp256k1Wallet, type EncodeObject } from "@cosmjs/proto-signing";
import { calculateFee, GasPrice, StargateClient, type DeliverTxResponse, type SigningStargateClient, type StdFee } from "@cosmjs/stargate";
import { connectStratos, DEFAULT_GAS_PRICE, stratosRegistry } from "../client/client.js";
import { AuthInfoSchema, ModeInfo_SingleSchema, ModeInfoSchema, SignDocSchema, SignerInfoSchema, TxBodySchema, TxRawSchema, TxSchema, type Tx } from "../codec/cosmos/tx/v1beta1/tx_pb.js";
import { SignMode } from "../codec/cosmos/tx/signing/v1beta1/signing_pb.js";
import { PubKeySchema as EthSecp256k1PubKeySchema } from "../codec/stratos/crypto/v1/ethsecp256k1/keys_pb.js";
import { ethPublicKeyFromPrivateKey, signEthSecp256k1 } from "../crypto/ethSecp256k1.js";
import { MODULE_TX_ALIASES, MODULE_TX_VERBS, sdkAnyTypeUrls, type BuildTools, type ModuleTxVerb } from "./txModules.js";
import { queryCatalog } from "./queryCommands.js";
import { STRATOS_PREFIX } from "../client/wallet.js";
import { PubKeySchema as Ed25519PubKeySchema } from "../codec/cosmos/crypto/ed25519/keys_pb.js";
import { sdsAddressOfPubKey, sdsPubKeyFromBech32 } from "../crypto/sdsKeys.js";
import { CliError, DEFAULT_NODE, dispatchGroup, firstLine, flag, parseVerb, printResult, stdinLines, type FlagValues, type Parsed, type Verb, type VerbHandler, reachNode } from "./common.js";
import { parseAccountAddress, parseCliCoins, parseValidatorAddress, type CliCoin } from "./coinArgs.js";
import { keyringFromFlags, KEYRING_FLAGS } from "./keysCommands.js";

export { DEFAULT_NODE };

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
  "generate-only": { type: "boolean", default: false },
} as const;

const TX_FLAGS_USAGE = "--from KEY [--node URL] [--chain-id ID] [--fees COINS | --gas-prices P] [--gas auto|N] [--gas-adjustment 1.5] [--memo M] [--generate-only] [--yes]";

function toCosmCoins(coins: readonly CliCoin[]): Array<{ denom: string; amount: string }> {
  return coins.map((c) => ({ denom: c.denom, amount: c.amount.toString() }));
}

/** "1.5" → 1.5 for CosmJS's gas estimate multiplier (a client-side estimate, never consensus). */
function parseAdjustment(text: string): number {
  if (!/^[0-9]+(\.[0-9]+)?$/.test(text) || Number(text) < 1) throw new CliError(`--gas-adjustment must be a number ≥ 1, got ${text}`, 2);
  return Number(text);
}


/** Explains the usual node answers in words (the raw log stays in the message). */
function explain(message: string): string {
  if (/insufficient funds/i.test(message)) return `insufficient funds: ${message}`;
  if (/ECONNREFUSED|fetch failed|socket hang up/i.test(message)) return `cannot reach the node: ${message}`;
  return message;
}

const BROADCAST_POLL_MS = 500;

/** The fee of a tx: `--fees`, else the gas times `--gas-prices`. */
function feeOf(values: FlagValues, gas: number): StdFee {
  const fees = flag(values, "fees");
  if (fees !== undefined) return { amount: toCosmCoins(parseCliCoins(fees)), gas: String(gas) };
  let gasPrice: GasPrice;
  try {
    gasPrice = GasPrice.fromString(flag(values, "gas-prices")!);
  } catch (e) {
    throw new CliError(`invalid --gas-prices: ${firstLine(e)}`, 2);
  }
  return calculateFee(gas, gasPrice);
}

/** `--gas`: "auto" (simulate × --gas-adjustment) or a positive integer. */
function gasFlag(values: FlagValues): { auto: true; adjustment: number } | { auto: false; gas: number } {
  const gasText = flag(values, "gas")!;
  if (gasText !== "auto" && !/^[1-9][0-9]*$/.test(gasText)) throw new CliError(`--gas must be auto or a positive integer, got ${gasText}`, 2);
  const adjustment = parseAdjustment(flag(values, "gas-adjustment")!);
  if (flag(values, "fees") !== undefined) parseCliCoins(flag(values, "fees")!);
  return gasText === "auto" ? { auto: true, adjustment } : { auto: false, gas: Number(gasText) };
}

async function connect(values: FlagValues, privateKey: Uint8Array): Promise<SigningStargateClient> {
  const wallet = await DirectEthSecp256k1Wallet.fromKey(privateKey, STRATOS_PREFIX);
  // Poll for the tx's block every half second (CosmJS's default is 3 s; blocks come every second or less).
  return reachNode(flag(values, "node")!, () => connectStratos(flag(values, "node")!, wallet, { broadcastPollIntervalMs: BROADCAST_POLL_MS }));
}

async function simulatedGas(client: SigningStargateClient, sender: string, messages: readonly EncodeObject[], memo: string, adjustment: number): Promise<number> {
  try {
    return Math.ceil((await client.simulate(sender, messages, memo)) * adjustment);
  } catch (e) {
    throw new CliError(`simulation failed: ${explain(firstLine(e))}`);
  }
}

/**
 * `--generate-only`: the unsigned tx as the SDK prints it (proto JSON: body, auth_info with the fee and
 * no signer, no signatures), for `tx sign` and `tx broadcast`. `--from` may be a bare address then;
 * `--gas auto` needs the key (the simulation signs with it).
 */
async function generateOnly(p: Parsed, sender: string, privateKey: Uint8Array | undefined, messages: readonly EncodeObject[]): Promise<number> {
  const values = p.values;
  const memo = flag(values, "memo")!;
  const gasSpec = gasFlag(values);
  let gas: number;
  if (gasSpec.auto) {
    if (privateKey === undefined) throw new CliError("--gas auto with --generate-only needs --from to be a key in the keyring (or give --gas N)", 2);
    const client = await connect(values, privateKey);
    try {
      gas = await simulatedGas(client, sender, messages, memo, gasSpec.adjustment);
    } finally {
      client.disconnect();
    }
  } else {
    gas = gasSpec.gas;
  }
  const fee = feeOf(values, gas);
  const cosmRegistry = stratosRegistry();
  const tx = create(TxSchema, {
    body: { messages: messages.map((m) => { const any = cosmRegistry.encodeAsAny(m); return create(AnySchema, { typeUrl: any.typeUrl, value: any.value }); }), memo },
    authInfo: { fee: { amount: fee.amount.map((c) => ({ denom: c.denom, amount: c.amount })), gasLimit: BigInt(fee.gas) } },
    signatures: [],
  });
  const { registry } = await queryCatalog();
  process.stdout.write(JSON.stringify(toJson(TxSchema, tx, { registry, useProtoFieldName: true, alwaysEmitImplicit: true })) + "\n");
  return 0;
}

/**
 * Resolves `--from` in the keyring, builds the fee, asks for confirmation unless `--yes`, signs,
 * broadcasts and prints the result (or prints the unsigned tx with `--generate-only`).
 */
async function signAndSend(p: Parsed, build: (sender: string) => EncodeObject[] | Promise<EncodeObject[]>): Promise<number> {
  const values: FlagValues = p.values;
  const from = flag(values, "from");
  if (from === undefined) throw new CliError("--from is required (a key name or address in the keyring)", 2);
  const keyring = keyringFromFlags(p.home, values);
  const key = keyring.find(from);
  const generate = values["generate-only"] === true;
  if (key === undefined && !(generate && isAccountAddress(from))) throw new CliError(`key ${from} not found in the ${keyring.backend} keyring (${keyring.dir})`);
  const sender = key?.address ?? from;
  const gasSpec = gasFlag(values);
  if (flag(values, "fees") === undefined) feeOf(values, 1);
  const messages = await build(sender);
  if (generate) return generateOnly(p, sender, key === undefined || (!gasSpec.auto) ? undefined : await keyring.privateKey(key.name), messages);
  if (values["yes"] !== true) {
    process.stderr.write(`${JSON.stringify(messages, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString("base64") : v))}\n`);
    const answer = await stdinLines.next("confirm transaction before signing and broadcasting [y/N]").catch(() => "n");
    if (!/^y(es)?$/i.test(answer.trim())) throw new CliError("transaction not confirmed (answer y, or pass --yes)");
  }
  const client = await connect(values, await keyring.privateKey(key!.name));
  try {
    const chainId = flag(values, "chain-id");
    if (chainId !== undefined && chainId !== (await client.getChainId())) throw new CliError(`--chain-id ${chainId} differs from the node's ${await client.getChainId()}`);
    const memo = flag(values, "memo")!;
    const gas = gasSpec.auto ? await simulatedGas(client, sender, messages, memo, gasSpec.adjustment) : gasSpec.gas;
    let result;
    try {
      result = await client.signAndBroadcast(sender, messages, feeOf(values, gas), memo);
    } catch (e) {
      throw new CliError(`broadcast failed: ${explain(firstLine(e))}`);
    }
    return printDelivered(p, result);
  } finally {
    client.disconnect();
  }
}

function printDelivered(p: Parsed, result: DeliverTxResponse): number {
  if (result.code !== 0) throw new CliError(`tx ${result.transactionHash} failed (code ${result.code}): ${explain(firstLine(result.rawLog ?? ""))}`);
  printResult(p.output, { txhash: result.transactionHash, height: result.height, code: result.code, gas_wanted: result.gasWanted.toString(), gas_used: result.gasUsed.toString() });
  return 0;
}

function isAccountAddress(text: string): boolean {
  try {
    parseAccountAddress(text);
    return true;
  } catch {
    return false;
  }
}

type TxVerb = ModuleTxVerb;

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

const FIRST_SLICE_VERBS: Readonly<Record<string, Readonly<Record<string, TxVerb>>>> = {
  bank: {
    send: {
      verb: { usage: `stchaind tx bank send <from key> <to address> <coins> ${TX_FLAGS_USAGE}`, example: "stchaind tx bank send alice st1… 1.5stos --keyring-backend test --yes" },
      positionals: 3,
      fromIsFirst: true,
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
      verb: {
        usage: `stchaind tx distribution withdraw-rewards <validator address> [--commission] ${TX_FLAGS_USAGE}`,
        example: "stchaind tx distribution withdraw-rewards stvaloper1… --from alice --yes",
        description: "Withdraws --from's delegation rewards from the validator; with --commission (the validator's operator) also its commission.",
      },
      positionals: 1,
      flags: { commission: { type: "boolean" } },
      check: ([validator]) => void parseValidatorAddress(validator!),
      build: ([validator], sender, values) => [
        { typeUrl: "/cosmos.distribution.v1beta1.MsgWithdrawDelegatorReward", value: { delegatorAddress: sender, validatorAddress: parseValidatorAddress(validator!) } },
        ...(values["commission"] === true ? [{ typeUrl: "/cosmos.distribution.v1beta1.MsgWithdrawValidatorCommission", value: { validatorAddress: parseValidatorAddress(validator!) } }] : []),
      ],
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

/** Every module's `tx` verbs: the first slice's and txModules.ts's (a module's verbs merged, sorted). */
export const TX_VERBS: Readonly<Record<string, Readonly<Record<string, TxVerb>>>> = Object.fromEntries(
  [...new Set([...Object.keys(FIRST_SLICE_VERBS), ...Object.keys(MODULE_TX_VERBS)])].sort().map((module) => [
    module,
    Object.fromEntries(Object.entries({ ...(MODULE_TX_VERBS[module] ?? {}), ...(FIRST_SLICE_VERBS[module] ?? {}) }).sort(([a], [b]) => (a < b ? -1 : 1))),
  ]),
);

function txVerbHandler(v: TxVerb): VerbHandler {
  return async (args) => {
    const range = typeof v.positionals === "number" ? { min: v.positionals, max: v.positionals } : v.positionals;
    const p = parseVerb(args, v.verb, { ...TX_FLAGS, ...(v.flags ?? {}) }, range);
    if (p.help) return 0;
    v.check?.(p.positionals, p.values);
    // `tx bank send <from> …` names the sender as its first argument, as the SDK's does.
    const parsed: Parsed = v.fromIsFirst === true ? { ...p, values: { ...p.values, from: p.positionals[0] } } : p;
    const tools: BuildTools = { node: flag(p.values, "node")!, registry: async () => (await queryCatalog()).registry };
    return signAndSend(parsed, (sender) => v.build(p.positionals, sender, p.values, tools));
  };
}

const SIGN_VERB: Verb = {
  usage: "stchaind tx sign <tx.json> --from KEY [--chain-id ID] [--node URL] [--offline --account-number N --sequence N] [--output-document FILE]",
  example: "stchaind tx bank send alice st1… 1stos --generate-only --gas 200000 > unsigned.json && stchaind tx sign unsigned.json --from alice > signed.json",
  description: "Signs a tx file (from --generate-only) with --from (SIGN_MODE_DIRECT) and prints the signed tx JSON. The account number and sequence come from the node unless --offline.",
};

const BROADCAST_VERB: Verb = {
  usage: "stchaind tx broadcast <signed-tx.json> [--node URL] [--output json|text]",
  example: "stchaind tx broadcast signed.json --node http://127.0.0.1:26657",
  description: "Broadcasts a signed tx file and waits for the block that includes it.",
};

async function readTxFile(file: string): Promise<{ tx: Tx; registry: Registry }> {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new CliError(`cannot read ${file}: ${firstLine(e)}`);
  }
  const { registry } = await queryCatalog();
  try {
    const tx = fromJson(TxSchema, JSON.parse(text) as JsonValue, { registry });
    return { tx: sdkAnyTypeUrls(tx, registry), registry };
  } catch (e) {
    throw new CliError(`${file}: not a tx JSON (${firstLine(e)})`);
  }
}

async function runSign(args: string[]): Promise<number> {
  const p = parseVerb(args, SIGN_VERB, {
    ...KEYRING_FLAGS, from: { type: "string" }, node: TX_FLAGS.node, "chain-id": { type: "string" }, offline: { type: "boolean", default: false },
    "account-number": { type: "string" }, sequence: { type: "string" }, "output-document": { type: "string" },
  }, { min: 1, max: 1 });
  if (p.help) return 0;
  const { tx, registry } = await readTxFile(p.positionals[0]!);
  const from = flag(p.values, "from");
  if (from === undefined) throw new CliError("--from is required (the key that signs)", 2);
  const keyring = keyringFromFlags(p.home, p.values);
  const key = keyring.find(from);
  if (key === undefined) throw new CliError(`key ${from} not found in the ${keyring.backend} keyring (${keyring.dir})`);
  let chainId = flag(p.values, "chain-id");
  let accountNumber: bigint;
  let sequence: bigint;
  const privateKey = await keyring.privateKey(key.name);
  if (p.values["offline"] === true) {
    const an = flag(p.values, "account-number");
    const sq = flag(p.values, "sequence");
    if (an === undefined || sq === undefined || chainId === undefined) throw new CliError("--offline needs --account-number, --sequence and --chain-id", 2);
    if (!/^[0-9]+$/.test(an) || !/^[0-9]+$/.test(sq)) throw new CliError("--account-number and --sequence must be non-negative integers", 2);
    accountNumber = BigInt(an);
    sequence = BigInt(sq);
  } else {
    const client = await connect(p.values, privateKey);
    try {
      let account;
      try {
        account = await client.getSequence(key.address);
      } catch (e) {
        throw new CliError(`cannot read account ${key.address} on the node: ${firstLine(e)}`);
      }
      accountNumber = BigInt(account.accountNumber);
      sequence = BigInt(account.sequence);
      const nodeChain = await client.getChainId();
      if (chainId !== undefined && chainId !== nodeChain) throw new CliError(`--chain-id ${chainId} differs from the node's ${nodeChain}`);
      chainId = nodeChain;
    } finally {
      client.disconnect();
    }
  }
  const publicKey = ethPublicKeyFromPrivateKey(privateKey);
  const authInfo = tx.authInfo ?? create(AuthInfoSchema);
  authInfo.signerInfos.push(create(SignerInfoSchema, {
    publicKey: create(AnySchema, { typeUrl: `/${EthSecp256k1PubKeySchema.typeName}`, value: toBinary(EthSecp256k1PubKeySchema, create(EthSecp256k1PubKeySchema, { key: publicKey })) }),
    modeInfo: create(ModeInfoSchema, { sum: { case: "single", value: create(ModeInfo_SingleSchema, { mode: SignMode.DIRECT }) } }),
    sequence,
  }));
  tx.authInfo = authInfo;
  const signDoc = create(SignDocSchema, {
    bodyBytes: toBinary(TxBodySchema, tx.body ?? create(TxBodySchema)), authInfoBytes: toBinary(AuthInfoSchema, authInfo), chainId, accountNumber,
  });
  tx.signatures.push(signEthSecp256k1(privateKey, toBinary(SignDocSchema, signDoc)));
  const text = JSON.stringify(toJson(TxSchema, tx, { registry, useProtoFieldName: true, alwaysEmitImplicit: true })) + "\n";
  const out = flag(p.values, "output-document");
  if (out !== undefined) fs.writeFileSync(out, text);
  else process.stdout.write(text);
  return 0;
}

async function runBroadcast(args: string[]): Promise<number> {
  const p = parseVerb(args, BROADCAST_VERB, { node: TX_FLAGS.node }, { min: 1, max: 1 });
  if (p.help) return 0;
  const { tx } = await readTxFile(p.positionals[0]!);
  if (tx.signatures.length === 0) throw new CliError(`${p.positionals[0]!}: the tx is not signed (stchaind tx sign it first)`);
  const bytes = toBinary(TxRawSchema, create(TxRawSchema, {
    bodyBytes: toBinary(TxBodySchema, tx.body ?? create(TxBodySchema)), authInfoBytes: toBinary(AuthInfoSchema, tx.authInfo ?? create(AuthInfoSchema)), signatures: tx.signatures,
  }));
  const node = flag(p.values, "node")!;
  const client = await reachNode(node, () => StargateClient.connect(node));
  try {
    let result;
    try {
      result = await client.broadcastTx(bytes, 60_000, BROADCAST_POLL_MS);
    } catch (e) {
      throw new CliError(`broadcast failed: ${explain(firstLine(e))}`);
    }
    return printDelivered(p, result);
  } finally {
    client.disconnect();
  }
}

export function runTx(args: string[]): Promise<number> {
  const groups: Record<string, { verb: Verb; run: VerbHandler }> = {
    sign: { verb: SIGN_VERB, run: runSign },
    broadcast: { verb: BROADCAST_VERB, run: runBroadcast },
  };
  for (const [name, vs] of Object.entries(TX_VERBS)) {
    const verbs: Record<string, { verb: Verb; run: VerbHandler }> = Object.fromEntries(Object.entries(vs).map(([verb, v]) => [verb, { verb: v.verb, run: txVerbHandler(v) }]));
    for (const [alias, target] of Object.entries(MODULE_TX_ALIASES[name] ?? {})) verbs[alias] = { verb: { ...vs[target]!.verb, usage: vs[target]!.verb.usage.replace(` ${target} `, ` ${alias} `) }, run: txVerbHandler(vs[target]!) };
    groups[name] = {
      verb: { usage: `stchaind tx ${name} <${Object.keys(vs).join("|")}> …`, example: `stchaind tx ${name} ${Object.keys(vs)[0]!} --help` },
      run: (a: string[]) => dispatchGroup(`tx ${name}`, verbs, a),
    };
  }
  return dispatchGroup("tx", groups, args);
}
