/**
 * The distribution keeper, as far as the chain needs it before staking lands: the community pool
 * (`FeePool.community_pool`), funded by slashed register deposits and (later) pot and the
 * validators' share. Rewards, commission and withdrawals come with the staking issue.
 */
import { FeePool } from "cosmjs-types/cosmos/distribution/v1beta1/distribution";
import type { ReadContext } from "../../baseapp/context.js";
import { type Coins, DecCoins } from "../../math/coins.js";
import { Dec } from "../../math/dec.js";
import type { BankForDistribution, WriteContext } from "./expected.js";
import { DISTRIBUTION_MODULE_NAME, DISTRIBUTION_STORE_KEY, FEE_POOL_KEY } from "./keys.js";

export class DistributionKeeper {
  constructor(private readonly bank: BankForDistribution) {}

  /** `GetFeePool().CommunityPool`; empty when never set. */
  getCommunityPool(ctx: ReadContext): DecCoins {
    const bytes = ctx.kv(DISTRIBUTION_STORE_KEY).get(FEE_POOL_KEY);
    if (bytes === undefined) return DecCoins.EMPTY;
    return DecCoins.fromArray(FeePool.decode(bytes).communityPool.map((c) => ({ denom: c.denom, amount: Dec.fromProtoString(c.amount) })));
  }

  /**
   * An empty pool encodes to zero bytes, which the IAVL store refuses (docs/deviations.md, "No
   * zero-length store values"): the record is deleted instead, and reads as empty.
   */
  setCommunityPool(ctx: WriteContext, pool: DecCoins): void {
    const store = ctx.kv(DISTRIBUTION_STORE_KEY);
    if (pool.isEmpty()) {
      store.delete(FEE_POOL_KEY);
      return;
    }
    store.set(FEE_POOL_KEY, FeePool.encode({ communityPool: pool.toArray().map((c) => ({ denom: c.denom, amount: c.amount.toProtoString() })) }).finish());
  }

  /** SDK `FundCommunityPool(amount, sender)`: sender → the distribution module account, recorded in the pool. */
  fundCommunityPool(ctx: WriteContext, amount: Coins, sender: Uint8Array): void {
    this.bank.sendCoinsFromAccountToModule(ctx, sender, DISTRIBUTION_MODULE_NAME, amount);
    this.setCommunityPool(ctx, this.getCommunityPool(ctx).add(DecCoins.fromCoins(amount)));
  }
}
