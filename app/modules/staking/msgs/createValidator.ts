/**
 * MsgCreateValidator (spec-staking §1.4): a new validator, Unbonded, with its operator's
 * self-delegation; it joins the set at the next EndBlock if it ranks. Also what every gentx carries.
 */
import { fromBinary } from "@bufbuild/protobuf";
import { ErrInvalidRequest, ErrInvalidType } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { PubKeySchema as Ed25519PubKeySchema } from "../../../codec/cosmos/crypto/ed25519/keys_pb.js";
import { PubKeySchema as Secp256k1PubKeySchema } from "../../../codec/cosmos/crypto/secp256k1/keys_pb.js";
import { PubKeySchema as EthSecp256k1PubKeySchema } from "../../../codec/stratos/crypto/v1/ethsecp256k1/keys_pb.js";
import { MsgCreateValidatorResponseSchema, type MsgCreateValidator, MsgCreateValidatorSchema } from "../../../codec/cosmos/staking/v1beta1/tx_pb.js";
import { Dec } from "../../../math/dec.js";
import { equalBytes } from "../../../store/bytes.js";
import { pubKeyAddress } from "../../register/msgs/common.js";
import { fromTimestamp } from "../../register/logic/time.js";
import { delegate } from "../delegation.js";
import {
  ErrCommissionLTMinRate, ErrEmptyValidatorPubKey, ErrSelfDelegationBelowMinimum, ErrValidatorOwnerExists, ErrValidatorPubKeyExists,
  ErrValidatorPubKeyTypeNotSupported,
} from "../errors.js";
import { createValidatorEvent } from "../events.js";
import type { StakingKeeper } from "../keeper.js";
import { validateCommissionRates } from "../logic/commission.js";
import { descriptionLengthError, isEmptyDescription } from "../logic/description.js";
import { descriptionFromProto, parseVal } from "../store.js";
import { BondStatus, type CommissionRates, type Description, type Validator } from "../types.js";
import { assertVotingPowerLimit } from "../votingPowerLimit.js";
import {
  accArg, type CoinField, coinField, coinText, emptyResponse, isPositiveCoin, optionalInt, signerOf, typeUrlOf, valArg, validAccAddress, validValAddress,
} from "./common.js";

interface Decoded {
  readonly msg: MsgCreateValidator;
  readonly description: Description;
  /** Undefined when the commission message carries none of its rates (Go's zero CommissionRates). */
  readonly rates: CommissionRates | undefined;
  readonly minSelfDelegation: bigint | undefined;
  readonly value: CoinField;
}

/** `PubKey.Type()` of the key types a validator key Any may carry. */
const KEY_TYPES: Readonly<Record<string, string>> = {
  [typeUrlOf(Ed25519PubKeySchema)]: "ed25519",
  [typeUrlOf(Secp256k1PubKeySchema)]: "secp256k1",
  [typeUrlOf(EthSecp256k1PubKeySchema)]: "eth_secp256k1",
};

/** The key types a consensus key Any may name (the tx decoder resolves them, as the SDK's registry does). */
export const CONSENSUS_PUBKEY_SCHEMAS = [Ed25519PubKeySchema, Secp256k1PubKeySchema, EthSecp256k1PubKeySchema] as const;

function decode(bytes: Uint8Array): Decoded {
  const msg = fromBinary(MsgCreateValidatorSchema, bytes);
  const c = msg.commission;
  const rates = c === undefined || (c.rate === "" && c.maxRate === "" && c.maxChangeRate === "")
    ? undefined
    : { rate: Dec.fromProtoString(c.rate), maxRate: Dec.fromProtoString(c.maxRate), maxChangeRate: Dec.fromProtoString(c.maxChangeRate) };
  return {
    msg,
    description: descriptionFromProto(msg.description),
    rates,
    minSelfDelegation: optionalInt(msg.minSelfDelegation),
    value: coinField(msg.value),
  };
}

