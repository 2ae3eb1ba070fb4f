/**
 * An in-memory stratos-ts app with the devnet genesis, for tests that drive whole txs through
 * CheckTx / FinalizeBlock without CometBFT. Not used on any production path.
 */
import type { ExecTxResult, Misbehavior, ResponseCheckTx, ResponseFinalizeBlock, ValidatorUpdate, VoteInfo } from "cosmjs-types/tendermint/abci/types";
import { CheckTxType } from "cosmjs-types/tendermint/abci/types";
import { AuthInfo, SignDoc, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { QueryBalanceRequest, QueryBalanceResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { ConsensusParams } from "cosmjs-types/tendermint/types/params";
import { BlockIDFlag } from "cosmjs-types/tendermint/types/validator";
import { ed25519Address } from "../crypto/ed25519.js";
import { RootMultiStore } from "../store/rootMultiStore.js";
import type { CommitMultiStore } from "../store/types.js";
import { BECH32_PREFIX, formatBech32Address } from "../crypto/address.js";
import { ethAddressFromPubKey, ethPublicKeyFromPrivateKey, signEthSecp256k1Digest } from "../crypto/ethSecp256k1.js";
import { keccak256 } from "../crypto/hash.js";
import { derivePrivateKey, mnemonicToSeed, stratosHdPath } from "../crypto/hd.js";
import { createStratosApp, type StratosAppOptions, type StratosAppParts } from "./app.js";
import { buildDevnetAppState, devnetMnemonic, DEVNET_CHAIN_ID } from "./devnetGenesis.js";
import { devnetConsensusKey } from "./devnetKeys.js";
import { withGenesisValidator } from "./genesisValidator.js";

export interface TestKey {
  readonly privateKey: Uint8Array;
  readonly publicKey: Uint8Array;
  readonly address: string;
  /** Genesis account number. */
  readonly accountNumber: bigint;
}

export interface SignOptions {
  readonly sequence?: bigint;
  readonly accountNumber?: bigint;
  readonly chainId?: string;
  readonly gasLimit?: bigint;
  readonly fee?: readonly { denom: string; amount: string }[];
  readonly memo?: string;
  readonly timeoutHeight?: bigint;
  readonly pubKeyTypeUrl?: string;
  /** Replaces the 64-byte signature (e.g. to flip S, or corrupt it). */
  readonly mutateSignature?: (sig: Uint8Array) => Uint8Array;
  readonly payer?: string;
}

export interface TestAppOptions {
  readonly accounts?: number;
  readonly minimumGasPrices?: string;
  readonly checkTxVerifyWorkers?: number;
  /**
   * Genesis `app_state` (default: the devnet genesis with `accounts` dev keys). Unless it makes its own
   * validators (gentxs, or an exported staking section), the devnet validator operator's gentx with
   * the in-process consensus key (`TestApp.consensusKey`) is added.
   */
  readonly appState?: Record<string, unknown>;
  /**
   * Add the devnet validator's gentx when `appState` makes no validators (default true). False for a
   * test module that stands in for staking and returns the genesis set itself.
   */
  readonly genesisValidator?: boolean;
  /** Genesis time, Unix seconds (block 1 has this time; later blocks +5 s unless given). */
  readonly genesisSeconds?: bigint;
  /** Nanoseconds of the genesis time (default 0). */
  readonly genesisNanos?: number;
  /** Default: the devnet's chain id. */
  readonly chainId?: string;
  /** Replay register's reference quirks (app option). */
  readonly referenceQuirks?: boolean;
  /** Test-only modules appended to every phase (app option). */
  readonly extraModules?: StratosAppOptions["extraModules"];
  /** More app options (gov's staking stand-in, upgrade handlers, halt settings, …). */
  readonly app?: StratosAppOptions;
  /**
   * The store (default: a fresh in-memory one). A store that already holds committed blocks is resumed:
   * no InitChain, the next block is the one after its last (a node restart).
   */
  readonly store?: CommitMultiStore;
  /** Genesis consensus params `block.max_gas` (default: none sent, no limit). */
  readonly maxBlockGas?: bigint;
}

/** The consensus facts of a test block (RequestFinalizeBlock fields). */
export interface TestConsensus {
  /**
   * The last commit's votes. Default: every validator of the previous height's set signed (COMMIT),
   * as CometBFT reports it; the set follows InitChain and the blocks' validator updates (at H + 2).
   */
  readonly votes?: readonly VoteInfo[];
  readonly misbehavior?: readonly Misbehavior[];
  readonly proposerAddress?: Uint8Array;
}

/** Block time of `TestApp.block`, Unix seconds and nanoseconds. */
export interface TestBlockTime {
  readonly seconds: bigint;
  readonly nanos?: number;
}

/** A validator set by hex consensus address. */
type ValidatorSet = ReadonlyMap<string, { readonly address: Uint8Array; readonly power: bigint }>;

/** `set` with CometBFT's validator updates applied (power 0 removes). */
function applyValidatorUpdates(set: ValidatorSet, updates: readonly ValidatorUpdate[]): ValidatorSet {
  const next = new Map(set);
  for (const u of updates) {
    const key = u.pubKey?.ed25519;
    if (key === undefined) continue;
    const address = ed25519Address(key);
    const hex = Buffer.from(address).toString("hex");
    if (u.power === 0n) next.delete(hex);
    else next.set(hex, { address, power: u.power });
  }
  return next;
}

let consensusKey: { readonly seed: Uint8Array; readonly publicKey: Uint8Array } | undefined;

export class TestApp {
  private height = 1n;
  /** The chain id txs are signed for. */
  chainId = DEVNET_CHAIN_ID;
  private seconds = 1_700_000_000n;
  /** Validator set per height, as CometBFT would hold it (known only for a chain this TestApp started). */
  private readonly validatorSets = new Map<bigint, ValidatorSet>();

  private constructor(
    readonly parts: StratosAppParts,
    readonly keys: readonly TestKey[],
    /** `ResponseInitChain.validators`: the genesis validator set. */
    readonly genesisValidators: readonly ValidatorUpdate[],
  ) {}

  /** The consensus key of the in-process validator (devnetKeys.ts: ed25519 at m/44'/606'/2'/0/0). */
  static get consensusKey(): { readonly seed: Uint8Array; readonly publicKey: Uint8Array } {
    consensusKey ??= devnetConsensusKey();
    return consensusKey;
  }

  static async create(options: TestAppOptions = {}): Promise<TestApp> {
    const parts = await createStratosApp(options.store ?? new RootMultiStore(), {
      ...options.app,
      minimumGasPrices: options.minimumGasPrices ?? "1000000000wei",
      checkTxVerifyWorkers: options.checkTxVerifyWorkers ?? 0,
      referenceQuirks: options.referenceQuirks ?? false,
      ...(options.extraModules ? { extraModules: options.extraModules } : {}),
    });
    const seed = mnemonicToSeed(devnetMnemonic());
    const keys = Array.from({ length: options.accounts ?? 4 }, (_, i): TestKey => {
      const privateKey = derivePrivateKey(seed, stratosHdPath(i));
      const publicKey = ethPublicKeyFromPrivateKey(privateKey);
      return { privateKey, publicKey, address: formatBech32Address(ethAddressFromPubKey(publicKey), BECH32_PREFIX.account), accountNumber: BigInt(i) };
    });
    const chainId = options.chainId ?? DEVNET_CHAIN_ID;
    const genesisSeconds = options.genesisSeconds ?? 1_700_000_000n;
    const last = parts.store.lastCommit().height;
    if (last > 0) {
      const resumed = new TestApp(parts, keys, []);
      resumed.height = BigInt(last) + 1n;
      resumed.seconds = genesisSeconds;
      resumed.chainId = chainId;
      return resumed;
    }
    const baseState = options.appState ?? buildDevnetAppState(keys.map((k, index) => ({ index, hdPath: "", address: k.address })));
    // A gentx asking for more than the block's max_gas fails InitChain (as in the SDK): fit it under a small max_gas.
    const maxGas = options.maxBlockGas ?? -1n;
    const gentxGas = maxGas > 0n && maxGas < 200_000n ? { gasLimit: maxGas } : {};
    const appState = options.genesisValidator === false
      ? baseState
      : withGenesisValidator(baseState, { chainId, consensusPubKey: TestApp.consensusKey.publicKey, ...gentxGas });
    const init = parts.app.initChain({
      time: { seconds: genesisSeconds, nanos: options.genesisNanos ?? 0 },
      chainId,
      consensusParams: options.maxBlockGas === undefined ? undefined : ConsensusParams.fromPartial({ block: { maxBytes: 22_020_096n, maxGas: options.maxBlockGas } }),
      validators: [],
      appStateBytes: new TextEncoder().encode(JSON.stringify(appState)),
      initialHeight: 1n,
    });
    const app = new TestApp(parts, keys, init.validators);
    const genesisSet = applyValidatorUpdates(new Map(), init.validators);
    app.validatorSets.set(1n, genesisSet);
    app.validatorSets.set(2n, genesisSet);
    app.seconds = genesisSeconds;
    app.chainId = chainId;
    await app.block([]);
    return app;
  }

  async close(): Promise<void> {
    await this.parts.close();
  }

  /** FinalizeBlock + Commit of one block with these txs (`time`: this block's time, default previous + 5 s). */
  async block(txs: readonly Uint8Array[], time?: TestBlockTime): Promise<ExecTxResult[]> {
    return (await this.finalize(txs, time)).txResults;
  }

  /**
   * Like `block`, with the whole FinalizeBlock response (block events, app hash). `consensus`: what
   * CometBFT would report (last commit votes, misbehaviour, proposer); default none.
   */
  async finalize(txs: readonly Uint8Array[], time?: TestBlockTime, consensus: TestConsensus = {}): Promise<ResponseFinalizeBlock> {
    if (time) this.seconds = time.seconds;
    const height = this.height;
    const res = this.parts.app.finalizeBlock({
      txs: [...txs],
      decidedLastCommit: { round: 0, votes: [...(consensus.votes ?? this.lastCommitVotes(height))] },
      misbehavior: [...(consensus.misbehavior ?? [])],
      hash: new Uint8Array(32),
      height: this.height,
      time: { seconds: this.seconds, nanos: time?.nanos ?? 0 },
      nextValidatorsHash: new Uint8Array(32),
      proposerAddress: consensus.proposerAddress ?? new Uint8Array(20),
    });
    const nextSet = this.validatorSets.get(height + 1n);
    if (nextSet !== undefined) {
      this.validatorSets.set(height + 2n, applyValidatorUpdates(nextSet, res.validatorUpdates));
      this.validatorSets.delete(height - 1n);
    }
    await this.parts.app.commit();
    this.height++;
    this.seconds += 5n;
    return res;
  }

  /** Every validator of height − 1 signed; none at the first block or when the set is unknown (a resumed store). */
  private lastCommitVotes(height: bigint): VoteInfo[] {
    const set = height > 1n ? this.validatorSets.get(height - 1n) : undefined;
    return [...(set?.values() ?? [])]
      .sort((a, b) => (b.power > a.power ? 1 : b.power < a.power ? -1 : Buffer.compare(Buffer.from(a.address), Buffer.from(b.address))))
      .map((v) => ({ validator: { address: v.address, power: v.power }, blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT }));
  }

  /** Height of the next block. */
  get nextHeight(): bigint {
    return this.height;
  }

  /** A signing key at HD index `index` of the devnet mnemonic (account number: as in genesis, else given). */
  static keyAt(index: number, accountNumber = BigInt(index)): TestKey {
    const privateKey = derivePrivateKey(mnemonicToSeed(devnetMnemonic()), stratosHdPath(index));
    const publicKey = ethPublicKeyFromPrivateKey(privateKey);
    return { privateKey, publicKey, address: formatBech32Address(ethAddressFromPubKey(publicKey), BECH32_PREFIX.account), accountNumber };
  }

  /** An ABCI query at the latest height; throws with the log on a non-zero code. */
  query(path: string, data: Uint8Array): Uint8Array {
    const res = this.parts.app.query({ path, data, height: 0n, prove: false });
    if (res instanceof Promise) throw new Error(`${path} answered asynchronously`);
    if (res.code !== 0) throw new Error(`${path}: code ${res.code} (${res.codespace}): ${res.log}`);
    return res.value;
  }

  /** CheckTx as the ABCI server drives it: the arrival hook, then the (possibly awaited) check. */
  async checkAsync(tx: Uint8Array, recheck = false): Promise<ResponseCheckTx> {
    const req = { tx, type: recheck ? CheckTxType.RECHECK : CheckTxType.NEW };
    this.parts.app.onCheckTxReceived(req);
    return this.parts.app.checkTx(req);
  }

  /** CheckTx without the arrival hook (synchronous when no verification workers are configured). */
  check(tx: Uint8Array, recheck = false): ResponseCheckTx {
    const res = this.parts.app.checkTx({ tx, type: recheck ? CheckTxType.RECHECK : CheckTxType.NEW });
    if (res instanceof Promise) throw new Error("TestApp.check: CheckTx answered asynchronously; use checkAsync");
    return res;
  }

  balance(address: string, denom = "wei"): bigint {
    const res = this.parts.app.query({
      path: "/cosmos.bank.v1beta1.Query/Balance",
      data: QueryBalanceRequest.encode({ address, denom }).finish(),
      height: 0n,
      prove: false,
    });
    if (res instanceof Promise) throw new Error("balance query answered asynchronously");
    if (res.code !== 0) throw new Error(res.log);
    return BigInt(QueryBalanceResponse.decode(res.value).balance?.amount ?? "0");
  }

  /** A signed tx (SIGN_MODE_DIRECT, eth_secp256k1) carrying `messages`, signed by `signer`. */
  sign(signer: TestKey, messages: readonly Any[], o: SignOptions = {}): Uint8Array {
    const bodyBytes = TxBody.encode(TxBody.fromPartial({ messages: [...messages], memo: o.memo ?? "", timeoutHeight: o.timeoutHeight ?? 0n })).finish();
    const gasLimit = o.gasLimit ?? 200_000n;
    const authInfoBytes = AuthInfo.encode(
      AuthInfo.fromPartial({
        signerInfos: [
          {
            publicKey: { typeUrl: o.pubKeyTypeUrl ?? "/stratos.crypto.v1.ethsecp256k1.PubKey", value: PubKey.encode({ key: signer.publicKey }).finish() },
            modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } },
            sequence: o.sequence ?? 0n,
          },
        ],
        fee: { amount: [...(o.fee ?? [{ denom: "wei", amount: (gasLimit * 1_000_000_000n).toString() }])], gasLimit, payer: o.payer ?? "" },
      }),
    ).finish();
    const signBytes = SignDoc.encode({
      bodyBytes,
      authInfoBytes,
      chainId: o.chainId ?? this.chainId,
      accountNumber: o.accountNumber ?? signer.accountNumber,
    }).finish();
    let signature = signEthSecp256k1Digest(signer.privateKey, keccak256(signBytes)).subarray(0, 64);
    if (o.mutateSignature) signature = o.mutateSignature(signature);
    return TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [signature] }).finish();
  }

  /** MsgSend as an Any. */
  static send(from: string, to: string, amount: bigint, denom = "wei"): Any {
    return { typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: MsgSend.encode({ fromAddress: from, toAddress: to, amount: [{ denom, amount: amount.toString() }] }).finish() };
  }
}
