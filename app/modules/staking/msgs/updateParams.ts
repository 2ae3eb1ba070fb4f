/**
 * MsgUpdateParams (spec-staking §1.4): the gov module account replaces the staking params. Beyond the
 * reference (docs/deviations.md "staking"): the bond denom cannot change, since every pool balance
 * and validator token count is read in it.
 */
import { create, fromBinary } from "@bufbuild/protobuf";
import { ErrGovInvalidSigner, ErrInvalidRequest, plainError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { ParamsSchema } from "../../../codec/cosmos/staking/v1beta1/staking_pb.js";
import { type MsgUpdateParams, MsgUpdateParamsResponseSchema, MsgUpdateParamsSchema } from "../../../codec/cosmos/staking/v1beta1/tx_pb.js";
import { AddressError } from "../../../crypto/address.js";
import type { StakingKeeper } from "../keeper.js";
import { paramsFromProto, validateStakingParams } from "../params.js";
import { parseAcc } from "../store.js";
import type { StakingParams } from "../types.js";
import { emptyResponse, signerOf, typeUrlOf } from "./common.js";

interface Decoded {
  readonly msg: MsgUpdateParams;
  readonly params: StakingParams;
}

export function validateUpdateParams({ msg, params }: Decoded): void {
  try {
    parseAcc(msg.authority);
  } catch (e) {
    if (e instanceof AddressError) throw plainError(`invalid authority address: ${e.message}`);
    throw e;
  }
  const problem = validateStakingParams(params);
  if (problem !== undefined) throw plainError(problem);
}

export function updateParamsRoute(k: StakingKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgUpdateParamsSchema),
    schema: MsgUpdateParamsSchema,
    decode(bytes) {
      const msg = fromBinary(MsgUpdateParamsSchema, bytes);
      // A missing (non-nullable) params message is Go's zero Params, which validation refuses.
      return { msg, params: paramsFromProto(msg.params ?? create(ParamsSchema)) };
    },
    validateBasic: validateUpdateParams,
    signers: ({ msg }) => [signerOf(msg.authority)],
    handle(ctx, { msg, params }) {
      if (msg.authority !== k.deps.authority) {
        throw ErrGovInvalidSigner.wrap(`invalid authority; expected ${k.deps.authority}, got ${msg.authority}`);
      }
      const current = k.bondDenom(ctx);
      if (current !== "" && params.bondDenom !== current) {
        throw ErrInvalidRequest.wrap(`bond_denom cannot be changed from ${current} to ${params.bondDenom}`);
      }
      k.setParams(ctx, params);
      return emptyResponse(MsgUpdateParamsResponseSchema);
    },
  });
}
