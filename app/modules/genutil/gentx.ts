/**
 * Genesis transactions (spec-staking §8.1): a `cosmos.tx.v1beta1.Tx` in proto-JSON, as `stchaind gentx`
 * writes it, carrying one MsgCreateValidator. `gentxToTxBytes` re-encodes one to the bytes it was
 * signed over — protobuf in field order with gogoproto's rules (non-nullable messages and Int/Dec
 * always written) and Dec fields in their binary form (the raw integer: "0.09" → "90000000000000000");
 * `signGentx` makes one, as a validator operator's `stchaind gentx` does (for devnets and tests).
 */
import { create, createRegistry, fromBinary, fromJson, type JsonObject, type JsonValue, toBinary, toJson } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { CoinSchema } from "../../codec/cosmos/base/v1beta1/coin_pb.js";
import { PubKeySchema as Ed25519PubKeySchema } from "../../codec/cosmos/crypto/ed25519/keys_pb.js";
import { PubKeySchema as Secp256k1PubKeySchema } from "../../codec/cosmos/crypto/secp256k1/keys_pb.js";
import { CommissionRatesSchema, DescriptionSchema } from "../../codec/cosmos/staking/v1beta1/staking_pb.js";
import { MsgCreateValidatorSchema } from "../../codec/cosmos/staking/v1beta1/tx_pb.js";
import { SignMode } from "../../codec/cosmos/tx/signing/v1beta1/signing_pb.js";
import {
  AuthInfoSchema, FeeSchema, ModeInfo_SingleSchema, ModeInfoSchema, SignDocSchema, SignerInfoSchema, type Tx, TxBodySchema, TxRawSchema, TxSchema,
} from "../../codec/cosmos/tx/v1beta1/tx_pb.js";
import { PubKeySchema as EthSecp256k1PubKeySchema } from "../../codec/stratos/crypto/v1/ethsecp256k1/keys_pb.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { ethAddressFromPubKey, ethPublicKeyFromPrivateKey, signEthSecp256k1 } from "../../crypto/ethSecp256k1.js";
import { Dec } from "../../math/dec.js";

export const MSG_CREATE_VALIDATOR_TYPE_URL = `/${MsgCreateValidatorSchema.typeName}`;

/** The message and key types a gentx may name. */
const REGISTRY = createRegistry(MsgCreateValidatorSchema, Ed25519PubKeySchema, Secp256k1PubKeySchema, EthSecp256k1PubKeySchema);

/** A gentx that cannot be read. */
export class GentxError extends Error {
  override readonly name = "GentxError";
}

const COMMISSION_FIELDS = ["rate", "max_rate", "max_change_rate"] as const;

function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * A copy of the JSON with each MsgCreateValidator's commission rates in their binary form: the JSON
 * carries `LegacyDec` as "0.090000000000000000", the signed bytes carry its raw integer text.
 */
function withBinaryDecs(json: JsonValue, toText: (d: Dec) => string, fromText: (s: string) => Dec): JsonValue {
  const copy = structuredClone(json);
  const body = isObject(copy) ? copy["body"] : undefined;
  const messages = isObject(body) ? body["messages"] : undefined;
  if (!Array.isArray(messages)) return copy;
  for (const m of messages) {
    if (!isObject(m) || m["@type"] !== MSG_CREATE_VALIDATOR_TYPE_URL) continue;
    const commission = m["commission"];
    if (!isObject(commission)) continue;
    for (const field of COMMISSION_FIELDS) {
      const v = commission[field];
      if (typeof v === "string") commission[field] = toText(fromText(v));
    }
  }
  return copy;
}

/**
 * protobuf-es reads `"@type": "/x.y.Z"` into the type URL "type.googleapis.com/x.y.Z"; the SDK keeps
 * "/x.y.Z", and the type URL is part of the signed bytes.
 */
function sdkTypeUrl<T extends { typeUrl: string } | undefined>(any: T): T {
  if (any !== undefined && any.typeUrl.startsWith(GOOGLE_PREFIX)) any.typeUrl = `/${any.typeUrl.slice(GOOGLE_PREFIX.length)}`;
  return any;
}

const GOOGLE_PREFIX = "type.googleapis.com/";

/** Reads a gentx's proto-JSON. @throws GentxError with the reason. */
export function parseGentx(json: unknown): Tx {
  let tx: Tx;
  try {
    const binaryDecs = withBinaryDecs(json as JsonValue, (d) => d.toProtoString(), (s) => Dec.parse(s));
    tx = fromJson(TxSchema, binaryDecs, { registry: REGISTRY });
  } catch (e) {
    throw new GentxError(e instanceof Error ? e.message : String(e));
  }
  for (const any of [...(tx.body?.messages ?? []), ...(tx.body?.extensionOptions ?? []), ...(tx.body?.nonCriticalExtensionOptions ?? [])]) sdkTypeUrl(any);
  for (const signer of tx.authInfo?.signerInfos ?? []) sdkTypeUrl(signer.publicKey);
  for (const message of tx.body?.messages ?? []) {
    // The consensus key inside a MsgCreateValidator is an Any too.
    if (message.typeUrl !== MSG_CREATE_VALIDATOR_TYPE_URL) continue;
    const msg = fromBinary(MsgCreateValidatorSchema, message.value);
    if (msg.pubkey !== undefined && msg.pubkey.typeUrl.startsWith(GOOGLE_PREFIX)) {
      sdkTypeUrl(msg.pubkey);
      message.value = toBinary(MsgCreateValidatorSchema, msg);
    }
  }
  return tx;
}

