import {
  AddressBytesToStringRequest, AddressBytesToStringResponse, AddressStringToBytesRequest, AddressStringToBytesResponse,
  Bech32PrefixRequest, Bech32PrefixResponse, QueryAccountAddressByIDRequest, QueryAccountAddressByIDResponse,
  QueryAccountInfoRequest, QueryAccountRequest, QueryAccountResponse, QueryAccountsRequest, QueryAccountsResponse,
  QueryModuleAccountByNameRequest, QueryModuleAccountsRequest, QueryModuleAccountsResponse,
} from "cosmjs-types/cosmos/auth/v1beta1/query";
import { BaseAccount } from "cosmjs-types/cosmos/auth/v1beta1/auth";
import { PageRequest } from "cosmjs-types/cosmos/base/query/v1beta1/pagination";
import { describe, expect, it } from "vitest";
import { TxError } from "../../baseapp/errors.js";
import { QueryError, type QueryContext } from "../../baseapp/queryRouter.js";
import { createTestContext } from "../../baseapp/testing.js";
import { memoryMultiStore } from "../../store/memory.js";
import { createAuthModule } from "./index.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";

const Q = "/cosmos.auth.v1beta1.Query/";
const addr = (b: number): Uint8Array => new Uint8Array(20).fill(b);
// bech32 of 20 × byte, computed with the BIP-173 reference implementation.
const ST = { 1: "st1qyqszqgpqyqszqgpqyqszqgpqyqszqgpw74vvp", 2: "st1qgpqyqszqgpqyqszqgpqyqszqgpqyqszl6nf8h", 9: "st1pyysjzgfpyysjzgfpyysjzgfpyysjzgfpkqa0y" } as const;

function setup() {
  const store = memoryMultiStore();
  const auth = createAuthModule();
  const ctx = createTestContext({ store });
  for (let b = 1; b <= 5; b++) auth.keeper.setAccount(ctx, { address: addr(b), accountNumber: BigInt(10 + b), sequence: BigInt(b) });
  auth.keeper.setNextAccountNumber(ctx, 16n);
  const qctx: QueryContext = { height: 1, chainId: "t", store, kv: (n) => store.getReader(n) };
  const call = (method: string, request: Uint8Array): Uint8Array => {
    const res = auth.module.queries![Q + method]!(qctx, request);
    if (!(res instanceof Uint8Array)) throw new Error("async answer");
    return res;
  };
  return { store, auth, call };
}

function failure(f: () => unknown): { kind: string; text: string; code?: number } {
  try {
    f();
  } catch (e) {
    if (e instanceof QueryError) return { kind: e.grpcCode, text: e.message };
    if (e instanceof TxError) return { kind: "registered", text: e.message, code: e.code };
    if (e instanceof Error) return { kind: "plain", text: e.message };
  }
  throw new Error("expected a failure");
}

