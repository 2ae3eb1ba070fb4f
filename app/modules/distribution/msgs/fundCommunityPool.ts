/**
 * MsgFundCommunityPool (spec-staking §2.6): any account adds coins to the community pool. An empty
 * amount is valid (the reference's `Coins.IsValid`); only bank events are emitted.
 */
import { fromBinary } from "@bufbuild/protobuf";
import { ErrInvalidCoins } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { MsgFundCommunityPoolResponseSchema, MsgFundCommunityPoolSchema } from "../../../codec/cosmos/distribution/v1beta1/tx_pb.js";
import { type MsgCoin, msgCoinsFromProto, msgCoinsString, toCoins } from "../../bank/logic/msgCoins.js";
import { handlerAddress, parseAcc, requireAddress, signerOf } from "../addresses.js";
import type { DistributionKeeper } from "../keeper.js";
import { emptyResponse, msgCoinsProblem, typeUrlOf } from "./common.js";

interface Decoded {
  readonly amount: readonly MsgCoin[];
  readonly depositor: string;
}

export function fundCommunityPoolRoute(k: DistributionKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgFundCommunityPoolSchema),
    schema: MsgFundCommunityPoolSchema,
    decode(bytes) {
      const m = fromBinary(MsgFundCommunityPoolSchema, bytes);
      return { amount: msgCoinsFromProto(m.amount), depositor: m.depositor };
    },
    validateBasic(msg) {
      if (msgCoinsProblem(msg.amount) !== undefined) throw ErrInvalidCoins.wrap(msgCoinsString(msg.amount));
      requireAddress(parseAcc, msg.depositor, "depositor");
    },
    signers: (msg) => [signerOf(parseAcc, msg.depositor)],
    handle(ctx, msg) {
      k.fundCommunityPool(ctx, toCoins(msg.amount), handlerAddress(parseAcc, msg.depositor));
      return emptyResponse(MsgFundCommunityPoolResponseSchema);
    },
  });
}
