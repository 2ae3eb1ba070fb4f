/**
 * Test kit for register scenarios in-process: the whole app (TestApp: CheckTx/FinalizeBlock without
 * CometBFT) with a genesis built from spec-register §11's "Common setup", real signed txs, and block
 * times chosen by the test so the dates of the spec's vectors are reproduced exactly. Test-only.
 */
import { create, type DescMessage, type MessageInitShape, toBinary } from "@bufbuild/protobuf";
import type { Event, ExecTxResult } from "cosmjs-types/tendermint/abci/types";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { PubKeySchema as Ed25519PubKeySchema } from "../../codec/cosmos/crypto/ed25519/keys_pb.js";
import type { ReadContext } from "../../baseapp/context.js";
import { devnetNodeKey, type SdsNodeKey } from "../../node/devnetGenesis.js";
import { buildAppState, type GenesisNode, type GenesisSpec } from "../../node/genesisBuilder.js";
import { TestApp, type TestAppOptions, type TestKey } from "../../node/testApp.js";
import { parseAcc, parseSds } from "./addresses.js";

export const STOS = 10n ** 18n;
export const DAY = 86_400n;
/** spec-register §11: T = 2024-06-01T00:00:00Z. */
export const T = 1_717_200_000n;
/** creation_time of the genesis nodes of Genesis G. */
export const GENESIS_CREATED = "2021-09-24T14:37:13Z";

/** A Stratos message as an Any, built from its generated schema. */
export function anyMsg<Desc extends DescMessage>(schema: Desc, init: MessageInitShape<Desc>): Any {
  return { typeUrl: `/${schema.typeName}`, value: toBinary(schema, create(schema, init)) };
}

export function ed25519Any(publicKey: Uint8Array): { typeUrl: string; value: Uint8Array } {
  return { typeUrl: "/cosmos.crypto.ed25519.PubKey", value: toBinary(Ed25519PubKeySchema, create(Ed25519PubKeySchema, { key: publicKey })) };
}

/** A participant: an owner wallet at an HD index of the devnet mnemonic and the P2P key of its node. */
export interface Actor {
  readonly name: string;
  readonly key: TestKey;
  readonly node: SdsNodeKey;
}

export interface ScenarioOptions {
  /** The named actors and their genesis wei balances (name → balance). */
  readonly balances: Readonly<Record<string, bigint>>;
  /** Balances in other denoms (name → denom → amount). */
  readonly otherCoins?: Readonly<Record<string, Readonly<Record<string, bigint>>>>;
  readonly nodes?: (actor: (name: string) => Actor) => GenesisNode[];
  readonly moduleBalances?: GenesisSpec["moduleBalances"];
  readonly register?: GenesisSpec["register"] | ((actor: (name: string) => Actor) => GenesisSpec["register"]);
  readonly genesisSeconds?: bigint;
  readonly referenceQuirks?: boolean;
  /** More `app_state` sections (other modules' genesis, e.g. pot's), added beside the built ones. */
  readonly extraAppState?: Readonly<Record<string, unknown>>;
  /** Funded genesis accounts that are not actors (no key here), after the actors' accounts. */
  readonly extraAccounts?: GenesisSpec["accounts"];
  /** Genesis fields beyond accounts and nodes (e.g. staking params, gentxs, the validator operator). */
  readonly genesis?: Partial<Pick<GenesisSpec, "staking" | "genTxs" | "validatorOperator">>;
  /** TestApp options beyond the genesis (chain id, genesis nanoseconds, test-only modules). */
  readonly testApp?: Pick<TestAppOptions, "chainId" | "genesisNanos" | "extraModules">;
  /** App options (e.g. gov's staking stand-in). */
  readonly app?: TestAppOptions["app"];
}

const FEE_GAS = 600_000n;
/** The fee every scenario tx of up to 3 messages pays: gas limit × 1 gwei (longer txs get 200 000 gas per message). */
export const TX_FEE = FEE_GAS * 1_000_000_000n;

const gasFor = (messages: number): bigint => (messages <= 3 ? FEE_GAS : 200_000n * BigInt(messages));

/** A TestApp whose genesis accounts are named actors (HD index 100 + position). */
export class Scenario {
  protected constructor(
    readonly app: TestApp,
    private readonly actors: ReadonlyMap<string, Actor>,
  ) {}

  static async create(o: ScenarioOptions): Promise<Scenario> {
    const { app, actors } = await Scenario.start(o);
    return new Scenario(app, actors);
  }

  /** The TestApp and actors of a scenario (subclasses wrap them in their own type). */
  protected static async start(o: ScenarioOptions): Promise<{ app: TestApp; actors: ReadonlyMap<string, Actor> }> {
    const names = Object.keys(o.balances);
    const actors = new Map<string, Actor>();
    names.forEach((name, i) => {
      const index = 100 + i;
      actors.set(name, { name, key: TestApp.keyAt(index, BigInt(i)), node: devnetNodeKey(index) });
    });
    const actor = (name: string): Actor => {
      const a = actors.get(name);
      if (!a) throw new Error(`unknown actor ${name}`);
      return a;
    };
    const appState = {
      ...buildAppState({
        accounts: [
          ...names.map((n) => ({ address: actor(n).key.address, balance: o.balances[n]!, ...(o.otherCoins?.[n] ? { otherCoins: o.otherCoins[n] } : {}) })),
          ...(o.extraAccounts ?? []),
        ],
        nodes: o.nodes?.(actor) ?? [],
        ...(o.moduleBalances ? { moduleBalances: o.moduleBalances } : {}),
        ...(o.register ? { register: typeof o.register === "function" ? o.register(actor) : o.register } : {}),
        ...o.genesis,
      }),
      ...o.extraAppState,
    };
    const app = await TestApp.create({
      appState, genesisSeconds: o.genesisSeconds ?? T - DAY, referenceQuirks: o.referenceQuirks ?? false, ...(o.app ? { app: o.app } : {}), ...o.testApp,
    });
    return { app, actors };
  }

