import { MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { describe, expect, it } from "vitest";
import { createAuthModule } from "../../auth/index.js";
import { createBankModule } from "../index.js";
import { PANICS, VALIDATE_BASIC } from "../reference.vectors.js";
import { MSG_SEND_TYPE_URL } from "./send.js";
import { failure } from "../../../baseapp/testing.js";

const A = "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv";
const B = "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9";

function decoded(fromAddress: string, toAddress: string, amount: Array<{ denom: string; amount: string }>) {
  const route = createBankModule(createAuthModule().keeper).module.msgs!.find((r) => r.typeUrl === MSG_SEND_TYPE_URL)!;
  return route.decode(MsgSend.encode({ fromAddress, toAddress, amount }).finish());
}


/** ValidateBasic cases with the reference's error texts (reference.vectors.ts VALIDATE_BASIC / PANICS). */
const CASES = [
  { name: "no amount", from: A, to: B, amount: [], code: 10, text: VALIDATE_BASIC["vb.emptyAmount"] },
  { name: "zero amount", from: A, to: B, amount: [{ denom: "wei", amount: "0" }], code: 10, text: VALIDATE_BASIC["vb.zero"] },
  {
    name: "unsorted coins",
    from: A,
    to: B,
    amount: [{ denom: "wei", amount: "1" }, { denom: "stos", amount: "1" }],
    code: 10,
    text: VALIDATE_BASIC["vb.unsorted"],
  },
  { name: "bad from", from: "cosmos1w508d6qejxtdg4y5r3zarvary0c5xw7kyzsxcg", to: B, amount: [{ denom: "wei", amount: "1" }], code: 7, text: VALIDATE_BASIC["vb.badFrom"] },
  { name: "bad to", from: A, to: "st1xyz", amount: [{ denom: "wei", amount: "1" }], code: 7, text: VALIDATE_BASIC["vb.badTo"] },
] as const;

describe("MsgSend", () => {
  it.each(CASES)("ValidateBasic refuses $name with the reference's text", ({ from, to, amount, code, text }) => {
    expect(failure(() => decoded(from, to, [...amount]).validateBasic())).toEqual({ codespace: "sdk", code, message: text });
  });

  it("a coin without amount panics in ValidateBasic (nil Int)", () => {
    expect(failure(() => decoded(A, B, [{ denom: "wei", amount: "" }]).validateBasic())).toEqual({
      codespace: "undefined",
      code: 111222,
      message: `${PANICS["vb.nilAmount"]}: panic`,
    });
  });

  it("an amount that is not a Go big.Int fails to decode", () => {
    expect(() => decoded(A, B, [{ denom: "wei", amount: "12.5" }])).toThrow('math/big: cannot unmarshal "12.5" into a *big.Int');
  });

  it("the signer is the sender; a valid message passes", () => {
    const m = decoded(A, B, [{ denom: "wei", amount: "0x10" }]);
    m.validateBasic();
    expect(Buffer.from(m.signers()[0]!).toString("hex")).toBe("7e5f4552091a69125d5dfcb7b8c2659029395bdf");
  });
});