/** ValidateBasic, in the reference's order. */
export function validateCreateValidator(d: Decoded): void {
  const delegator = validAccAddress(d.msg.delegatorAddress);
  const operator = validValAddress(d.msg.validatorAddress);
  if (!equalBytes(delegator, operator)) throw ErrInvalidRequest.wrap("validator address is invalid");
  if (d.msg.pubkey === undefined) throw ErrEmptyValidatorPubKey;
  if (!isPositiveCoin(d.value)) throw ErrInvalidRequest.wrap("invalid delegation amount");
  if (isEmptyDescription(d.description)) throw ErrInvalidRequest.wrap("empty description");
  if (d.rates === undefined) throw ErrInvalidRequest.wrap("empty commission");
  const bad = validateCommissionRates(d.rates);
  if (bad !== undefined) throw bad;
  if (d.minSelfDelegation === undefined || d.minSelfDelegation <= 0n) {
    throw ErrInvalidRequest.wrap("minimum self delegation must be a positive integer");
  }
  if ((d.value.amount ?? 0n) < d.minSelfDelegation) throw ErrSelfDelegationBelowMinimum;
}

/** `GetSigners`: the delegator, plus the operator's account when it differs (ValidateBasic refuses that). */
function signers({ msg }: Decoded): Uint8Array[] {
  const delegator = signerOf(msg.delegatorAddress);
  const operator = signerOf(msg.validatorAddress, parseVal);
  return equalBytes(delegator, operator) ? [delegator] : [delegator, operator];
}

export function createValidatorRoute(k: StakingKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: typeUrlOf(MsgCreateValidatorSchema),
    schema: MsgCreateValidatorSchema,
    decode,
    validateBasic: validateCreateValidator,
    signers,
    handle(ctx, d) {
      const { msg } = d;
      const operator = valArg(msg.validatorAddress);
      const params = k.getParams(ctx);
      const rates = d.rates!;
      if (rates.rate.lt(params.minCommissionRate)) {
        throw ErrCommissionLTMinRate.wrap(`cannot set validator commission to less than minimum rate of ${params.minCommissionRate.toString()}`);
      }
      if (k.validator(ctx, operator) !== undefined) throw ErrValidatorOwnerExists;
      const pubkey = msg.pubkey!;
      const keyType = KEY_TYPES[pubkey.typeUrl];
      if (keyType === undefined) throw ErrInvalidType.wrap(`Expecting cryptotypes.PubKey, got ${pubkey.typeUrl}`);
      const consAddr = pubKeyAddress(pubkey);
      if (k.validatorByConsAddr(ctx, consAddr) !== undefined) throw ErrValidatorPubKeyExists;
      const bondDenom = params.bondDenom;
      if (d.value.denom !== bondDenom) throw ErrInvalidRequest.wrap(`invalid coin denomination: got ${d.value.denom}, expected ${bondDenom}`);
      const tooLong = descriptionLengthError(d.description);
      if (tooLong !== undefined) throw tooLong;
      const allowed = k.deps.validatorPubKeyTypes;
      // Validator records hold ed25519 keys (the only type CometBFT and stratos-1 accept).
      if (!allowed.includes(keyType) || keyType !== "ed25519") {
        throw ErrValidatorPubKeyTypeNotSupported.wrap(`got: ${keyType}, expected: [${allowed.join(" ")}]`);
      }

      const consensusPubKey = fromBinary(Ed25519PubKeySchema, pubkey.value).key;
      const delegator = accArg(msg.delegatorAddress);
      const validator: Validator = {
        operator,
        consensusPubKey,
        consensusAddress: consAddr,
        jailed: false,
        status: BondStatus.Unbonded,
        tokens: 0n,
        delegatorShares: Dec.ZERO,
        description: d.description,
        unbondingHeight: 0n,
        unbondingTime: 0n,
        commission: { rates, updateTime: fromTimestamp(ctx.header.time) },
        minSelfDelegation: d.minSelfDelegation!,
        unbondingOnHoldRefCount: 0n,
        unbondingIds: [],
      };
      k.setValidator(ctx, validator);
      k.setValidatorByConsAddr(ctx, validator);
      k.setNewValidatorByPowerIndex(ctx, validator);
      k.hooks.afterValidatorCreated(ctx, operator);
      delegate(k, ctx, delegator, d.value.amount!, { fromAccount: true }, validator);
      assertVotingPowerLimit(k, ctx);
      ctx.emit(createValidatorEvent({ validator: msg.validatorAddress, amount: coinText(d.value) }));
      return emptyResponse(MsgCreateValidatorResponseSchema);
    },
  });
}

