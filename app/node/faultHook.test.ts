/** The Commit-crash test hook: parsed strictly, off by default, and exiting on the right side of the store write. */
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";
import { EXIT_IN_COMMIT_CODE, parseExitInCommit, withExitInCommit } from "./faultHook.js";
import { TestApp } from "./testApp.js";

class Exited extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}
const exit = (code: number): never => {
  throw new Exited(code);
};

describe("STCHAIND_TEST_EXIT_IN_COMMIT", () => {
  it("is off when unset or empty, and refuses anything but <height>:before|after", () => {
    expect(parseExitInCommit(undefined)).toBeUndefined();
    expect(parseExitInCommit("")).toBeUndefined();
    expect(parseExitInCommit("12:before")).toEqual({ height: 12n, when: "before" });
    expect(parseExitInCommit("7:after")).toEqual({ height: 7n, when: "after" });
    for (const bad of ["12", "0:before", "x:after", "12:during", "-3:after"]) expect(() => parseExitInCommit(bad)).toThrow(/STCHAIND_TEST_EXIT_IN_COMMIT/);
  });

  for (const when of ["before", "after"] as const) {
    it(`exits in Commit of the chosen height, ${when} the store write, and not at other heights`, async () => {
      const t = await TestApp.create();
      try {
        const target = t.nextHeight + 1n;
        const app = withExitInCommit(t.parts.app, { height: target, when }, createLogger("error"), exit);
        const finalize = (height: bigint) => app.finalizeBlock({
          txs: [], decidedLastCommit: { round: 0, votes: [] }, misbehavior: [], hash: new Uint8Array(32), height,
          time: { seconds: 1_700_000_100n + height, nanos: 0 }, nextValidatorsHash: new Uint8Array(32), proposerAddress: new Uint8Array(20),
        });
        await finalize(target - 1n);
        await app.commit({});
        expect(t.parts.store.lastCommit().height).toBe(Number(target - 1n));
        await finalize(target);
        const error = await Promise.resolve(app.commit({})).then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(Exited);
        expect((error as Exited).code).toBe(EXIT_IN_COMMIT_CODE);
        // "before": the store never wrote the block; "after": it did, and only then the process ended.
        expect(t.parts.store.lastCommit().height).toBe(Number(when === "before" ? target - 1n : target));
      } finally {
        await t.close();
      }
    });
  }
});
