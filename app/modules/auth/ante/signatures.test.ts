import { describe, expect, it } from "vitest";
import { AuthInfo, TxBody } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import type { DecodedTx } from "../../../baseapp/tx/decodedTx.js";
import { failure } from "../../../baseapp/testing.js";
import { DEFAULT_AUTH_PARAMS } from "../params.js";
import { validateSigCount } from "./signatures.js";
import type { AnteTxView, SignatureSlot } from "./txView.js";

const EMPTY_TX: DecodedTx = {
  bytes: new Uint8Array(),
  bodyBytes: new Uint8Array(),
  authInfoBytes: new Uint8Array(),
  signatures: [],
  body: TxBody.fromPartial({}),
  authInfo: AuthInfo.fromPartial({}),
  msgs: [],
};

const KEY = { kind: "eth_secp256k1", any: { typeUrl: "/stratos.crypto.v1.ethsecp256k1.PubKey", value: new Uint8Array() }, key: new Uint8Array(33) } as const;

function viewWith(keys: readonly boolean[]): AnteTxView {
  const slots: SignatureSlot[] = keys.map((hasKey) => ({
    mode: SignMode.SIGN_MODE_DIRECT,
    sequence: 0n,
    pubKey: hasKey ? KEY : undefined,
    signature: new Uint8Array(64),
  }));
  const signers = keys.map((_, i) => new Uint8Array(20).fill(i + 1));
  return { tx: EMPTY_TX, signers, signerStrings: signers.map(() => ""), fee: [], gasLimit: 0n, payer: undefined, granter: "", slots };
}

describe("validateSigCount (SDK ValidateSigCountDecorator, spec-chain.md §10: tx_sig_limit 7)", () => {
  it("allows up to tx_sig_limit keys", () => {
    expect(() => validateSigCount(viewWith(Array<boolean>(7).fill(true)), DEFAULT_AUTH_PARAMS)).not.toThrow();
  });

  it("fails with code 14 at the first key past the limit, reporting that running count", () => {
    expect(failure(() => validateSigCount(viewWith(Array<boolean>(10).fill(true)), DEFAULT_AUTH_PARAMS))).toEqual({
      codespace: "sdk",
      code: 14,
      message: "signatures: 8, limit: 7: maximum number of signatures exceeded",
    });
  });

  it("does not count signer infos without a key (CountSubKeys(nil) = 0)", () => {
    const keys = [...Array<boolean>(7).fill(true), false, false];
    expect(() => validateSigCount(viewWith(keys), DEFAULT_AUTH_PARAMS)).not.toThrow();
  });
});
