import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { SignDoc } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import type { BlockHeader } from "../../../baseapp/block.js";
import type { ReadContext } from "../../../baseapp/context.js";
import type { DecodedTx } from "../../../baseapp/tx/decodedTx.js";
import { sha256 } from "../../../crypto/hash.js";
import type { VerifyJob } from "../../../crypto/verifyJob.js";
import type { VerifyPool } from "../../../crypto/verifyPool.js";
import type { AccountKeeper } from "../keeper.js";
import { parsePubKey } from "./pubKeys.js";
import type { SignatureCache } from "./sigCache.js";
import { anteTxView } from "./txView.js";

/**
 * Starts a tx's signature checks on worker threads as its CheckTx request arrives, before it reaches
 * the serial queue; the results only fill the signature cache, where `verifySignatures` finds them.
 * It computes the same sign bytes and picks the same key the ante chain will (the account's key, or
 * the signer info's for a new account), from the CheckTx state as it stands. Anything it cannot
 * prepare is simply left to the ante chain, which verifies inline: the outcome never depends on it.
 */
export type Preverifier = (read: ReadContext, header: BlockHeader, tx: DecodedTx) => Promise<void> | undefined;

export function createPreverifier(accounts: AccountKeeper, cache: SignatureCache, pool: VerifyPool): Preverifier {
  return (read, header, tx) => {
    const jobs: { job: VerifyJob; id: Uint8Array }[] = [];
    try {
      const view = anteTxView(tx);
      view.slots.forEach((slot, i) => {
        const signer = view.signers[i];
        if (!signer || slot.mode !== SignMode.SIGN_MODE_DIRECT || slot.signature.length === 0) return;
        const acc = accounts.getAccount(read, signer);
        const keyAny = acc?.pubKey ?? slot.pubKey?.any;
        if (!acc || !keyAny) return;
        const pk = parsePubKey(keyAny);
        if (pk.kind !== "eth_secp256k1" && pk.kind !== "secp256k1") return;
        const signBytes = SignDoc.encode({
          bodyBytes: tx.bodyBytes,
          authInfoBytes: tx.authInfoBytes,
          chainId: header.chainId,
          accountNumber: header.height === 0n ? 0n : acc.accountNumber,
        }).finish();
        jobs.push({ job: { kind: pk.kind, pubKey: pk.key, signBytes, signature: slot.signature }, id: sha256(signBytes) });
      });
    } catch {
      return undefined; // a malformed tx fails in the ante chain with its proper code
    }
    if (jobs.length === 0) return undefined;
    return pool.verify(jobs.map((j) => j.job)).then((results) => {
      results.forEach((ok, i) => {
        const { job, id } = jobs[i]!;
        if (ok) cache.add(id, job.pubKey, job.signature, job.kind);
      });
    });
  };
}
