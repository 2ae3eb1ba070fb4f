/** `stchaind query …`: read the chain over the node's CometBFT RPC (ABCI queries, the gRPC method paths). */
import { create, createRegistry, fromBinary, toBinary, toJson, type DescMessage, type MessageInitShape } from "@bufbuild/protobuf";
import { QueryClient, setupBankExtension, setupStakingExtension, type BankExtension, type StakingExtension } from "@cosmjs/stargate";
import { Comet38Client } from "@cosmjs/tendermint-rpc";
import { PubKeySchema as Ed25519PubKeySchema } from "../codec/cosmos/crypto/ed25519/keys_pb.js";
import { QueryResourceNodeRequestSchema, QueryResourceNodeResponseSchema } from "../codec/stratos/register/v1/query_pb.js";
import { BECH32_PREFIX, parseBech32Address } from "../crypto/address.js";
import { CliError, dispatchGroup, flag, parseVerb, printResult, type Parsed, type Verb, type VerbHandler } from "./common.js";
import { parseAccountAddress } from "./coinArgs.js";
import { DEFAULT_NODE } from "./txCommands.js";

const QUERY_FLAGS = { node: { type: "string", default: DEFAULT_NODE }, height: { type: "string" } } as const;

type Clients = { comet: Comet38Client; query: QueryClient & BankExtension & StakingExtension };

async function withNode<T>(p: Parsed, f: (c: Clients) => Promise<T>): Promise<T> {
  const node = flag(p.values, "node")!;
  let comet: Comet38Client;
  try {
    comet = await Comet38Client.connect(node);
  } catch (e) {
    throw new CliError(`cannot reach the node at ${node}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  }
  try {
    return await f({ comet, query: QueryClient.withExtensions(comet, setupBankExtension, setupStakingExtension) });
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`query failed: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`);
  } finally {
    comet.disconnect();
  }
}

/** An ABCI query of a Stratos gRPC method with protobuf-es messages. */
async function abciQuery<I extends DescMessage, O extends DescMessage>(c: Clients, path: string, req: I, init: MessageInitShape<I>, res: O, height?: number) {
  const response = await c.query.queryAbci(path, toBinary(req, create(req, init)), height);
  return fromBinary(res, response.value);
}

function heightOf(p: Parsed): number | undefined {
  const h = flag(p.values, "height");
  if (h === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(h)) throw new CliError(`--height must be a positive integer, got ${h}`, 2);
  return Number(h);
}

interface QueryVerb {
  readonly verb: Verb;
  readonly positionals: number;
  readonly run: (p: Parsed, c: Clients) => Promise<unknown>;
  readonly check?: (positionals: string[]) => void;
}

const BOND_STATUSES = ["BOND_STATUS_BONDED", "BOND_STATUS_UNBONDING", "BOND_STATUS_UNBONDED"] as const;

export const QUERY_VERBS: Readonly<Record<string, Readonly<Record<string, QueryVerb>>>> = {
  bank: {
    balances: {
      verb: { usage: "stchaind query bank balances <address> [--denom D] [--node URL]", example: "stchaind query bank balances st1… --node http://127.0.0.1:26657 --output json" },
      positionals: 1,
      check: ([address]) => void parseAccountAddress(address!),
      run: async (p, c) => {
        const address = p.positionals[0]!;
        const denom = flag(p.values, "denom");
        if (denom !== undefined) return { balance: await c.query.bank.balance(address, denom) };
        return { balances: await c.query.bank.allBalances(address) };
      },
    },
  },
  staking: {
    validators: {
      verb: { usage: "stchaind query staking validators [--status BOND_STATUS_BONDED|…] [--node URL]", example: "stchaind query staking validators --output json" },
      positionals: 0,
      run: async (p, c) => {
        const status = flag(p.values, "status") ?? "BOND_STATUS_BONDED";
        if (!(BOND_STATUSES as readonly string[]).includes(status)) throw new CliError(`--status must be one of ${BOND_STATUSES.join(", ")}`, 2);
        const response = await c.query.staking.validators(status as (typeof BOND_STATUSES)[number]);
        return {
          validators: response.validators.map((v) => ({
            operator_address: v.operatorAddress, moniker: v.description?.moniker ?? "", jailed: v.jailed, status: v.status, tokens: v.tokens, delegator_shares: v.delegatorShares,
          })),
        };
      },
    },
  },
  register: {
    "resource-node": {
      verb: { usage: "stchaind query register resource-node <stsds1… network address> [--node URL]", example: "stchaind query register resource-node stsds1… --output json" },
      positionals: 1,
      check: ([network]) => {
        try {
          parseBech32Address(network!, BECH32_PREFIX.sds);
        } catch (e) {
          throw new CliError(`invalid network address "${network!}": ${e instanceof Error ? e.message : String(e)}`);
        }
      },
      run: async (p, c) => {
        const response = await abciQuery(c, "/stratos.register.v1.Query/ResourceNode", QueryResourceNodeRequestSchema, { networkAddr: p.positionals[0]! }, QueryResourceNodeResponseSchema, heightOf(p));
        if (response.node === undefined) throw new CliError(`no resource node ${p.positionals[0]!}`);
        return toJson(QueryResourceNodeResponseSchema, response, { useProtoFieldName: true, registry: createRegistry(Ed25519PubKeySchema) });
      },
    },
  },
};

function queryVerbHandler(v: QueryVerb): VerbHandler {
  return async (args) => {
    const p = parseVerb(args, v.verb, { ...QUERY_FLAGS, denom: { type: "string" }, status: { type: "string" } }, { min: v.positionals, max: v.positionals });
    if (p.help) return 0;
    v.check?.(p.positionals);
    heightOf(p);
    printResult(p.output, await withNode(p, (c) => v.run(p, c)));
    return 0;
  };
}

export function runQuery(args: string[]): Promise<number> {
  const groups = Object.fromEntries(Object.entries(QUERY_VERBS).map(([name, vs]) => [name, {
    verb: { usage: `stchaind query ${name} <${Object.keys(vs).join("|")}> …`, example: `stchaind query ${name} ${Object.keys(vs)[0]!} --help` },
    run: (a: string[]) => dispatchGroup(`query ${name}`, Object.fromEntries(Object.entries(vs).map(([verb, v]) => [verb, { verb: v.verb, run: queryVerbHandler(v) }])), a),
  }]));
  return dispatchGroup("query", groups, args);
}
