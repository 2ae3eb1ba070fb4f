/**
 * MsgUpdateParams of mint (spec-staking §6): the gov module account replaces the params. ValidateBasic
 * checks the authority address (`errors.Wrap(err, "invalid authority address")`: the parse error's
 * code, log "invalid authority address: <error>") and the params (a plain error, code 1).
 */
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { addressTxError } from "../../../baseapp/addressErrors.js";
import { ErrGovInvalidSigner, plainError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { ParamsSchema } from "../../../codec/cosmos/mint/v1beta1/mint_pb.js";
import { type MsgUpdateParams, MsgUpdateParamsResponseSchema, MsgUpdateParamsSchema } from "../../../codec/cosmos/mint/v1beta1/tx_pb.js";
import { AddressError, BECH32_PREFIX, parseBech32Address } from "../../../crypto/address.js";
import type { MintKeeper } from "../keeper.js";
import { validateMintParams } from "../params.js";
import { paramsInputFromProto } from "../store.js";
import type { MintParams, MintParamsInput } from "../types.js";

interface Decoded {
  readonly msg: MsgUpdateParams;
  readonly params: MintParamsInput;
}

const typeUrl = `/${MsgUpdateParamsSchema.typeName}`;

export function updateParamsRoute(k: MintKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl,
    schema: MsgUpdateParamsSchema,
    decode(bytes) {
      const msg = fromBinary(MsgUpdateParamsSchema, bytes);
      return { msg, params: paramsInputFromProto(msg.params ?? create(ParamsSchema)) };
    },
    validateBasic({ msg, params }) {
      try {
        parseBech32Address(msg.authority, BECH32_PREFIX.account);
      } catch (e) {
        throw addressTxError(e).wrap("invalid authority address");
      }
      const problem = validateMintParams(params);
      if (problem !== undefined) throw plainError(problem);
    },
    signers({ msg }) {
      try {
        return [parseBech32Address(msg.authority, BECH32_PREFIX.account)];
      } catch (e) {
        if (e instanceof AddressError) return [new Uint8Array()];
        throw e;
      }
    },
    handle(ctx, { msg, params }) {
      if (msg.authority !== k.deps.authority) {
        throw ErrGovInvalidSigner.wrap(`invalid authority; expected ${k.deps.authority}, got ${msg.authority}`);
      }
      k.setParams(ctx, params as MintParams);
      return { typeUrl: `/${MsgUpdateParamsResponseSchema.typeName}`, value: toBinary(MsgUpdateParamsResponseSchema, create(MsgUpdateParamsResponseSchema)) };
    },
  });
}
