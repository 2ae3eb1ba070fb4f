/**
 * Replays the reference scenario of reference.vectors.ts step by step on stratos-ts's auth and bank
 * modules and compares everything the reference printed: store bytes, exported genesis, events
 * (types, attribute keys and order), error texts and codes, gas per step and query responses.
 */
import { MsgMultiSend, MsgSend } from "cosmjs-types/cosmos/bank/v1beta1/tx";
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { describe, expect, it } from "vitest";
import type { Context } from "../../baseapp/context.js";
import { TxError } from "../../baseapp/errors.js";
import { QueryError, type QueryContext } from "../../baseapp/queryRouter.js";
import { createTestContext } from "../../baseapp/testing.js";
import { BECH32_PREFIX, formatBech32Address, parseBech32Address } from "../../crypto/address.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { Coins, coin } from "../../math/coins.js";
import { memoryMultiStore } from "../../store/memory.js";
import type { MultiStore } from "../../store/types.js";
import { createAuthModule } from "../auth/index.js";
import { createBankModule } from "./index.js";
import { MSG_MULTI_SEND_TYPE_URL } from "./msgs/multiSend.js";
import { MSG_SEND_TYPE_URL } from "./msgs/send.js";
import {
  ADDR, ALL_BALANCES_PAGES, EXPORTED_AUTH, EXPORTED_BANK, GENESIS_AUTH, GENESIS_BANK, PANICS, QUERIES,
  RAW_ACC_AFTER_GENESIS, RAW_ACC_AFTER_STEPS, RAW_BANK_AFTER_GENESIS, RAW_BANK_AFTER_STEPS, STEPS, SUPPLY_WEI_AFTER_BURN, type StepVector,
} from "./reference.vectors.js";
import { ACCOUNT_BY_ID_1, PAGE_CASES, QUERY_CASES } from "./reference.requests.js";
import { QueryAccountAddressByIDResponse } from "cosmjs-types/cosmos/auth/v1beta1/query";

const addr = (s: string): Uint8Array => parseBech32Address(s, BECH32_PREFIX.account);
/** "1stos,1wei" → Coins, denoms taken literally (no unit normalisation). */
const coins = (s: string): Coins =>
  Coins.fromArray(s.split(",").map((part) => {
    const m = /^(\d+)([a-z]+)$/.exec(part);
    if (m === null) throw new Error(`bad coin ${part}`);
    return coin(m[2]!, BigInt(m[1]!));
  }));
const hex = (b: Uint8Array): string => Buffer.from(b).toString("hex");
const unhex = (h: string): Uint8Array => new Uint8Array(Buffer.from(h, "hex"));
const encodeSt = (a: Uint8Array): string => formatBech32Address(a, BECH32_PREFIX.account);

function setup() {
  const store: MultiStore = memoryMultiStore();
  const auth = createAuthModule();
  const bank = createBankModule(auth.keeper);
  const ctx = (): Context => createTestContext({ store, gasLimit: 10_000_000n });
  const genesisCtx = createTestContext({ store, mode: "initGenesis" });
  auth.module.initGenesis!(genesisCtx, structuredClone(GENESIS_AUTH));
  bank.module.initGenesis!(genesisCtx, structuredClone(GENESIS_BANK));
  const query = (path: string, request: Uint8Array): Uint8Array => {
    const qctx: QueryContext = { height: 1, chainId: "stratos-test-1", store, kv: (n) => store.getReader(n) };
    const handler = auth.module.queries?.[path] ?? bank.module.queries?.[path];
    if (handler === undefined) throw new Error(`no handler for ${path}`);
    const response = handler(qctx, request);
    if (!(response instanceof Uint8Array)) throw new Error(`${path} answered asynchronously`);
    return response;
  };
  return { store, auth, bank, ctx, genesisCtx, query };
}

type Setup = ReturnType<typeof setup>;

function storeDump(store: MultiStore, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of store.getReader(name).iterator()) out[hex(key)] = hex(value);
  return out;
}

function eventRows(events: readonly Event[]): unknown[] {
  return events.map((e) => [e.type, ...e.attributes.map((a) => [a.key, a.value])]);
}

/** Runs one step on a fresh meter and event sink; returns what the reference printed for it. */
function step(s: Setup, run: (ctx: Context) => void): { gas: number; err: string; events: unknown[]; error?: unknown } {
  const ctx = s.ctx();
  let err = "";
  let error: unknown;
  try {
    run(ctx);
  } catch (e) {
    error = e;
    err = e instanceof Error ? e.message : String(e);
  }
  return { gas: Number(ctx.gasMeter.gasConsumed()), err, events: eventRows(ctx.events.events), error };
}

