/**
 * The query requests of the reference scenario (reference.vectors.ts), encoded as a client sends them.
 * Test data only.
 */
import {
  AddressStringToBytesRequest, QueryAccountAddressByIDRequest, QueryAccountInfoRequest, QueryAccountRequest,
  QueryAccountsRequest, QueryModuleAccountByNameRequest, QueryModuleAccountsRequest, QueryParamsRequest as AuthParamsRequest,
} from "cosmjs-types/cosmos/auth/v1beta1/query";
import {
  QueryAllBalancesRequest, QueryBalanceRequest, QueryDenomMetadataRequest, QueryDenomOwnersRequest, QueryDenomsMetadataRequest,
  QueryParamsRequest, QuerySendEnabledRequest, QuerySpendableBalancesRequest, QuerySupplyOfRequest, QueryTotalSupplyRequest,
} from "cosmjs-types/cosmos/bank/v1beta1/query";
import { PageRequest } from "cosmjs-types/cosmos/base/query/v1beta1/pagination";
import { BinaryWriter } from "cosmjs-types/binary";
import { ADDR, type ALL_BALANCES_PAGES, type QUERIES } from "./reference.vectors.js";

const ascii = new TextEncoder();
const BANK = "/cosmos.bank.v1beta1.Query/";
const AUTH = "/cosmos.auth.v1beta1.Query/";

function page(p: Partial<PageRequest>): PageRequest {
  return PageRequest.fromPartial(p);
}

export interface QueryCase {
  readonly name: keyof typeof QUERIES;
  readonly path: string;
  readonly request: Uint8Array;
}

export const QUERY_CASES: readonly QueryCase[] = [
  { name: "q.balanceBadDenom", path: `${BANK}Balance`, request: QueryBalanceRequest.encode({ address: ADDR.A, denom: "w" }).finish() },
  { name: "q.balanceBadAddr", path: `${BANK}Balance`, request: QueryBalanceRequest.encode({ address: "st1", denom: "wei" }).finish() },
  { name: "q.balanceZeroBytes", path: `${BANK}Balance`, request: QueryBalanceRequest.encode({ address: ADDR.D, denom: "stos" }).finish() },
  {
    name: "q.denomOwnersWei",
    path: `${BANK}DenomOwners`,
    request: QueryDenomOwnersRequest.encode({ denom: "wei", pagination: page({ limit: 2n, countTotal: true }) }).finish(),
  },
  { name: "q.metadataNotFound", path: `${BANK}DenomMetadata`, request: QueryDenomMetadataRequest.encode({ denom: "gwei" }).finish() },
  { name: "q.sendEnabledAll", path: `${BANK}SendEnabled`, request: QuerySendEnabledRequest.encode({ denoms: [] }).finish() },
  { name: "q.totalSupply", path: `${BANK}TotalSupply`, request: QueryTotalSupplyRequest.encode({}).finish() },
  {
    name: "q.totalSupplyBoth",
    path: `${BANK}TotalSupply`,
    request: QueryTotalSupplyRequest.encode({ pagination: page({ key: ascii.encode("a"), offset: 1n }) }).finish(),
  },
  { name: "q.spendableA", path: `${BANK}SpendableBalances`, request: QuerySpendableBalancesRequest.encode({ address: ADDR.A }).finish() },
  { name: "q.supplyOfGwei", path: `${BANK}SupplyOf`, request: QuerySupplyOfRequest.encode({ denom: "gwei" }).finish() },
  { name: "q.bankParams", path: `${BANK}Params`, request: QueryParamsRequest.encode({}).finish() },
  { name: "q.denomsMetadata", path: `${BANK}DenomsMetadata`, request: QueryDenomsMetadataRequest.encode({}).finish() },
  {
    name: "q.sendEnabledDenoms",
    path: `${BANK}SendEnabled`,
    request: QuerySendEnabledRequest.encode({ denoms: ["zzz", "wei", "yyy"] }).finish(),
  },
  { name: "q.authParams", path: `${AUTH}Params`, request: AuthParamsRequest.encode({}).finish() },
  { name: "q.accountNotFound", path: `${AUTH}Account`, request: QueryAccountRequest.encode({ address: ADDR.NINES }).finish() },
  { name: "q.accountBadAddr", path: `${AUTH}Account`, request: QueryAccountRequest.encode({ address: "st1" }).finish() },
  { name: "q.accountsLimit2", path: `${AUTH}Accounts`, request: QueryAccountsRequest.encode({ pagination: page({ limit: 2n }) }).finish() },
  { name: "q.moduleAccountPot", path: `${AUTH}ModuleAccountByName`, request: QueryModuleAccountByNameRequest.encode({ name: "pot" }).finish() },
  { name: "q.moduleAccountUnknown", path: `${AUTH}ModuleAccountByName`, request: QueryModuleAccountByNameRequest.encode({ name: "nobody" }).finish() },
  {
    name: "q.addrPrefix",
    path: `${AUTH}AddressStringToBytes`,
    request: AddressStringToBytesRequest.encode({ addressString: "cosmos1w508d6qejxtdg4y5r3zarvary0c5xw7kyzsxcg" }).finish(),
  },
  { name: "q.accountInfoB", path: `${AUTH}AccountInfo`, request: QueryAccountInfoRequest.encode({ address: ADDR.B }).finish() },
  { name: "q.moduleAccounts", path: `${AUTH}ModuleAccounts`, request: QueryModuleAccountsRequest.encode({}).finish() },
];

