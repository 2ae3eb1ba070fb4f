/**
 * Deposits (spec-staking §5.3 AddDeposit, §5.6; SDK v0.47 `x/gov/keeper/deposit.go`): the gov module
 * account holds them; they activate voting once `min_deposit` is reached and are refunded or burned
 * when the proposal leaves its deposit or voting period.
 */
import { create } from "@bufbuild/protobuf";
import { ErrInvalidCoins, plainError } from "../../baseapp/errors.js";
import { DepositSchema, type Proposal, ProposalStatus } from "../../codec/cosmos/gov/v1/gov_pb.js";
import { type Coin, Coins, amountOfCoinList, coinListString, validateCoinList } from "../../math/coins.js";
import { fromTimestamp } from "../register/logic/time.js";
import { accountString } from "./addresses.js";
import { ErrInactiveProposal, ErrMinDepositTooSmall, ErrUnknownProposal } from "./errors.js";
import { proposalDepositEvent } from "./events.js";
import type { Context } from "../../baseapp/context.js";
import { GOV_MODULE_NAME } from "./keys.js";
import type { GovKeeper } from "./keeper.js";
import { coinFromProto, coinToProto, parseGovParams } from "./params.js";
import { blockTimeOf, timestampOf } from "./time.js";
import { parseDecGo } from "./logic/goText.js";

/** A proposal's total deposit as a set. */
export const totalDepositOf = (p: Proposal): Coins => Coins.fromArray(p.totalDeposit.map(coinFromProto));

/**
 * `AddDeposit`: moves `amount` from the depositor to the gov account and records it; returns whether
 * this deposit started the voting period.
 *
 * Beyond the reference (docs/deviations.md "gov"): a coin in a denom that `min_deposit` does not list is
 * refused (sdk 10). The reference accepts such coins although they never count towards the minimum,
 * then refunds them or, after a veto, burns them.
 */
export function addDeposit(k: GovKeeper, ctx: Context, id: bigint, depositor: Uint8Array, amount: readonly Coin[]): boolean {
  const proposal = k.getProposal(ctx, id);
  if (proposal === undefined) throw ErrUnknownProposal.wrap(`${id}`);
  if (proposal.status !== ProposalStatus.DEPOSIT_PERIOD && proposal.status !== ProposalStatus.VOTING_PERIOD) {
    throw ErrInactiveProposal.wrap(`${id}`);
  }
  const params = parseGovParams(k.getParams(ctx));
  const listed = new Set(params.minDeposit.denoms());
  const stray = amount.find((c) => !listed.has(c.denom));
  if (stray !== undefined) {
    throw ErrInvalidCoins.wrap(`deposit denom ${stray.denom} is not a min_deposit denom (${params.minDeposit.denoms().join(", ")})`);
  }
  // bank's SendCoins refuses a list that is not a valid set (zero, unsorted or duplicate coins).
  if (validateCoinList(amount) !== undefined) throw ErrInvalidCoins.wrap(coinListString(amount));
  const coins = Coins.fromArray(amount);
  k.deps.bank.sendCoinsFromAccountToModule(ctx, depositor, GOV_MODULE_NAME, coins);

  proposal.totalDeposit = totalDepositOf(proposal).add(coins).toArray().map(coinToProto);
  k.setProposal(ctx, proposal);

  let activated = false;
  if (proposal.status === ProposalStatus.DEPOSIT_PERIOD && totalDepositOf(proposal).isAllGTE(params.minDeposit)) {
    activateVotingPeriod(k, ctx, proposal, params.votingPeriodNanos);
    activated = true;
  }

  const existing = k.getDeposit(ctx, id, depositor);
  const deposit = existing === undefined
    ? create(DepositSchema, { proposalId: id, depositor: accountString(depositor), amount: coins.toArray().map(coinToProto) })
    : { ...existing, amount: Coins.fromArray(existing.amount.map(coinFromProto)).add(coins).toArray().map(coinToProto) };
  ctx.emit(proposalDepositEvent({ amount: coins.toString(), proposal_id: id }));
  k.setDeposit(ctx, depositor, deposit);
  return activated;
}

/** `ActivateVotingPeriod`: voting runs from the block time for `voting_period`. */
export function activateVotingPeriod(k: GovKeeper, ctx: Context, proposal: Proposal, votingPeriodNanos: bigint): void {
  const start = blockTimeOf(ctx);
  const end = start + votingPeriodNanos;
  proposal.votingStartTime = timestampOf(start);
  proposal.votingEndTime = timestampOf(end);
  proposal.status = ProposalStatus.VOTING_PERIOD;
  k.setProposal(ctx, proposal);
  if (proposal.depositEndTime) k.removeFromQueue(ctx, "inactive", proposal.id, fromTimestamp(proposal.depositEndTime));
  k.insertIntoQueue(ctx, "active", proposal.id, end);
}

/** `RefundAndDeleteDeposits`: each depositor gets its deposit back (gov → depositor sends). */
export function refundAndDeleteDeposits(k: GovKeeper, ctx: Context, id: bigint): void {
  for (const { depositor, deposit } of k.depositsOf(ctx, id)) {
    k.deps.bank.sendCoinsFromModuleToAccount(ctx, GOV_MODULE_NAME, depositor, Coins.fromArray(deposit.amount.map(coinFromProto)));
    k.deleteDeposit(ctx, id, depositor);
  }
}

/** `DeleteAndBurnDeposits`: the gov account burns each deposit. */
export function deleteAndBurnDeposits(k: GovKeeper, ctx: Context, id: bigint): void {
  for (const { depositor, deposit } of k.depositsOf(ctx, id)) {
    k.deps.bank.burnCoins(ctx, GOV_MODULE_NAME, Coins.fromArray(deposit.amount.map(coinFromProto)));
    k.deleteDeposit(ctx, id, depositor);
  }
}

/**
 * `validateInitialDeposit`: with `min_initial_deposit_ratio` > 0 the initial deposit must reach
 * round(min_deposit × ratio) in every min-deposit denom (gov 16). 0 on mainnet.
 */
export function validateInitialDeposit(k: GovKeeper, ctx: Context, initial: readonly Coin[]): void {
  const p = k.getParams(ctx);
  const ratio = parseDecGo(p.minInitialDepositRatio);
  // A plain Go error in the reference (code 1).
  if ("error" in ratio) throw plainError(ratio.error);
  if (ratio.dec.isZero()) return;
  const needed = p.minDeposit.map((c) => ({ denom: c.denom, amount: ratio.dec.mulInt(c.amount).roundInt() }));
  if (!isAllGTEGo(initial, needed)) {
    throw ErrMinDepositTooSmall.wrap(`was (${coinListString(initial)}), need (${coinListString(needed)})`);
  }
}

/** SDK `Coins.IsAllGTE` on lists as given (a rounded minimum may hold zero amounts). */
function isAllGTEGo(a: readonly Coin[], b: readonly Coin[]): boolean {
  if (b.length === 0) return true;
  if (a.length === 0) return false;
  return b.every((c) => c.amount <= amountOfCoinList(a, c.denom));
}
