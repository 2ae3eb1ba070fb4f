import { describe, expect, it } from "vitest";
import { selectTxsWithinBytes } from "./proposal.js";

const tx = (n: number): Uint8Array => new Uint8Array(n);

describe("selectTxsWithinBytes", () => {
  it("counts tag + uvarint length + body per tx", () => {
    // 10-byte tx costs 12; 200-byte tx costs 1 + 2 + 200 = 203.
    expect(selectTxsWithinBytes([tx(10), tx(10)], 24n)).toHaveLength(2);
    expect(selectTxsWithinBytes([tx(10), tx(10)], 23n)).toHaveLength(1);
    expect(selectTxsWithinBytes([tx(200)], 203n)).toHaveLength(1);
    expect(selectTxsWithinBytes([tx(200)], 202n)).toHaveLength(0);
  });

  it("keeps order and stops at the first tx that does not fit", () => {
    const txs = [tx(5), tx(100), tx(1)];
    const out = selectTxsWithinBytes(txs, 108n); // costs 7, 102, 3: the 100-byte tx would need 109
    expect(out).toEqual([txs[0]]);
  });

  it("returns everything when there is room", () => {
    const txs = [tx(1), tx(2), tx(3)];
    expect(selectTxsWithinBytes(txs, 1_000_000n)).toEqual(txs);
  });
});
