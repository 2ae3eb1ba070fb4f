/**
 * The bounded operation-sequence fuzz of `npm test` (docs/fuzzing.md): random valid-ish operations of
 * several accounts across bank, register, sds, pot (BLS-signed volume reports), staking and
 * distribution, every invariant after every block, a twin app on the same blocks. The long run is
 * `npm run test:fuzz`. FUZZ_SEED picks another seed.
 */
import { describe, expect, it } from "vitest";
import { formatOpsFuzzReport, runOpsFuzz } from "./opsFuzz.js";

const SEED = Number(process.env["FUZZ_SEED"] ?? 20_261_206);

describe("operation sequences (bounded)", () => {
  it("600 operations: invariants hold after every block, no exception, the twin agrees, every kind both lands and fails", async () => {
    const r = await runOpsFuzz({ ops: 600, seed: SEED, twin: true });
    console.log(formatOpsFuzzReport(r));
    expect(r.exceptions).toEqual([]);
    expect(r.ops).toBe(600);
    expect(r.blocks).toBeGreaterThan(100);
    expect(r.twinBlocksCompared).toBe(r.blocks);
    expect(r.codes["ok/0"]).toBeGreaterThan(200);
    // The operations do real work in each module, volume reports with their BLS aggregate included.
    for (const kind of ["send", "prepay", "upload", "report", "delegate", "undelegate", "resourceDeposit", "createResource", "withdrawReward"]) {
      expect(r.byKind[kind]?.ok ?? 0, kind).toBeGreaterThan(0);
    }
  });
});
