import {
  QueryBalanceRequest, QueryBalanceResponse, QueryDenomMetadataRequest, QueryDenomOwnersRequest, QueryDenomOwnersResponse,
  QuerySendEnabledRequest, QuerySendEnabledResponse, QuerySpendableBalanceByDenomRequest, QuerySpendableBalanceByDenomResponse,
  QuerySupplyOfRequest, QueryTotalSupplyRequest, QueryTotalSupplyResponse,
} from "cosmjs-types/cosmos/bank/v1beta1/query";
import { PageRequest } from "cosmjs-types/cosmos/base/query/v1beta1/pagination";
import { describe, expect, it } from "vitest";
import { QueryError, type QueryContext } from "../../baseapp/queryRouter.js";
import { createTestContext } from "../../baseapp/testing.js";
import { Coins, coin } from "../../math/coins.js";
import { memoryMultiStore } from "../../store/memory.js";
import { createAuthModule } from "../auth/index.js";
import { createBankModule } from "./index.js";

const Q = "/cosmos.bank.v1beta1.Query/";
// bech32 `st` of 20 × 0x01 … 20 × 0x04, computed with the BIP-173 reference implementation.
const ADDR = [
  "st1qyqszqgpqyqszqgpqyqszqgpqyqszqgpw74vvp",
  "st1qgpqyqszqgpqyqszqgpqyqszqgpqyqszl6nf8h",
  "st1qvpsxqcrqvpsxqcrqvpsxqcrqvpsxqcr72jgdk",
  "st1qszqgpqyqszqgpqyqszqgpqyqszqgpqy764d22",
];

function setup() {
  const store = memoryMultiStore();
  const bank = createBankModule(createAuthModule().keeper);
  const ctx = createTestContext({ store });
  bank.keeper.setParams(ctx, { sendEnabled: [], defaultSendEnabled: true });
  for (let i = 0; i < 4; i++) {
    const amount = Coins.of(coin("wei", BigInt(10 * (i + 1))));
    bank.keeper.mintCoins(ctx, "mint", amount);
    bank.keeper.sendCoinsFromModuleToAccount(ctx, "mint", new Uint8Array(20).fill(i + 1), amount);
  }
  for (const d of ["aaa", "bbb", "ccc"]) bank.keeper.setSendEnabled(ctx, d, d !== "bbb");
  const qctx: QueryContext = { height: 1, chainId: "t", store, kv: (n) => store.getReader(n) };
  const call = (method: string, request: Uint8Array): Uint8Array => {
    const res = bank.module.queries![Q + method]!(qctx, request);
    if (!(res instanceof Uint8Array)) throw new Error("async answer");
    return res;
  };
  return { call };
}

function statusText(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof QueryError) return e.message;
    throw e;
  }
  throw new Error("expected a failure");
}

describe("bank queries: request checks", () => {
  const { call } = setup();
  it.each([
    { name: "Balance: denom is checked before the address", method: "Balance",
      request: QueryBalanceRequest.encode({ address: "bad", denom: "w" }).finish(), text: "rpc error: code = InvalidArgument desc = invalid denom: w" },
    { name: "SpendableBalanceByDenom: address before denom", method: "SpendableBalanceByDenom",
      request: QuerySpendableBalanceByDenomRequest.encode({ address: "bad", denom: "w" }).finish(),
      text: "rpc error: code = InvalidArgument desc = invalid address: decoding bech32 failed: invalid bech32 string length 3" },
    { name: "SupplyOf: invalid denom", method: "SupplyOf", request: QuerySupplyOfRequest.encode({ denom: "" }).finish(),
      text: "rpc error: code = InvalidArgument desc = invalid denom: " },
    { name: "DenomMetadata: invalid denom", method: "DenomMetadata", request: QueryDenomMetadataRequest.encode({ denom: "a b" }).finish(),
      text: "rpc error: code = InvalidArgument desc = invalid denom: a b" },
    { name: "DenomOwners: invalid denom", method: "DenomOwners", request: QueryDenomOwnersRequest.encode({ denom: "x" }).finish(),
      text: "rpc error: code = InvalidArgument desc = invalid denom: x" },
    { name: "Balance: empty address payload", method: "Balance", request: QueryBalanceRequest.encode({ address: "st14tqf0h", denom: "wei" }).finish(),
      text: "rpc error: code = InvalidArgument desc = invalid address: addresses cannot be empty: unknown address" },
  ])("$name", ({ method, request, text }) => {
    expect(statusText(() => call(method, request))).toBe(text);
  });
});

