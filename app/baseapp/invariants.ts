/**
 * Invariants (SDK crisis style): a named check over committed state that returns what is broken, or
 * undefined. Modules list theirs in `ModuleHooks.invariants`; `/app/invariants` runs them all.
 */
import type { ReadContext } from "./context.js";

export type Invariant = (ctx: ReadContext) => string | undefined;

const MAX_LISTED = 5;

/** One line for a check's problems (the first few, then how many more), or undefined when none. */
export function reportProblems(problems: readonly string[]): string | undefined {
  if (problems.length === 0) return undefined;
  const shown = problems.slice(0, MAX_LISTED).join("; ");
  return problems.length > MAX_LISTED ? `${shown}; … and ${problems.length - MAX_LISTED} more` : shown;
}
