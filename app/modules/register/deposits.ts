/**
 * Deposits entering the register pools (spec-register §5.4, §5.5). Errors are the inner registered
 * errors; each message handler wraps them in its own (49, 50, 55, 56).
 */
import { coin, Coins } from "../../math/coins.js";
import { parseAcc } from "./addresses.js";
import { ErrInsufficientBalance, ErrInvalidOwnerAddr, ErrUnbondingNode } from "./errors.js";
import type { WriteContext } from "./expected.js";
import { POOL, type RegisterKeeper } from "./keeper.js";
import { BondStatus } from "./logic/bondStatus.js";
import type { MetaNode, ResourceNode } from "./types.js";
import { AddressError } from "../../crypto/address.js";

/** What deposit events report (§4.3, §4.8). */
export interface DepositOutcome {
  /** trunc(amount / rate) when S/Lt moved, else 0. */
  readonly ozoneLimitChange: bigint;
  /** tokens − unbonding before the deposit. */
  readonly availableBefore: bigint;
  readonly availableAfter: bigint;
}

function ownerBytes(owner: string): Uint8Array {
  try {
    return parseAcc(owner);
  } catch (e) {
    if (e instanceof AddressError) throw ErrInvalidOwnerAddr;
    throw e;
  }
}

/**
 * "add resource deposit"(node, A) (§5.4), for a new node (creation) or a stored one (top-up): the
 * owner pays into the pool of the node's status; an UNBONDED node becomes BONDED and its whole deposit
 * moves to the bonded pool. S, Lt, `effective_tokens` and `suspend` are not touched: extra deposit
 * only counts once a meta node raises the effective deposit.
 */
export function addResourceDeposit(k: RegisterKeeper, ctx: WriteContext, addr: Uint8Array, node: ResourceNode, amount: bigint): DepositOutcome {
  const stored = k.getResourceNode(ctx, addr);
  const needCount = !(stored !== undefined && stored.status === BondStatus.Bonded);
  const availableBefore = node.tokens - k.getUnbondingBalance(ctx, addr);
  const owner = ownerBytes(node.ownerAddress);
  const denom = k.bondDenom(ctx);
  if (k.bank.getBalance(ctx, owner, denom).amount < amount) throw ErrInsufficientBalance;
  let target: string;
  if (node.status === BondStatus.Unbonded) target = POOL.resourceNotBonded;
  else if (node.status === BondStatus.Bonded) target = POOL.resourceBonded;
  else throw ErrUnbondingNode;
  k.bank.sendCoinsFromAccountToModule(ctx, owner, target, Coins.of(coin(denom, amount)));
  let updated: ResourceNode = { ...node, tokens: node.tokens + amount };
  if (node.status === BondStatus.Unbonded) {
    updated = { ...updated, status: BondStatus.Bonded };
    if (k.poolBalance(ctx, POOL.resourceNotBonded) < updated.tokens) throw ErrInsufficientBalance;
    k.bank.sendCoinsFromModuleToModule(ctx, POOL.resourceNotBonded, POOL.resourceBonded, Coins.of(coin(denom, updated.tokens)));
  }
  k.setResourceNode(ctx, addr, updated);
  if (needCount) k.setBondedResourceNodeCount(ctx, k.getBondedResourceNodeCount(ctx) + 1n);
  return { ozoneLimitChange: 0n, availableBefore, availableAfter: availableBefore + amount };
}

/**
 * "add meta deposit"(node, A) (§5.5): the owner pays into the pool of the node's status; an active
 * (BONDED, not suspended) node's deposit enters the ozone economy at once (Increase).
 */
export function addMetaDeposit(k: RegisterKeeper, ctx: WriteContext, addr: Uint8Array, node: MetaNode, amount: bigint): DepositOutcome {
  const owner = ownerBytes(node.ownerAddress);
  const denom = k.bondDenom(ctx);
  if (k.bank.getBalance(ctx, owner, denom).amount < amount) throw ErrInsufficientBalance;
  const availableBefore = node.tokens - k.getUnbondingBalance(ctx, addr);
  let target: string;
  if (node.status === BondStatus.Unbonded) target = POOL.metaNotBonded;
  else if (node.status === BondStatus.Bonded) target = POOL.metaBonded;
  else throw ErrUnbondingNode;
  k.bank.sendCoinsFromAccountToModule(ctx, owner, target, Coins.of(coin(denom, amount)));
  k.setMetaNode(ctx, addr, { ...node, tokens: node.tokens + amount });
  const ozoneLimitChange = node.suspend ? 0n : k.increaseOzoneLimit(ctx, amount);
  return { ozoneLimitChange, availableBefore, availableAfter: availableBefore + amount };
}
