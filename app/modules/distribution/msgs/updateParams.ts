/**
 * MsgUpdateParams (spec-staking §2.6, §15 item 9): the gov module account replaces the distribution
 * params. The deprecated proposer-reward params must be absent or zero (a plain error, code 1, in
 * ValidateBasic), so a proposal copying mainnet's params verbatim (0.01 / 0.04) fails.
 */
import { create, fromBinary } from "@bufbuild/protobuf";
import { ErrGovInvalidSigner, ErrInvalidRequest, ErrPanic, plainError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { ParamsSchema } from "../../../codec/cosmos/distribution/v1beta1/distribution_pb.js";
import { type MsgUpdateParams, MsgUpdateParamsResponseSchema, MsgUpdateParamsSchema } from "../../../codec/cosmos/distribution/v1beta1/tx_pb.js";
import { parseAcc, requireAddress, signerOf } from "../addresses.js";
import type { DistributionKeeper } from "../keeper.js";
import { usesDeprecatedProposerRewards, validateDistributionParams } from "../params.js";
import { paramsFromProto } from "../store.js";
import type { DistributionParams } from "../types.js";
import { emptyResponse, typeUrlOf } from "./common.js";

interface Decoded {
  readonly msg: MsgUpdateParams;
  readonly params: DistributionParams;
  /** `community_tax` absent: a nil Dec, which the reference's validation dereferences (a panic). */
  readonly communityTaxMissing: boolean;
}

export function updateParamsRoute(k: DistributionKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgUpdateParamsSchema),
    schema: MsgUpdateParamsSchema,
    decode(bytes) {
      const msg = fromBinary(MsgUpdateParamsSchema, bytes);
      const proto = msg.params ?? create(ParamsSchema);
      return { msg, params: paramsFromProto(proto), communityTaxMissing: proto.communityTax === "" };
    },
    validateBasic({ msg, params, communityTaxMissing }) {
      if (usesDeprecatedProposerRewards(params)) throw plainError("base and bonus proposer reward are deprecated fields and should not be used");
      requireAddress(parseAcc, msg.authority, "authority");
      if (communityTaxMissing) throw ErrPanic.wrap("community tax must be not nil");
      const problem = validateDistributionParams(params);
      if (problem !== undefined) throw plainError(problem);
    },
    signers: ({ msg }) => [signerOf(parseAcc, msg.authority)],
    handle(ctx, { msg, params }) {
      if (msg.authority !== k.deps.authority) {
        throw ErrGovInvalidSigner.wrap(`invalid authority; expected ${k.deps.authority}, got ${msg.authority}`);
      }
      if (usesDeprecatedProposerRewards(params)) {
        throw ErrInvalidRequest.wrap("cannot update base or bonus proposer reward because these are deprecated fields");
      }
      k.setParams(ctx, params);
      return emptyResponse(MsgUpdateParamsResponseSchema);
    },
  });
}
