/** MsgWithdraw (spec-pot §4.2): a wallet withdraws matured rewards from total_reward_pool to any account. */
import { fromBinary } from "@bufbuild/protobuf";
import { TxError } from "../../../baseapp/errors.js";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventWithdrawSchema } from "../../../codec/stratos/pot/v1/event_pb.js";
import { type MsgWithdraw, MsgWithdrawResponseSchema, MsgWithdrawSchema } from "../../../codec/stratos/pot/v1/tx_pb.js";
import { type Coin, coin, Coins, validateCoinList } from "../../../math/coins.js";
import { unmarshalIntText } from "../../../math/int.js";
import { emptyResponse, signerBytes, typeUrlOf } from "../../register/msgs/common.js";
import {
  ErrInsufficientMatureTotal, ErrInvalidAddress, ErrMissingTargetAddress, ErrMissingWalletAddress, ErrWithdrawAmountInvalid, ErrWithdrawFailure,
} from "../errors.js";
import { POT_ACCOUNT, type PotKeeper } from "../keeper.js";
import { BECH32_PREFIX, parseOr, parses } from "./addresses.js";

interface Decoded {
  readonly msg: MsgWithdraw;
  readonly amount: readonly Coin[];
}

const coinsText = (list: readonly Coin[]): string => list.map((c) => `${c.amount}${c.denom}`).join(",");

export function validateWithdraw({ msg, amount }: Decoded): void {
  if (validateCoinList(amount) !== undefined) throw ErrWithdrawAmountInvalid; // an empty list is valid
  if (msg.walletAddress === "") throw ErrMissingWalletAddress;
  if (msg.targetAddress === "") throw ErrMissingTargetAddress;
  if (!parses(msg.walletAddress, BECH32_PREFIX.account)) throw ErrInvalidAddress;
}

export function withdrawRoute(k: PotKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgWithdrawSchema),
    schema: MsgWithdrawSchema,
    decode(bytes) {
      const msg = fromBinary(MsgWithdrawSchema, bytes);
      return { msg, amount: msg.amount.map((c) => coin(c.denom, unmarshalIntText(c.amount) ?? 0n)) };
    },
    validateBasic: validateWithdraw,
    signers: ({ msg }) => [signerBytes(msg.walletAddress)],
    handle(ctx, { msg, amount }) {
      const wallet = parseOr(msg.walletAddress, BECH32_PREFIX.account, ErrInvalidAddress);
      const target = parseOr(msg.targetAddress, BECH32_PREFIX.account, ErrInvalidAddress);
      const coins = Coins.fromArray(amount);
      try {
        const mature = k.getMatureTotal(ctx, wallet);
        if (!mature.isAllGTE(coins)) throw ErrInsufficientMatureTotal;
        k.bank.sendCoinsFromModuleToAccount(ctx, POT_ACCOUNT.totalRewardPool, target, coins);
        k.setMatureTotal(ctx, wallet, mature.sub(coins));
      } catch (e) {
        if (e instanceof TxError) throw ErrWithdrawFailure.wrap(e.message);
        throw e;
      }
      ctx.emit(typedEvent(EventWithdrawSchema, { amount: coinsText(amount), walletAddress: msg.walletAddress, targetAddress: msg.targetAddress }));
      return emptyResponse(MsgWithdrawResponseSchema);
    },
  });
}
