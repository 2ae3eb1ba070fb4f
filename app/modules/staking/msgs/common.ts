/**
 * What staking's message handlers share: type URLs and empty responses from the generated schemas,
 * address parsing with the SDK's ValidateBasic errors, coin fields read as gogoproto reads them, and
 * the Go texts of coins and times.
 */
import { create, type DescMessage, type MessageShape, toBinary } from "@bufbuild/protobuf";
import { ErrInvalidAddress, plainError } from "../../../baseapp/errors.js";
import type { MsgResponse } from "../../../baseapp/msgs.js";
import { AddressError } from "../../../crypto/address.js";
import { isValidDenom } from "../../../math/coins.js";
import { unmarshalIntText } from "../../../math/int.js";
import { parseAcc, parseVal } from "../store.js";

export const typeUrlOf = (schema: DescMessage): string => `/${schema.typeName}`;

export function emptyResponse<Desc extends DescMessage>(schema: Desc): MsgResponse {
  return { typeUrl: typeUrlOf(schema), value: toBinary(schema, create(schema) as MessageShape<Desc>) };
}

/** `GetSigners`: the parsed account, or Go's nil (empty) when it does not parse (ValidateBasic refused it first). */
export function signerOf(text: string, parse: (t: string) => Uint8Array = parseAcc): Uint8Array {
  try {
    return parse(text);
  } catch (e) {
    if (e instanceof AddressError) return new Uint8Array();
    throw e;
  }
}

/** ValidateBasic's `ErrInvalidAddress.Wrapf("invalid <what> address: %s", err)`. */
function validAddress(parse: (t: string) => Uint8Array, text: string, what: string): Uint8Array {
  try {
    return parse(text);
  } catch (e) {
    if (e instanceof AddressError) throw ErrInvalidAddress.wrap(`invalid ${what} address: ${e.message}`);
    throw e;
  }
}

export const validAccAddress = (text: string, what = "delegator"): Uint8Array => validAddress(parseAcc, text, what);
export const validValAddress = (text: string, what = "validator"): Uint8Array => validAddress(parseVal, text, what);

/** An address inside a handler: the raw parse error, a plain Go error there (ValidateBasic ran first). */
function handlerAddress(parse: (t: string) => Uint8Array, text: string): Uint8Array {
  try {
    return parse(text);
  } catch (e) {
    if (e instanceof AddressError) throw plainError(e.message);
    throw e;
  }
}

export const accArg = (text: string): Uint8Array => handlerAddress(parseAcc, text);
export const valArg = (text: string): Uint8Array => handlerAddress(parseVal, text);

/** A non-nullable `cosmos.base.v1beta1.Coin` field: the amount is undefined where gogoproto leaves a nil Int. */
export interface CoinField {
  readonly denom: string;
  readonly amount: bigint | undefined;
}

/** Reads a coin as gogoproto decodes it. @throws IntParseError for amount text Go cannot read (a decode error). */
export function coinField(c: { denom: string; amount: string } | undefined): CoinField {
  return { denom: c?.denom ?? "", amount: unmarshalIntText(c?.amount ?? "") };
}

/** `coin.IsValid() && coin.Amount.IsPositive()`. */
export const isPositiveCoin = (c: CoinField): boolean => isValidDenom(c.denom) && c.amount !== undefined && c.amount > 0n;

/** The amount of a coin ValidateBasic accepted. */
export const amountOf = (c: CoinField): bigint => c.amount ?? 0n;

/** `Coin.String()`: "1500000000000000000wei". */
export const coinText = (c: CoinField): string => `${c.amount ?? 0n}${c.denom}`;

/** An optional `math.Int` field (MsgEditValidator): "" is nil. */
export const optionalInt = (text: string): bigint | undefined => unmarshalIntText(text);
