import { describe, expect, it } from "vitest";
import { AuthInfo, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { TxMsgData } from "cosmjs-types/cosmos/base/abci/v1beta1/abci";
import { memoryMultiStore } from "../../store/memory.js";
import { TEST_HEADER } from "../testing.js";
import { registerError } from "../errors.js";
import { legacyEvent } from "../events.js";
import { MsgRouter, msgRoute } from "../msgs.js";
import type { AnteHandler } from "./decodedTx.js";
import { TxExecutor } from "./pipeline.js";
import { formatBech32Address } from "../../crypto/address.js";

/** A toy module: MsgSet writes key=value into store "test"; `fail` makes it fail after writing. */
interface MsgSet {
  key: string;
  value: string;
  fail?: boolean;
  signer: number;
}
const ErrToy = registerError("toy", 7, "toy failure");
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined): string | undefined => (b ? new TextDecoder().decode(b) : undefined);

const router = new MsgRouter();
router.register(
  msgRoute<MsgSet>({
    typeUrl: "/toy.v1.MsgSet",
    decode: (v) => JSON.parse(dec(v)!) as MsgSet,
    validateBasic: (m) => {
      if (m.key === "") throw registerError("toy", 8, "empty key");
    },
    signers: (m) => [new Uint8Array(20).fill(m.signer)],
    handle: (ctx, m) => {
      ctx.kv("test").set(enc(m.key), enc(m.value));
      ctx.emit(legacyEvent("toy_set", { key: m.key }));
      if (m.fail) throw ErrToy.wrap(`cannot set ${m.key}`);
      return { typeUrl: "/toy.v1.MsgSetResponse", value: enc(m.key) };
    },
  }),
);

/** Ante: charges 1,000 gas, bumps a counter in store "ante", emits a tx event; memo "ante-fail" fails it. */
const ante: AnteHandler = (ctx, tx) => {
  ctx.gasMeter.consumeGas(1000n, "toy ante");
  if (tx.body.memo === "ante-fail") throw registerError("toy", 9, "ante says no");
  const store = ctx.kv("ante");
  const n = Number(dec(store.get(enc("count"))) ?? "0");
  store.set(enc("count"), enc(String(n + 1)));
  ctx.emit(legacyEvent("tx", { fee: "1wei" }));
};

function txBytes(msgs: MsgSet[], opts: { memo?: string; gasLimit?: bigint; typeUrl?: string } = {}): Uint8Array {
  const body = TxBody.encode(
    TxBody.fromPartial({
      memo: opts.memo ?? "",
      messages: msgs.map((m) => ({ typeUrl: opts.typeUrl ?? "/toy.v1.MsgSet", value: enc(JSON.stringify(m)) })),
    }),
  ).finish();
  const authInfo = AuthInfo.encode(AuthInfo.fromPartial({ fee: { amount: [], gasLimit: opts.gasLimit ?? 1_000_000n } })).finish();
  return TxRaw.encode({ bodyBytes: body, authInfoBytes: authInfo, signatures: [new Uint8Array(64)] }).finish();
}

const executor = new TxExecutor({ router, ante });
// Signer addresses of the toy messages (20 bytes of 0x01 / 0x02), as the `message.sender` attribute shows them.
const SIGNER1 = formatBech32Address(new Uint8Array(20).fill(1), "st");
const SIGNER2 = formatBech32Address(new Uint8Array(20).fill(2), "st");

