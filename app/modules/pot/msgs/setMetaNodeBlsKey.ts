/**
 * MsgSetMetaNodeBlsKey (beyond the reference; docs/deviations.md): a meta node's owner registers the
 * BLS public key the node signs volume reports with. In hardened mode (Params.require_registered_bls_keys)
 * only registered keys of bonded, unsuspended meta nodes count towards a report's threshold.
 *
 * Proof of possession: the key must sign `Keccak-256("stratos-ts/bls-pop" ‖ network address bytes ‖
 * public key)`. Without it, aggregate signatures over one message allow a rogue key: a node could
 * register pk − Σ(others' keys) and forge the others' agreement on its own.
 */
import { fromBinary } from "@bufbuild/protobuf";
import { typedEvent } from "../../../baseapp/events.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { EventSetMetaNodeBlsKeySchema } from "../../../codec/stratos/pot/v1/event_pb.js";
import { type MsgSetMetaNodeBlsKey, MsgSetMetaNodeBlsKeyResponseSchema, MsgSetMetaNodeBlsKeySchema } from "../../../codec/stratos/pot/v1/tx_pb.js";
import { blsVerify } from "../../../crypto/bls/index.js";
import { keccak256 } from "../../../crypto/hash.js";
import { concatBytes, equalBytes } from "../../../store/bytes.js";
import { emptyResponse, signerBytes, typeUrlOf } from "../../register/msgs/common.js";
import { ErrBLSKeyTaken, ErrBLSProofOfPossession, ErrInvalidAddress, ErrReporterAddressOrOwner } from "../errors.js";
import type { PotKeeper } from "../keeper.js";
import { accText, BECH32_PREFIX, parseOr, parses } from "./addresses.js";

const POP_DOMAIN = new TextEncoder().encode("stratos-ts/bls-pop");

/** What the BLS key signs to prove possession for `networkAddress`. */
export function blsProofOfPossessionMessage(networkAddress: Uint8Array, pubKey: Uint8Array): Uint8Array {
  return keccak256(concatBytes(POP_DOMAIN, networkAddress, pubKey));
}

export function validateSetMetaNodeBlsKey(msg: MsgSetMetaNodeBlsKey): void {
  if (!parses(msg.networkAddress, BECH32_PREFIX.sds)) throw ErrInvalidAddress.wrap("network address");
  if (!parses(msg.ownerAddress, BECH32_PREFIX.account)) throw ErrInvalidAddress.wrap("owner address");
  if (msg.pubKey.length !== 33 || msg.proofOfPossession.length !== 33) throw ErrBLSProofOfPossession.wrap("keys and signatures are 33 bytes");
}

export function setMetaNodeBlsKeyRoute(k: PotKeeper): MsgRoute {
  return msgRoute<MsgSetMetaNodeBlsKey>({
    typeUrl: typeUrlOf(MsgSetMetaNodeBlsKeySchema),
    schema: MsgSetMetaNodeBlsKeySchema,
    decode: (bytes) => fromBinary(MsgSetMetaNodeBlsKeySchema, bytes),
    validateBasic: validateSetMetaNodeBlsKey,
    signers: (msg) => [signerBytes(msg.ownerAddress)],
    handle(ctx, msg) {
      const node = parseOr(msg.networkAddress, BECH32_PREFIX.sds, ErrInvalidAddress);
      const owner = parseOr(msg.ownerAddress, BECH32_PREFIX.account, ErrInvalidAddress);
      if (k.register.getMetaNode(ctx, node)?.ownerAddress !== accText(owner)) throw ErrReporterAddressOrOwner;
      if (!blsVerify(blsProofOfPossessionMessage(node, msg.pubKey), msg.proofOfPossession, [msg.pubKey])) throw ErrBLSProofOfPossession;
      const holder = k.getBlsKeyOwner(ctx, msg.pubKey);
      if (holder !== undefined && !equalBytes(holder, node)) throw ErrBLSKeyTaken;
      k.setMetaNodeBlsKey(ctx, node, msg.pubKey);
      ctx.emit(typedEvent(EventSetMetaNodeBlsKeySchema, { networkAddress: msg.networkAddress, pubKey: Buffer.from(msg.pubKey).toString("hex") }));
      return emptyResponse(MsgSetMetaNodeBlsKeyResponseSchema);
    },
  });
}
