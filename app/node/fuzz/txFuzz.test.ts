/**
 * The bounded tx fuzz of `npm test` (docs/fuzzing.md): a few thousand random and mutated TxRaw byte
 * strings through CheckTx and FinalizeBlock on the whole app, a twin app fed the same blocks. The
 * 10^5-input run is `npm run test:fuzz`. FUZZ_SEED picks another seed (the default keeps runs reproducible).
 */
import { describe, expect, it } from "vitest";
import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { formatTxFuzzReport, IMITATED_PANICS, mutateBytes, mutateField, runTxFuzz } from "./txFuzz.js";

const SEED = Number(process.env["FUZZ_SEED"] ?? 20_261_206);

describe("tx fuzzing (bounded)", () => {
  it("3 000 inputs: every one gets a code, no exception escapes, blocks go on, invariants hold, the twin agrees", async () => {
    const r = await runTxFuzz({ inputs: 3_000, seed: SEED, twin: true });
    console.log(formatTxFuzzReport(r));
    expect(r.exceptions).toEqual([]);
    expect(r.inputs).toBe(3_000);
    const total = (m: Readonly<Record<string, number>>): number => Object.values(m).reduce((a, b) => a + b, 0);
    expect(total(r.checkCodes)).toBe(3_000);
    expect(total(r.deliverCodes)).toBe(3_000);
    // 30 fuzz blocks of 100 inputs, then a block with a valid send, which lands.
    expect(r.blocks).toBe(31);
    expect(r.twinBlocksCompared).toBe(30);
    expect(r.afterCode).toBe("ok/0");
    // Code 111222 only where the reference panics too.
    for (const kind of r.panicKinds) expect(kind).toMatch(IMITATED_PANICS);
    // The inputs reach far: decoding, the ante handler and many message handlers answer.
    expect(Object.keys(r.deliverCodes).length).toBeGreaterThanOrEqual(25);
    expect(r.deliverCodes["ok/0"]).toBeGreaterThan(0);
    for (const codespace of ["sdk", "register", "pot", "sds"]) expect(Object.keys(r.deliverCodes).some((k) => k.startsWith(`${codespace}/`)), codespace).toBe(true);
  });

  it("mutations: truncation, oversized varints and splices make the bytes they say", () => {
    const b = Uint8Array.from([1, 2, 3, 4]);
    expect([...mutateBytes(b, { k: "truncate", pos: 6 }, [])]).toEqual([1, 2]);
    expect([...mutateBytes(b, { k: "varint", pos: 1, len: 11 }, [])]).toEqual([1, ...Array(10).fill(0xff), 1, 2, 3, 4]);
    expect([...mutateBytes(b, { k: "splice", other: 0, from: 1, len: 2, pos: 0 }, [Uint8Array.from([9, 8, 7])])]).toEqual([8, 7, 3, 4]);
    expect([...mutateBytes(b, { k: "flip", pos: 5, bit: 7 }, [])]).toEqual([1, 130, 3, 4]);
  });

  it("field mutation: one leaf of the message, nested ones included, gets a dictionary value with the lengths fixed", () => {
    const msg = MsgSend.encode({ fromAddress: "a", toAddress: "bb", amount: [{ denom: "wei", amount: "5" }] }).finish();
    const dict = { texts: [new TextEncoder().encode("XYZW")], varints: [300n] };
    // Leaves in order: from, to, the coin (whole), its denom, its amount.
    expect(MsgSend.decode(mutateField(msg, 1, 0, dict))).toMatchObject({ fromAddress: "a", toAddress: "XYZW" });
    expect(MsgSend.decode(mutateField(msg, 3, 0, dict)).amount).toEqual([{ denom: "XYZW", amount: "5" }]);
    expect(MsgSend.decode(mutateField(msg, 4, 0, dict)).amount).toEqual([{ denom: "wei", amount: "XYZW" }]);
    // Bytes that are no message are left alone.
    expect([...mutateField(Uint8Array.from([0xff]), 0, 0, dict)]).toEqual([0xff]);
  });
});
