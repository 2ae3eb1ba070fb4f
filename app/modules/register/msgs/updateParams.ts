/**
 * MsgUpdateParams (spec-register §4.12): the gov module account replaces all register params.
 * Beyond the reference (§10 Q15 R:): the minimum deposit must be in the bond denom, and the bond denom
 * cannot change (every pool balance and Pt would be read in the new denom).
 */
import { create, fromBinary } from "@bufbuild/protobuf";
import { ErrGovInvalidSigner, plainError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { ParamsSchema } from "../../../codec/stratos/register/v1/register_pb.js";
import { type MsgUpdateParams, MsgUpdateParamsResponseSchema, MsgUpdateParamsSchema } from "../../../codec/stratos/register/v1/tx_pb.js";
import { AddressError } from "../../../crypto/address.js";
import { parseAcc } from "../addresses.js";
import { ErrInvalid } from "../errors.js";
import type { RegisterKeeper } from "../keeper.js";
import { paramsFromProto, type RegisterParams, validateRegisterParams } from "../params.js";
import { emptyResponse, signerBytes, typeUrlOf } from "./common.js";

interface Decoded {
  readonly msg: MsgUpdateParams;
  readonly params: RegisterParams;
}

export function validateUpdateParams({ msg, params }: Decoded): void {
  try {
    parseAcc(msg.authority);
  } catch (e) {
    if (e instanceof AddressError) throw plainError(e.message);
    throw e;
  }
  const problem = validateRegisterParams(params);
  if (problem !== undefined) throw plainError(problem);
}

export function updateParamsRoute(k: RegisterKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgUpdateParamsSchema),
    schema: MsgUpdateParamsSchema,
    decode(bytes) {
      const msg = fromBinary(MsgUpdateParamsSchema, bytes);
      // A missing (non-nullable) params message is Go's zero Params, which validation refuses.
      return { msg, params: paramsFromProto(msg.params ?? create(ParamsSchema)) };
    },
    validateBasic: validateUpdateParams,
    signers: ({ msg }) => [signerBytes(msg.authority)],
    handle(ctx, { msg, params }) {
      if (msg.authority !== k.deps.authority) {
        throw ErrGovInvalidSigner.wrap(`invalid authority; expected ${k.deps.authority}, got ${msg.authority}`);
      }
      const current = k.getParams(ctx).bondDenom;
      if (current !== "" && params.bondDenom !== current) {
        throw ErrInvalid.wrap(`bond_denom cannot be changed from ${current} to ${params.bondDenom}`);
      }
      k.setParams(ctx, params);
      return emptyResponse(MsgUpdateParamsResponseSchema);
    },
  });
}
