/**
 * What every register message handler shares: type URLs from the generated descriptors, the empty
 * response, signer parsing, the block time, and reading Int text the way gogoproto does.
 */
import { create, type DescMessage, type MessageShape, toBinary } from "@bufbuild/protobuf";
import type { Context } from "../../../baseapp/context.js";
import { ErrPanic } from "../../../baseapp/errors.js";
import type { MsgResponse } from "../../../baseapp/msgs.js";
import { ed25519Address } from "../../../crypto/ed25519.js";
import { PubKeySchema as Ed25519PubKeySchema } from "../../../codec/cosmos/crypto/ed25519/keys_pb.js";
import { PubKeySchema as Secp256k1PubKeySchema } from "../../../codec/cosmos/crypto/secp256k1/keys_pb.js";
import { PubKeySchema as EthSecp256k1PubKeySchema } from "../../../codec/stratos/crypto/v1/ethsecp256k1/keys_pb.js";
import { fromBinary } from "@bufbuild/protobuf";
import { ethAddressFromPubKey } from "../../../crypto/ethSecp256k1.js";
import { cosmosAddressFromPubKey } from "../../../crypto/secp256k1.js";
import { unmarshalIntText } from "../../../math/int.js";
import { parseAcc } from "../addresses.js";
import { fromTimestamp, type UnixNanos } from "../logic/time.js";
import type { BlockTime } from "../unbonding.js";
import { AddressError } from "../../../crypto/address.js";
import { equalBytes } from "../../../store/bytes.js";
import { InvalidKeyError } from "../../../crypto/keyErrors.js";

export const typeUrlOf = (schema: DescMessage): string => `/${schema.typeName}`;

/** The empty `Msg…Response` every register message returns. */
export function emptyResponse<Desc extends DescMessage>(schema: Desc): MsgResponse {
  return { typeUrl: typeUrlOf(schema), value: toBinary(schema, create(schema) as MessageShape<Desc>) };
}

/** `GetSigners`: the parsed account, or Go's nil (empty) when it does not parse (ValidateBasic refused it first). */
export function signerBytes(text: string): Uint8Array {
  try {
    return parseAcc(text);
  } catch (e) {
    if (e instanceof AddressError) return new Uint8Array();
    throw e;
  }
}

export function blockTime(ctx: Context): UnixNanos {
  return fromTimestamp(ctx.header.time);
}

export function blockOf(ctx: Context): BlockTime {
  return { height: ctx.header.height, time: blockTime(ctx) };
}

/**
 * A `math.Int` field of a message as gogoproto decodes it: "" is a nil Int, read as 0 so validation
 * refuses it with its regular error (spec-register §10 Q22 R:); other text that is not an integer
 * fails decoding (the tx is refused with code 2).
 */
export function intField(text: string): bigint {
  return unmarshalIntText(text) ?? 0n;
}

/**
 * `pubkey.Address()` of a `cosmos.crypto.PubKey` Any, for the network-address check of the create
 * messages. The tx decoder already refused unknown type URLs (the SDK cannot unpack them); a missing
 * key dereferences nil in the reference (a panic: code 111222).
 */
export function pubKeyAddress(any: { typeUrl: string; value: Uint8Array } | undefined): Uint8Array {
  if (any === undefined) throw ErrPanic.wrap("runtime error: invalid memory address or nil pointer dereference (missing pubkey)");
  try {
    return addressOfKey(any);
  } catch (e) {
    // A key of the wrong size makes the reference's Address() panic.
    if (e instanceof InvalidKeyError) throw ErrPanic.wrap(e.message);
    throw e;
  }
}

function addressOfKey(any: { typeUrl: string; value: Uint8Array }): Uint8Array {
  switch (any.typeUrl) {
    case typeUrlOf(Ed25519PubKeySchema):
      return ed25519Address(fromBinary(Ed25519PubKeySchema, any.value).key);
    case typeUrlOf(Secp256k1PubKeySchema):
      return cosmosAddressFromPubKey(fromBinary(Secp256k1PubKeySchema, any.value).key);
    case typeUrlOf(EthSecp256k1PubKeySchema):
      return ethAddressFromPubKey(fromBinary(EthSecp256k1PubKeySchema, any.value).key);
    default:
      throw ErrPanic.wrap(`cannot derive an address from a ${any.typeUrl}`);
  }
}

/** Lowercase hex of the raw key bytes (the `pubkey` attribute of EventCreateResourceNode). */
export function pubKeyHex(any: { typeUrl: string; value: Uint8Array } | undefined): string {
  if (any === undefined) return "";
  // Every single-key type is { bytes key = 1 }.
  return Buffer.from(fromBinary(Ed25519PubKeySchema, any.value).key).toString("hex");
}

/** The key types register messages may carry in `pubkey` (the tx decoder resolves these). */
export const NODE_PUBKEY_SCHEMAS = [Ed25519PubKeySchema, Secp256k1PubKeySchema, EthSecp256k1PubKeySchema] as const;

/**
 * The reference's owner check `storedOwner.Equals(signer)` on address bytes: a stored owner string
 * that does not parse owns nothing.
 */
export function ownedBy(storedOwner: string, signer: Uint8Array): boolean {
  try {
    return equalBytes(parseAcc(storedOwner), signer);
  } catch (e) {
    if (e instanceof AddressError) return false;
    throw e;
  }
}
