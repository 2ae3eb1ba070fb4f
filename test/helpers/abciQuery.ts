/**
 * ABCI queries through CometBFT's RPC at an explicit height: raw store reads (`/store/<name>/key`),
 * gRPC-style module queries, bank balances and the app's `/app/invariants`.
 */
import type { Comet38Client } from "@cosmjs/tendermint-rpc";
import { calculateExistenceRoot, ics23, iavlSpec, tendermintSpec, verifyExistence } from "@confio/ics23";
import { QueryBalanceRequest, QueryBalanceResponse } from "cosmjs-types/cosmos/bank/v1beta1/query";
import { BECH32_PREFIX, formatBech32Address } from "../../app/crypto/address.js";
import { moduleAddress } from "../../app/crypto/moduleAddress.js";

export interface QueryAnswer {
  readonly code: number;
  readonly codespace: string;
  readonly log: string;
  readonly value: Uint8Array;
  readonly height: number;
}

export async function abciQuery(comet: Comet38Client, path: string, data: Uint8Array, height?: number): Promise<QueryAnswer> {
  const r = await comet.abciQuery({ path, data, ...(height !== undefined ? { height } : {}) });
  return { code: r.code ?? 0, codespace: r.codespace, log: r.log ?? "", value: r.value, height: r.height ?? 0 };
}

/** The answer's value; throws with code and log when the query failed. */
export async function queryValue(comet: Comet38Client, path: string, data: Uint8Array, height?: number): Promise<Uint8Array> {
  const r = await abciQuery(comet, path, data, height);
  if (r.code !== 0) throw new Error(`${path} at ${height ?? "latest"}: ${r.codespace}/${r.code}: ${r.log}`);
  return r.value;
}

/** Raw value at `key` of store `store` (empty when absent). */
export async function storeValue(comet: Comet38Client, store: string, key: Uint8Array, height?: number): Promise<Uint8Array> {
  return queryValue(comet, `/store/${store}/key`, key, height);
}

/**
 * The value at `key` of store `store` at `height`, read with `prove: true` and checked as CosmJS's
 * former `queryStoreVerified` did: the IAVL existence proof gives the store root, the multistore proof
 * ties that root to the app hash committed in the header of `height + 1` (waits for that block).
 */
export async function verifiedStoreValue(comet: Comet38Client, store: string, key: Uint8Array, height: number): Promise<Uint8Array> {
  const r = await comet.abciQuery({ path: `/store/${store}/key`, data: key, prove: true, height });
  if ((r.code ?? 0) !== 0) throw new Error(`/store/${store}/key at ${height}: ${r.codespace}/${r.code}: ${r.log}`);
  const ops = r.proof?.ops ?? [];
  if (ops.length !== 2 || ops[0]!.type !== "ics23:iavl" || ops[1]!.type !== "ics23:simple") {
    throw new Error(`unexpected proof ops: ${ops.map((o) => o.type).join(", ")}`);
  }
  const inner = ics23.CommitmentProof.decode(ops[0]!.data).exist;
  const outer = ics23.CommitmentProof.decode(ops[1]!.data).exist;
  if (!inner || !outer) throw new Error(`/store/${store}/key at ${height}: no existence proof`);
  const storeRoot = calculateExistenceRoot(inner);
  verifyExistence(inner, iavlSpec, storeRoot, key, r.value);
  for (let i = 0; ; i++) {
    if ((await comet.status()).syncInfo.latestBlockHeight > height) break;
    if (i > 200) throw new Error(`no block after ${height}`);
    await new Promise((res) => setTimeout(res, 100));
  }
  const appHash = (await comet.block(height + 1)).block.header.appHash;
  verifyExistence(outer, tendermintSpec, appHash, new TextEncoder().encode(store), storeRoot);
  return r.value;
}

export function moduleAccount(name: string): string {
  return formatBech32Address(moduleAddress(name), BECH32_PREFIX.account);
}

/** Bank balance in wei of `address` (a bech32 account) at `height`. */
export async function balanceAt(comet: Comet38Client, address: string, height?: number): Promise<bigint> {
  const value = await queryValue(comet, "/cosmos.bank.v1beta1.Query/Balance", QueryBalanceRequest.encode({ address, denom: "wei" }).finish(), height);
  return BigInt(QueryBalanceResponse.decode(value).balance?.amount ?? "0");
}

/** `/app/invariants` at `height`: `{"<module>/<name>": null | "<what is broken>"}`. */
export async function invariantsAt(comet: Comet38Client, height: number): Promise<Record<string, string | null>> {
  const value = await queryValue(comet, "/app/invariants", new Uint8Array(), height);
  return JSON.parse(new TextDecoder().decode(value)) as Record<string, string | null>;
}

/**
 * Checks the invariants at every height in (`after`, `upTo`] and returns `upTo`; throws naming the
 * first height and invariant that is broken.
 */
export async function checkInvariants(comet: Comet38Client, after: number, upTo: number): Promise<number> {
  for (let h = after + 1; h <= upTo; h++) {
    const result = await invariantsAt(comet, h);
    const broken = Object.entries(result).filter(([, v]) => v !== null);
    if (broken.length > 0) throw new Error(`invariants broken at height ${h}: ${JSON.stringify(Object.fromEntries(broken))}`);
  }
  return Math.max(after, upTo);
}
