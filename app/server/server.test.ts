import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryAllBalancesRequest } from "cosmjs-types/cosmos/bank/v1beta1/query";
import { fromBinary } from "@bufbuild/protobuf";
import { QueryDepositByNodeRequestSchema, QueryResourceNodeRequestSchema } from "../codec/stratos/register/v1/query_pb.js";
import { parseHeightHeader } from "./dispatch.js";
import { compileTemplate, matchTemplate } from "./httpRule.js";
import { QueryScheduler } from "./scheduler.js";
import { type RunningNodeServices, type ServedApp, startNodeServices } from "./index.js";
import { Code, ServiceError } from "./status.js";
import { invalidArgument } from "../baseapp/queryRouter.js";

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, "hex"));

// spec-register §11 R12: the ResourceNode answer bytes and the gateway JSON the reference writes for them
// (the same vector app/modules/register/queries.test.ts checks in-process).
const R12_ADDR = "stsds1wtxkappzcsrlkmgfs6g0zyct0hkhashhvkkdqa";
const R12_BYTES = hex(
  "0af701" +
    "0a2c7374736473317774786b6170707a6373726c6b6d6766733667307a79637430686b6861736868766b6b647161" +
    "12430a1d2f636f736d6f732e63727970746f2e656432353531392e5075624b657912220a20" + "01".repeat(32) +
    "1801" + "2003" + "2a13" + "32" + "30".repeat(18) +
    "32297374316b78636d727664336b78636d727664336b78636d727664336b78636d72766433763332776470" +
    "3a060a0472657336" + "42060880c9e9b206" + "4804" + "520130" +
    "5a297374316b78636d727664336b78636d727664336b78636d727664336b78636d72766433763332776470",
);
const R12_JSON =
  '{"node":{"network_address":"stsds1wtxkappzcsrlkmgfs6g0zyct0hkhashhvkkdqa","pubkey":{"@type":"/cosmos.crypto.ed25519.PubKey","key":"AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="},"suspend":true,"status":"BOND_STATUS_BONDED","tokens":"2000000000000000000","owner_address":"st1kxcmrvd3kxcmrvd3kxcmrvd3kxcmrvd3v32wdp","description":{"moniker":"res6","identity":"","website":"","security_contact":"","details":""},"creation_time":"2024-06-01T00:00:00Z","node_type":4,"effective_tokens":"0","beneficiary_address":"st1kxcmrvd3kxcmrvd3kxcmrvd3kxcmrvd3v32wdp"}}';
// A not-found DepositByNode (spec-register §6): Go's zero DepositInfo.
const ZERO_DEPOSIT_BYTES = hex("0a212a01303a00420b088092b8c398feffffff0152031201305a031201306203120130");
const ZERO_DEPOSIT_JSON =
  '{"deposit_info":{"network_address":"","pubkey":null,"suspend":false,"status":"BOND_STATUS_UNSPECIFIED","tokens":"0",' +
  '"owner_address":"","description":{"moniker":"","identity":"","website":"","security_contact":"","details":""},' +
  '"creation_time":"0001-01-01T00:00:00Z","node_type":0,"bonded_deposit":{"denom":"","amount":"0"},' +
  '"un_bonding_deposit":{"denom":"","amount":"0"},"un_bonded_deposit":{"denom":"","amount":"0"}}}';

// spec-sds F1: the FileInfo stored for H after U1's upload at height 100, as Fileupload answers it.
const F1_HASH = "v05j1m50shbvpa1k5obmkngon9sq74a3rarcl2uo";
const F1_UPLOADER = "st10e0525sfrf53yh2aljmm3sn9jq5njk7lcdc5pv";
const F1_BYTES = hex("0a3a" + "0a03313030" + "12080100000000000000" + "1a29" + Buffer.from(F1_UPLOADER).toString("hex"));
const F1_JSON = `{"file_info":{"height":"100","reporters":"AQAAAAAAAAA=","uploader":"${F1_UPLOADER}"}}`;

