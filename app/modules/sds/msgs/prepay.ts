/**
 * MsgPrepay (spec-sds §4.2): a user buys traffic credit (noz) with bond-denom tokens. The tokens go to
 * `total_unissued_prepay` (Pt), Lt drops by the noz bought, and meta nodes credit `beneficiary`
 * off-chain from EventPrePay.
 *
 * Beyond the reference (§4.2.1 R:, §10 item 6): `amount` must be a valid coin set (sorted, unique,
 * valid denoms, positive amounts). The reference accepts any list, so an unsorted one could hide the
 * bond coin (the tokens are then not taken and nothing is bought) and a negative one panics.
 */
import { fromBinary } from "@bufbuild/protobuf";
import { ErrInsufficientFunds, ErrInvalidCoins, ErrPanic, TxError } from "../../../baseapp/errors.js";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventPrePaySchema } from "../../../codec/stratos/sds/v1/event_pb.js";
import { type MsgPrepay, MsgPrepayResponseSchema, MsgPrepaySchema } from "../../../codec/stratos/sds/v1/tx_pb.js";
import { AddressError, BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../../crypto/address.js";
import { coin, Coins, validateCoinList } from "../../../math/coins.js";
import { DivisionByZeroError } from "../../../math/dec.js";
import { unmarshalIntText } from "../../../math/int.js";
import { emptyResponse, signerBytes, typeUrlOf } from "../../register/msgs/common.js";
import { ErrInvalidBeneficiaryAddr, ErrInvalidSenderAddr, ErrPrepayFailure } from "../errors.js";
import type { SdsKeeper } from "../keeper.js";
import { NotEnoughOzoneLimitError, prepay } from "../logic/prepay.js";

/** register's pool that holds Pt. */
const TOTAL_UNISSUED_PREPAY = "total_unissued_prepay";

interface Decoded {
  readonly msg: MsgPrepay;
  /** The coins as sent; amounts parsed as gogoproto does ("" → 0). */
  readonly amount: ReadonlyArray<{ readonly denom: string; readonly amount: bigint }>;
}

const isAccount = (text: string): boolean => {
  try {
    parseBech32Address(text, BECH32_PREFIX.account);
    return true;
  } catch (e) {
    if (e instanceof AddressError) return false;
    throw e;
  }
};

/** SDK `Coins.String()` of the raw list: "<amount><denom>" joined with ","; "" for none. */
const coinsText = (list: Decoded["amount"]): string => list.map((c) => `${c.amount}${c.denom}`).join(",");

export function validatePrepay({ msg, amount }: Decoded): void {
  if (!isAccount(msg.sender)) throw ErrInvalidSenderAddr;
  if (!isAccount(msg.beneficiary)) throw ErrInvalidBeneficiaryAddr;
  if (amount.every((c) => c.amount === 0n)) throw ErrInvalidCoins.wrap("missing amount to send");
  const problem = validateCoinList(amount.map((c) => ({ denom: c.denom, amount: c.amount })));
  if (problem !== undefined) throw ErrInvalidCoins.wrap(`${coinsText(amount)}: ${problem}`);
}

export function prepayRoute(k: SdsKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgPrepaySchema),
    schema: MsgPrepaySchema,
    decode(bytes) {
      const msg = fromBinary(MsgPrepaySchema, bytes);
      return { msg, amount: msg.amount.map((c) => ({ denom: c.denom, amount: unmarshalIntText(c.amount) ?? 0n })) };
    },
    validateBasic: validatePrepay,
    signers: ({ msg }) => [signerBytes(msg.sender)],
    handle(ctx, { msg, amount }) {
      const sender = parseBech32Address(msg.sender, BECH32_PREFIX.account);
      const denom = k.getParams(ctx).bondDenom;
      const x = amount.find((c) => c.denom === denom)?.amount ?? 0n;
      let purchased: bigint;
      try {
        if (k.bank.getBalance(ctx, sender, denom).amount < x) {
          throw ErrInsufficientFunds.wrap(`Insufficient balance in the acc ${formatBech32Address(sender, BECH32_PREFIX.account)}`);
        }
        const result = prepay(k.prepayParams(ctx), x);
        purchased = result.purchased;
        // X = 0 is an empty coin set: the transfer moves nothing but bank still emits its events.
        k.bank.sendCoinsFromAccountToModule(ctx, sender, TOTAL_UNISSUED_PREPAY, x === 0n ? Coins.EMPTY : Coins.of(coin(denom, x)));
        k.register.setRemainingOzoneLimit(ctx, result.remainingLt);
      } catch (e) {
        if (e instanceof NotEnoughOzoneLimitError) throw ErrPrepayFailure.wrap("not enough remaining ozone limit to complete prepay");
        // S + Pt + X = 0: the reference's Dec division panics.
        if (e instanceof DivisionByZeroError) throw ErrPanic.wrap(e.message);
        if (e instanceof TxError && !ErrPanic.is(e)) throw ErrPrepayFailure.wrap(e.message);
        throw e;
      }
      ctx.emit(typedEvent(EventPrePaySchema, {
        sender: msg.sender,
        beneficiary: msg.beneficiary,
        amount: coinsText(amount),
        purchasedNoz: purchased.toString(),
      }));
      return emptyResponse(MsgPrepayResponseSchema);
    },
  });
}
