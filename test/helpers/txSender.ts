/**
 * Signs transactions with stock CosmJS (a SigningStargateClient over a Stratos wallet) and tracks each
 * signer's sequence locally, so one signer can have several txs in the same block and a test can put
 * many txs into one block. Broadcast is `broadcast_tx_sync`; inclusion is awaited by polling `tx`.
 *
 * A signer's sequence is read from the chain at its first use here; a signer that also signs elsewhere
 * (e.g. CosmJS's own signAndBroadcast) must do so before that.
 *
 * Every outcome carries what a test needs to judge a tx: the phase it ended in (CheckTx refusal or a
 * DeliverTx result), code, codespace, log, events, height and the fee actually paid.
 */
import type { EncodeObject, OfflineDirectSigner } from "@cosmjs/proto-signing";
import { SigningStargateClient } from "@cosmjs/stargate";
import type { Comet38Client } from "@cosmjs/tendermint-rpc";
import { toHex } from "@cosmjs/encoding";
import { AuthInfo, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { stratosRegistry } from "../../app/client/index.js";

/** The reference's default minimum gas price: 1 gwei per gas unit. */
export const GAS_PRICE_WEI = 1_000_000_000n;

export interface TxEvent {
  readonly type: string;
  readonly attributes: ReadonlyArray<{ readonly key: string; readonly value: string }>;
}

export interface TxOutcome {
  /** "check": refused by CheckTx (never in a block, nothing charged); "deliver": executed in a block. */
  readonly phase: "check" | "deliver";
  readonly hash: string;
  readonly code: number;
  readonly codespace: string;
  readonly log: string;
  /** Block height (deliver only; 0 for a CheckTx refusal). */
  readonly height: number;
  /** Position in the block (deliver only). */
  readonly index: number;
  readonly events: readonly TxEvent[];
  /** wei the fee payer paid (0 for a CheckTx refusal). */
  readonly feeWei: bigint;
  readonly gasUsed: bigint;
}

export interface PendingTx {
  readonly hash: string;
  readonly feeWei: bigint;
  /** Set when CheckTx refused the tx. */
  readonly refused?: TxOutcome;
}

interface SignerState {
  readonly accountNumber: bigint;
  sequence: number;
}

export class TxSender {
  private readonly accounts = new Map<string, SignerState>();

  private constructor(
    private readonly signing: SigningStargateClient,
    private readonly comet: Comet38Client,
    private readonly chainId: string,
    private readonly lookup: SigningStargateClient,
  ) {}

  /** `lookup`: a connected client (account numbers and sequences are read once per signer). */
  static async create(wallet: OfflineDirectSigner, comet: Comet38Client, lookup: SigningStargateClient): Promise<TxSender> {
    const signing = await SigningStargateClient.offline(wallet, { registry: stratosRegistry() });
    return new TxSender(signing, comet, await lookup.getChainId(), lookup);
  }

  private async state(signer: string): Promise<SignerState> {
    const known = this.accounts.get(signer);
    if (known !== undefined) return known;
    const account = await this.lookup.getAccount(signer);
    if (account === null) throw new Error(`TxSender: account ${signer} does not exist`);
    const s: SignerState = { accountNumber: account.accountNumber, sequence: account.sequence };
    this.accounts.set(signer, s);
    return s;
  }

  /**
   * Signs `msgs` as `signer` (also the fee payer) with fee = gas × 1 gwei, and broadcasts it. Returns
   * once CheckTx answered; the sequence advances only when CheckTx accepted the tx.
   */
  async submit(signer: string, msgs: readonly EncodeObject[], gas = 400_000n, memo = ""): Promise<PendingTx> {
    const s = await this.state(signer);
    const fee = { amount: [{ denom: "wei", amount: (gas * GAS_PRICE_WEI).toString() }], gas: gas.toString() };
    const raw = await this.signing.sign(signer, [...msgs], fee, memo, { accountNumber: s.accountNumber, sequence: s.sequence, chainId: this.chainId });
    const bytes = TxRaw.encode(raw).finish();
    const res = await this.comet.broadcastTxSync({ tx: bytes });
    const hash = toHex(res.hash).toUpperCase();
    if (res.code !== 0) {
      return {
        hash,
        feeWei: 0n,
        refused: { phase: "check", hash, code: res.code, codespace: res.codespace ?? "", log: res.log ?? "", height: 0, index: -1, events: [], feeWei: 0n, gasUsed: 0n },
      };
    }
    s.sequence++;
    return { hash, feeWei: gas * GAS_PRICE_WEI };
  }

  /** Waits until the tx is in a block (or returns the CheckTx refusal). */
  async wait(p: PendingTx, timeoutMs = 60_000): Promise<TxOutcome> {
    if (p.refused) return p.refused;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const r = await this.comet.tx({ hash: Buffer.from(p.hash, "hex") });
        const fee = AuthInfo.decode(TxRaw.decode(r.tx).authInfoBytes).fee;
        const feeWei = (fee?.amount ?? []).filter((c) => c.denom === "wei").reduce((n, c) => n + BigInt(c.amount), 0n);
        return {
          phase: "deliver",
          hash: p.hash,
          code: r.result.code,
          codespace: r.result.codespace ?? "",
          log: r.result.log ?? "",
          height: r.height,
          index: r.index,
          events: r.result.events,
          feeWei,
          gasUsed: r.result.gasUsed,
        };
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`tx ${p.hash} not included after ${timeoutMs} ms: ${String(e)}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  async send(signer: string, msgs: readonly EncodeObject[], gas?: bigint, memo?: string): Promise<TxOutcome> {
    return this.wait(await this.submit(signer, msgs, gas, memo));
  }
}

/** The attributes of the only event of `type` in `events` (fails when there is none or several). */
export function onlyEvent(events: readonly TxEvent[], type: string): ReadonlyArray<{ key: string; value: string }> {
  const found = events.filter((e) => e.type === type);
  if (found.length !== 1) throw new Error(`expected one ${type} event, found ${found.length}: ${JSON.stringify(events.map((e) => e.type))}`);
  return found[0]!.attributes.map(({ key, value }) => ({ key, value }));
}

/** A typed event's expected attributes: keys sorted, every value JSON-quoted (spec-register §0). */
export function typedAttributes(fields: Record<string, string>): Array<{ key: string; value: string }> {
  return Object.keys(fields)
    .sort()
    .map((key) => ({ key, value: JSON.stringify(fields[key]) }));
}
