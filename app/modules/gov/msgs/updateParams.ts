/**
 * `cosmos.gov.v1.MsgUpdateParams` (spec-staking §5.3): the gov account replaces gov's params,
 * validated as the reference does (min_deposit a non-empty valid set, both periods > 0, quorum in
 * [0, 1], threshold and veto threshold in (0, 1], min_initial_deposit_ratio in [0, 1]).
 */
import { create, fromBinary } from "@bufbuild/protobuf";
import { ErrInvalidAddress, plainError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { ParamsSchema } from "../../../codec/cosmos/gov/v1/gov_pb.js";
import { type MsgUpdateParams, MsgUpdateParamsResponseSchema, MsgUpdateParamsSchema } from "../../../codec/cosmos/gov/v1/tx_pb.js";
import { emptyResponse, typeUrlOf } from "../../register/msgs/common.js";
import { accountProblem, signerOf } from "../addresses.js";
import { ErrInvalidSigner } from "../errors.js";
import type { GovKeeper } from "../keeper.js";
import { type GovParams, govParamsFromProto, validateGovParams } from "../params.js";

interface Decoded {
  readonly msg: MsgUpdateParams;
  readonly params: GovParams;
}

export function updateParamsRoute(k: GovKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgUpdateParamsSchema),
    schema: MsgUpdateParamsSchema,
    decode(bytes) {
      const msg = fromBinary(MsgUpdateParamsSchema, bytes);
      // A missing (non-nullable) params message is Go's zero Params, which validation refuses.
      return { msg, params: govParamsFromProto(msg.params ?? create(ParamsSchema)) };
    },
    validateBasic({ msg, params }) {
      const problem = accountProblem(msg.authority);
      if (problem !== undefined) throw ErrInvalidAddress.wrap(`invalid authority address: ${problem.message}`);
      const invalid = validateGovParams(params);
      if (invalid !== undefined) throw plainError(invalid);
    },
    signers: ({ msg }) => [signerOf(msg.authority)],
    handle(ctx, { msg, params }) {
      if (msg.authority !== k.deps.authority) throw ErrInvalidSigner.wrap(`invalid authority; expected ${k.deps.authority}, got ${msg.authority}`);
      k.setParams(ctx, params);
      return emptyResponse(MsgUpdateParamsResponseSchema);
    },
  });
}
