/**
 * gRPC query methods of `cosmos.bank.v1beta1.Query` (SDK v0.47 `x/bank/keeper/grpc_query.go`): request
 * checks first, in the reference's order and with its texts (InvalidArgument, NotFound, Internal).
 */
import type { Metadata, SendEnabled } from "cosmjs-types/cosmos/bank/v1beta1/bank";
import {
  QueryAllBalancesRequest, QueryAllBalancesResponse, QueryBalanceRequest, QueryBalanceResponse, QueryDenomMetadataRequest,
  QueryDenomMetadataResponse, QueryDenomOwnersRequest, QueryDenomOwnersResponse, QueryDenomsMetadataRequest,
  QueryDenomsMetadataResponse, QueryParamsResponse, QuerySendEnabledRequest, QuerySendEnabledResponse,
  QuerySpendableBalanceByDenomRequest, QuerySpendableBalanceByDenomResponse, QuerySpendableBalancesRequest,
  QuerySpendableBalancesResponse, QuerySupplyOfRequest, QuerySupplyOfResponse, QueryTotalSupplyRequest,
  QueryTotalSupplyResponse, type DenomOwner,
} from "cosmjs-types/cosmos/bank/v1beta1/query";
import type { Coin as ProtoCoin } from "cosmjs-types/cosmos/base/v1beta1/coin";
import { Metadata as MetadataProto } from "cosmjs-types/cosmos/bank/v1beta1/bank";
import { PaginationError, filteredPaginate, pageQueryFrom, paginate } from "../../baseapp/pagination.js";
import { type QueryHandler, QueryError, invalidArgument, notFound } from "../../baseapp/queryRouter.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { type Coin, isValidDenom } from "../../math/coins.js";
import { accAddressProblem, signerAddress } from "./addresses.js";
import type { BankKeeper } from "./keeper.js";
import {
  BANK_STORE_KEY, DENOM_METADATA_PREFIX, SEND_ENABLED_PREFIX, SUPPLY_PREFIX, accountBalancesPrefix, denomAddressPrefix,
  splitBalanceKey,
} from "./keys.js";
import { checkBalanceDenom, decodeAmount, decodeBoolValue } from "./store.js";
import { ErrInvalidKey } from "./errors.js";

const SERVICE = "/cosmos.bank.v1beta1.Query/";
const utf8 = new TextDecoder();

const protoCoin = (c: Coin): ProtoCoin => ({ denom: c.denom, amount: c.amount.toString() });

/** `sdk.ValidateDenom` as a query checks it: InvalidArgument with the Go text. */
function checkDenom(denom: string): void {
  if (!isValidDenom(denom)) throw invalidArgument(`invalid denom: ${denom}`);
}

/** `sdk.AccAddressFromBech32` as a query checks it: InvalidArgument "invalid address: <err>". */
function queryAddress(text: string): Uint8Array {
  const problem = accAddressProblem(text);
  if (problem !== undefined) throw invalidArgument(`invalid address: ${problem.message}`);
  return signerAddress(text);
}

/** Runs a paginator, turning its own error into the status the calling query uses. */
function paged<T>(status: "InvalidArgument" | "Internal", prefixText: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof PaginationError) throw new QueryError(status, `${prefixText}${e.message}`);
    throw e;
  }
}

