/**
 * gRPC query methods of `cosmos.auth.v1beta1.Query` (SDK v0.47 `x/auth/keeper/grpc_query.go`), with
 * the reference's request checks, texts and error kinds: gRPC status errors (QueryError), registered
 * SDK errors (TxError) and plain Go errors (Error), which baseapp maps as `gRPCErrorToSDKError` does.
 */
import {
  AddressBytesToStringRequest, AddressBytesToStringResponse, AddressStringToBytesRequest, AddressStringToBytesResponse,
  Bech32PrefixResponse, QueryAccountAddressByIDRequest, QueryAccountAddressByIDResponse, QueryAccountInfoRequest,
  QueryAccountInfoResponse, QueryAccountRequest, QueryAccountResponse, QueryAccountsRequest, QueryAccountsResponse,
  QueryModuleAccountByNameRequest, QueryModuleAccountByNameResponse, QueryModuleAccountsResponse, QueryParamsResponse,
} from "cosmjs-types/cosmos/auth/v1beta1/query";
import type { Any } from "cosmjs-types/google/protobuf/any";
import { ErrLogic, ErrUnknownAddress } from "../../baseapp/errors.js";
import { PaginationError, pageQueryFrom, paginate } from "../../baseapp/pagination.js";
import { type QueryContext, type QueryHandler, QueryError, invalidArgument, notFound } from "../../baseapp/queryRouter.js";
import { AddressError, BECH32_PREFIX, bytesFromBech32, parseBech32Address, verifyAddressFormat } from "../../crypto/address.js";
import { bech32Encode } from "../../crypto/bech32.js";
import { goTrimSpace } from "../../math/coins.js";
import { accountToAny, baseAccountProto, decodeAccount } from "./account.js";
import type { AccountKeeper, StoreContext } from "./keeper.js";
import { ADDRESS_STORE_PREFIX, AUTH_STORE_KEY } from "./keys.js";
import { authParamsToProto } from "./params.js";

const SERVICE = "/cosmos.auth.v1beta1.Query/";

/**
 * An address error as the reference returns it from a query: `ErrUnknownAddress`-wrapped (registered)
 * for an empty or over-long payload, a plain Go error otherwise.
 */
export function queryAddressError(e: unknown): Error {
  if (!(e instanceof AddressError)) return e instanceof Error ? e : new Error(String(e));
  return e.sdkCode === 9 ? ErrUnknownAddress.wrap(e.message) : new Error(e.message);
}

function parseAccAddress(text: string): Uint8Array {
  try {
    return parseBech32Address(text, BECH32_PREFIX.account);
  } catch (e) {
    throw queryAddressError(e);
  }
}

/** Module accounts are created on first use, also by queries: they write into a discarded branch. */
function scratchContext(ctx: QueryContext): StoreContext {
  const branch = ctx.store.branch();
  return { kv: (name) => branch.getStore(name) };
}

export function authQueryHandlers(keeper: AccountKeeper): Record<string, QueryHandler> {
  const handlers: Record<string, QueryHandler> = {
    Accounts(ctx, bytes) {
      const req = QueryAccountsRequest.decode(bytes);
      const accounts: Any[] = [];
      let pagination;
      try {
        pagination = paginate(ctx.kv(AUTH_STORE_KEY), ADDRESS_STORE_PREFIX, pageQueryFrom(bytes, 1, req.pagination), (key, value) => {
          accounts.push(accountToAny(decodeAccount(key.slice(), value)));
        });
      } catch (e) {
        if (e instanceof PaginationError) throw new QueryError("Internal", `paginate: ${e.message}`);
        throw e;
      }
      return QueryAccountsResponse.encode({ accounts, pagination }).finish();
    },

    Account(ctx, bytes) {
      const req = QueryAccountRequest.decode(bytes);
      if (req.address === "") throw invalidArgument("Address cannot be empty");
      const account = keeper.getAccount(ctx, parseAccAddress(req.address));
      if (account === undefined) throw notFound(`account ${req.address} not found`);
      return QueryAccountResponse.encode({ account: accountToAny(account) }).finish();
    },

    AccountAddressByID(ctx, bytes) {
      const req = QueryAccountAddressByIDRequest.decode(bytes);
      if (req.id !== 0n) throw invalidArgument("requesting with id isn't supported, try to request using account-id");
      const address = keeper.getAccountAddressByID(ctx, req.accountId);
      if (address === "") throw notFound(`account address not found with account number ${req.accountId}`);
      return QueryAccountAddressByIDResponse.encode({ accountAddress: address }).finish();
    },

    Params(ctx) {
      return QueryParamsResponse.encode({ params: authParamsToProto(keeper.getParams(ctx)) }).finish();
    },

    ModuleAccounts(ctx) {
      const scratch = scratchContext(ctx);
      const names = [...keeper.getModulePermissions().keys()].sort(compareGoStrings);
      const accounts = names.map((name) => {
        const account = keeper.getModuleAccount(scratch, name);
        if (account === undefined) throw notFound(`account ${name} not found`);
        return accountToAny(account);
      });
      return QueryModuleAccountsResponse.encode({ accounts }).finish();
    },

    ModuleAccountByName(ctx, bytes) {
      const req = QueryModuleAccountByNameRequest.decode(bytes);
      if (req.name.length === 0) throw invalidArgument("module name is empty");
      const account = keeper.getModuleAccount(scratchContext(ctx), req.name);
      if (account === undefined) throw notFound(`account ${req.name} not found`);
      return QueryModuleAccountByNameResponse.encode({ account: accountToAny(account) }).finish();
    },

    Bech32Prefix() {
      return Bech32PrefixResponse.encode({ bech32Prefix: BECH32_PREFIX.account }).finish();
    },

    AddressBytesToString(_ctx, bytes) {
      const req = AddressBytesToStringRequest.decode(bytes);
      if (req.addressBytes.length === 0) throw new Error("empty address bytes is not allowed");
      return AddressBytesToStringResponse.encode({ addressString: bech32Encode(BECH32_PREFIX.account, req.addressBytes) }).finish();
    },

    AddressStringToBytes(_ctx, bytes) {
      const req = AddressStringToBytesRequest.decode(bytes);
      if (goTrimSpace(req.addressString).length === 0) throw new Error("empty address string is not allowed");
      let addressBytes: Uint8Array;
      try {
        addressBytes = bytesFromBech32(req.addressString, BECH32_PREFIX.account);
        verifyAddressFormat(addressBytes);
      } catch (e) {
        if (e instanceof AddressError && e.reason === "prefix") throw ErrLogic.wrap("hrp does not match bech32Prefix");
        throw queryAddressError(e);
      }
      return AddressStringToBytesResponse.encode({ addressBytes }).finish();
    },

    AccountInfo(ctx, bytes) {
      const req = QueryAccountInfoRequest.decode(bytes);
      if (req.address === "") throw invalidArgument("address cannot be empty");
      const address = parseAccAddress(req.address);
      const account = keeper.getAccount(ctx, address);
      if (account === undefined) throw notFound(`account ${req.address} not found`);
      return QueryAccountInfoResponse.encode({ info: baseAccountProto({ ...account, address }) }).finish();
    },
  };
  return Object.fromEntries(Object.entries(handlers).map(([method, h]) => [SERVICE + method, h]));
}

/** Go `sort.Strings` order (UTF-8 bytes; module names are ASCII, where code-unit order agrees). */
function compareGoStrings(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
