import { MsgSetSendEnabled, MsgUpdateParams } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import { describe, expect, it } from "vitest";
import { createTestContext } from "../../../baseapp/testing.js";
import { createAuthModule } from "../../auth/index.js";
import { createBankModule } from "../index.js";
import { MSG_SET_SEND_ENABLED_TYPE_URL } from "./setSendEnabled.js";
import { MSG_UPDATE_PARAMS_TYPE_URL } from "./updateParams.js";
import { failure } from "../../../baseapp/testing.js";

const GOV = "st10d07y265gmmuvt4z0w9aw880jnsr700jx08hhw"; // spec-chain §9
const OTHER = "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv";

function setup() {
  const bank = createBankModule(createAuthModule().keeper);
  const find = (url: string) => bank.module.msgs!.find((r) => r.typeUrl === url)!;
  const updateParams = (authority: string, defaultSendEnabled: boolean, sendEnabled: Array<{ denom: string; enabled: boolean }> = []) =>
    find(MSG_UPDATE_PARAMS_TYPE_URL).decode(MsgUpdateParams.encode({ authority, params: { sendEnabled, defaultSendEnabled } }).finish());
  const setSendEnabled = (authority: string, sendEnabled: Array<{ denom: string; enabled: boolean }>, useDefaultFor: string[] = []) =>
    find(MSG_SET_SEND_ENABLED_TYPE_URL).decode(MsgSetSendEnabled.encode({ authority, sendEnabled, useDefaultFor }).finish());
  return { bank, updateParams, setSendEnabled };
}


describe("bank MsgUpdateParams", () => {
  it("gov replaces the params", () => {
    const { bank, updateParams } = setup();
    const ctx = createTestContext();
    const m = updateParams(GOV, false);
    m.validateBasic();
    m.execute(ctx);
    expect(bank.keeper.getParams(ctx)).toEqual({ sendEnabled: [], defaultSendEnabled: false });
    expect(bank.keeper.isSendEnabledDenom(ctx, "wei")).toBe(false);
  });

  it("refuses deprecated per-denom entries (plain Go error) and other signers (gov/13)", () => {
    const { updateParams } = setup();
    expect(failure(() => updateParams(GOV, true, [{ denom: "wei", enabled: true }]).validateBasic())).toEqual({
      codespace: "undefined",
      code: 1,
      message: "use of send_enabled in params is no longer supported",
    });
    expect(failure(() => updateParams(OTHER, true).execute(createTestContext()))).toEqual({
      codespace: "gov",
      code: 13,
      message: `invalid authority; expected ${GOV}, got ${OTHER}: expected gov account as only signer for proposal message`,
    });
  });
});

describe("bank MsgSetSendEnabled", () => {
  it("sets flags and removes others (use_default_for)", () => {
    const { bank, setSendEnabled } = setup();
    const ctx = createTestContext();
    bank.keeper.setParams(ctx, { sendEnabled: [], defaultSendEnabled: true });
    setSendEnabled(GOV, [{ denom: "wei", enabled: false }, { denom: "stos", enabled: true }]).execute(ctx);
    expect(bank.keeper.getAllSendEnabledEntries(ctx)).toEqual([{ denom: "stos", enabled: true }, { denom: "wei", enabled: false }]);
    setSendEnabled(GOV, [], ["wei"]).execute(ctx);
    expect(bank.keeper.getAllSendEnabledEntries(ctx)).toEqual([{ denom: "stos", enabled: true }]);
    expect(bank.keeper.isSendEnabledDenom(ctx, "wei")).toBe(true);
  });

  const INVALID = [
    { name: "duplicate denom", se: [{ denom: "wei", enabled: true }, { denom: "wei", enabled: false }], use: [], code: 18,
      text: 'duplicate denom entries found for "wei": invalid request' },
    { name: "bad denom", se: [{ denom: "w", enabled: true }], use: [], code: 18,
      text: 'invalid SendEnabled denom "w": invalid denom: w: invalid request' },
    { name: "bad use_default_for denom", se: [], use: ["1x"], code: 18,
      text: 'invalid UseDefaultFor denom "1x": invalid denom: 1x: invalid request' },
  ] as const;
  it.each(INVALID)("ValidateBasic refuses $name", ({ se, use, code, text }) => {
    const { setSendEnabled } = setup();
    expect(failure(() => setSendEnabled(GOV, [...se], [...use]).validateBasic())).toEqual({ codespace: "sdk", code, message: text });
  });

  it("an empty authority passes ValidateBasic but not the handler; a bad one fails ValidateBasic", () => {
    const { setSendEnabled } = setup();
    setSendEnabled("", []).validateBasic();
    expect(failure(() => setSendEnabled("", []).execute(createTestContext())).code).toBe(13);
    expect(failure(() => setSendEnabled("st1xyz", []).validateBasic())).toEqual({
      codespace: "sdk",
      code: 7,
      message: "invalid authority address: decoding bech32 failed: invalid bech32 string length 6: invalid address",
    });
  });
});
