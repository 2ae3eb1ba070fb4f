/**
 * The bounded operation-sequence fuzz of `npm test` (docs/fuzzing.md): random valid-ish operations of
 * several accounts across bank, register, sds, pot (BLS-signed volume reports), staking and
 * distribution, every invariant after every block, a twin app on the same blocks. The long run is
 * `npm run test:fuzz`. FUZZ_SEED picks another seed.
 */
import { describe, expect, it } from "vitest";
import { formatOpsFuzzReport, opTx, runOpsFuzz } from "./opsFuzz.js";
import { createFuzzWorld, STOS, T } from "./world.js";

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

  it("found by it: pot's suspension drives Lt below zero, a later slash makes a negative debt (spec-register §5.1, spec-pot §4.4); the invariants accept both", async () => {
    const s = await createFuzzWorld();
    try {
      // A large prepay leaves less Lt than RES4's effective deposit is worth (1 000 STOS = 10^15 noz).
      const buy = opTx(s, { k: "prepay", who: "FOUNDER", amount: 100_000n * STOS }, 1n)!;
      expect((await s.tx(buy[0], buy[1], T)).code).toBe(0);
      const before = s.register.getRemainingOzoneLimit(s.read);
      expect(before).toBeGreaterThan(0n);
      expect(before).toBeLessThan(10n ** 15n);
      // tx() checks every invariant after the block (it threw "Lt … is negative" before the fix).
      const slash = opTx(s, { k: "slashResource", node: "RES4", noz: 1_000n, suspend: true }, 1n)!;
      expect((await s.tx(slash[0], slash[1], T + 5n)).code).toBe(0);
      const lt = s.register.getRemainingOzoneLimit(s.read);
      expect(lt).toBe(before - 10n ** 15n);
      expect(lt).toBeLessThan(0n);
      // Then a slash of Y < |Lt| noz costs (S + Pt)·Y / (Lt + Y) < 0 wei: the debt goes negative, as in the reference.
      const owner = s.accountBytes("RES4");
      const debtBefore = s.register.getSlashing(s.read, owner);
      const again = opTx(s, { k: "slashResource", node: "RES4", noz: 1_000n, suspend: false }, 1n)!;
      expect((await s.tx(again[0], again[1], T + 10n)).code).toBe(0);
      expect(s.register.getSlashing(s.read, owner)).toBeLessThan(debtBefore);
    } finally {
      await s.close();
    }
  });
});
