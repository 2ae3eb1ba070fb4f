import { MsgMultiSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { describe, expect, it } from "vitest";
import { createTestContext } from "../../../baseapp/testing.js";
import { createAuthModule } from "../../auth/index.js";
import { createBankModule } from "../index.js";
import { PANICS, VALIDATE_BASIC } from "../reference.vectors.js";
import { MSG_MULTI_SEND_TYPE_URL } from "./multiSend.js";
import { failure } from "../../../baseapp/testing.js";

const A = "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv";
const B = "st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9";
type Side = { address: string; coins: Array<{ denom: string; amount: string }> };
const side = (address: string, amount: string, denom = "wei"): Side => ({ address, coins: [{ denom, amount }] });

function setup() {
  const auth = createAuthModule();
  const bank = createBankModule(auth.keeper);
  const route = bank.module.msgs!.find((r) => r.typeUrl === MSG_MULTI_SEND_TYPE_URL)!;
  const msg = (inputs: Side[], outputs: Side[]) => route.decode(MsgMultiSend.encode({ inputs, outputs }).finish());
  return { bank, msg };
}


const INVALID = [
  { name: "no inputs", inputs: [], outputs: [side(B, "1")], codespace: "bank", code: 2, text: "no inputs to send transaction" },
  { name: "two inputs", inputs: [side(A, "10"), side(B, "10")], outputs: [], codespace: "bank", code: 9, text: VALIDATE_BASIC["multi.vbTwoInputs"] },
  { name: "no outputs", inputs: [side(A, "1")], outputs: [], codespace: "bank", code: 3, text: "no outputs to send transaction" },
  { name: "sums differ", inputs: [side(A, "10")], outputs: [side(B, "9")], codespace: "bank", code: 4, text: VALIDATE_BASIC["multi.vbMismatch"] },
  {
    name: "same-length sums with different denoms (panic)",
    inputs: [side(A, "10")],
    outputs: [side(B, "10", "stos")],
    codespace: "undefined",
    code: 111222,
    text: `${PANICS["multi.vbPanic"]}: panic`,
  },
  {
    name: "bad output address",
    inputs: [side(A, "1")],
    outputs: [side("st1xyz", "1")],
    codespace: "sdk",
    code: 7,
    text: "invalid output address: decoding bech32 failed: invalid bech32 string length 6: invalid address",
  },
  { name: "zero input coin", inputs: [side(A, "0")], outputs: [side(B, "0")], codespace: "sdk", code: 10, text: "0wei: invalid coins" },
] as const;

describe("MsgMultiSend", () => {
  it.each(INVALID)("ValidateBasic refuses $name", ({ inputs, outputs, codespace, code, text }) => {
    const { msg } = setup();
    expect(failure(() => msg([...inputs], [...outputs]).validateBasic())).toEqual({ codespace, code, message: text });
  });

  it("signers are the input addresses", () => {
    const { msg } = setup();
    expect(msg([side(A, "2")], [side(B, "1"), side(B, "1")]).signers().map((s) => Buffer.from(s).toString("hex"))).toEqual([
      "7e5f4552091a69125d5dfcb7b8c2659029395bdf",
    ]);
  });

  it("send-enabled flags are checked per input before any output", () => {
    const { bank, msg } = setup();
    const ctx = createTestContext();
    bank.keeper.setParams(ctx, { sendEnabled: [], defaultSendEnabled: true });
    bank.keeper.setSendEnabled(ctx, "wei", false);
    expect(failure(() => msg([side(A, "1")], [side(B, "1")]).execute(ctx))).toEqual({
      codespace: "bank",
      code: 5,
      message: "wei transfers are currently disabled: send transactions are disabled",
    });
  });
});
