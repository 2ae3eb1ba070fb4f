/**
 * The distribution module, first part: the community pool record, its `CommunityPool` query and its
 * genesis (`fee_pool`). Delegator rewards, commission, withdraw addresses and the other queries and
 * messages arrive with staking (README status lists what is missing).
 */
import { QueryCommunityPoolResponse } from "cosmjs-types/cosmos/distribution/v1beta1/query";
import type { ModuleHooks } from "../../baseapp/block.js";
import { type DecCoin, DecCoins } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import type { BankForDistribution } from "./expected.js";
import { DistributionKeeper } from "./keeper.js";
import { DISTRIBUTION_MODULE_NAME, DISTRIBUTION_STORE_KEY } from "./keys.js";
import { GenesisError } from "../auth/index.js";

export { DistributionKeeper } from "./keeper.js";
export { DISTRIBUTION_MODULE_NAME } from "./keys.js";

export interface DistributionModule {
  readonly module: ModuleHooks;
  readonly keeper: DistributionKeeper;
}

/** Genesis JSON amounts are human decimals ("1.500000000000000000"). */
function parseCommunityPool(genesis: unknown): DecCoins {
  if (genesis === null || typeof genesis !== "object") throw new GenesisError("distribution: genesis must be an object");
  const feePool = (genesis as { fee_pool?: unknown }).fee_pool;
  if (feePool === undefined) return DecCoins.EMPTY;
  const pool = (feePool as { community_pool?: unknown } | null)?.community_pool ?? [];
  if (!Array.isArray(pool)) throw new GenesisError("distribution.fee_pool.community_pool: expected an array");
  const coins: DecCoin[] = pool.map((c: unknown, i) => {
    const { denom, amount } = (c ?? {}) as { denom?: unknown; amount?: unknown };
    if (typeof denom !== "string" || typeof amount !== "string") {
      throw new GenesisError(`distribution.fee_pool.community_pool[${i}]: expected {denom, amount} strings`);
    }
    return { denom, amount: Dec.parse(amount) };
  });
  return DecCoins.fromArray(coins);
}

export function createDistributionModule(bank: BankForDistribution): DistributionModule {
  const keeper = new DistributionKeeper(bank);
  const module: ModuleHooks = {
    name: DISTRIBUTION_MODULE_NAME,
    stores: [{ name: DISTRIBUTION_STORE_KEY, kind: "iavl" }],
    queries: {
      "/cosmos.distribution.v1beta1.Query/CommunityPool": (ctx) =>
        QueryCommunityPoolResponse.encode({
          pool: keeper.getCommunityPool(ctx).toArray().map((c) => ({ denom: c.denom, amount: c.amount.toProtoString() })),
        }).finish(),
    },
    initGenesis(ctx, genesis) {
      if (genesis === undefined) return;
      keeper.setCommunityPool(ctx, parseCommunityPool(genesis));
    },
    exportGenesis: (ctx) => ({
      fee_pool: { community_pool: keeper.getCommunityPool(ctx).toArray().map((c) => ({ denom: c.denom, amount: c.amount.toString() })) },
    }),
  };
  return { module, keeper };
}
