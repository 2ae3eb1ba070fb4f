/**
 * Meta-node vote thresholds (spec-register §5.7), `n` = number of active meta nodes (BONDED and not
 * suspended) counted at the time of the vote. Integer arithmetic only.
 */

function checkCount(n: number, fn: string): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${fn}: node count must be a non-negative integer, got ${n}`);
  return n;
}
const floorThird = (x: number): number => (x - (x % 3)) / 3;

/** Approvals a registration needs: ⌊2n/3⌋ + 1 (n = 0 → 1: anyone passes the first meta node). */
export function registrationApprovalsNeeded(n: number): number {
  return floorThird(2 * checkCount(n, "registrationApprovalsNeeded")) + 1;
}

/** Approvals a kick needs: ⌊2n/3⌋ + 1, n including the target. */
export function kickApprovalsNeeded(n: number): number {
  return floorThird(2 * checkCount(n, "kickApprovalsNeeded")) + 1;
}

/**
 * Rejects that delete a kick pool: ⌊n/3⌋. It is 0 for n ≤ 2, so there every vote deletes the pool
 * (QUIRK, spec-register §10 Q2; reproduced).
 */
export function kickRejectsToDeletePool(n: number): number {
  return floorThird(checkCount(n, "kickRejectsToDeletePool"));
}

export const registrationVotePasses = (approvals: number, n: number): boolean => approvals >= registrationApprovalsNeeded(n);
export const kickVotePasses = (approvals: number, n: number): boolean => approvals >= kickApprovalsNeeded(n);
export const kickPoolRejected = (rejects: number, n: number): boolean => rejects >= kickRejectsToDeletePool(n);

/** A vote is refused once `expireTime < blockTime`; a vote at exactly the expiry time still counts. */
export function isVoteExpired(expireTime: bigint, blockTime: bigint): boolean {
  return expireTime < blockTime;
}
