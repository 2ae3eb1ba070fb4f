/**
 * Mint's BeginBlock (spec-staking §6; SDK v0.47 `x/mint/abci.go`), every block, before distribution:
 * recompute inflation and annual provisions from the bonded ratio, mint one block's provision (nothing
 * when it is 0) and send it to the fee collector — the send runs even when empty, so stratos-1 emits
 * the four empty bank events every block (§13 item 18) — then the `mint` event.
 */
import { coin, Coins } from "../../math/coins.js";
import { mintEvent } from "./events.js";
import type { WriteContext } from "./expected.js";
import type { MintKeeper } from "./keeper.js";
import { FEE_COLLECTOR_NAME, MINT_MODULE_NAME } from "./keys.js";
import { blockProvision, bondedRatio, nextAnnualProvisions, nextInflationRate } from "./logic/minter.js";

export function mintBeginBlock(k: MintKeeper, ctx: WriteContext): void {
  const minter = k.getMinter(ctx);
  const params = k.getParams(ctx);
  if (params === undefined) throw new Error("mint params have not been set");
  const { bank, staking } = k.deps;
  const bondDenom = staking.bondDenom(ctx);
  const stakingSupply = bank.getSupply(ctx, bondDenom).amount;
  // `BondedRatio` reads the supply again and the bonded tokens only when there is a supply.
  const supply = bank.getSupply(ctx, bondDenom).amount;
  const ratio = supply > 0n ? bondedRatio(staking.totalBondedTokens(ctx), supply) : bondedRatio(0n, 0n);
  const inflation = nextInflationRate(minter, params, ratio);
  const annualProvisions = nextAnnualProvisions(inflation, stakingSupply);
  k.setMinter(ctx, { inflation, annualProvisions });

  const amount = blockProvision(annualProvisions, params);
  // `sdk.NewCoins` drops a zero coin: nothing is minted then, but the send below still runs.
  const minted = amount === 0n ? Coins.EMPTY : Coins.of(coin(params.mintDenom, amount));
  if (!minted.isEmpty()) bank.mintCoins(ctx, MINT_MODULE_NAME, minted);
  bank.sendCoinsFromModuleToModule(ctx, MINT_MODULE_NAME, FEE_COLLECTOR_NAME, minted);

  ctx.emit(mintEvent({
    bonded_ratio: ratio.toString(),
    inflation: inflation.toString(),
    annual_provisions: annualProvisions.toString(),
    amount: amount.toString(),
  }));
}
