/** MsgFoundationDeposit (spec-pot §4.3): anyone adds to the mining reserve in foundation_account. */
import { fromBinary } from "@bufbuild/protobuf";
import { TxError } from "../../../baseapp/errors.js";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventFoundationDepositSchema } from "../../../codec/stratos/pot/v1/event_pb.js";
import { type MsgFoundationDeposit, MsgFoundationDepositResponseSchema, MsgFoundationDepositSchema } from "../../../codec/stratos/pot/v1/tx_pb.js";
import { type Coin, coin, Coins, validateCoinList } from "../../../math/coins.js";
import { unmarshalIntText } from "../../../math/int.js";
import { emptyResponse, signerBytes, typeUrlOf } from "../../register/msgs/common.js";
import { ErrEmptyFromAddr, ErrFoundationDepositAmountInvalid, ErrFoundationDepositFailure, ErrInvalidAddress } from "../errors.js";
import { POT_ACCOUNT, type PotKeeper } from "../keeper.js";
import { BECH32_PREFIX, parseOr, parses } from "./addresses.js";

interface Decoded {
  readonly msg: MsgFoundationDeposit;
  readonly amount: readonly Coin[];
}

export function validateFoundationDeposit({ msg, amount }: Decoded): void {
  if (validateCoinList(amount) !== undefined) throw ErrFoundationDepositAmountInvalid; // an empty list is valid
  if (msg.from === "") throw ErrEmptyFromAddr;
  if (!parses(msg.from, BECH32_PREFIX.account)) throw ErrInvalidAddress;
}

export function foundationDepositRoute(k: PotKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgFoundationDepositSchema),
    schema: MsgFoundationDepositSchema,
    decode(bytes) {
      const msg = fromBinary(MsgFoundationDepositSchema, bytes);
      return { msg, amount: msg.amount.map((c) => coin(c.denom, unmarshalIntText(c.amount) ?? 0n)) };
    },
    validateBasic: validateFoundationDeposit,
    signers: ({ msg }) => [signerBytes(msg.from)],
    handle(ctx, { msg, amount }) {
      const from = parseOr(msg.from, BECH32_PREFIX.account, ErrInvalidAddress);
      const coins = Coins.fromArray(amount);
      try {
        k.bank.sendCoinsFromAccountToModule(ctx, from, POT_ACCOUNT.foundation, coins);
      } catch (e) {
        if (e instanceof TxError) throw ErrFoundationDepositFailure.wrap(e.message);
        throw e;
      }
      ctx.emit(typedEvent(EventFoundationDepositSchema, { amount: coins.toString() }));
      return emptyResponse(MsgFoundationDepositResponseSchema);
    },
  });
}