function expectStep(actual: ReturnType<typeof step>, want: StepVector, extraGas = 0): void {
  expect(actual.err).toBe(want.err);
  expect(actual.events).toEqual(want.events);
  expect(actual.gas).toBe(want.gas + extraGas);
}

/**
 * Deviation (store.ts): a stored `BoolValue{false}` is 2 bytes here, 0 in the reference, so reading it
 * costs 2 × ReadCostPerByte (3) more gas.
 */
const FALSE_FLAG_READ_EXTRA_GAS = 6;

function msgSend(s: Setup, from: string, to: string, amount: string) {
  const route = s.bank.module.msgs!.find((r) => r.typeUrl === MSG_SEND_TYPE_URL)!;
  const value = MsgSend.encode({ fromAddress: from, toAddress: to, amount: coins(amount).toArray().map((c) => ({ denom: c.denom, amount: c.amount.toString() })) }).finish();
  return (ctx: Context) => void route.decode(value).execute(ctx);
}

function panicOf(run: () => void): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(TxError);
    const t = e as TxError;
    expect([t.codespace, t.code]).toEqual(["undefined", 111222]);
    return t.message.replace(/: panic$/, "");
  }
  throw new Error("expected a panic");
}

describe("bank/auth against the reference scenario", () => {
  const s = setup();

  it("InitGenesis writes the reference's store bytes", () => {
    expect(storeDump(s.store, "acc")).toEqual(RAW_ACC_AFTER_GENESIS);
    // Deviation (store.ts): BoolValue{false} is written as 0800 where the reference writes zero bytes.
    expect(storeDump(s.store, "bank")).toEqual({ ...RAW_BANK_AFTER_GENESIS, "047a7a7a": "0800" });
  });

  it("ExportGenesis returns the reference's JSON", () => {
    expect(s.auth.module.exportGenesis!(s.genesisCtx)).toEqual(EXPORTED_AUTH);
    expect(s.bank.module.exportGenesis!(s.genesisCtx)).toEqual(EXPORTED_BANK);
  });

  it("replays every step: events, errors, gas", () => {
    const k = s.bank.keeper;
    expectStep(step(s, msgSend(s, ADDR.A, ADDR.D, "100wei")), STEPS["send.newRecipient"]);
    expect(hex(s.store.getReader("acc").get(unhex("01" + hex(addr(ADDR.D))))!)).toBe(QUERIES.newRecipientAccount);
    expectStep(step(s, msgSend(s, ADDR.A, ADDR.B, "50wei")), STEPS["send.existing"]);
    expectStep(step(s, msgSend(s, ADDR.A, ADDR.B, "1stos,1wei")), STEPS["send.twoDenoms"]);
    const insufficient = step(s, msgSend(s, ADDR.B, ADDR.A, "1000wei"));
    expectStep(insufficient, STEPS["send.insufficient"]);
    expect(insufficient.error).toMatchObject({ codespace: "sdk", code: 5 });
    expectStep(step(s, msgSend(s, ADDR.B, ADDR.A, "1gwei")), STEPS["send.insufficientZero"]);
    const blocked = step(s, msgSend(s, ADDR.A, encodeSt(moduleAddress("gov")), "1wei"));
    expectStep(blocked, STEPS["send.blocked"]);
    expect(blocked.error).toMatchObject({ codespace: "sdk", code: 4 });
    expectStep(step(s, msgSend(s, ADDR.A, encodeSt(moduleAddress("fee_collector")), "1wei")), STEPS["send.feeCollectorOk"]);
    const disabled = step(s, msgSend(s, ADDR.A, ADDR.B, "1zzz"));
    expectStep(disabled, STEPS["send.disabled"], FALSE_FLAG_READ_EXTRA_GAS);
    expect(disabled.error).toMatchObject({ codespace: "bank", code: 5 });

    const multi = s.bank.module.msgs!.find((r) => r.typeUrl === MSG_MULTI_SEND_TYPE_URL)!;
    const multiMsg = (inputs: Array<[string, string]>, outputs: Array<[string, string]>) =>
      MsgMultiSend.encode({
        inputs: inputs.map(([address, amount]) => ({ address, coins: [protoCoin(amount)] })),
        outputs: outputs.map(([address, amount]) => ({ address, coins: [protoCoin(amount)] })),
      }).finish();
    expectStep(step(s, (ctx) => void multi.decode(multiMsg([[ADDR.A, "15wei"]], [[ADDR.B, "10wei"], [ADDR.E, "5wei"]])).execute(ctx)), STEPS["multi.ok"]);
    expectStep(step(s, (ctx) => void multi.decode(multiMsg([[ADDR.A, "1wei"]], [[encodeSt(moduleAddress("pot")), "1wei"]])).execute(ctx)), STEPS["multi.blocked"]);

    expectStep(step(s, (ctx) => k.mintCoins(ctx, "mint", coins("100wei"))), STEPS["mint.ok"]);
    expect(panicOf(() => k.mintCoins(s.ctx(), "distribution", coins("1wei")))).toBe(PANICS["mint.noPerm"]);
    expect(panicOf(() => k.mintCoins(s.ctx(), "nobody", coins("1wei")))).toBe(PANICS["mint.unknown"]);
    expect(panicOf(() => k.burnCoins(s.ctx(), "mint", coins("1wei")))).toBe(PANICS["burn.noPerm"]);
    expectStep(step(s, (ctx) => {
      k.sendCoinsFromModuleToModule(ctx, "mint", "distribution", coins("40wei"));
      k.burnCoins(ctx, "distribution", coins("30wei"));
    }), STEPS["burn.ok"]);
    expectStep(step(s, (ctx) => k.burnCoins(ctx, "distribution", coins("1000wei"))), STEPS["burn.insufficient"]);
    expectStep(step(s, (ctx) => k.sendCoinsFromModuleToAccount(ctx, "mint", moduleAddress("pot"), coins("1wei"))), STEPS["module.toBlocked"]);
    const supply = k.getSupply(s.ctx(), "wei");
    expect(`${supply.amount}${supply.denom}`).toBe(SUPPLY_WEI_AFTER_BURN);

    expectStep(step(s, (ctx) => k.sendCoinsFromAccountToModule(ctx, addr(ADDR.A), "pot", coins("7wei"))), STEPS["module.accountToNewModule"]);
    expect(hex(s.store.getReader("acc").get(unhex("01" + hex(moduleAddress("pot"))))!)).toBe(QUERIES.potAccount);
    expectStep(step(s, (ctx) => k.delegateCoinsFromAccountToModule(ctx, addr(ADDR.A), "bonded_tokens_pool", coins("9wei"))), STEPS["delegate.ok"]);
    expectStep(step(s, (ctx) => k.delegateCoinsFromAccountToModule(ctx, addr(ADDR.A), "bonded_tokens_pool", coins("1000000wei"))), STEPS["delegate.insufficient"]);
    expect(panicOf(() => k.delegateCoinsFromAccountToModule(s.ctx(), addr(ADDR.A), "mint", coins("1wei")))).toBe(PANICS["delegate.noPerm"]);
    expectStep(step(s, (ctx) => k.undelegateCoinsFromModuleToAccount(ctx, "bonded_tokens_pool", addr(ADDR.B), coins("4wei"))), STEPS["undelegate.ok"]);
    expectStep(step(s, (ctx) => k.undelegateCoinsFromModuleToAccount(ctx, "bonded_tokens_pool", addr(ADDR.F), coins("1wei"))), STEPS["undelegate.unknownDelegator"]);

    // Every balance, supply, index entry and account the steps left behind, byte for byte.
    expect(storeDump(s.store, "acc")).toEqual(RAW_ACC_AFTER_STEPS);
    expect(storeDump(s.store, "bank")).toEqual({ ...RAW_BANK_AFTER_STEPS, "047a7a7a": "0800" });
  });

  it("answers queries at the end of the scenario as the reference does", () => {
    for (const row of QUERY_CASES) {
      let got: string;
      try {
        got = hex(s.query(row.path, row.request));
      } catch (e) {
        // The query server's err.Error(): gRPC status text, registered error text or plain Go text.
        got = e instanceof Error ? e.message : String(e);
      }
      expect({ name: row.name, got }).toEqual({ name: row.name, got: QUERIES[row.name] });
    }
    const byId = QueryAccountAddressByIDResponse.decode(s.query("/cosmos.auth.v1beta1.Query/AccountAddressByID", ACCOUNT_BY_ID_1));
    expect(byId.accountAddress).toBe(QUERIES["q.byId1"]);
  });

  it.each(PAGE_CASES)("AllBalances pagination $name", ({ name, request }) => {
    const want = ALL_BALANCES_PAGES[name];
    let got: string;
    try {
      got = hex(s.query("/cosmos.bank.v1beta1.Query/AllBalances", request));
    } catch (e) {
      if (e instanceof QueryError) got = `ERR ${e.message}`;
      else if (e instanceof TxError && e.code === 111222) got = e.message.replace(/: panic$/, "");
      else throw e;
    }
    expect(got).toBe(want);
  });
});

function protoCoin(s: string): { denom: string; amount: string } {
  const [c] = coins(s).toArray();
  return { denom: c!.denom, amount: c!.amount.toString() };
}
