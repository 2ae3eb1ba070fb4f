/**
 * The chain as the SDS tx-client sees it (spec-sds-clients §2): plain gRPC over HTTP/2 (h2c), one
 * connection per call, no deadline and no retry — Account, Simulate, BroadcastTx (SYNC) and the
 * module queries the meta nodes read. Also the tx builder of §2.7: one signer, SIGN_MODE_DIRECT over
 * Keccak-256 with a 65-byte eth_secp256k1 signature, empty memo.
 */
import * as grpc from "@grpc/grpc-js";
import { BaseAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { QueryAccountRequest, QueryAccountResponse } from "cosmjs-types/cosmos/auth/v1beta1/query";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { BroadcastMode, BroadcastTxRequest, BroadcastTxResponse, SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { AuthInfo, SignDoc, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { create, fromBinary, toBinary, type DescMessage, type MessageInitShape, type MessageShape } from "@bufbuild/protobuf";
import { signEthSecp256k1Digest } from "../crypto/ethSecp256k1.js";
import { keccak256 } from "../crypto/hash.js";
import type { Wallet } from "./actors.js";

export interface Account {
  readonly accountNumber: bigint;
  readonly sequence: bigint;
}

export interface BroadcastAnswer {
  readonly code: number;
  readonly codespace: string;
  readonly rawLog: string;
  readonly txhash: string;
}

/** An error the chain answered with (a gRPC status other than OK). */
export class ChainCallError extends Error {
  constructor(readonly path: string, readonly grpcCode: number, details: string) {
    super(`${path}: ${details}`);
  }
}

export class GrpcChain {
  /** gRPC calls made (each on its own connection). */
  calls = 0;

  constructor(readonly address: string, readonly chainId: string) {}

  /** One unary call on a fresh connection, closed afterwards (tx-client/grpc/grpc.go). */
  callBytes(path: string, request: Uint8Array): Promise<Uint8Array> {
    this.calls++;
    const client = new grpc.Client(this.address, grpc.credentials.createInsecure());
    return new Promise<Uint8Array>((resolve, reject) => {
      client.makeUnaryRequest(path, (b: Buffer) => b, (b: Buffer) => b, Buffer.from(request), (err, value) => {
        client.close();
        if (err) reject(new ChainCallError(path, err.code, err.details || err.message));
        else resolve(new Uint8Array(value ?? Buffer.alloc(0)));
      });
    });
  }

  async query<I extends DescMessage, O extends DescMessage>(path: string, req: I, init: MessageInitShape<I>, res: O): Promise<MessageShape<O>> {
    return fromBinary(res, await this.callBytes(path, toBinary(req, create(req, init))));
  }

  /** `/cosmos.auth.v1beta1.Query/Account`; undefined when the account does not exist or is not a BaseAccount (§2.1). */
  async account(address: string): Promise<Account | undefined> {
    try {
      const r = QueryAccountResponse.decode(await this.callBytes("/cosmos.auth.v1beta1.Query/Account", QueryAccountRequest.encode({ address }).finish()));
      if (r.account?.typeUrl !== "/cosmos.auth.v1beta1.BaseAccount") return undefined;
      const a = BaseAccount.decode(r.account.value);
      return { accountNumber: a.accountNumber, sequence: a.sequence };
    } catch (e) {
      if (e instanceof ChainCallError) return undefined;
      throw e;
    }
  }

  /** `Simulate` with `tx_bytes` only; the gas used (§2.2). Throws ChainCallError when a message fails. */
  async simulate(txBytes: Uint8Array): Promise<bigint> {
    const r = SimulateResponse.decode(await this.callBytes("/cosmos.tx.v1beta1.Service/Simulate", SimulateRequest.encode({ txBytes }).finish()));
    return r.gasInfo?.gasUsed ?? 0n;
  }

  /** `BroadcastTx` in SYNC mode (§2.3). */
  async broadcast(txBytes: Uint8Array): Promise<BroadcastAnswer> {
    const req = BroadcastTxRequest.encode({ txBytes, mode: BroadcastMode.BROADCAST_MODE_SYNC }).finish();
    const r = BroadcastTxResponse.decode(await this.callBytes("/cosmos.tx.v1beta1.Service/BroadcastTx", req)).txResponse;
    return { code: r?.code ?? 0, codespace: r?.codespace ?? "", rawLog: r?.rawLog ?? "", txhash: r?.txhash ?? "" };
  }
}

export interface FeeChoice {
  readonly gasLimit: bigint;
  /** wei; 0 = an empty fee list (relayd's simulation build). */
  readonly feeWei: bigint;
}

/** A signed single-signer tx (tx-client/tx/direct.go): body = msgs, memo "", fee = one wei coin (or none). */
export function signTx(signer: Wallet, account: Account, msgs: readonly Any[], fee: FeeChoice, chainId: string): Uint8Array {
  const bodyBytes = TxBody.encode(TxBody.fromPartial({ messages: [...msgs], memo: "" })).finish();
  const authInfoBytes = AuthInfo.encode(AuthInfo.fromPartial({
    signerInfos: [{
      publicKey: { typeUrl: "/stratos.crypto.v1.ethsecp256k1.PubKey", value: PubKey.encode({ key: signer.publicKey }).finish() },
      modeInfo: { single: { mode: SignMode.SIGN_MODE_DIRECT } },
      sequence: account.sequence,
    }],
    fee: { amount: fee.feeWei > 0n ? [{ denom: "wei", amount: fee.feeWei.toString() }] : [], gasLimit: fee.gasLimit },
  })).finish();
  const signDoc = SignDoc.encode({ bodyBytes, authInfoBytes, chainId, accountNumber: account.accountNumber }).finish();
  const signature = signEthSecp256k1Digest(signer.privateKey, keccak256(signDoc));
  return TxRaw.encode({ bodyBytes, authInfoBytes, signatures: [signature] }).finish();
}

/** A protobuf-es message packed as an Any (what `anyutil.New` gives the SP). */
export function packAny<D extends DescMessage>(schema: D, init: MessageInitShape<D>): Any {
  return { typeUrl: `/${schema.typeName}`, value: toBinary(schema, create(schema, init)) };
}

export const GWEI = 1_000_000_000n;

/**
 * A ppd-style single tx (§6): Simulate with the user's fee, gas = ⌊used × adjustment⌋ (float product
 * truncated, like Go's uint64(float64)), then the final build with the user-chosen fee. Returns the
 * broadcast answer (CheckTx); `undefined` with the reason when it never got that far.
 */
export async function sendPpdTx(chain: GrpcChain, signer: Wallet, msgs: readonly Any[], o: { feeWei: bigint; gasAdjustment?: number }): Promise<BroadcastAnswer> {
  const first = await chain.account(signer.address);
  if (first === undefined) throw new Error(`account ${signer.address} missing`);
  const used = await chain.simulate(signTx(signer, first, msgs, { gasLimit: 0n, feeWei: o.feeWei }, chain.chainId));
  const gasLimit = BigInt(Math.floor(Number(used) * (o.gasAdjustment ?? 1.5)));
  const second = (await chain.account(signer.address)) ?? first;
  const feeWei = o.feeWei > gasLimit * GWEI ? o.feeWei : gasLimit * GWEI;
  return chain.broadcast(signTx(signer, second, msgs, { gasLimit, feeWei }, chain.chainId));
}
