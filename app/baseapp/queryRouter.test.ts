import { beforeEach, describe, expect, it } from "vitest";
import { Pairs } from "cosmjs-types/cosmos/store/internal/kv/v1beta1/kv";
import type { RequestQuery } from "cosmjs-types/tendermint/abci/types";
import { RootMultiStore } from "../store/rootMultiStore.js";
import { registerError } from "./errors.js";
import { QueryRouter, invalidArgument, notFound } from "./queryRouter.js";

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const ErrThing = registerError("thing", 3, "thing is broken");

function request(path: string, height = 0n, data: Uint8Array = new Uint8Array(), prove = false): RequestQuery {
  return { path, data, height, prove };
}

async function storeWithBlocks(blocks: number): Promise<RootMultiStore> {
  const store = new RootMultiStore();
  store.mount("acc", "iavl");
  store.mount("bank", "iavl");
  await store.load();
  for (let h = 1; h <= blocks; h++) {
    store.working().getStore("acc").set(enc(`k${h}`), enc(`v${h}`));
    store.working().getStore("bank").set(enc("b"), enc(`${h}`));
    await store.commit();
  }
  return store;
}

let router: QueryRouter;
beforeEach(() => {
  router = new QueryRouter("9.9.9");
  router.register("/test.Query/Echo", (ctx, data) => new Uint8Array([...data, ctx.height]));
  router.register("/test.Query/Missing", () => {
    throw notFound("thing 7 not found");
  });
  router.register("/test.Query/Bad", () => {
    throw invalidArgument("empty request");
  });
  router.register("/test.Query/Registered", () => {
    throw ErrThing.wrap("while asking");
  });
  router.register("/test.Query/Async", async (ctx) => new Uint8Array([ctx.height]));
});

describe("QueryRouter (SDK BaseApp.Query semantics)", () => {
  it("refuses queries before the first block with code 26", async () => {
    const store = await storeWithBlocks(0);
    const res = router.handle(request("/test.Query/Echo"), store, "c");
    expect(res).toMatchObject({ code: 26, codespace: "sdk", log: "stratos-ts is not ready; please wait for first block: invalid height" });
  });

  it("answers at the last committed height for height 0, and at a retained height when asked", async () => {
    const store = await storeWithBlocks(3);
    expect(router.handle(request("/test.Query/Echo", 0n, Uint8Array.of(9)), store, "c")).toMatchObject({ code: 0, height: 3n, value: Uint8Array.of(9, 3) });
    expect(router.handle(request("/test.Query/Echo", 2n), store, "c")).toMatchObject({ code: 0, height: 2n, value: Uint8Array.of(2) });
    expect(router.handle(request("/test.Query/Echo", 4n), store, "c")).toMatchObject({
      code: 26,
      log: "cannot query with height in the future; please provide a valid height: invalid height",
    });
    const asyncRes = await router.handle(request("/test.Query/Async"), store, "c");
    expect(asyncRes).toMatchObject({ code: 0, height: 3n, value: Uint8Array.of(3) });
  });

  it("maps handler errors like gRPCErrorToSDKError", async () => {
    const store = await storeWithBlocks(1);
    expect(router.handle(request("/test.Query/Missing"), store, "c")).toMatchObject({
      code: 22,
      codespace: "sdk",
      log: "rpc error: code = NotFound desc = thing 7 not found: key not found",
    });
    expect(router.handle(request("/test.Query/Bad"), store, "c")).toMatchObject({
      code: 18,
      log: "rpc error: code = InvalidArgument desc = empty request: invalid request",
    });
    expect(router.handle(request("/test.Query/Registered"), store, "c")).toMatchObject({
      code: 6,
      log: "while asking: thing is broken: unknown request",
    });
    expect(router.handle(request("/nope.Query/X"), store, "c")).toMatchObject({ code: 6, log: "unknown query path: /nope.Query/X: unknown request" });
  });

  it("serves /store/<name>/key with ICS23 proof ops, /subspace as Pairs, and /app/version", async () => {
    const store = await storeWithBlocks(3);
    const plain = router.handle(request("/store/acc/key", 0n, enc("k2")), store, "c");
    expect(plain).toMatchObject({ code: 0, height: 3n, value: enc("v2"), key: enc("k2") });
    const proved = router.handle(request("/store/acc/key", 3n, enc("k2"), true), store, "c");
    expect(proved).toMatchObject({ code: 0 });
    expect((proved as { proofOps: { ops: { type: string }[] } }).proofOps.ops.map((o) => o.type)).toEqual(["ics23:iavl", "ics23:simple"]);
    expect(router.handle(request("/store/acc/key", 1n, enc("k1"), true), store, "c")).toMatchObject({
      code: 18,
      log: "cannot query with proof when height <= 1; please provide a valid height: invalid request",
    });
    const sub = router.handle(request("/store/acc/subspace", 0n, enc("k")), store, "c") as { value: Uint8Array };
    expect(Pairs.decode(sub.value).pairs.map((p) => new TextDecoder().decode(p.key))).toEqual(["k1", "k2", "k3"]);
    expect(router.handle(request("/store/nope/key", 0n, enc("k")), store, "c")).toMatchObject({ code: 18 });
    expect(router.handle(request("/app/version"), store, "c")).toMatchObject({ code: 0, value: enc("9.9.9") });
  });

  it("refuses a route registered twice", () => {
    expect(() => router.register("/test.Query/Echo", () => new Uint8Array())).toThrow(/registered twice/);
  });
});
