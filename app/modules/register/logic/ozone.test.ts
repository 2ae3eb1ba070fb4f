import { describe, it, expect } from "vitest";
import { Dec, DivisionByZeroError } from "../../../math/dec.js";
import { decreaseOzoneLimit, increaseOzoneLimit, isUnbondable, nozPrice, nozSupply, totalNozSupply } from "./ozone.js";

const STOS = 10n ** 18n;
const RATE = Dec.fromInt(1_000_000n);
const P = { s: 8n * STOS, lt: 2_285_714_285_715n }; // spec-register §11 state P (Pt = 20 STOS)
const PT_P = 20n * STOS;

// spec-register §11, the S/Lt arithmetic of the vectors (events, pools and store encodings belong to the keepers).
describe("spec-register vectors: Increase / Decrease", () => {
  it.each([
    { name: "R2 step 2 / R7 step 3: +2 STOS on state P", op: "inc", from: P, d: 2n * STOS, s: 10n * STOS, lt: 4_285_714_285_715n, change: 2_000_000_000_000n },
    { name: "R3 step 2: +0.5 STOS", op: "inc", from: P, d: STOS / 2n, s: 8_500_000_000_000_000_000n, lt: 2_785_714_285_715n, change: 500_000_000_000n },
    { name: "R3 step 3: −333333333333333333 drops Lt by the ceiling, reports the truncation", op: "dec",
      from: { s: 8_500_000_000_000_000_000n, lt: 2_785_714_285_715n }, d: 333_333_333_333_333_333n,
      s: 8_166_666_666_666_666_667n, lt: 2_452_380_952_381n, change: 333_333_333_333n },
    { name: "R3 step 4: +333333333333333333 ends one noz below step 2", op: "inc",
      from: { s: 8_166_666_666_666_666_667n, lt: 2_452_380_952_381n }, d: 333_333_333_333_333_333n,
      s: 8_500_000_000_000_000_000n, lt: 2_785_714_285_714n, change: 333_333_333_333n },
    { name: "R4 step 1: +5 STOS", op: "inc", from: P, d: 5n * STOS, s: 13n * STOS, lt: 7_285_714_285_715n, change: 5_000_000_000_000n },
    { name: "R5 step 2: +1 STOS restores state P", op: "inc", from: { s: 7n * STOS, lt: 1_285_714_285_715n }, d: STOS, s: 8n * STOS, lt: 2_285_714_285_715n, change: 1_000_000_000_000n },
    { name: "R8 step 2: kick unbonds 2 STOS", op: "dec", from: { s: 10n * STOS, lt: 4_285_714_285_715n }, d: 2n * STOS, s: 8n * STOS, lt: 2_285_714_285_715n, change: 2_000_000_000_000n },
    { name: "R9: remove META3 (1 STOS) from genesis G", op: "dec", from: { s: 8n * STOS, lt: 8_000_000_000_000n }, d: STOS, s: 7n * STOS, lt: 7_000_000_000_000n, change: 1_000_000_000_000n },
    { name: "R10: first meta node into an empty economy creates no ozone", op: "inc", from: { s: 0n, lt: 0n }, d: 5n * STOS, s: 5n * STOS, lt: 0n, change: 0n },
    { name: "R10: second meta node (3 STOS)", op: "inc", from: { s: 5n * STOS, lt: 0n }, d: 3n * STOS, s: 8n * STOS, lt: 3_000_000_000_000n, change: 3_000_000_000_000n },
  ] as const)("$name", ({ op, from, d, s, lt, change }) => {
    const r = op === "inc" ? increaseOzoneLimit(from, d, RATE) : decreaseOzoneLimit(from, d, RATE);
    expect(r).toEqual({ s, lt, ozoneLimitChange: change });
  });

  it("R3: Δ/rate for the decrease is 333333333333.333333000000000000", () => {
    expect(Dec.fromInt(333_333_333_333_333_333n).quo(RATE).toString()).toBe("333333333333.333333000000000000");
  });
});

