import type { Event } from "cosmjs-types/tendermint/abci/types";
import { TxMsgData } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { formatBech32Address, BECH32_PREFIX } from "../../crypto/address.js";
import type { BranchMultiStore, GasMeter, MultiStore, MultiStoreReader } from "../../store/types.js";
import type { ReadContext } from "../context.js";
import type { BlockGasMeter, BlockHeader, ExecMode, SimulationOutcome, TxOutcome, TxPipeline } from "../block.js";
import { Context } from "../context.js";
import { ErrInvalidGasLimit, ErrInvalidRequest, ErrOutOfGas, ErrPanic, TxError, toAbciError } from "../errors.js";
import { EventManager, legacyEvent } from "../events.js";
import { BasicGasMeter, InfiniteGasMeter, OutOfGasError } from "../gas.js";
import type { DecodedMsg, MsgRouter } from "../msgs.js";
import { abciMessageLogs } from "./messageLog.js";
import type { AnteHandler, DecodedTx } from "./decodedTx.js";
import { DecodedTxCache } from "./txCache.js";

export interface TxPipelineOptions {
  readonly router: MsgRouter;
  readonly ante: AnteHandler;
  /** Called with exceptions that are bugs, not tx errors (the tx still gets a result code). */
  readonly onInternalError?: (error: unknown, tx: Uint8Array) => void;
  /** How many decoded txs to keep between CheckTx and FinalizeBlock. */
  readonly decodeCacheSize?: number;
  /** Starts signature checks of an arriving CheckTx off the main thread (see TxPipeline.prepare). */
  readonly preverify?: (read: ReadContext, header: BlockHeader, tx: DecodedTx) => Promise<void> | undefined;
}

/**
 * The SDK's `runTx` (baseapp.go, v0.47): decode → ValidateBasic of every message → ante chain in a
 * tx branch → messages in a nested branch. A message failure reverts every message but keeps the
 * ante's writes (fee, sequence); an ante failure writes nothing. CheckTx runs only the ante chain
 * (messages run in FinalizeBlock and Simulate), as the SDK does.
 */
export class TxExecutor implements TxPipeline {
  private readonly decoded: DecodedTxCache;

  constructor(private readonly options: TxPipelineOptions) {
    this.decoded = new DecodedTxCache(options.decodeCacheSize ?? 20_000);
  }

  check(state: BranchMultiStore, header: BlockHeader, tx: Uint8Array, recheck: boolean): TxOutcome {
    return this.run(recheck ? "recheck" : "check", state, header, tx).outcome;
  }

  deliver(state: MultiStore, header: BlockHeader, tx: Uint8Array, blockGas?: BlockGasMeter): TxOutcome {
    return this.run("finalize", state, header, tx, blockGas).outcome;
  }

  /** Runs a tx against a throw-away branch of `state` with unlimited gas and no signature checks. */
  simulate(state: MultiStore, header: BlockHeader, tx: Uint8Array): SimulationOutcome {
    return this.run("simulate", state.branch(), header, tx);
  }

  prepare(state: MultiStoreReader, header: BlockHeader, tx: Uint8Array): Promise<void> | undefined {
    const preverify = this.options.preverify;
    if (!preverify) return undefined;
    let decoded: DecodedTx;
    try {
      decoded = this.decode(tx);
    } catch {
      return undefined;
    }
    return preverify({ kv: (name) => state.getReader(name) }, header, decoded);
  }

  /** Decodes (or returns the cached decoding of) a tx; throws the decode TxError. */
  decode(tx: Uint8Array): DecodedTx {
    return this.decoded.getOrDecode(tx, this.options.router);
  }

