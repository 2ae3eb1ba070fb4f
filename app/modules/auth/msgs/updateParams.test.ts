import { MsgUpdateParams } from "cosmjs-types/cosmos/auth/v1beta1/tx";
import { describe, expect, it } from "vitest";
import { createTestContext } from "../../../baseapp/testing.js";
import { moduleAddress } from "../../../crypto/moduleAddress.js";
import { createAuthModule } from "../index.js";
import { DEFAULT_AUTH_PARAMS, authParamsToProto } from "../params.js";
import { MSG_UPDATE_PARAMS_TYPE_URL } from "./updateParams.js";

const GOV = "st10d07y265gmmuvt4z0w9aw880jnsr700jx08hhw"; // spec-chain §9
const OTHER = "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv";

function route() {
  const auth = createAuthModule();
  const r = auth.module.msgs!.find((m) => m.typeUrl === MSG_UPDATE_PARAMS_TYPE_URL)!;
  const msg = (authority: string, params = { ...DEFAULT_AUTH_PARAMS, txSigLimit: 3n }) =>
    r.decode(MsgUpdateParams.encode({ authority, params: authParamsToProto(params) }).finish());
  return { auth, msg };
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected an error");
}

describe("auth MsgUpdateParams", () => {
  it("the gov authority replaces the params", () => {
    const { auth, msg } = route();
    const ctx = createTestContext();
    const m = msg(GOV);
    m.validateBasic();
    expect(m.signers()).toEqual([moduleAddress("gov")]);
    expect(m.execute(ctx)).toEqual({ typeUrl: "/cosmos.auth.v1beta1.MsgUpdateParamsResponse", value: new Uint8Array() });
    expect(auth.keeper.getParams(ctx)).toEqual({ ...DEFAULT_AUTH_PARAMS, txSigLimit: 3n });
  });

  it("another signer: gov ErrInvalidSigner (gov/13)", () => {
    const { msg } = route();
    expect(thrown(() => msg(OTHER).execute(createTestContext()))).toMatchObject({
      codespace: "gov",
      code: 13,
      message: `invalid authority; expected ${GOV}, got ${OTHER}: expected gov account as only signer for proposal message`,
    });
  });

  const INVALID = [
    { name: "bad authority", authority: "st1xyz", params: DEFAULT_AUTH_PARAMS, codespace: "undefined", code: 1,
      text: "invalid authority address: decoding bech32 failed: invalid bech32 string length 6" },
    { name: "empty authority payload", authority: "st14tqf0h", params: DEFAULT_AUTH_PARAMS, codespace: "sdk", code: 9,
      text: "invalid authority address: addresses cannot be empty: unknown address" },
    { name: "invalid params", authority: GOV, params: { ...DEFAULT_AUTH_PARAMS, maxMemoCharacters: 0n }, codespace: "undefined", code: 1,
      text: "invalid max memo characters: 0" },
  ] as const;
  it.each(INVALID)("ValidateBasic refuses $name", ({ authority, params, codespace, code, text }) => {
    const { msg } = route();
    expect(thrown(() => msg(authority, params).validateBasic())).toMatchObject({ codespace, code, message: text });
  });
});