describe("auth queries", () => {
  const s = setup();

  it("Account: found, NotFound (CosmJS maps it to null), empty and bad addresses", () => {
    const res = QueryAccountResponse.decode(s.call("Account", QueryAccountRequest.encode({ address: ST[2] }).finish()));
    expect(res.account?.typeUrl).toBe("/cosmos.auth.v1beta1.BaseAccount");
    expect(BaseAccount.decode(res.account!.value)).toEqual({ address: ST[2], pubKey: undefined, accountNumber: 12n, sequence: 2n });
    expect(failure(() => s.call("Account", QueryAccountRequest.encode({ address: ST[9] }).finish()))).toEqual({
      kind: "NotFound",
      text: `rpc error: code = NotFound desc = account ${ST[9]} not found`,
    });
    expect(failure(() => s.call("Account", QueryAccountRequest.encode({ address: "" }).finish()))).toEqual({
      kind: "InvalidArgument",
      text: "rpc error: code = InvalidArgument desc = Address cannot be empty",
    });
    expect(failure(() => s.call("Account", QueryAccountRequest.encode({ address: "st14tqf0h" }).finish()))).toEqual({
      kind: "registered",
      text: "addresses cannot be empty: unknown address",
      code: 9,
    });
  });

  it("AccountInfo answers a BaseAccount for any account", () => {
    const res = s.call("AccountInfo", QueryAccountInfoRequest.encode({ address: ST[1] }).finish());
    expect(res[0]).toBe(0x0a);
    expect(failure(() => s.call("AccountInfo", QueryAccountInfoRequest.encode({ address: "" }).finish())).text).toBe(
      "rpc error: code = InvalidArgument desc = address cannot be empty",
    );
  });

  const accountsPage = (p: Partial<PageRequest> | undefined) => {
    const res = QueryAccountsResponse.decode(
      s.call("Accounts", QueryAccountsRequest.encode({ pagination: p === undefined ? undefined : PageRequest.fromPartial(p) }).finish()),
    );
    return {
      sequences: res.accounts.map((a) => Number(BaseAccount.decode(a.value).sequence)),
      nextKey: Buffer.from(res.pagination?.nextKey ?? []).toString("hex"),
      total: Number(res.pagination?.total ?? 0n),
    };
  };

  const PAGES = [
    { name: "no pagination: all, total counted", page: undefined, want: { sequences: [1, 2, 3, 4, 5], nextKey: "", total: 5 } },
    { name: "limit 2", page: { limit: 2n }, want: { sequences: [1, 2], nextKey: "03".repeat(20), total: 0 } },
    { name: "limit 2 offset 3, count", page: { limit: 2n, offset: 3n, countTotal: true }, want: { sequences: [4, 5], nextKey: "", total: 5 } },
    { name: "key 03…", page: { key: addr(3), limit: 2n }, want: { sequences: [3, 4], nextKey: "05".repeat(20), total: 0 } },
    { name: "reverse limit 2", page: { limit: 2n, reverse: true }, want: { sequences: [5, 4], nextKey: "03".repeat(20), total: 0 } },
    { name: "reverse from key 03…", page: { key: addr(3), limit: 5n, reverse: true }, want: { sequences: [3, 2, 1], nextKey: "", total: 0 } },
  ] as const;
  it.each(PAGES)("Accounts: $name", ({ page, want }) => {
    expect(accountsPage(page)).toEqual(want);
  });

  it("Accounts: offset with key is an Internal error", () => {
    expect(failure(() => accountsPage({ key: addr(3), offset: 1n }))).toEqual({
      kind: "Internal",
      text: "rpc error: code = Internal desc = paginate: invalid request, either offset or key is expected, got both",
    });
  });

  it("AccountAddressByID: by account_id; the deprecated id is refused", () => {
    const res = QueryAccountAddressByIDResponse.decode(s.call("AccountAddressByID", QueryAccountAddressByIDRequest.encode({ id: 0n, accountId: 13n }).finish()));
    expect(res.accountAddress).toBe("st1qvpsxqcrqvpsxqcrqvpsxqcrqvpsxqcr72jgdk");
    expect(failure(() => s.call("AccountAddressByID", QueryAccountAddressByIDRequest.encode({ id: 1n, accountId: 0n }).finish())).text).toBe(
      "rpc error: code = InvalidArgument desc = requesting with id isn't supported, try to request using account-id",
    );
    expect(failure(() => s.call("AccountAddressByID", QueryAccountAddressByIDRequest.encode({ id: 0n, accountId: 99n }).finish())).text).toBe(
      "rpc error: code = NotFound desc = account address not found with account number 99",
    );
  });

  it("module account queries create missing accounts only in a discarded branch", () => {
    const res = QueryModuleAccountsResponse.decode(s.call("ModuleAccounts", QueryModuleAccountsRequest.encode({}).finish()));
    expect(res.accounts).toHaveLength(20);
    expect(res.accounts.every((a) => a.typeUrl === "/cosmos.auth.v1beta1.ModuleAccount")).toBe(true);
    const committed = { kv: (n: string) => s.store.getReader(n) };
    expect(s.auth.keeper.getAllAccounts(committed)).toHaveLength(5);
    expect(s.auth.keeper.hasAccount(committed, moduleAddress("fee_collector"))).toBe(false);
    expect(failure(() => s.call("ModuleAccountByName", QueryModuleAccountByNameRequest.encode({ name: "" }).finish())).text).toBe(
      "rpc error: code = InvalidArgument desc = module name is empty",
    );
  });

  it("Bech32Prefix is st", () => {
    expect(Bech32PrefixResponse.decode(s.call("Bech32Prefix", Bech32PrefixRequest.encode({}).finish())).bech32Prefix).toBe("st");
  });

  it("AddressBytesToString / AddressStringToBytes", () => {
    const text = AddressBytesToStringResponse.decode(s.call("AddressBytesToString", AddressBytesToStringRequest.encode({ addressBytes: addr(1) }).finish()));
    expect(text.addressString).toBe(ST[1]);
    expect(failure(() => s.call("AddressBytesToString", AddressBytesToStringRequest.encode({ addressBytes: new Uint8Array() }).finish()))).toEqual({
      kind: "plain",
      text: "empty address bytes is not allowed",
    });
    const bytes = AddressStringToBytesResponse.decode(s.call("AddressStringToBytes", AddressStringToBytesRequest.encode({ addressString: ST[2] }).finish()));
    expect(bytes.addressBytes).toEqual(addr(2));
    expect(failure(() => s.call("AddressStringToBytes", AddressStringToBytesRequest.encode({ addressString: " \t" }).finish()))).toEqual({
      kind: "plain",
      text: "empty address string is not allowed",
    });
    expect(failure(() => s.call("AddressStringToBytes", AddressStringToBytesRequest.encode({ addressString: "cosmos10e0525sfrf53yh2aljmm3sn9jq5njk7lyqvxq3" }).finish()))).toEqual({
      kind: "registered",
      text: "hrp does not match bech32Prefix: internal logic error",
      code: 35,
    });
    expect(failure(() => s.call("AddressStringToBytes", AddressStringToBytesRequest.encode({ addressString: "st14tqf0h" }).finish()))).toEqual({
      kind: "registered",
      text: "addresses cannot be empty: unknown address",
      code: 9,
    });
  });
});
