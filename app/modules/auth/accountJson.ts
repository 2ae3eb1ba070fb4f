/**
 * Accounts in genesis proto-JSON (spec-chain §11), as the SDK writes and reads them:
 *   {"@type": "/cosmos.auth.v1beta1.BaseAccount", "address", "pub_key", "account_number", "sequence"}
 *   {"@type": "/cosmos.auth.v1beta1.ModuleAccount", "base_account": {…}, "name", "permissions"}
 * A public key is an Any in JSON form: {"@type": "<type URL>", "key": "<base64>"}.
 */
import { PubKey as KeyOnlyPubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { AddressError, BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../crypto/address.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { ethAddressFromPubKey } from "../../crypto/ethSecp256k1.js";
import { cosmosAddressFromPubKey } from "../../crypto/secp256k1.js";
import { type Account, type PubKeyAny, BASE_ACCOUNT_TYPE_URL, MODULE_ACCOUNT_TYPE_URL } from "./account.js";
import { GenesisError, JsonFields } from "./protoJson.js";

/** Public key types whose proto is `{ bytes key = 1 }`, with how each derives its account address. */
const KEY_ONLY_PUBKEYS: ReadonlyMap<string, (key: Uint8Array) => Uint8Array> = new Map([
  ["/stratos.crypto.v1.ethsecp256k1.PubKey", ethAddressFromPubKey],
  // CosmJS 0.39's eth wallet announces its key under this URL; same key type as the stratos one.
  ["/cosmos.evm.crypto.v1.ethsecp256k1.PubKey", ethAddressFromPubKey],
  ["/cosmos.crypto.secp256k1.PubKey", cosmosAddressFromPubKey],
  ["/cosmos.crypto.ed25519.PubKey", ed25519Address],
]);

/**
 * A genesis account as written: the address string is kept so validation can report it the way the
 * reference does, and `address` is undefined if it does not parse.
 */
export interface GenesisAccountEntry {
  readonly typeUrl: string;
  readonly addressText: string;
  readonly address: Uint8Array | undefined;
  readonly addressError: string | undefined;
  readonly pubKey: PubKeyAny | undefined;
  readonly accountNumber: bigint;
  readonly sequence: bigint;
  /** Module accounts: name and permissions; `baseMissing` when `base_account` was null/absent. */
  readonly module?: { readonly name: string; readonly permissions: readonly string[]; readonly baseMissing: boolean };
}

export function accountFromJson(value: unknown, path: string): GenesisAccountEntry {
  const fields = JsonFields.of(value, path);
  const typeUrl = fields.string("@type");
  if (typeUrl === BASE_ACCOUNT_TYPE_URL) {
    const entry = baseFromJson(fields);
    fields.finish();
    return { typeUrl, ...entry };
  }
  if (typeUrl === MODULE_ACCOUNT_TYPE_URL) {
    const base = fields.object("base_account");
    const name = fields.string("name");
    const permissions = fields.array("permissions").map((p, i) => {
      if (typeof p !== "string") throw new GenesisError(`${fields.pathOf("permissions")}[${i}]: expected a string`);
      return p;
    });
    fields.finish();
    const entry = base === undefined ? emptyBase() : baseFromJson(base);
    if (base !== undefined) base.finish();
    return { typeUrl, ...entry, module: { name, permissions, baseMissing: base === undefined } };
  }
  throw new GenesisError(
    `${path}: unsupported account type ${JSON.stringify(typeUrl)} (expected ${BASE_ACCOUNT_TYPE_URL} or ${MODULE_ACCOUNT_TYPE_URL})`,
  );
}

type BaseEntry = Omit<GenesisAccountEntry, "typeUrl" | "module">;

function baseFromJson(fields: JsonFields): BaseEntry {
  const addressText = fields.string("address");
  let address: Uint8Array | undefined;
  let addressError: string | undefined;
  try {
    address = parseBech32Address(addressText, BECH32_PREFIX.account);
  } catch (e) {
    if (!(e instanceof AddressError)) throw e;
    addressError = e.sdkCode === 9 ? `${e.message}: unknown address` : e.message;
  }
  const pk = fields.object("pub_key");
  const pubKey = pk === undefined ? undefined : pubKeyFromJson(pk);
  return {
    addressText,
    address,
    addressError,
    pubKey,
    accountNumber: fields.uint64("account_number"),
    sequence: fields.uint64("sequence"),
  };
}

function emptyBase(): BaseEntry {
  return { addressText: "", address: undefined, addressError: undefined, pubKey: undefined, accountNumber: 0n, sequence: 0n };
}

function pubKeyFromJson(fields: JsonFields): PubKeyAny {
  const typeUrl = fields.string("@type");
  if (!KEY_ONLY_PUBKEYS.has(typeUrl)) {
    throw new GenesisError(`${fields.path}: unsupported public key type ${JSON.stringify(typeUrl)}`);
  }
  const key = fields.bytes("key");
  fields.finish();
  return { typeUrl, value: KeyOnlyPubKey.encode({ key }).finish() };
}

/**
 * SDK `BaseAccount.Validate`: with both an address and a public key, the key must derive the address.
 * Returns the reference's error text, or undefined.
 */
export function pubKeyAddressMismatch(address: Uint8Array, pubKey: PubKeyAny): string | undefined {
  const derive = KEY_ONLY_PUBKEYS.get(pubKey.typeUrl);
  if (derive === undefined) return `unsupported public key type ${pubKey.typeUrl}`;
  let derived: Uint8Array;
  try {
    derived = derive(KeyOnlyPubKey.decode(pubKey.value).key);
  } catch (e) {
    return `invalid public key: ${e instanceof Error ? e.message : String(e)}`;
  }
  return Buffer.from(derived).equals(address) ? undefined : "account address and pubkey address do not match";
}

/** The exported JSON of an account (SDK ExportGenesis: jsonpb, OrigName, defaults emitted). */
export function accountToJson(acc: Account): Record<string, unknown> {
  const base = {
    address: formatBech32Address(acc.address, BECH32_PREFIX.account),
    pub_key: acc.pubKey === undefined ? null : pubKeyToJson(acc.pubKey),
    account_number: acc.accountNumber.toString(),
    sequence: acc.sequence.toString(),
  };
  if (acc.module === undefined) return { "@type": BASE_ACCOUNT_TYPE_URL, ...base };
  return {
    "@type": MODULE_ACCOUNT_TYPE_URL,
    base_account: base,
    name: acc.module.name,
    permissions: [...acc.module.permissions],
  };
}

function pubKeyToJson(pk: PubKeyAny): Record<string, string> {
  if (!KEY_ONLY_PUBKEYS.has(pk.typeUrl)) {
    throw new GenesisError(`accountToJson: cannot export public key type ${pk.typeUrl}`);
  }
  return { "@type": pk.typeUrl, key: Buffer.from(KeyOnlyPubKey.decode(pk.value).key).toString("base64") };
}
