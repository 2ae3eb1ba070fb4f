import { describe, expect, it } from "vitest";
import { Dec } from "../../../math/dec.js";
import { digits } from "./distribution.vectors.js";
import { ZeroDivisorError } from "./errors.js";
import { trafficReward } from "./trafficReward.js";

const E18 = 10n ** 18n;

// R rows: §11.1 (TV1 epochs 1 and 2), §11.5 (TV5), spec-register §11 R6 (slash debts on state P); the inputs are the spec's.
const R_VECTORS = [
  { name: "TV1 epoch 1", s: 8n * E18, pt: 20n * E18, lt: "2 285 714 285 715", y: "100 000", want: "1 224 999 946 405.869532259956129398" },
  { name: "TV1 epoch 2", s: 8n * E18, pt: BigInt(digits("19 999 998 775 000 053 599")), lt: "2 285 714 385 715", y: "100 000", want: "1 224 999 839 218.383600897929176556" },
  { name: "TV5 after suspension", s: 7n * E18, pt: 20n * E18, lt: "1 285 714 285 715", y: "100 000", want: "2 099 999 836 665.512703884197746394" },
  { name: "TV5 comparison 10^18 noz", s: 8n * E18, pt: 20n * E18, lt: "2 285 714 285 715", y: "1000000000000000000", want: "27 999 936 000 146 285 359.919223041671415208" },
  { name: "spec-register R6 (a) Y = 10 000", s: 8n * E18, pt: 20n * E18, lt: "2 285 714 285 715", y: "10 000", want: "122499999464.024221095061525140" },
  { name: "spec-register R6 (b) Y = 100 000 000 000", s: 8n * E18, pt: 20n * E18, lt: "2 285 714 285 715", y: "100 000 000 000", want: "1173652694610427050.091434003877218134" },
  { name: "Y = 0 → 0", s: 8n * E18, pt: 20n * E18, lt: "5", y: "0", want: "0" },
  { name: "Lt = 0 → S + Pt", s: 8n * E18, pt: 20n * E18, lt: "0", y: "7", want: "28000000000000000000" },
] as const;

describe("trafficReward (§5.2)", () => {
  it.each(R_VECTORS)("$name", ({ s, pt, lt, y, want }) => {
    expect(trafficReward(s, pt, BigInt(digits(lt)), BigInt(digits(y))).toString()).toBe(Dec.parse(digits(want)).toString());
  });

  it("Lt + Y = 0 → ZeroDivisorError (sdk 111222)", () => {
    expect(() => trafficReward(E18, E18, 0n, 0n)).toThrow(ZeroDivisorError);
    expect(() => trafficReward(E18, E18, 0n, 0n)).toThrow(/trafficReward/);
  });
});

// totalNozSupply (§5.3 step 2) is register's: register/logic/ozone.test.ts.
