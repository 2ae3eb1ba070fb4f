import { uvarintLength } from "../abci/framing.js";

/**
 * The longest prefix of `txs` whose protobuf size as `Data.txs` fits in `maxTxBytes`: each tx costs
 * 1 (field tag) + uvarint(len) + len bytes, as CometBFT's `ComputeProtoSizeForTxs` counts
 * (abci-cosmjs.md §1.5 PrepareProposal). Returning more panics the proposer.
 */
export function selectTxsWithinBytes(txs: readonly Uint8Array[], maxTxBytes: bigint): Uint8Array[] {
  const out: Uint8Array[] = [];
  let total = 0n;
  for (const tx of txs) {
    const cost = BigInt(1 + uvarintLength(tx.length) + tx.length);
    if (total + cost > maxTxBytes) break;
    total += cost;
    out.push(tx);
  }
  return out;
}
