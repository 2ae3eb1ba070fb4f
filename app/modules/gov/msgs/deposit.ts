/** `cosmos.gov.v1.MsgDeposit` (spec-staking §5.3). */
import { fromBinary } from "@bufbuild/protobuf";
import type { Context } from "../../../baseapp/context.js";
import { ErrInvalidAddress } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { type MsgDeposit, MsgDepositResponseSchema, MsgDepositSchema } from "../../../codec/cosmos/gov/v1/tx_pb.js";
import { emptyResponse, typeUrlOf } from "../../register/msgs/common.js";
import { accountProblem, parseAccount, signerOf } from "../addresses.js";
import { type MsgCoin, msgCoins, newCoinsGo } from "../coins.js";
import { addDeposit } from "../deposits.js";
import { depositVotingStartEvent } from "../events.js";
import type { GovKeeper } from "../keeper.js";

interface Decoded {
  readonly msg: MsgDeposit;
  readonly amount: readonly MsgCoin[];
}

/** v1 and v1beta1 both end here (`msgServer.Deposit`). */
export function handleDeposit(k: GovKeeper, ctx: Context, id: bigint, depositorText: string, amount: readonly MsgCoin[]): void {
  const depositor = parseAccount(depositorText);
  const coins = amount.map((c) => ({ denom: c.denom, amount: c.amount ?? 0n }));
  if (addDeposit(k, ctx, id, depositor, coins)) ctx.emit(depositVotingStartEvent(id));
}

export function depositRoute(k: GovKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgDepositSchema),
    schema: MsgDepositSchema,
    decode(bytes) {
      const msg = fromBinary(MsgDepositSchema, bytes);
      return { msg, amount: msgCoins(msg.amount) };
    },
    validateBasic({ msg, amount }) {
      const problem = accountProblem(msg.depositor);
      if (problem !== undefined) throw ErrInvalidAddress.wrap(`invalid depositor address: ${problem.message}`);
      newCoinsGo(amount);
    },
    signers: ({ msg }) => [signerOf(msg.depositor)],
    handle(ctx, { msg, amount }) {
      handleDeposit(k, ctx, msg.proposalId, msg.depositor, amount);
      return emptyResponse(MsgDepositResponseSchema);
    },
  });
}
