/**
 * MsgCommunityPoolSpend (spec-staking §2.6): the gov module account pays coins out of the community
 * pool. Wrong authority → gov 13, blocked recipient → sdk 4, pool too small → distribution 9.
 */
import { fromBinary } from "@bufbuild/protobuf";
import { ErrGovInvalidSigner, ErrUnauthorized, plainError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { MsgCommunityPoolSpendResponseSchema, MsgCommunityPoolSpendSchema } from "../../../codec/cosmos/distribution/v1beta1/tx_pb.js";
import { type MsgCoin, msgCoinsFromProto, toCoins } from "../../bank/logic/msgCoins.js";
import { handlerAddress, parseAcc, requireAddress, signerOf } from "../addresses.js";
import type { DistributionKeeper } from "../keeper.js";
import { emptyResponse, msgCoinsProblem, typeUrlOf } from "./common.js";

interface Decoded {
  readonly authority: string;
  readonly recipient: string;
  readonly amount: readonly MsgCoin[];
}

export function communityPoolSpendRoute(k: DistributionKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgCommunityPoolSpendSchema),
    schema: MsgCommunityPoolSpendSchema,
    decode(bytes) {
      const m = fromBinary(MsgCommunityPoolSpendSchema, bytes);
      return { authority: m.authority, recipient: m.recipient, amount: msgCoinsFromProto(m.amount) };
    },
    validateBasic(msg) {
      requireAddress(parseAcc, msg.authority, "authority");
      // `Coins.Validate()`'s error is returned unwrapped: a plain error (code 1).
      const problem = msgCoinsProblem(msg.amount);
      if (problem !== undefined) throw plainError(problem);
    },
    signers: (msg) => [signerOf(parseAcc, msg.authority)],
    handle(ctx, msg) {
      if (msg.authority !== k.deps.authority) {
        throw ErrGovInvalidSigner.wrap(`invalid authority; expected ${k.deps.authority}, got ${msg.authority}`);
      }
      // The recipient is checked only here, with the parse error itself (sdk 9 or code 1).
      const recipient = handlerAddress(parseAcc, msg.recipient);
      if (k.bank.blockedAddr(recipient)) throw ErrUnauthorized.wrap(`${msg.recipient} is not allowed to receive external funds`);
      k.distributeFromFeePool(ctx, toCoins(msg.amount), recipient);
      return emptyResponse(MsgCommunityPoolSpendResponseSchema);
    },
  });
}
