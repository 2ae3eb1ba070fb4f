/**
 * pot's EndBlock (spec-pot §6): rewards mature (minus slashing debts), and at heights ≡ 1 (mod 10 000)
 * the bond-denom supply is restored to `initial_total_supply`.
 *
 * Maturity walks the ordered epoch index (keys 0x09) instead of every integer epoch (§6.2 DoS QUIRK,
 * R:), with the reference's semantics (logic/maturity.ts). Each epoch is applied in its own branch, so
 * a failure (a short total_reward_pool) leaves that epoch untouched instead of half-credited (§10 item
 * 11 R:); like the reference, the failure is only reported and the next block retries.
 */
import type { Context } from "../../baseapp/context.js";
import { TxError } from "../../baseapp/errors.js";
import { AddressError, BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../crypto/address.js";
import { coin, Coins, DecCoins } from "../../math/coins.js";
import { POT_ACCOUNT, type PotKeeper } from "./keeper.js";
import { matureRewards, type ImmatureEpochRecords } from "./logic/maturity.js";

/** Supply is restored at heights ≡ 1 (mod this), height 1 included. */
export const RESTORE_SUPPLY_INTERVAL = 10_000n;

export interface PotEndBlockProblem {
  readonly step: "maturity" | "restore-supply";
  readonly error: string;
}

export function potEndBlock(k: PotKeeper, ctx: Context): PotEndBlockProblem[] {
  const problems: PotEndBlockProblem[] = [];
  const maturity = matureEpochs(k, ctx);
  if (maturity !== undefined) problems.push({ step: "maturity", error: maturity });
  if (ctx.header.height % RESTORE_SUPPLY_INTERVAL === 1n) {
    const restore = restoreTotalSupply(k, ctx);
    if (restore !== undefined) problems.push({ step: "restore-supply", error: restore });
  }
  return problems;
}

/** §6.2; returns the error text of an epoch that could not be applied, if any. */
export function matureEpochs(k: PotKeeper, ctx: Context): string | undefined {
  const params = k.getParams(ctx);
  const stored = k.getMaturedEpoch(ctx);
  const last = k.getLastDistributedEpoch(ctx);
  const windowStart = stored === 0n ? params.matureEpoch : stored;
  const walletBytes = new Map<string, Uint8Array>(); // canonical text → key bytes, lookup only
  function* epochs(): Generator<ImmatureEpochRecords> {
    for (const epoch of k.rewardEpochs(ctx, windowStart)) {
      if (epoch > last) return;
      yield {
        epoch,
        records: (function* () {
          for (const { wallet, reward } of k.individualRewards(ctx, epoch)) {
            const text = formatBech32Address(wallet, BECH32_PREFIX.account);
            walletBytes.set(text, wallet);
            yield { walletAddress: text, rewardFromMiningPool: reward.rewardFromMiningPool, rewardFromTrafficPool: reward.rewardFromTrafficPool };
          }
        })(),
      };
    }
  }
  const result = matureRewards({
    lastDistributedEpoch: last,
    maturedEpoch: stored,
    matureEpochParam: params.matureEpoch,
    rewardDenom: params.rewardDenom,
    epochsWithRecords: epochs(),
    slashingDebtOf: (wallet) => k.register.getSlashing(ctx, walletOf(walletBytes, wallet)),
  });
  // First run ever: the reference stores matured_epoch = mature_epoch before anything else.
  if (result.initializedMaturedEpoch) k.setMaturedEpoch(ctx, params.matureEpoch);
  for (const epoch of result.epochs) {
    const branch = ctx.multiStore.branch();
    const bctx = ctx.withMultiStore(branch);
    try {
      for (const r of epoch.records) {
        const wallet = walletOf(walletBytes, r.walletAddress);
        const taken = r.slashed.amountOf(params.rewardDenom);
        if (taken > 0n) k.register.setSlashing(bctx, wallet, k.register.getSlashing(bctx, wallet) - taken);
        k.setMatureTotal(bctx, wallet, k.getMatureTotal(bctx, wallet).add(r.matured));
        k.setImmatureTotal(bctx, wallet, k.getImmatureTotal(bctx, wallet).sub(r.amount));
        k.deleteIndividualReward(bctx, epoch.epoch, wallet);
      }
      // The reference funds the community pool with the epoch's slashed coins, even when empty.
      k.deps.distribution.fundCommunityPool(bctx, epoch.slashed, k.moduleAddress(POT_ACCOUNT.totalRewardPool));
      if (epoch.completed) k.setMaturedEpoch(bctx, epoch.epoch);
      k.pruneRewardEpoch(bctx, epoch.epoch);
      branch.write();
    } catch (e) {
      if (e instanceof TxError || e instanceof RangeError) return `epoch ${epoch.epoch}: ${e.message}`;
      throw e;
    }
  }
  return undefined;
}

function walletOf(cache: ReadonlyMap<string, Uint8Array>, text: string): Uint8Array {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  try {
    return parseBech32Address(text, BECH32_PREFIX.account);
  } catch (e) {
    if (e instanceof AddressError) throw new RangeError(`reward record of an unparsable wallet ${text}`);
    throw e;
  }
}

/**
 * §6.1 step 2: mint the shortfall into the community pool, or burn a surplus from the distribution
 * module account if the community pool covers it. Beyond the reference (§6.1 QUIRK R:): a burn also
 * lowers the community-pool record, which the reference leaves as it was (accounting drift).
 */
export function restoreTotalSupply(k: PotKeeper, ctx: Context): string | undefined {
  const params = k.getParams(ctx);
  const denom = params.bondDenom;
  const target = params.initialTotalSupply.amount;
  const current = k.bank.getSupply(ctx, denom).amount;
  const branch = ctx.multiStore.branch();
  const bctx = ctx.withMultiStore(branch);
  try {
    if (current > target) {
      const surplus = current - target;
      const pool = k.deps.distribution.getCommunityPool(bctx);
      if (pool.amountOf(denom).truncateInt() < surplus) return `community pool cannot cover burning ${surplus}${denom}`;
      k.bank.burnCoins(bctx, "distribution", Coins.of(coin(denom, surplus)));
      k.deps.distribution.setCommunityPool(bctx, pool.sub(DecCoins.fromCoins(Coins.of(coin(denom, surplus)))));
    } else if (current < target) {
      const shortfall = Coins.of(coin(denom, target - current));
      k.bank.mintCoins(bctx, POT_ACCOUNT.pot, shortfall);
      k.deps.distribution.fundCommunityPool(bctx, shortfall, k.moduleAddress(POT_ACCOUNT.pot));
    }
    branch.write();
    return undefined;
  } catch (e) {
    if (e instanceof TxError) return e.message;
    throw e;
  }
}