describe("spec-register vectors: IsUnbondable, price, supply", () => {
  it("R4 step 3: a 4 STOS decrease needs Lt ≥ 4e12 and is refused at 1807733619764", () => {
    expect(isUnbondable(1_807_733_619_764n, 4n * STOS, RATE)).toBe(false);
    expect(isUnbondable(4_000_000_000_000n, 4n * STOS, RATE)).toBe(true); // equality suffices
    expect(nozPrice(13n * STOS, 120n * STOS, 1_807_733_619_764n).toString()).toBe("73572786.690421334122745051");
  });
  it("R9: IsUnbondable(1 STOS) with Lt = 8e12", () => {
    expect(isUnbondable(8_000_000_000_000n, STOS, RATE)).toBe(true);
  });
  it("R2 / R7 prices before and after +2 STOS", () => {
    expect(nozPrice(P.s, PT_P, P.lt).toString()).toBe("12249999.999996171875000001");
    expect(nozPrice(10n * STOS, PT_P, 4_285_714_285_715n).toString()).toBe("6999999.999998833333333334");
    expect(nozSupply(10n * STOS, 4_285_714_285_715n, RATE)).toEqual({ remaining: 4_285_714_285_715n, total: 10_000_000_000_000n });
  });
  it("R1: genesis G and mainnet stratos-1 fresh starts", () => {
    expect(totalNozSupply(8n * STOS, RATE)).toBe(8_000_000_000_000n);
    expect(nozPrice(8n * STOS, 0n, 8_000_000_000_000n).toString()).toBe("1000000.000000000000000000");
    expect(totalNozSupply(69_300n * STOS, RATE)).toBe(69_300_000_000_000_000n);
    expect(nozPrice(69_300n * STOS, 0n, 69_300_000_000_000_000n).toString()).toBe("1000000.000000000000000000");
  });
  it("R10: total supply moves with S although Lt stays 0; the price has no value", () => {
    expect(nozSupply(5n * STOS, 0n, RATE)).toEqual({ remaining: 0n, total: 5_000_000_000_000n }); // price: see the zero-divisor table
  });
  it("R5 step 1 / spec-pot TV5: suspending RES1 (eff 1 STOS) on state P; total noz then 7e12", () => {
    expect(decreaseOzoneLimit(P, STOS, RATE)).toEqual({ s: 7n * STOS, lt: 1_285_714_285_715n, ozoneLimitChange: 1_000_000_000_000n });
    expect(totalNozSupply(7n * STOS, RATE)).toBe(7_000_000_000_000n);
  });
});

// spec-sds §11.1 TV A (genesis S = 8e18, Pt = 0, Lt = 8e12, rate 1e6) and spec-pot §11.1 TV1 (the same S):
// the price and supply after each prepay; the prepay arithmetic itself is tested in sds/logic/prepay.test.ts.
describe("spec-sds TV A / spec-pot TV1: NozPrice and NozSupply", () => {
  const S = 8n * STOS;
  it.each([
    { name: "A0 genesis", pt: 0n, lt: 8_000_000_000_000n, price: "1000000.000000000000000000" },
    { name: "after A1 (20 STOS)", pt: 20n * STOS, lt: 2_285_714_285_715n, price: "12249999.999996171875000001" },
    { name: "after A2 (10 STOS)", pt: 30n * STOS, lt: 1_684_210_526_317n, price: "22562499.999983783203125012" },
  ])("$name", ({ pt, lt, price }) => {
    expect(nozPrice(S, pt, lt).toString()).toBe(price);
    expect(nozSupply(S, lt, RATE)).toEqual({ remaining: lt, total: 8_000_000_000_000n });
  });
  it("spec-pot §5.3 step 2 (TV1): trunc(8e18 / 1e6) = 8 000 000 000 000", () => {
    expect(totalNozSupply(S, RATE)).toBe(8_000_000_000_000n);
  });
});

describe("edges", () => {
  it("totalNozSupply truncates with a fractional quotient: 10 / 3 = 3", () => {
    expect(totalNozSupply(10n, Dec.fromInt(3n))).toBe(3n);
  });
  it("Decrease truncates Lt − Δ/rate toward zero: 1.5 noz removed from 10 → 8, reported 1", () => {
    expect(decreaseOzoneLimit({ s: 100n, lt: 10n }, 3n, Dec.fromInt(2n))).toEqual({ s: 97n, lt: 8n, ozoneLimitChange: 1n });
  });
  it("S before = 0: Lt unchanged and the (zero) rate is not used", () => {
    expect(decreaseOzoneLimit({ s: 0n, lt: 77n }, 0n, Dec.ZERO)).toEqual({ s: 0n, lt: 77n, ozoneLimitChange: 0n });
    expect(increaseOzoneLimit({ s: 0n, lt: 77n }, 5n, Dec.ZERO)).toEqual({ s: 5n, lt: 77n, ozoneLimitChange: 0n });
  });
  it("Decrease may leave a negative S or Lt (stored as is)", () => {
    expect(decreaseOzoneLimit({ s: STOS, lt: 10n }, 2n * STOS, RATE)).toEqual({ s: -STOS, lt: -1_999_999_999_990n, ozoneLimitChange: 2_000_000_000_000n });
  });
});