/** `TxEncoder(TxJSONDecoder(json))`: the TxRaw bytes genutil delivers. */
export function gentxToTxBytes(json: unknown): Uint8Array {
  const tx = parseGentx(json);
  return toBinary(TxRawSchema, create(TxRawSchema, {
    bodyBytes: toBinary(TxBodySchema, tx.body ?? create(TxBodySchema)),
    authInfoBytes: toBinary(AuthInfoSchema, tx.authInfo ?? create(AuthInfoSchema)),
    signatures: tx.signatures,
  }));
}

export interface GentxSpec {
  readonly chainId: string;
  /** The operator's eth_secp256k1 private key (its account self-delegates and signs). */
  readonly operatorPrivateKey: Uint8Array;
  /** The ed25519 consensus public key (CometBFT's `priv_validator_key.json`), 32 bytes. */
  readonly consensusPubKey: Uint8Array;
  /** Self-delegation, wei. */
  readonly selfBond: bigint;
  readonly moniker: string;
  readonly commission?: { readonly rate: Dec; readonly maxRate: Dec; readonly maxChangeRate: Dec };
  readonly minSelfDelegation?: bigint;
  /** `<node id>@<ip>:26656`, as `stchaind gentx` writes it. */
  readonly memo?: string;
  readonly denom?: string;
  /** The tx's gas limit; default 200 000 as `stchaind gentx` writes it. It must fit the genesis max_gas. */
  readonly gasLimit?: bigint;
}

const DEFAULT_COMMISSION = { rate: Dec.parse("0.1"), maxRate: Dec.parse("0.2"), maxChangeRate: Dec.parse("0.01") };

/**
 * A signed gentx in proto-JSON (SIGN_MODE_DIRECT, sequence 0, account number 0 as genesis requires,
 * no fee, gas limit 200 000 unless told otherwise, as `stchaind gentx` writes it).
 */
export function signGentx(spec: GentxSpec): JsonValue {
  const publicKey = ethPublicKeyFromPrivateKey(spec.operatorPrivateKey);
  const address = ethAddressFromPubKey(publicKey);
  const c = spec.commission ?? DEFAULT_COMMISSION;
  const msg = create(MsgCreateValidatorSchema, {
    description: create(DescriptionSchema, { moniker: spec.moniker }),
    commission: create(CommissionRatesSchema, { rate: c.rate.toProtoString(), maxRate: c.maxRate.toProtoString(), maxChangeRate: c.maxChangeRate.toProtoString() }),
    minSelfDelegation: (spec.minSelfDelegation ?? 1n).toString(),
    delegatorAddress: formatBech32Address(address, BECH32_PREFIX.account),
    validatorAddress: formatBech32Address(address, BECH32_PREFIX.validator),
    pubkey: create(AnySchema, { typeUrl: `/${Ed25519PubKeySchema.typeName}`, value: toBinary(Ed25519PubKeySchema, create(Ed25519PubKeySchema, { key: spec.consensusPubKey })) }),
    value: create(CoinSchema, { denom: spec.denom ?? "wei", amount: spec.selfBond.toString() }),
  });
  const body = create(TxBodySchema, {
    messages: [create(AnySchema, { typeUrl: MSG_CREATE_VALIDATOR_TYPE_URL, value: toBinary(MsgCreateValidatorSchema, msg) })],
    memo: spec.memo ?? "",
  });
  const authInfo = create(AuthInfoSchema, {
    signerInfos: [create(SignerInfoSchema, {
      publicKey: create(AnySchema, {
        typeUrl: `/${EthSecp256k1PubKeySchema.typeName}`, value: toBinary(EthSecp256k1PubKeySchema, create(EthSecp256k1PubKeySchema, { key: publicKey })),
      }),
      modeInfo: create(ModeInfoSchema, { sum: { case: "single", value: create(ModeInfo_SingleSchema, { mode: SignMode.DIRECT }) } }),
      sequence: 0n,
    })],
    fee: create(FeeSchema, { gasLimit: spec.gasLimit ?? 200_000n }),
  });
  const bodyBytes = toBinary(TxBodySchema, body);
  const authInfoBytes = toBinary(AuthInfoSchema, authInfo);
  const signDoc = toBinary(SignDocSchema, create(SignDocSchema, { bodyBytes, authInfoBytes, chainId: spec.chainId, accountNumber: 0n }));
  const signature = signEthSecp256k1(spec.operatorPrivateKey, signDoc);
  const tx = create(TxSchema, { body, authInfo, signatures: [signature] });
  const json = toJson(TxSchema, tx, { registry: REGISTRY, useProtoFieldName: true, alwaysEmitImplicit: true });
  return withBinaryDecs(json, (d) => d.toString(), (s) => Dec.fromProtoString(s));
}