  actor(name: string): Actor {
    const a = this.actors.get(name);
    if (!a) throw new Error(`unknown actor ${name}`);
    return a;
  }

  address(name: string): string {
    return this.actor(name).key.address;
  }

  /** Raw account bytes of an actor's owner wallet. */
  accountBytes(name: string): Uint8Array {
    return parseAcc(this.address(name));
  }

  net(name: string): string {
    return this.actor(name).node.networkAddress;
  }

  /** Raw bytes of an actor's node network address. */
  netBytes(name: string): Uint8Array {
    return parseSds(this.net(name));
  }

  /** The raw bytes of the last tx `tx`/`txs` signed. */
  lastTx: Uint8Array = new Uint8Array();

  /** An actor's account sequence in committed state. */
  sequence(name: string): bigint {
    return this.app.parts.keepers.auth.getAccount(this.read, this.accountBytes(name))?.sequence ?? 0n;
  }

  /** Signs `msgs` by `signer` (next sequence) and delivers them alone in a block at `seconds`. */
  async tx(signer: string, msgs: readonly Any[], seconds: bigint, nanos = 0): Promise<ExecTxResult> {
    const [result] = await this.txs([[signer, msgs]], seconds, nanos);
    return result!;
  }

  /** Several txs in one block at `seconds`. */
  async txs(list: ReadonlyArray<readonly [signer: string, msgs: readonly Any[]]>, seconds: bigint, nanos = 0): Promise<ExecTxResult[]> {
    // Sequences from committed state (a tx refused before the ante chain does not consume one), plus
    // the signer's earlier txs in this block.
    const pending = new Map<string, bigint>();
    const raw = list.map(([signer, msgs]) => {
      const offset = pending.get(signer) ?? 0n;
      pending.set(signer, offset + 1n);
      return this.app.sign(this.actor(signer).key, msgs, { sequence: this.sequence(signer) + offset, gasLimit: gasFor(msgs.length) });
    });
    this.lastTx = raw.at(-1) ?? this.lastTx;
    return this.app.block(raw, { seconds, nanos });
  }

  /** An empty block at `seconds` (runs EndBlock at that time); returns its block events. */
  async emptyBlock(seconds: bigint): Promise<readonly Event[]> {
    return (await this.app.finalize([], { seconds })).events;
  }

  balance(nameOrAddress: string): bigint {
    return this.app.balance(this.actors.has(nameOrAddress) ? this.address(nameOrAddress) : nameOrAddress);
  }

  /** A read view of committed state for keeper reads. */
  get read(): ReadContext {
    const store = this.app.parts.store.committed();
    return { kv: (name) => store.getReader(name) };
  }

  get register() {
    return this.app.parts.keepers.register;
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

/** The attributes of the first event of `type` in a tx result, key → raw value. */
export function eventAttributes(events: readonly Event[], type: string): Record<string, string> | undefined {
  const e = events.find((x) => x.type === type);
  return e === undefined ? undefined : Object.fromEntries(e.attributes.map((a) => [a.key, a.value]));
}

/** The baseapp `message` event of a message ({action, sender, module}; bank adds `message{sender}` events too). */
export function actionEvent(events: readonly Event[]): Record<string, string> | undefined {
  const e = events.find((x) => x.type === "message" && x.attributes.some((a) => a.key === "action"));
  return e === undefined ? undefined : Object.fromEntries(e.attributes.map((a) => [a.key, a.value]));
}

/** A JSON-quoted attribute value, as typed events carry strings. */
export const q = (s: string): string => JSON.stringify(s);

/** Genesis G of spec-register §11 (= spec-pot TV1): RES1…RES5 and META1…META3, 1 STOS each. */
export function genesisG(actor: (name: string) => Actor): GenesisNode[] {
  const res = [1, 2, 3, 4, 5].map((i): GenesisNode => ({
    kind: "resource", ownerAddress: actor(`RES${i}`).key.address, pubKey: actor(`RES${i}`).node.publicKey, tokens: STOS,
    moniker: `res${i}`, nodeType: 4, creationTime: GENESIS_CREATED,
  }));
  const meta = [1, 2, 3].map((i): GenesisNode => ({
    kind: "meta", ownerAddress: actor(`META${i}`).key.address, pubKey: actor(`META${i}`).node.publicKey, tokens: STOS,
    moniker: `meta${i}`, creationTime: GENESIS_CREATED,
  }));
  return [...res, ...meta];
}

/** Owners of Genesis G with 100 STOS each (owner name = node name). */
export const G_OWNERS: Readonly<Record<string, bigint>> = Object.fromEntries(
  ["RES1", "RES2", "RES3", "RES4", "RES5", "META1", "META2", "META3"].map((n) => [n, 100n * STOS]),
);

/** State P: G non-fresh (pools pre-funded) + a 20 STOS prepay already made (Pt = 20 STOS, Lt = 2 285 714 285 715). */
export function stateP(extra: Readonly<Record<string, bigint>> = {}, over: Partial<ScenarioOptions> = {}): ScenarioOptions {
  return {
    balances: { ...G_OWNERS, ...extra },
    nodes: genesisG,
    moduleBalances: { resource_node_bonded_pool: 5n * STOS, meta_node_bonded_pool: 3n * STOS, total_unissued_prepay: 20n * STOS },
    register: { remaining_noz_limit: "2285714285715" },
    ...over,
  };
}