// The one error contract: a zero divisor throws the math layer's DivisionByZeroError (Go panics), its
// message naming the function; pot maps it to ZeroDivisorError (sdk 111222) at its boundary.
describe("zero divisors → DivisionByZeroError", () => {
  it.each([
    { name: "increaseOzoneLimit, S ≠ 0, rate 0", run: () => increaseOzoneLimit(P, STOS, Dec.ZERO), fn: /increaseOzoneLimit: deposit→noz rate is zero/ },
    { name: "decreaseOzoneLimit, S ≠ 0, rate 0", run: () => decreaseOzoneLimit({ s: 1n, lt: 1n }, 1n, Dec.ZERO), fn: /decreaseOzoneLimit: deposit→noz rate is zero/ },
    { name: "isUnbondable, rate 0", run: () => isUnbondable(1n, 1n, Dec.ZERO), fn: /isUnbondable: deposit→noz rate is zero/ },
    { name: "totalNozSupply, rate 0", run: () => totalNozSupply(1n, Dec.ZERO), fn: /totalNozSupply: deposit→noz rate is zero/ },
    { name: "totalNozSupply, rate 0 and S = 0", run: () => totalNozSupply(0n, Dec.ZERO), fn: /totalNozSupply/ },
    { name: "nozSupply, rate 0", run: () => nozSupply(STOS, 0n, Dec.ZERO), fn: /totalNozSupply/ },
    { name: "nozPrice, Lt = 0 (R10 with Pt = 1 STOS)", run: () => nozPrice(5n * STOS, STOS, 0n), fn: /nozPrice: remaining ozone limit is zero/ },
    { name: "nozPrice, Lt = 0 and Pt = 0", run: () => nozPrice(8n * STOS, 0n, 0n), fn: /nozPrice/ },
  ])("$name", ({ run, fn }) => {
    expect(run).toThrow(DivisionByZeroError);
    expect(run).toThrow(fn);
  });
});