/** AccountAddressByID(1): the reference printed the address (no error). */
export const ACCOUNT_BY_ID_1 = QueryAccountAddressByIDRequest.encode({ id: 0n, accountId: 1n }).finish();

function allBalances(p: Partial<PageRequest> | undefined): Uint8Array {
  return QueryAllBalancesRequest.encode({ address: ADDR.C, pagination: p === undefined ? undefined : page(p), resolveDenom: false }).finish();
}

/** A request whose PageRequest carries an explicitly encoded empty `key` (field 1, length 0) and offset 1. */
function allBalancesEmptyKeyOffset1(): Uint8Array {
  const pageBytes = BinaryWriter.create().uint32(10).bytes(new Uint8Array()).uint32(16).uint64(1n).finish();
  return BinaryWriter.create().uint32(10).string(ADDR.C).uint32(18).bytes(pageBytes).finish();
}

export interface PageCase {
  readonly name: keyof typeof ALL_BALANCES_PAGES;
  readonly request: Uint8Array;
}

const key = (s: string): Uint8Array => ascii.encode(s);

export const PAGE_CASES: readonly PageCase[] = [
  { name: "nil", request: allBalances(undefined) },
  { name: "limit2", request: allBalances({ limit: 2n }) },
  { name: "limit2off2", request: allBalances({ limit: 2n, offset: 2n }) },
  { name: "limit2count", request: allBalances({ limit: 2n, countTotal: true }) },
  { name: "keyCcc", request: allBalances({ key: key("ccc"), limit: 2n }) },
  { name: "keyBb", request: allBalances({ key: key("bb"), limit: 10n }) },
  { name: "rev2", request: allBalances({ limit: 2n, reverse: true }) },
  { name: "revKeyCcc", request: allBalances({ key: key("ccc"), limit: 2n, reverse: true }) },
  { name: "revKeyZz", request: allBalances({ key: key("zz"), limit: 2n, reverse: true }) },
  { name: "revKeyEee", request: allBalances({ key: key("eee"), limit: 2n, reverse: true }) },
  { name: "revKeyDdd", request: allBalances({ key: key("ddd"), limit: 5n, reverse: true }) },
  { name: "offKey", request: allBalances({ key: key("ccc"), offset: 1n }) },
  { name: "emptyKeyOff", request: allBalancesEmptyKeyOffset1() },
  { name: "off4", request: allBalances({ offset: 4n }) },
  { name: "off9", request: allBalances({ offset: 9n, limit: 1n }) },
  { name: "wrap", request: allBalances({ offset: 1n, limit: (1n << 64n) - 1n }) },
];
