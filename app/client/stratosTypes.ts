/**
 * The Stratos message types for CosmJS's `Registry`: each generated protobuf-es schema of app/codec
 * wrapped as a ts-proto-2-style `GeneratedType` (encode into a `BinaryWriter`, decode, fromPartial),
 * so `signAndBroadcast({ typeUrl: "/stratos.register.v1.MsgCreateResourceNode", value: {...} })`
 * works with camelCase field names, as with CosmJS's own types.
 */
import { create, type DescMessage, fromBinary, type MessageInitShape, type MessageShape, toBinary } from "@bufbuild/protobuf";
import { createRequire } from "node:module";
import type { GeneratedType, TsProto2GeneratedType } from "@cosmjs/proto-signing";
import * as registerTx from "../codec/stratos/register/v1/tx_pb.js";
import * as sdsTx from "../codec/stratos/sds/v1/tx_pb.js";
import * as potTx from "../codec/stratos/pot/v1/tx_pb.js";
import * as upgradeTx from "../codec/cosmos/upgrade/v1beta1/tx_pb.js";
import * as slashingTx from "../codec/cosmos/slashing/v1beta1/tx_pb.js";
import * as evidenceTx from "../codec/cosmos/evidence/v1beta1/tx_pb.js";
import * as crisisTx from "../codec/cosmos/crisis/v1beta1/tx_pb.js";

/**
 * CosmJS is a CommonJS package: its `GeneratedType` names the CommonJS build's BinaryWriter, a class
 * with private fields, so writers must come from that build (the ESM build's class does not type-check
 * against it, although both behave the same).
 */
type WireCjs = typeof import("@bufbuild/protobuf/wire", { with: { "resolution-mode": "require" } });
const wire: WireCjs = createRequire(import.meta.url)("@bufbuild/protobuf/wire");
type BinaryWriter = InstanceType<WireCjs["BinaryWriter"]>;
type BinaryReader = InstanceType<WireCjs["BinaryReader"]>;

export function generatedType<Desc extends DescMessage>(schema: Desc): GeneratedType {
  const fromPartial = (object: MessageInitShape<Desc>): MessageShape<Desc> => create(schema, object);
  const type: TsProto2GeneratedType = {
    encode(message: MessageInitShape<Desc>, writer: BinaryWriter = new wire.BinaryWriter()): BinaryWriter {
      return writer.raw(toBinary(schema, fromPartial(message)));
    },
    decode(input: Uint8Array | BinaryReader): MessageShape<Desc> {
      // CosmJS hands registry types whole values; a nested reader only occurs inside generated code.
      if (input instanceof wire.BinaryReader) throw new Error(`${schema.typeName}: decoding from a BinaryReader is not supported`);
      return fromBinary(schema, input);
    },
    fromPartial,
  };
  return type;
}

/** Every request message of the services in `files`, as [type URL, GeneratedType]. */
function messagesOf(files: readonly Record<string, unknown>[]): Array<readonly [string, GeneratedType]> {
  const out: Array<readonly [string, GeneratedType]> = [];
  for (const file of files) {
    for (const value of Object.values(file)) {
      if (isMessageSchema(value) && value.name.startsWith("Msg") && !value.name.endsWith("Response")) {
        out.push([`/${value.typeName}`, generatedType(value)]);
      }
    }
  }
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function isMessageSchema(v: unknown): v is DescMessage {
  return typeof v === "object" && v !== null && (v as { kind?: unknown }).kind === "message";
}

/**
 * The messages a client can sign beyond CosmJS's defaults: the Stratos modules' (register, sds, pot) and
 * the SDK modules' CosmJS does not register (slashing, evidence, crisis).
 */
export const STRATOS_TYPES: ReadonlyArray<readonly [string, GeneratedType]> = messagesOf([registerTx, sdsTx, potTx, slashingTx, evidenceTx, crisisTx]);

/**
 * SDK messages CosmJS's default registry lacks: upgrade's (a proposal carries them; only the gov
 * account can send them).
 */
export const SDK_EXTRA_TYPES: ReadonlyArray<readonly [string, GeneratedType]> = messagesOf([upgradeTx]);