// Rows produced with the executable model of spec-register Appendix A (register_model.py: Chain.increase,
// Chain.decrease, Chain.unbondable) on inputs drawn from Python's random with seed 424242, including
// non-integral rates (raw values) so that quo's rounding matters. Columns: [S, Lt, reported change].
const MODEL_ROWS = [
  { name: "model #0", s: 8000000000000000000n, lt: 2285714285715n, delta: 333333333333333333n, rateRaw: 1000000000000000000000000n, increase: [8333333333333333333n, 2619047619048n, 333333333333n], decrease: [7666666666666666667n, 1952380952381n, 333333333333n], unbondable: true },
  { name: "model #1", s: 0n, lt: 0n, delta: 5000000000000000000n, rateRaw: 1000000000000000000000000n, increase: [5000000000000000000n, 0n, 0n], decrease: [-5000000000000000000n, 0n, 0n], unbondable: false },
  { name: "model #2", s: 1000000000000000000n, lt: 0n, delta: 1000000000000000000n, rateRaw: 1000000000000000000000000n, increase: [2000000000000000000n, 1000000000000n, 1000000000000n], decrease: [0n, -1000000000000n, 1000000000000n], unbondable: false },
  { name: "model #3", s: 1000000000000000000n, lt: 5n, delta: 1000000000000000000n, rateRaw: 1000000000000000000000000n, increase: [2000000000000000000n, 1000000000005n, 1000000000000n], decrease: [0n, -999999999995n, 1000000000000n], unbondable: false },
  { name: "model #4", s: 4297686950584839732048n, lt: 9437300297604406n, delta: 388243974515886014113n, rateRaw: 3000000000000000001n, increase: [4685930925100725746161n, 129424095472259609067n, 129414658171962004661n], decrease: [3909442976068953717935n, -129405220871664400255n, 129414658171962004661n], unbondable: false },
  { name: "model #5", s: 7635817482209668511458n, lt: 2805044007410723n, delta: 503743880440516728892n, rateRaw: 1000000000000000000000000n, increase: [8139561362650185240350n, 3308787887851239n, 503743880440516n], decrease: [7132073601769151782566n, 2301300126970206n, 503743880440516n], unbondable: true },
  { name: "model #6", s: 0n, lt: 6809605344253782n, delta: 581447812292366058010n, rateRaw: 1000000000000000000000000n, increase: [581447812292366058010n, 6809605344253782n, 0n], decrease: [-581447812292366058010n, 6809605344253782n, 0n], unbondable: true },
  { name: "model #7", s: 0n, lt: 6501942478659569n, delta: 425076028193371823294n, rateRaw: 1234567891234567891234567n, increase: [425076028193371823294n, 6501942478659569n, 0n], decrease: [-425076028193371823294n, 6501942478659569n, 0n], unbondable: true },
  { name: "model #8", s: 2201228984826931814470n, lt: 9275515399749157n, delta: 586563126762928231389n, rateRaw: 1234567891234567891234567n, increase: [2787792111589860045859n, 9750631536275569n, 475116136526412n], decrease: [1614665858064003583081n, 8800399263222744n, 475116136526412n], unbondable: true },
  { name: "model #9", s: 7139431139003903507039n, lt: 3686692113759083n, delta: 812095315877771821689n, rateRaw: 51384750589638549607021955n, increase: [7951526454881675328728n, 3702496322333786n, 15804208574703n], decrease: [6327335823126131685350n, 3670887905184379n, 15804208574703n], unbondable: true },
  { name: "model #10", s: 5621518136740359971962n, lt: 2551621654889446n, delta: 133438291560163750404n, rateRaw: 1234567891234567891234567n, increase: [5754956428300523722366n, 2659706671928667n, 108085017039221n], decrease: [5488079845180196221558n, 2443536637850224n, 108085017039221n], unbondable: true },
  { name: "model #11", s: 9482352094972015470236n, lt: 8509489951284727n, delta: 410717184070707678969n, rateRaw: 23491990569683334286876874n, increase: [9893069279042723149205n, 8526973237039180n, 17483285754453n], decrease: [9071634910901307791267n, 8492006665530273n, 17483285754453n], unbondable: true },
  { name: "model #12", s: 0n, lt: 7331145937050966n, delta: 710708844352176760241n, rateRaw: 3000000000000000001n, increase: [710708844352176760241n, 7331145937050966n, 0n], decrease: [-710708844352176760241n, 7331145937050966n, 0n], unbondable: false },
  { name: "model #13", s: 5993888068684067159589n, lt: 2444668860696563n, delta: 832668032091511906186n, rateRaw: 1000000000000000000000000n, increase: [6826556100775579065775n, 3277336892788074n, 832668032091511n], decrease: [5161220036592555253403n, 1612000828605051n, 832668032091511n], unbondable: true },
  { name: "model #14", s: 353917625530614525940n, lt: 1461777482224096n, delta: 595352499190884336434n, rateRaw: 3000000000000000001n, increase: [949270124721498862374n, 198452294841110336174n, 198450833063628112078n], decrease: [-241434873660269810494n, -198449371286145887982n, 198450833063628112078n], unbondable: false },
  { name: "model #15", s: 4243328475782906765813n, lt: 8923835815780497n, delta: 394414893205669906099n, rateRaw: 1234567891234567891234567n, increase: [4637743368988576671912n, 9243311881864845n, 319476066084348n], decrease: [3848913582577236859714n, 8604359749696148n, 319476066084348n], unbondable: true },
  { name: "model #16", s: 0n, lt: 883825197792499n, delta: 253041172634453834689n, rateRaw: 1234567891234567891234567n, increase: [253041172634453834689n, 883825197792499n, 0n], decrease: [-253041172634453834689n, 883825197792499n, 0n], unbondable: true },
  { name: "model #17", s: 0n, lt: 8310550466429422n, delta: 929869522765557064154n, rateRaw: 1234567891234567891234567n, increase: [929869522765557064154n, 8310550466429422n, 0n], decrease: [-929869522765557064154n, 8310550466429422n, 0n], unbondable: true },
] as const;

describe("Appendix A model rows", () => {
  it.each(MODEL_ROWS)("$name", ({ s, lt, delta, rateRaw, increase, decrease, unbondable }) => {
    const rate = Dec.fromRaw(rateRaw);
    const inc = increaseOzoneLimit({ s, lt }, delta, rate);
    const dec = decreaseOzoneLimit({ s, lt }, delta, rate);
    expect([inc.s, inc.lt, inc.ozoneLimitChange]).toEqual(increase);
    expect([dec.s, dec.lt, dec.ozoneLimitChange]).toEqual(decrease);
    expect(isUnbondable(lt, delta, rate)).toBe(unbondable);
  });
});
