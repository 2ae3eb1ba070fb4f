/**
 * Genesis of a simulator devnet: the devnet's dev accounts (funders), N bonded meta nodes owned at HD
 * indices 10, 11, … (the first three are the `npm start` devnet's), and pot params for a short
 * maturity so rewards mature and are withdrawn within a run.
 */
import { buildAppState, type GenesisNode } from "../node/genesisBuilder.js";
import { devnetAccounts } from "../node/devnetGenesis.js";
import { metaNodeKeys } from "./actors.js";

const STOS = 10n ** 18n;

export const metaOwnerIndices = (n: number): number[] => Array.from({ length: n }, (_, j) => 10 + j);

export interface SimGenesisOptions {
  readonly metaNodes: number;
  /** pot `mature_epoch` (default 3). */
  readonly matureEpoch?: number;
  readonly requireRegisteredBlsKeys?: boolean;
  /** More funded accounts (e.g. a benchmark's flood wallets). */
  readonly extraAccounts?: ReadonlyArray<{ readonly address: string; readonly balance: bigint }>;
}

export function simGenesis(o: SimGenesisOptions): Record<string, unknown> {
  const metas = metaOwnerIndices(o.metaNodes).map((i, j): GenesisNode => {
    const k = metaNodeKeys(i);
    return { kind: "meta", ownerAddress: k.owner.address, pubKey: k.p2p.publicKey, tokens: 1000n * STOS, moniker: `sim-meta-${j}` };
  });
  return buildAppState({
    accounts: [
      ...devnetAccounts().map((a) => ({ address: a.address, balance: 1_000_000n * STOS })),
      ...metaOwnerIndices(o.metaNodes).map((i) => ({ address: metaNodeKeys(i).owner.address, balance: 10_000n * STOS })),
      ...(o.extraAccounts ?? []),
    ],
    nodes: metas,
    pot: { params: { mature_epoch: String(o.matureEpoch ?? 3), ...(o.requireRegisteredBlsKeys ? { require_registered_bls_keys: true } : {}) } },
  });
}
