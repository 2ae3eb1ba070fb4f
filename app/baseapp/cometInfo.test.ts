/**
 * BeginBlock hooks see what CometBFT reported in RequestFinalizeBlock (last commit votes,
 * misbehaviour, hashes), as the SDK's `ctx.VoteInfos()` / `ctx.CometInfo()`; transactions and
 * InitChain see none.
 */
import { MisbehaviorType } from "cosmjs-types/tendermint/abci/types";
import { BlockIDFlag } from "cosmjs-types/tendermint/types/validator";
import { afterEach, describe, expect, it } from "vitest";
import { ed25519Address } from "../crypto/ed25519.js";
import { TestApp } from "../node/testApp.js";
import type { CometBlockInfo, ModuleHooks } from "./block.js";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("CometBFT block info in block hooks", () => {
  it("reaches BeginBlock and EndBlock of FinalizeBlock, not InitChain", async () => {
    const seen: Array<{ phase: string; comet: CometBlockInfo | undefined }> = [];
    const probe: ModuleHooks = {
      name: "probe",
      initGenesis: (ctx) => void seen.push({ phase: "init", comet: ctx.header.comet }),
      beginBlock: (ctx) => void seen.push({ phase: "begin", comet: ctx.header.comet }),
      endBlock: (ctx) => void seen.push({ phase: "end", comet: ctx.header.comet }),
    };
    app = await TestApp.create({ extraModules: [probe] });
    // TestApp.create ran InitChain and block 1 (no votes); keep InitChain, look at the next block.
    expect(seen.map((s) => s.phase)).toEqual(["init", "begin", "end"]);
    seen.splice(1);
    // Votes name validators of the set (distribution and slashing refuse others, as the SDK does);
    // misbehaviour of an unknown address is only logged by evidence.
    const a = ed25519Address(TestApp.consensusKey.publicKey);
    const b = new Uint8Array(20).fill(2);
    await app.finalize([], undefined, {
      votes: [{ validator: { address: a, power: 1_000_000n }, blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT }],
      misbehavior: [{ type: MisbehaviorType.DUPLICATE_VOTE, validator: { address: b, power: 7n }, height: 3n, time: { seconds: 9n, nanos: 1 }, totalVotingPower: 107n }],
    });
    expect(seen.map((s) => s.phase)).toEqual(["init", "begin", "end"]);
    expect(seen[0]!.comet).toBeUndefined();
    const comet = seen[1]!.comet!;
    expect(comet.votes).toEqual([
      { validatorAddress: a, power: 1_000_000n, blockIdFlag: BlockIDFlag.BLOCK_ID_FLAG_COMMIT },
    ]);
    expect(comet.misbehavior).toEqual([
      { kind: "duplicate_vote", validatorAddress: b, power: 7n, height: 3n, time: { seconds: 9n, nanos: 1 }, totalVotingPower: 107n },
    ]);
    expect(seen[2]!.comet).toBe(comet);
  });
});
