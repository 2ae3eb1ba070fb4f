import { describe, expect, it } from "vitest";
import { GetTxRequest, GetTxResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { RootMultiStore } from "../../store/rootMultiStore.js";
import { QueryRouter } from "../queryRouter.js";
import { GET_TX_PATH, getTxHandler, goHexDecodeError, type RpcTx, type TxLookup } from "./getTx.js";

const HASH = "AB".repeat(32);
const TX = TxRaw.encode({ bodyBytes: Uint8Array.of(0x12, 1, 0x78), authInfoBytes: new Uint8Array(), signatures: [Uint8Array.of(1, 2)] }).finish();
const FOUND: RpcTx = {
  hash: HASH,
  height: 7n,
  tx: TX,
  result: {
    code: 0,
    codespace: "",
    data: Uint8Array.of(0x0a, 0xff),
    log: '[{"msg_index":0,"events":[{"type":"message","attributes":[{"key":"action","value":"/x.v1.MsgY"}]}]}]',
    info: "",
    gasWanted: 200_000n,
    gasUsed: 61_234n,
    events: [{ type: "tx", attributes: [{ key: "fee", value: "1wei", index: true }] }],
  },
};

const lookup: TxLookup = {
  tx: async (hash) => (hash === HASH || hash === HASH.toLowerCase() ? FOUND : undefined),
  blockTime: async () => "2024-05-01T10:20:30.123456789Z",
};

async function committedStore(): Promise<RootMultiStore> {
  const store = new RootMultiStore();
  store.mount("acc", "iavl");
  await store.load();
  store.working().getStore("acc").set(Uint8Array.of(1), Uint8Array.of(1));
  await store.commit();
  return store;
}

async function query(hash: string) {
  const router = new QueryRouter("1");
  router.register(GET_TX_PATH, getTxHandler(lookup));
  return router.handle({ path: GET_TX_PATH, data: GetTxRequest.encode({ hash }).finish(), height: 0n, prove: false }, await committedStore(), "c");
}

describe("GetTx via ABCI query (SDK v0.47 x/auth/tx service, abci-cosmjs.md §2.3)", () => {
  it("returns the tx and its TxResponse at the committed height", async () => {
    const res = await query(HASH.toLowerCase());
    expect([res.code, res.height]).toEqual([0, 1n]);
    const out = GetTxResponse.decode(res.value);
    expect(out.tx?.signatures).toEqual([Uint8Array.of(1, 2)]);
    expect(out.txResponse).toMatchObject({
      height: 7n,
      txhash: HASH,
      code: 0,
      data: "0AFF",
      rawLog: FOUND.result.log,
      gasWanted: 200_000n,
      gasUsed: 61_234n,
      timestamp: "2024-05-01T10:20:30Z",
      tx: { typeUrl: "/cosmos.tx.v1beta1.Tx", value: TX },
    });
    expect(out.txResponse?.logs).toEqual([{ msgIndex: 0, log: "", events: [{ type: "message", attributes: [{ key: "action", value: "/x.v1.MsgY" }] }] }]);
    expect(out.txResponse?.events).toEqual(FOUND.result.events);
  });

  it("maps errors as the SDK: empty → 18 (InvalidArgument), unknown → 22 (NotFound), bad hex → 18 (plain error)", async () => {
    expect(await query("")).toMatchObject({ code: 18, log: "rpc error: code = InvalidArgument desc = tx hash cannot be empty: invalid request" });
    const missing = "CD".repeat(32);
    expect(await query(missing)).toMatchObject({ code: 22, codespace: "sdk", log: `rpc error: code = NotFound desc = tx not found: ${missing}: key not found` });
    expect(await query("abcg")).toMatchObject({ code: 18, log: "encoding/hex: invalid byte: U+0067 'g': invalid request" });
    expect(await query("abc")).toMatchObject({ code: 18, log: "encoding/hex: odd length hex string: invalid request" });
  });

  it.each([
    { name: "valid", s: "00ffAB", want: undefined },
    { name: "odd length", s: "abc", want: "encoding/hex: odd length hex string" },
    { name: "bad high nibble first", s: "zg", want: "encoding/hex: invalid byte: U+007A 'z'" },
    { name: "bad last byte before odd length", s: "abz", want: "encoding/hex: invalid byte: U+007A 'z'" },
    { name: "control byte without a quote", s: "a\n", want: "encoding/hex: invalid byte: U+000A" },
    { name: "non-ASCII: first UTF-8 byte", s: "é0", want: "encoding/hex: invalid byte: U+00C3 'Ã'" },
  ])("Go hex.DecodeString error text: $name", ({ s, want }) => {
    expect(goHexDecodeError(s)).toBe(want);
  });
});