  private run(mode: ExecMode, state: MultiStore, header: BlockHeader, txBytes: Uint8Array, blockGas?: BlockGasMeter): SimulationOutcome {
    const simulate = mode === "simulate";
    // SDK runTx: once the block's gas is used up, later txs are not run at all (no fee, no sequence).
    if (blockGas?.isOutOfGas()) {
      const { codespace, code, log } = toAbciError(ErrOutOfGas.wrap("no block gas left to run tx"));
      return done({ code, codespace, log, data: new Uint8Array(), gasWanted: 0n, gasUsed: 0n, events: [] }, []);
    }
    let meter: GasMeter = new InfiniteGasMeter();
    let gasWanted = 0n;
    let anteEvents: readonly Event[] = [];
    let anteDone = false;
    // SDK consumeBlockGas: the tx's gas (up to its limit) is charged to the block once, whatever the outcome.
    let blockGasCharged = false;
    const chargeBlockGas = (): void => {
      if (blockGas === undefined || blockGasCharged) return;
      blockGasCharged = true;
      const used = meter.gasConsumed();
      blockGas.consumeGas(used > meter.limit() ? meter.limit() : used, "block gas meter");
    };
    try {
      const tx = this.decode(txBytes);
      validateBasicTxMsgs(tx.msgs);

      // SDK SetUpContextDecorator: the tx's gas limit bounds everything from here, ante included,
      // and may not exceed the block's max_gas; simulation and genesis transactions (height 0) run
      // with unlimited gas.
      const gasLimit = tx.authInfo.fee?.gasLimit ?? 0n;
      meter = simulate || header.height === 0n ? new InfiniteGasMeter() : new BasicGasMeter(gasLimit);
      gasWanted = meter.limit();
      const maxGas = header.maxBlockGas ?? 0n;
      if (maxGas > 0n && gasLimit > maxGas) {
        throw ErrInvalidGasLimit.wrap(`tx gas limit ${gasLimit} exceeds block max gas ${maxGas}`);
      }

      const txBranch = state.branch();
      const anteSink = new EventManager();
      const ctx = new Context(txBranch, header, mode, meter, anteSink, txBytes);
      this.options.ante(ctx, tx, simulate);
      anteEvents = anteSink.events;
      anteDone = true;

      if (mode === "check" || mode === "recheck") {
        txBranch.write();
        // SDK v0.47 `runMsgs` stops before the first message in CheckTx and still returns its
        // (empty) message log, "[]", with no events and empty TxMsgData.
        return done({ ...success(meter, gasWanted, [], new Uint8Array()), log: abciMessageLogs([]) }, []);
      }

      const msgBranch = txBranch.branch();
      let ran: ReturnType<typeof runMsgs>;
      try {
        ran = runMsgs(ctx.withMultiStore(msgBranch), tx.msgs);
      } catch (e) {
        // The ante's writes (fee, sequence) stay when a message fails; the messages' do not.
        txBranch.write();
        throw e;
      }
      try {
        // A tx that overruns the block's gas keeps its ante writes but not its messages' (SDK: the
        // block meter panics before msCache.Write).
        chargeBlockGas();
      } catch (e) {
        txBranch.write();
        throw e;
      }
      msgBranch.write();
      txBranch.write();
      const { events, responses, logs } = ran;
      const data = TxMsgData.encode({ data: [], msgResponses: responses }).finish();
      return done({ ...success(meter, gasWanted, [...anteEvents, ...events], data), log: logs }, responses);
    } catch (e) {
      let failure = e;
      try {
        chargeBlockGas();
      } catch (blockError) {
        failure = blockError;
      }
      const err = this.toTxError(failure, gasWanted, meter, txBytes);
      const { codespace, code, log } = toAbciError(err);
      // A failed tx keeps its ante events (fee, sequence, signature) when the ante succeeded.
      const events = anteDone && mode !== "check" && mode !== "recheck" ? anteEvents : [];
      return done({ code, codespace, log, data: new Uint8Array(), gasWanted, gasUsed: meter.gasConsumed(), events }, []);
    }
  }

  private toTxError(e: unknown, gasWanted: bigint, meter: GasMeter, tx: Uint8Array): TxError {
    if (e instanceof TxError) return e;
    if (e instanceof OutOfGasError) {
      return ErrOutOfGas.wrap(`out of gas in location: ${e.descriptor}; gasWanted: ${gasWanted}, gasUsed: ${meter.gasConsumed()}`);
    }
    // Anything else is a bug in a handler; like a recovered Go panic it fails only this tx.
    this.options.onInternalError?.(e, tx);
    return ErrPanic.wrap(e instanceof Error ? e.message : String(e));
  }
}

function done(outcome: TxOutcome, msgResponses: readonly Any[]): SimulationOutcome {
  return { outcome, msgResponses };
}

function success(meter: GasMeter, gasWanted: bigint, events: readonly Event[], data: Uint8Array): TxOutcome {
  return { code: 0, codespace: "", log: "", data, gasWanted, gasUsed: meter.gasConsumed(), events };
}

/** SDK `validateBasicTxMsgs`. */
function validateBasicTxMsgs(msgs: readonly DecodedMsg[]): void {
  if (msgs.length === 0) throw ErrInvalidRequest.wrap("must contain at least one message");
  for (const msg of msgs) msg.validateBasic();
}

/** SDK `runMsgs` for FinalizeBlock and Simulate: every message in one branch, events per message. */
function runMsgs(ctx: Context, msgs: readonly DecodedMsg[]): { events: Event[]; responses: Any[]; logs: string } {
  const events: Event[] = [];
  const responses: Any[] = [];
  const perMsgEvents: Event[][] = [];
  msgs.forEach((msg, index) => {
    const sink = new EventManager();
    let response;
    try {
      response = msg.execute(ctx.withMultiStore(ctx.multiStore, sink));
    } catch (e) {
      if (e instanceof TxError) throw e.wrap(`failed to execute message; message index: ${index}`);
      throw e;
    }
    const msgEvents = [messageEvent(msg, sink.events), ...sink.events];
    perMsgEvents.push(msgEvents);
    events.push(...msgEvents);
    responses.push({ typeUrl: response.typeUrl, value: response.value });
  });
  return { events, responses, logs: abciMessageLogs(perMsgEvents) };
}

/**
 * SDK `createEvents`: `message{action=<type URL>, sender=<first signer>}` and `module=<second
 * segment of the type URL>` unless the handler's events already carry a `module` attribute.
 */
function messageEvent(msg: DecodedMsg, handlerEvents: readonly Event[]): Event {
  const firstSigner = msg.signers()[0];
  const sender = firstSigner !== undefined && firstSigner.length > 0 ? formatBech32Address(firstSigner, BECH32_PREFIX.account) : undefined;
  const hasModule = handlerEvents.some((e) => e.attributes.some((a) => a.key === "module"));
  const segments = msg.typeUrl.replace(/^\//, "").split(".");
  return txMessageEvent({ action: msg.typeUrl, sender, module: hasModule ? undefined : segments[1] });
}

/** The `message` event of one message: `action`, then `sender` and `module` when present, in that order. */
function txMessageEvent(a: { action: string; sender: string | undefined; module: string | undefined }): Event {
  return legacyEvent("message", { action: a.action, sender: a.sender, module: a.module });
}