describe("REST gateway in-process (stub app, spec vectors)", () => {
  const seen = new Map<string, Uint8Array>();
  const answers = new Map<string, Uint8Array>([
    ["/stratos.register.v1.Query/ResourceNode", R12_BYTES],
    ["/stratos.register.v1.Query/DepositByNode", ZERO_DEPOSIT_BYTES],
    ["/cosmos.bank.v1beta1.Query/AllBalances", new Uint8Array()],
    ["/stratos.sds.v1.Query/Fileupload", F1_BYTES],
  ]);
  const app: ServedApp = {
    lastHeight: 7,
    servesQuery: (path) => answers.has(path) || path === "/cosmos.bank.v1beta1.Query/Balance",
    grpcQuery(path, data, height) {
      seen.set(path, data);
      if (path === "/cosmos.bank.v1beta1.Query/Balance") throw invalidArgument("invalid address: decoding bech32 failed");
      return { value: answers.get(path)!, height: height === 0n ? 7 : Number(height) };
    },
    query: () => {
      throw new Error("not used");
    },
  };
  let services: RunningNodeServices;
  let base: string;

  beforeAll(async () => {
    services = await startNodeServices(app, {
      config: { grpc: { enable: false, address: "" }, api: { enable: true, address: "127.0.0.1:0", enabledUnsafeCors: true } },
      cometRpc: "http://127.0.0.1:9",
      minimumGasPrices: "1000000000wei",
    }, "stratos-ts", "test");
    base = `http://${services.restAddress}`;
  });
  afterAll(async () => services?.close());

  it("R12 ResourceNode: the path variable reaches the request, the answer is the reference's gateway JSON byte for byte", async () => {
    const res = await fetch(`${base}/stratos/register/v1/resource_node/${R12_ADDR}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(R12_JSON);
    expect(res.headers.get("grpc-metadata-x-cosmos-block-height")).toBe("7");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(fromBinary(QueryResourceNodeRequestSchema, seen.get("/stratos.register.v1.Query/ResourceNode")!).networkAddr).toBe(R12_ADDR);
  });

  it("sds F1 Fileupload: the reference's gateway JSON (Int as string, bytes base64)", async () => {
    const res = await fetch(`${base}/stratos/sds/v1/file_upload/${F1_HASH}`);
    expect(await res.text()).toBe(F1_JSON);
  });

  it("a zero DepositByNode: two path variables (one an int32), unset messages as null, defaults emitted", async () => {
    const res = await fetch(`${base}/stratos/register/v1/deposit_by_node/${R12_ADDR}/2`);
    expect(await res.text()).toBe(ZERO_DEPOSIT_JSON);
    const req = fromBinary(QueryDepositByNodeRequestSchema, seen.get("/stratos.register.v1.Query/DepositByNode")!);
    expect(req).toMatchObject({ networkAddr: R12_ADDR, queryType: 2 });
    expect((await fetch(`${base}/stratos/register/v1/deposit_by_node/${R12_ADDR}/x`)).status).toBe(400);
  });

  it("nested pagination parameters by proto or JSON name, base64 keys (standard or URL-safe)", async () => {
    const res = await fetch(`${base}/cosmos/bank/v1beta1/balances/st1abc?pagination.key=AAE%2B&pagination.limit=5&pagination.reverse=true&pagination.countTotal=1&unknown=3`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"balances":[],"pagination":null}');
    const req = QueryAllBalancesRequest.decode(seen.get("/cosmos.bank.v1beta1.Query/AllBalances")!);
    expect(req.address).toBe("st1abc");
    expect(req.pagination).toMatchObject({ key: Uint8Array.from([0, 1, 0x3e]), limit: 5n, reverse: true, countTotal: true, offset: 0n });
    await fetch(`${base}/cosmos/bank/v1beta1/balances/st1abc?pagination.key=AAE-`);
    expect(QueryAllBalancesRequest.decode(seen.get("/cosmos.bank.v1beta1.Query/AllBalances")!).pagination?.key).toEqual(Uint8Array.from([0, 1, 0x3e]));
    const bad = await fetch(`${base}/cosmos/bank/v1beta1/balances/st1abc?pagination.offset=-1`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/pagination\.offset/);
  });

  it("handler statuses and height header become the gateway's HTTP errors; preflight for browsers", async () => {
    const bad = await fetch(`${base}/cosmos/bank/v1beta1/balances/nope/by_denom?denom=wei`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ code: 3, message: "invalid address: decoding bech32 failed", details: [] });
    const future = await fetch(`${base}/stratos/register/v1/resource_node/${R12_ADDR}`, { headers: { "x-cosmos-block-height": "8" } });
    expect(future.status).toBe(400);
    expect(((await future.json()) as { message: string }).message).toBe(
      "codespace sdk code 26: invalid height: cannot query with height in the future; please provide a valid height",
    );
    const past = await fetch(`${base}/stratos/register/v1/resource_node/${R12_ADDR}`, { headers: { "x-cosmos-block-height": "3" } });
    expect(past.headers.get("grpc-metadata-x-cosmos-block-height")).toBe("3");
    const preflight = await fetch(`${base}/cosmos/tx/v1beta1/simulate`, { method: "OPTIONS", headers: { "Access-Control-Request-Headers": "content-type" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("x-cosmos-block-height parsing (Go strconv.ParseInt, as the SDK interceptor)", () => {
  it("reads one value; none or several mean the latest", () => {
    expect(parseHeightHeader([])).toBe(0n);
    expect(parseHeightHeader(["12"])).toBe(12n);
    expect(parseHeightHeader(["+12"])).toBe(12n);
    expect(parseHeightHeader(["1", "2"])).toBe(0n);
  });
  it("refuses junk, int64 overflow and negatives as invalid requests", () => {
    expect(() => parseHeightHeader(["1.5"])).toThrow(/invalid syntax/);
    expect(() => parseHeightHeader(["9223372036854775808"])).toThrow(/value out of range/);
    expect(() => parseHeightHeader(["-1"])).toThrow(/height < 0/);
  });
});

describe("google.api.http templates", () => {
  it("variables, nested templates, ** and verbs", () => {
    const t = compileTemplate("/cosmos/bank/v1beta1/balances/{address}/by_denom");
    expect(matchTemplate(t, ["cosmos", "bank", "v1beta1", "balances", "st1x", "by_denom"], undefined)).toEqual(new Map([["address", "st1x"]]));
    expect(matchTemplate(t, ["cosmos", "bank", "v1beta1", "balances", "st1x"], undefined)).toBeUndefined();
    const deep = compileTemplate("/files/{name=dir/**}");
    expect(matchTemplate(deep, ["files", "dir", "a", "b"], undefined)?.get("name")).toBe("dir/a/b");
    const verb = compileTemplate("/v1/{id}:cancel");
    expect(matchTemplate(verb, ["v1", "7"], "cancel")?.get("id")).toBe("7");
    expect(matchTemplate(verb, ["v1", "7"], undefined)).toBeUndefined();
    expect(compileTemplate("/a/b/latest").literals).toBeGreaterThan(compileTemplate("/a/b/{height}").literals);
  });
});

describe("query scheduler", () => {
  it("refuses work beyond its queue with RESOURCE_EXHAUSTED and keeps answering the rest", async () => {
    const s = new QueryScheduler({ maxPending: 3, sliceMs: 1 });
    const runs = [1, 2, 3, 4].map((n) => s.run(() => n).then((v) => v, (e: ServiceError) => e.code));
    expect(await Promise.all(runs)).toEqual([1, 2, 3, Code.RESOURCE_EXHAUSTED]);
    expect(await s.run(() => 5)).toBe(5);
  });
  it("ends slow asynchronous work with DEADLINE_EXCEEDED", async () => {
    const s = new QueryScheduler({ timeoutMs: 50 });
    const slow = s.run(() => new Promise((r) => setTimeout(() => r(1), 1_000)));
    await expect(slow).rejects.toMatchObject({ code: Code.DEADLINE_EXCEEDED });
  });
  it("returns to the event loop between slices, so other I/O is not starved by a flood", async () => {
    const s = new QueryScheduler({ sliceMs: 2, maxPending: 100_000 });
    const busy = (): number => {
      const end = performance.now() + 0.5; // det-ok: test
      let n = 0;
      while (performance.now() < end) n++; // det-ok: test
      return n;
    };
    const flood = Array.from({ length: 400 }, () => s.run(busy));
    const started = performance.now(); // det-ok: test
    const tick = await new Promise<number>((resolve) => setImmediate(() => resolve(performance.now() - started))); // det-ok: test
    expect(tick).toBeLessThan(50);
    await Promise.all(flood);
  });
});
