/**
 * Invariants of the bank keeper under random sends, mints and burns, each run in its own branch that
 * is written only on success (as baseapp does for a message):
 * - for every denom, the balances sum to the stored supply;
 * - the denom → address index holds exactly the non-zero balances;
 * - every holder of a balance has an account.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TxError } from "../../baseapp/errors.js";
import { createTestContext } from "../../baseapp/testing.js";
import { moduleAddress } from "../../crypto/moduleAddress.js";
import { Coins, coin } from "../../math/coins.js";
import { memoryMultiStore } from "../../store/memory.js";
import { createAuthModule } from "../auth/index.js";
import { createBankModule } from "./index.js";
import { BANK_STORE_KEY, DENOM_ADDRESS_PREFIX, splitBalanceKey } from "./keys.js";

const USERS = [1, 2, 3, 4].map((b) => new Uint8Array(20).fill(b));
const DENOMS = ["stos", "wei"] as const;

const amountArb = fc.record({ denom: fc.constantFrom(...DENOMS), amount: fc.bigInt({ min: 1n, max: 50n }) });
const coinsArb = fc.array(amountArb, { minLength: 1, maxLength: 2 }).map((list) => {
  const byDenom = new Map<string, bigint>();
  for (const c of list) byDenom.set(c.denom, (byDenom.get(c.denom) ?? 0n) + c.amount);
  return Coins.fromArray([...byDenom].map(([d, a]) => coin(d, a)));
});
const opArb = fc.oneof(
  fc.record({ kind: fc.constant("send" as const), from: fc.nat(3), to: fc.nat(3), coins: coinsArb }),
  fc.record({ kind: fc.constant("mintTo" as const), to: fc.nat(3), coins: coinsArb }),
  fc.record({ kind: fc.constant("burnFrom" as const), from: fc.nat(3), coins: coinsArb }),
);

describe("bank keeper invariants", () => {
  it("supply = Σ balances, index = non-zero balances, holders have accounts", () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        const root = memoryMultiStore();
        const auth = createAuthModule();
        const bank = createBankModule(auth.keeper);
        const k = bank.keeper;
        for (const op of ops) {
          const branch = root.branch();
          const ctx = createTestContext({ store: branch });
          try {
            if (op.kind === "send") k.sendCoins(ctx, USERS[op.from]!, USERS[op.to]!, op.coins);
            else if (op.kind === "mintTo") {
              k.mintCoins(ctx, "mint", op.coins);
              k.sendCoinsFromModuleToAccount(ctx, "mint", USERS[op.to]!, op.coins);
            } else {
              k.sendCoinsFromAccountToModule(ctx, USERS[op.from]!, "distribution", op.coins);
              k.burnCoins(ctx, "distribution", op.coins);
            }
            branch.write();
          } catch (e) {
            if (!(e instanceof TxError) || e.code !== 5) throw e; // only insufficient funds may happen
          }
        }
        const read = createTestContext({ store: root });
        const sums = new Map<string, bigint>();
        const holders = new Set<string>();
        k.iterateAllBalances(read, (address, balance) => {
          expect(balance.amount > 0n).toBe(true);
          sums.set(balance.denom, (sums.get(balance.denom) ?? 0n) + balance.amount);
          holders.add(`${balance.denom}/${Buffer.from(address).toString("hex")}`);
          expect(auth.keeper.hasAccount(read, address)).toBe(true);
        });
        for (const denom of DENOMS) expect(k.getSupply(read, denom).amount).toBe(sums.get(denom) ?? 0n);
        const indexed = new Set<string>();
        for (const { key } of root.getReader(BANK_STORE_KEY).iterator(DENOM_ADDRESS_PREFIX, Uint8Array.of(0x04))) {
          const rest = key.subarray(1);
          const sep = rest.indexOf(0);
          const parts = splitBalanceKey(rest.subarray(sep + 1));
          indexed.add(`${new TextDecoder().decode(rest.subarray(0, sep))}/${Buffer.from(parts!.address).toString("hex")}`);
        }
        expect([...indexed].sort()).toEqual([...holders].sort());
        // Module accounts used on the way exist as module accounts.
        if (ops.some((o) => o.kind === "mintTo")) expect(auth.keeper.getAccount(read, moduleAddress("mint"))?.module?.name).toBe("mint");
      }),
      { numRuns: 150 },
    );
  });
});