describe("TxExecutor (SDK runTx semantics)", () => {
  it("rejects garbage with code 2 and writes nothing", () => {
    const state = memoryMultiStore();
    const out = executor.deliver(state, TEST_HEADER, new Uint8Array([0xff, 0x01, 0x02]));
    expect([out.codespace, out.code]).toEqual(["sdk", 2]);
    expect(out.log).toMatch(/tx parse error$/);
    expect(state.getReader("ante").get(enc("count"))).toBeUndefined();
  });

  it("rejects an unknown message type with code 6 before the ante (no fee, no sequence)", () => {
    const state = memoryMultiStore();
    const out = executor.deliver(state, TEST_HEADER, txBytes([{ key: "a", value: "1", signer: 1 }], { typeUrl: "/nope.v1.MsgX" }));
    expect([out.codespace, out.code]).toEqual(["sdk", 6]);
    expect(out.log).toBe("unrecognized message type: /nope.v1.MsgX; message index: 0: unknown request");
    expect(state.getReader("ante").get(enc("count"))).toBeUndefined();
  });

  it("requires at least one message (code 18) and runs ValidateBasic before the ante", () => {
    const state = memoryMultiStore();
    expect(executor.deliver(state, TEST_HEADER, txBytes([])).log).toBe("must contain at least one message: invalid request");
    const bad = executor.deliver(state, TEST_HEADER, txBytes([{ key: "", value: "1", signer: 1 }]));
    expect([bad.codespace, bad.code]).toEqual(["toy", 8]);
    expect(state.getReader("ante").get(enc("count"))).toBeUndefined();
  });

  it("commits every message and the ante on success, with message events, logs and TxMsgData", () => {
    const state = memoryMultiStore();
    const out = executor.deliver(state, TEST_HEADER, txBytes([{ key: "a", value: "1", signer: 1 }, { key: "b", value: "2", signer: 2 }]));
    expect(out.code).toBe(0);
    expect(dec(state.getReader("test").get(enc("a")))).toBe("1");
    expect(dec(state.getReader("test").get(enc("b")))).toBe("2");
    expect(dec(state.getReader("ante").get(enc("count")))).toBe("1");
    expect(out.events.map((e) => e.type)).toEqual(["tx", "message", "toy_set", "message", "toy_set"]);
    const msgEvent = out.events[1]!;
    expect(msgEvent.attributes.map((a) => [a.key, a.value, a.index])).toEqual([
      ["action", "/toy.v1.MsgSet"],
      ["sender", SIGNER1],
      ["module", "v1"],
    ].map(([k, v]) => [k, v, true]));
    const data = TxMsgData.decode(out.data);
    expect(data.msgResponses.map((r) => [r.typeUrl, dec(r.value)])).toEqual([
      ["/toy.v1.MsgSetResponse", "a"],
      ["/toy.v1.MsgSetResponse", "b"],
    ]);
    // Amino JSON as reference chains print it: no empty per-message "log" key (gogoproto omitempty).
    expect(out.log.startsWith('[{"msg_index":0,"events":[{"type":"message","attributes":[{"key":"action","value":"/toy.v1.MsgSet"}')).toBe(true);
    expect(JSON.parse(out.log)).toEqual([
      { msg_index: 0, events: [{ type: "message", attributes: [{ key: "action", value: "/toy.v1.MsgSet" }, { key: "sender", value: SIGNER1 }, { key: "module", value: "v1" }] }, { type: "toy_set", attributes: [{ key: "key", value: "a" }] }] },
      { msg_index: 1, events: [{ type: "message", attributes: [{ key: "action", value: "/toy.v1.MsgSet" }, { key: "sender", value: SIGNER2 }, { key: "module", value: "v1" }] }, { type: "toy_set", attributes: [{ key: "key", value: "b" }] }] },
    ]);
    expect(out.gasUsed).toBeGreaterThan(1000n);
    expect(out.gasWanted).toBe(1_000_000n);
  });

  it("a failing second message reverts the first; the ante's writes (fee, sequence) and events stay", () => {
    const state = memoryMultiStore();
    const out = executor.deliver(state, TEST_HEADER, txBytes([{ key: "a", value: "1", signer: 1 }, { key: "b", value: "2", fail: true, signer: 1 }]));
    expect([out.codespace, out.code]).toEqual(["toy", 7]);
    expect(out.log).toBe("failed to execute message; message index: 1: cannot set b: toy failure");
    expect(state.getReader("test").get(enc("a"))).toBeUndefined();
    expect(state.getReader("test").get(enc("b"))).toBeUndefined();
    expect(dec(state.getReader("ante").get(enc("count")))).toBe("1");
    expect(out.events.map((e) => e.type)).toEqual(["tx"]);
    expect(out.data).toHaveLength(0);
  });

  it("running out of gas inside the ante writes nothing", () => {
    const state = memoryMultiStore();
    const out = executor.deliver(state, TEST_HEADER, txBytes([{ key: "a", value: "1", signer: 1 }], { gasLimit: 1500n }));
    expect([out.codespace, out.code]).toEqual(["sdk", 11]);
    expect(state.getReader("ante").get(enc("count"))).toBeUndefined();
    expect(out.events).toHaveLength(0);
  });

  it("an ante failure writes nothing and carries no events", () => {
    const state = memoryMultiStore();
    const out = executor.deliver(state, TEST_HEADER, txBytes([{ key: "a", value: "1", signer: 1 }], { memo: "ante-fail" }));
    expect([out.codespace, out.code, out.log]).toEqual(["toy", 9, "ante says no"]);
    expect(state.getReader("ante").get(enc("count"))).toBeUndefined();
    expect(out.events).toHaveLength(0);
  });

  it("runs out of gas with code 11 and the SDK's log; gas used may pass the limit", () => {
    const state = memoryMultiStore();
    // The toy ante costs ~4,200 gas (1,000 + a read + a write); the message's write does not fit in 5,000.
    const out = executor.deliver(state, TEST_HEADER, txBytes([{ key: "a", value: "1", signer: 1 }], { gasLimit: 5000n }));
    expect([out.codespace, out.code]).toEqual(["sdk", 11]);
    expect(out.log).toMatch(/^out of gas in location: \S.*; gasWanted: 5000, gasUsed: \d+: out of gas$/);
    expect(out.gasUsed).toBeGreaterThan(5000n);
    expect(state.getReader("test").get(enc("a"))).toBeUndefined();
    expect(dec(state.getReader("ante").get(enc("count")))).toBe("1");
  });

  it("CheckTx runs only the ante (no message writes), and RECHECK is the same path", () => {
    const state = memoryMultiStore().branch();
    const out = executor.check(state, TEST_HEADER, txBytes([{ key: "a", value: "1", signer: 1 }]), false);
    expect(out.code).toBe(0);
    expect(out.events).toHaveLength(0);
    expect(out.log).toBe("[]"); // SDK v0.47: the empty message log of a runMsgs that stops before the first message
    expect(out.data).toHaveLength(0);
    expect(state.getReader("test").get(enc("a"))).toBeUndefined();
    expect(dec(state.getReader("ante").get(enc("count")))).toBe("1");
    expect(executor.check(state, TEST_HEADER, txBytes([{ key: "a", value: "1", signer: 1 }]), true).code).toBe(0);
    expect(dec(state.getReader("ante").get(enc("count")))).toBe("2");
  });

  it("Simulate reports gas and the result without touching the state", () => {
    const state = memoryMultiStore();
    const sim = executor.simulate(state, TEST_HEADER, txBytes([{ key: "a", value: "1", signer: 1 }], { gasLimit: 0n }));
    expect(sim.outcome.code).toBe(0);
    expect(sim.outcome.gasUsed).toBeGreaterThan(1000n);
    expect(sim.outcome.gasWanted).toBe((1n << 64n) - 1n);
    expect(sim.msgResponses.map((r) => r.typeUrl)).toEqual(["/toy.v1.MsgSetResponse"]);
    expect(state.getReader("test").get(enc("a"))).toBeUndefined();
    expect(state.getReader("ante").get(enc("count"))).toBeUndefined();
  });

  it("turns a handler bug (a plain exception) into the panic code, and reports it", () => {
    const bugs: unknown[] = [];
    const buggy = new TxExecutor({
      router,
      ante: () => {
        throw new TypeError("cannot read properties of undefined");
      },
      onInternalError: (e) => bugs.push(e),
    });
    const out = buggy.deliver(memoryMultiStore(), TEST_HEADER, txBytes([{ key: "a", value: "1", signer: 1 }]));
    expect([out.codespace, out.code]).toEqual(["undefined", 111222]);
    expect(bugs).toHaveLength(1);
  });

  it("rejects unknown critical protobuf fields in the body (code 2) but allows non-critical ones", () => {
    const body = TxBody.encode(TxBody.fromPartial({ messages: [{ typeUrl: "/toy.v1.MsgSet", value: enc(JSON.stringify({ key: "a", value: "1", signer: 1 })) }] })).finish();
    const withField = (field: number): Uint8Array => {
      const tag = [(field << 3) | 0];
      const extra = field > 127 ? Uint8Array.of(((field << 3) & 0x7f) | 0x80, (field << 3) >> 7, 1) : Uint8Array.of(...tag, 1);
      const b = new Uint8Array([...body, ...extra]);
      const authInfo = AuthInfo.encode(AuthInfo.fromPartial({ fee: { amount: [], gasLimit: 1_000_000n } })).finish();
      return TxRaw.encode({ bodyBytes: b, authInfoBytes: authInfo, signatures: [new Uint8Array(64)] }).finish();
    };
    const critical = executor.deliver(memoryMultiStore(), TEST_HEADER, withField(4)); // `unordered` of later SDKs
    expect([critical.codespace, critical.code]).toEqual(["sdk", 2]);
    expect(critical.log).toContain("TagNum: 4");
    expect(executor.deliver(memoryMultiStore(), TEST_HEADER, withField(1025)).code).toBe(0);
  });

  it("allows non-critical unknown fields inside the body's Anys too (RejectUnknownFields passes the flag down)", () => {
    const value = enc(JSON.stringify({ key: "a", value: "1", signer: 1 }));
    const anyBytes = (extra: number[]): Uint8Array =>
      new Uint8Array([0x0a, 14, ...enc("/toy.v1.MsgSet"), 0x12, value.length, ...value, ...extra]);
    const tx = (extra: number[]): Uint8Array => {
      const any = anyBytes(extra);
      const body = new Uint8Array([0x0a, any.length, ...any]);
      const authInfo = AuthInfo.encode(AuthInfo.fromPartial({ fee: { amount: [], gasLimit: 1_000_000n } })).finish();
      return TxRaw.encode({ bodyBytes: body, authInfoBytes: authInfo, signatures: [new Uint8Array(64)] }).finish();
    };
    expect(executor.deliver(memoryMultiStore(), TEST_HEADER, tx([0x88, 0x40, 1])).code).toBe(0); // field 1025, varint
    const critical = executor.deliver(memoryMultiStore(), TEST_HEADER, tx([0x20, 1])); // field 4, varint
    expect([critical.codespace, critical.code]).toEqual(["sdk", 2]);
  });

  it("resolves extension option type URLs at decode time: unknown ones → code 2 (critical or not)", () => {
    const msg = { typeUrl: "/toy.v1.MsgSet", value: enc(JSON.stringify({ key: "a", value: "1", signer: 1 })) };
    const tx = (opts: { extensionOptions?: { typeUrl: string; value: Uint8Array }[]; nonCriticalExtensionOptions?: { typeUrl: string; value: Uint8Array }[] }): Uint8Array => {
      const body = TxBody.encode(TxBody.fromPartial({ messages: [msg], ...opts })).finish();
      const authInfo = AuthInfo.encode(AuthInfo.fromPartial({ fee: { amount: [], gasLimit: 1_000_000n } })).finish();
      return TxRaw.encode({ bodyBytes: body, authInfoBytes: authInfo, signatures: [new Uint8Array(64)] }).finish();
    };
    const unknown = { typeUrl: "/nope.v1.Option", value: new Uint8Array() };
    for (const out of [
      executor.deliver(memoryMultiStore(), TEST_HEADER, tx({ extensionOptions: [unknown] })),
      executor.deliver(memoryMultiStore(), TEST_HEADER, tx({ nonCriticalExtensionOptions: [unknown] })),
    ]) {
      expect([out.codespace, out.code, out.log]).toEqual(["sdk", 2, "unable to resolve type URL /nope.v1.Option: tx parse error"]);
      expect(out.gasWanted).toBe(0n);
    }
    // A routed message type resolves (the toy ante does not refuse extension options).
    expect(executor.deliver(memoryMultiStore(), TEST_HEADER, tx({ nonCriticalExtensionOptions: [msg] })).code).toBe(0);
    // The EVM option has no fields: an unknown critical field inside it is refused like any other.
    const evmWithField = { typeUrl: "/stratos.evm.v1.ExtensionOptionsEthereumTx", value: Uint8Array.of(0x08, 1) };
    expect(executor.deliver(memoryMultiStore(), TEST_HEADER, tx({ nonCriticalExtensionOptions: [evmWithField] })).code).toBe(2);
  });
});