export function bankQueryHandlers(keeper: BankKeeper): Record<string, QueryHandler> {
  const handlers: Record<string, QueryHandler> = {
    Balance(ctx, bytes) {
      const req = QueryBalanceRequest.decode(bytes);
      checkDenom(req.denom);
      const address = queryAddress(req.address);
      return QueryBalanceResponse.encode({ balance: protoCoin(keeper.getBalance(ctx, address, req.denom)) }).finish();
    },

    AllBalances(ctx, bytes) {
      const req = QueryAllBalancesRequest.decode(bytes);
      const address = queryAddress(req.address);
      const balances: ProtoCoin[] = [];
      const pagination = paged("InvalidArgument", "paginate: ", () =>
        paginate(ctx.kv(BANK_STORE_KEY), accountBalancesPrefix(address), pageQueryFrom(bytes, 2, req.pagination), (key, value) => {
          const denom = utf8.decode(key);
          checkBalanceDenom(denom);
          balances.push({ denom, amount: decodeAmount(value).toString() });
        }));
      return QueryAllBalancesResponse.encode({ balances, pagination }).finish();
    },

    SpendableBalances(ctx, bytes) {
      const req = QuerySpendableBalancesRequest.decode(bytes);
      const address = queryAddress(req.address);
      const denoms: string[] = [];
      const pagination = paged("InvalidArgument", "paginate: ", () =>
        paginate(ctx.kv(BANK_STORE_KEY), accountBalancesPrefix(address), pageQueryFrom(bytes, 2, req.pagination), (key) => {
          denoms.push(utf8.decode(key));
        }));
      const spendable = keeper.spendableCoins(ctx, address);
      const balances = denoms.map((denom) => ({ denom, amount: spendable.amountOf(denom).toString() }));
      return QuerySpendableBalancesResponse.encode({ balances, pagination }).finish();
    },

    SpendableBalanceByDenom(ctx, bytes) {
      const req = QuerySpendableBalanceByDenomRequest.decode(bytes);
      const address = queryAddress(req.address);
      checkDenom(req.denom);
      const balance = protoCoin(keeper.spendableCoin(ctx, address, req.denom));
      return QuerySpendableBalanceByDenomResponse.encode({ balance }).finish();
    },

    TotalSupply(ctx, bytes) {
      const req = QueryTotalSupplyRequest.decode(bytes);
      const supply: ProtoCoin[] = [];
      const pagination = paged("Internal", "", () =>
        paginate(ctx.kv(BANK_STORE_KEY), SUPPLY_PREFIX, pageQueryFrom(bytes, 1, req.pagination), (key, value) => {
          const denom = utf8.decode(key);
          checkBalanceDenom(denom);
          supply.push({ denom, amount: decodeAmount(value).toString() });
        }));
      return QueryTotalSupplyResponse.encode({ supply, pagination }).finish();
    },

    SupplyOf(ctx, bytes) {
      const req = QuerySupplyOfRequest.decode(bytes);
      checkDenom(req.denom);
      return QuerySupplyOfResponse.encode({ amount: protoCoin(keeper.getSupply(ctx, req.denom)) }).finish();
    },

    Params(ctx) {
      const p = keeper.getParams(ctx);
      return QueryParamsResponse.encode({ params: { sendEnabled: [...p.sendEnabled], defaultSendEnabled: p.defaultSendEnabled } }).finish();
    },

    DenomsMetadata(ctx, bytes) {
      const req = QueryDenomsMetadataRequest.decode(bytes);
      const metadatas: Metadata[] = [];
      const pagination = paged("Internal", "", () =>
        paginate(ctx.kv(BANK_STORE_KEY), DENOM_METADATA_PREFIX, pageQueryFrom(bytes, 1, req.pagination), (_key, value) => {
          metadatas.push(MetadataProto.decode(value));
        }));
      return QueryDenomsMetadataResponse.encode({ metadatas, pagination }).finish();
    },

    DenomMetadata(ctx, bytes) {
      const req = QueryDenomMetadataRequest.decode(bytes);
      checkDenom(req.denom);
      const metadata = keeper.getDenomMetaData(ctx, req.denom);
      if (metadata === undefined) throw notFound(`client metadata for denom ${req.denom}`);
      return QueryDenomMetadataResponse.encode({ metadata }).finish();
    },

    DenomOwners(ctx, bytes) {
      const req = QueryDenomOwnersRequest.decode(bytes);
      checkDenom(req.denom);
      const denomOwners: DenomOwner[] = [];
      const pagination = paged("Internal", "", () =>
        filteredPaginate(ctx.kv(BANK_STORE_KEY), denomAddressPrefix(req.denom), pageQueryFrom(bytes, 2, req.pagination), (key, _v, accumulate) => {
          if (accumulate) {
            const parts = splitBalanceKey(key);
            if (parts === undefined) throw new QueryError("Internal", ErrInvalidKey.message);
            denomOwners.push({
              address: formatBech32Address(parts.address, BECH32_PREFIX.account),
              balance: protoCoin(keeper.getBalance(ctx, parts.address, req.denom)),
            });
          }
          return true;
        }));
      return QueryDenomOwnersResponse.encode({ denomOwners, pagination }).finish();
    },

    SendEnabled(ctx, bytes) {
      const req = QuerySendEnabledRequest.decode(bytes);
      const sendEnabled: SendEnabled[] = [];
      if (req.denoms.length > 0) {
        for (const denom of req.denoms) {
          const entry = keeper.getSendEnabledEntry(ctx, denom);
          if (entry !== undefined) sendEnabled.push({ denom: entry.denom, enabled: entry.enabled });
        }
        return QuerySendEnabledResponse.encode({ sendEnabled }).finish();
      }
      const pagination = paged("Internal", "", () =>
        filteredPaginate(ctx.kv(BANK_STORE_KEY), SEND_ENABLED_PREFIX, pageQueryFrom(bytes, 99, req.pagination), (key, value, accumulate) => {
          if (accumulate) sendEnabled.push({ denom: utf8.decode(key), enabled: decodeBoolValue(value) });
          return true;
        }));
      return QuerySendEnabledResponse.encode({ sendEnabled, pagination }).finish();
    },
  };
  return Object.fromEntries(Object.entries(handlers).map(([method, h]) => [SERVICE + method, h]));
}
