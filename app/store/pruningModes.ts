/**
 * The SDK's pruning strategies (v0.47 `store/pruning/types/options.go`, `server/pruning.go`) mapped
 * onto the store's `PruningOptions`.
 *
 * SDK meaning of keep-recent: committing version v prunes version v−1−keepRecent, so v and the
 * keepRecent versions before it stay: keepRecent + 1 versions. The store's `keepRecent` counts the
 * versions kept, the last one included, hence the + 1. Pruning runs every `interval` heights.
 *
 * | strategy | SDK keep-recent | interval | store keepRecent |
 * |---|---|---|---|
 * | default | 362880 | 10 | 362881 |
 * | everything | 2 | 10 | 3 |
 * | nothing | all | – | 0 (keeps every version) |
 * | custom | ≥ 2 | ≥ 10 | keep-recent + 1 |
 */

import type { PruningOptions } from "./storeOptions.js";

export const PRUNING_STRATEGIES = ["default", "nothing", "everything", "custom"] as const;
export type PruningStrategy = (typeof PRUNING_STRATEGIES)[number];

/** SDK `PruningDefault`: about 3.5 weeks of 6 s blocks. */
export const SDK_DEFAULT_KEEP_RECENT = 362_880;
export const SDK_DEFAULT_INTERVAL = 10;
/** SDK `pruneEverythingKeepRecent`, `pruneEverythingInterval`: also the floor of custom values. */
export const SDK_EVERYTHING_KEEP_RECENT = 2;
export const SDK_EVERYTHING_INTERVAL = 10;

/** A pruning setting the SDK refuses; `key` is the app.toml key at fault. */
export class PruningConfigError extends Error {
  constructor(
    readonly key: "pruning" | "pruning-keep-recent" | "pruning-interval",
    message: string,
  ) {
    super(message);
    this.name = "PruningConfigError";
  }
}

/**
 * The store options of a strategy. `keepRecent` / `interval` are read only for "custom" (as in the
 * SDK), and checked with the SDK's rules and messages.
 */
export function pruningOptionsFor(strategy: string, keepRecent: number, interval: number): PruningOptions {
  switch (strategy) {
    case "default":
      return { keepRecent: SDK_DEFAULT_KEEP_RECENT + 1, interval: SDK_DEFAULT_INTERVAL };
    case "everything":
      return { keepRecent: SDK_EVERYTHING_KEEP_RECENT + 1, interval: SDK_EVERYTHING_INTERVAL };
    case "nothing":
      return { keepRecent: 0, interval: 1 };
    case "custom":
      if (interval === 0) {
        throw new PruningConfigError("pruning-interval", `'pruning-interval' must not be 0. If you want to disable pruning, select pruning = "nothing"`);
      }
      if (interval < SDK_EVERYTHING_INTERVAL) {
        throw new PruningConfigError(
          "pruning-interval",
          `'pruning-interval' must not be less than ${SDK_EVERYTHING_INTERVAL}. For the most aggressive pruning, select pruning = "everything"`,
        );
      }
      if (keepRecent < SDK_EVERYTHING_KEEP_RECENT) {
        throw new PruningConfigError(
          "pruning-keep-recent",
          `'pruning-keep-recent' must not be less than ${SDK_EVERYTHING_KEEP_RECENT}. For the most aggressive pruning, select pruning = "everything"`,
        );
      }
      return { keepRecent: keepRecent + 1, interval };
    default:
      throw new PruningConfigError("pruning", `unknown pruning strategy ${strategy} (want one of ${PRUNING_STRATEGIES.join(", ")})`);
  }
}