describe("bank queries: answers", () => {
  const { call } = setup();

  it("Balance of a denom never held is a zero coin (CosmJS asserts a balance)", () => {
    const res = QueryBalanceResponse.decode(call("Balance", QueryBalanceRequest.encode({ address: ADDR[0]!, denom: "stos" }).finish()));
    expect(res.balance).toEqual({ denom: "stos", amount: "0" });
  });

  it("SpendableBalanceByDenom", () => {
    const res = QuerySpendableBalanceByDenomResponse.decode(call("SpendableBalanceByDenom", QuerySpendableBalanceByDenomRequest.encode({ address: ADDR[2]!, denom: "wei" }).finish()));
    expect(res.balance).toEqual({ denom: "wei", amount: "30" });
  });

  it("DenomOwners pages by the index, in address order, forward and reverse", () => {
    const owners = (p: Partial<PageRequest>) => {
      const res = QueryDenomOwnersResponse.decode(call("DenomOwners", QueryDenomOwnersRequest.encode({ denom: "wei", pagination: PageRequest.fromPartial(p) }).finish()));
      return { owners: res.denomOwners.map((o) => `${o.address}:${o.balance.amount}`), next: Buffer.from(res.pagination!.nextKey).toString("hex"), total: res.pagination!.total };
    };
    expect(owners({ limit: 2n, countTotal: true })).toEqual({ owners: [`${ADDR[0]}:10`, `${ADDR[1]}:20`], next: `14${"03".repeat(20)}`, total: 4n });
    expect(owners({ key: Buffer.from(`14${"03".repeat(20)}`, "hex"), limit: 5n })).toEqual({ owners: [`${ADDR[2]}:30`, `${ADDR[3]}:40`], next: "", total: 0n });
    expect(owners({ limit: 3n, reverse: true })).toEqual({ owners: [`${ADDR[3]}:40`, `${ADDR[2]}:30`, `${ADDR[1]}:20`], next: `14${"01".repeat(20)}`, total: 0n });
  });

  it("SendEnabled: listed denoms (only those with a record) or a page of all records", () => {
    const listed = QuerySendEnabledResponse.decode(call("SendEnabled", QuerySendEnabledRequest.encode({ denoms: ["ccc", "wei", "bbb"] }).finish()));
    expect(listed.sendEnabled).toEqual([{ denom: "ccc", enabled: true }, { denom: "bbb", enabled: false }]);
    expect(listed.pagination).toBeUndefined();
    const page = QuerySendEnabledResponse.decode(call("SendEnabled", QuerySendEnabledRequest.encode({ denoms: [], pagination: PageRequest.fromPartial({ offset: 1n, limit: 1n }) }).finish()));
    expect(page.sendEnabled).toEqual([{ denom: "bbb", enabled: false }]);
    expect(Buffer.from(page.pagination!.nextKey).toString()).toBe("ccc");
  });

  it("TotalSupply pages over the supply records", () => {
    const res = QueryTotalSupplyResponse.decode(call("TotalSupply", QueryTotalSupplyRequest.encode({ pagination: PageRequest.fromPartial({ limit: 1n }) }).finish()));
    expect(res.supply).toEqual([{ denom: "wei", amount: "100" }]);
    expect(res.pagination?.nextKey).toEqual(new Uint8Array());
  });
});
