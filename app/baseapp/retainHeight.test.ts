import { describe, expect, it } from "vitest";
import { blockRetentionHeight } from "./retainHeight.js";

// Rows worked out by hand from SDK v0.47 BaseApp.GetBlockRetentionHeight.
const VECTORS = [
  { name: "min-retain-blocks 0 keeps everything", h: 1_000_000n, min: 0, evidence: 100_000n, snap: 0, want: 0n },
  { name: "only min-retain-blocks", h: 1000n, min: 100, evidence: 0n, snap: 0, want: 900n },
  { name: "evidence age is lower", h: 1000n, min: 100, evidence: 500n, snap: 0, want: 500n },
  { name: "min-retain-blocks is lower", h: 1000n, min: 800, evidence: 500n, snap: 0, want: 200n },
  { name: "snapshots need more blocks", h: 1000n, min: 100, evidence: 0n, snap: 2 * 300, want: 400n },
  { name: "all three: the smallest wins", h: 200_000n, min: 1000, evidence: 100_000n, snap: 1000 * 2, want: 100_000n },
  { name: "not positive: keep everything", h: 50n, min: 100, evidence: 0n, snap: 0, want: 0n },
  { name: "evidence window reaches before genesis", h: 1000n, min: 10, evidence: 100_000n, snap: 0, want: 0n },
  { name: "exactly zero", h: 100n, min: 100, evidence: 0n, snap: 0, want: 0n },
  { name: "a bound of exactly 0 counts as no bound (SDK minNonZero)", h: 5n, min: 3, evidence: 5n, snap: 0, want: 2n },
] as const;

describe("retain_height", () => {
  it.each(VECTORS)("$name", ({ h, min, evidence, snap, want }) => {
    expect(blockRetentionHeight(h, { minRetainBlocks: min, evidenceMaxAgeNumBlocks: evidence, snapshotRetentionBlocks: snap })).toBe(want);
  });
});

describe("Commit's retain_height", () => {
  it("follows min-retain-blocks and the evidence age of InitChain's consensus params", async () => {
    const { createStratosApp } = await import("../node/app.js");
    const { RootMultiStore } = await import("../store/rootMultiStore.js");
    const { buildDevnetAppState, DEVNET_CHAIN_ID } = await import("../node/devnetGenesis.js");
    const { withGenesisValidator } = await import("../node/genesisValidator.js");
    const { TestApp } = await import("../node/testApp.js");
    const appState = withGenesisValidator(buildDevnetAppState(), { chainId: DEVNET_CHAIN_ID, consensusPubKey: TestApp.consensusKey.publicKey });
    const { app, close } = await createStratosApp(new RootMultiStore(), { minRetainBlocks: 3 });
    app.initChain({
      time: { seconds: 1_700_000_000n, nanos: 0 },
      chainId: DEVNET_CHAIN_ID,
      consensusParams: { evidence: { maxAgeNumBlocks: 5n, maxAgeDuration: { seconds: 3600n, nanos: 0 }, maxBytes: 1000n } },
      validators: [],
      appStateBytes: new TextEncoder().encode(JSON.stringify(appState)),
      initialHeight: 1n,
    });
    const retained: bigint[] = [];
    for (let h = 1n; h <= 8n; h++) {
      app.finalizeBlock({
        txs: [], decidedLastCommit: { round: 0, votes: [] }, misbehavior: [], hash: new Uint8Array(32), height: h,
        time: { seconds: 1_700_000_000n + h, nanos: 0 }, nextValidatorsHash: new Uint8Array(32), proposerAddress: new Uint8Array(20),
      });
      retained.push((await app.commit()).retainHeight);
    }
    // min(h − 5, h − 3) = h − 5 once positive. At h = 5 the evidence bound is 0, which the SDK's
    // rule reads as "no bound", so h − 3 = 2 wins there (CometBFT ignores a retain height below its base).
    expect(retained).toEqual([0n, 0n, 0n, 0n, 2n, 1n, 2n, 3n]);
    await close();
  });
});
