/**
 * What the distribution message handlers share: type URLs from the generated descriptors, empty and
 * coin-list responses, and the SDK's `Coins` checks on message coins.
 */
import { create, type DescMessage, type MessageShape, toBinary } from "@bufbuild/protobuf";
import type { MsgResponse } from "../../../baseapp/msgs.js";
import { isValidDenom } from "../../../math/coins.js";
import { type MsgCoin, nilPointerPanic } from "../../bank/logic/msgCoins.js";

export const typeUrlOf = (schema: DescMessage): string => `/${schema.typeName}`;

/** The empty `Msg…Response`. */
export function emptyResponse<Desc extends DescMessage>(schema: Desc): MsgResponse {
  return { typeUrl: typeUrlOf(schema), value: toBinary(schema, create(schema) as MessageShape<Desc>) };
}

/**
 * SDK `Coins.Validate()` on message coins as given: the reference's text, or undefined. A missing
 * amount (Go's nil Int) panics where Go dereferences it.
 */
export function msgCoinsProblem(list: readonly MsgCoin[]): string | undefined {
  let low: string | undefined;
  for (const c of list) {
    if (!isValidDenom(c.denom)) return `invalid denom: ${c.denom}`;
    if (c.amount === undefined) throw nilPointerPanic();
    if (low === undefined) {
      if (c.amount <= 0n) return `coin ${c.amount}${c.denom} amount is not positive`;
    } else {
      if (c.denom < low) return `denomination ${c.denom} is not sorted`;
      if (c.denom === low) return `duplicate denomination ${c.denom}`;
      if (c.amount <= 0n) return `coin ${c.denom} amount is not positive`;
    }
    low = c.denom;
  }
  return undefined;
}
