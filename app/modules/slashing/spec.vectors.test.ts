/**
 * spec-staking §14 TV4 (downtime: detection, slash, jail) through the slashing keeper, block by block,
 * with the faithful staking fake: mainnet params (window 10 000, 5 % signed, 6 h jail, 0.02 %); the
 * NodeStake validator of stratos-1 (self 99 STOS + E 500 000 000 000 000 123 wei, power 99 500), which
 * signs every block up to 20 000 and then stops. Variant (a): no unbonding entries; variant (b): E
 * undelegated 0.2 STOS at height 29 500, inside the slash's reach (infraction height 29 499).
 */
import { describe, expect, it } from "vitest";
import type { Event } from "cosmjs-types/tendermint/abci/types";
import { MsgUnjailSchema } from "../../codec/cosmos/slashing/v1beta1/tx_pb.js";
import { parseBech32Address } from "../../crypto/address.js";
import { ed25519Address } from "../../crypto/ed25519.js";
import { sharesFromTokens, tokensFromShares } from "../staking/logic/shares.js";
import { BondStatus } from "../staking/types.js";
import { FLAG, moduleAcc, SlashingChain, STOS, valcons, valoper } from "./chain.testing.js";
import { MSG_UNJAIL_TYPE_URL } from "./msgs/unjail.js";

const NODESTAKE_OPERATOR = parseBech32Address("stvaloper1g8fmnrz00sqh9pz3ghf8ram9q86te804f8pr28", "stvaloper");
const NODESTAKE_PUBKEY = new Uint8Array(Buffer.from("OS06CQ+DAs44N8GqbLI0+5vpwPauIW5yIoyMdKQPX7w=", "base64"));
const NODESTAKE_CONS = ed25519Address(NODESTAKE_PUBKEY);
const E = new Uint8Array(20).fill(0xee);
const E_STAKE = 500_000_000_000_000_123n;
const BONDED_POOL = moduleAcc("bonded_tokens_pool");
const NOT_BONDED_POOL = moduleAcc("not_bonded_tokens_pool");

/** NodeStake at genesis (bonded, start height 0), E delegating to it. */
function nodestakeChain(): SlashingChain {
  return new SlashingChain({
    accounts: [{ address: NODESTAKE_OPERATOR, balance: 100n * STOS }, { address: E, balance: 10n * STOS }],
    validators: [{ operator: NODESTAKE_OPERATOR, consensusPubKey: NODESTAKE_PUBKEY, selfBond: 99n * STOS, minSelfDelegation: 1n }],
    delegations: [{ delegator: E, operator: NODESTAKE_OPERATOR, amount: E_STAKE }],
  });
}

/** Blocks up to `until` with NodeStake's vote (power 99 500): signed for blocks before 20 000, absent after. */
function runUntil(chain: SlashingChain, until: bigint, onBlock?: (height: bigint) => void): void {
  while (chain.height < until - 1n) {
    const about = chain.height; // the vote of block h is about block h − 1
    chain.block({ votes: chain.height === 0n ? [] : [{ validatorAddress: NODESTAKE_CONS, power: 99_500n, blockIdFlag: about >= 20_000n ? FLAG.absent : FLAG.commit }] });
    onBlock?.(chain.height);
  }
}

const attrs = (e: Event): Record<string, string> => Object.fromEntries(e.attributes.map((a) => [a.key, a.value]));
const plain = (events: readonly Event[]): Array<{ type: string; attributes: Array<[string, string]> }> =>
  events.map((e) => ({ type: e.type, attributes: e.attributes.map((a) => [a.key, a.value] as [string, string]) }));

describe("TV4 — genesis validator that never signs", () => {
  it("misses count from height 2, but the jail waits for height 10 001 (counter 10 000)", () => {
    const chain = nodestakeChain();
    const vote = { validatorAddress: NODESTAKE_CONS, power: 99_500n, blockIdFlag: FLAG.absent };
    chain.block(); // height 1: no last commit
    let jailedAt: bigint | undefined;
    let counterAtJail: string | undefined;
    while (jailedAt === undefined && chain.height < 20_000n) {
      const { begin } = chain.block({ votes: [vote] });
      const slash = begin.find((e) => e.type === "slash");
      if (slash !== undefined) {
        jailedAt = chain.height;
        counterAtJail = attrs(begin.find((e) => e.type === "liveness")!).missed_blocks;
      }
      if (chain.height === 9_502n) expect(chain.slashing.keeper.getSigningInfo(chain.context(), NODESTAKE_CONS)?.missedBlocksCounter).toBe(9_501n);
    }
    expect(jailedAt).toBe(10_001n);
    expect(counterAtJail).toBe("10000");
  });
});

describe.each([
  { variant: "a", undelegate: false, entrySlash: 0n, burned: 19_900_000_000_000_000n, tokensAfter: 99_480_100_000_000_000_123n, power: 99_480n },
  { variant: "b", undelegate: true, entrySlash: 40_000_000_000_000n, burned: 19_860_000_000_000_000n, tokensAfter: 99_280_140_000_000_000_123n, power: 99_280n },
])("TV4 ($variant) — NodeStake stops signing at block 20 000", ({ variant, undelegate, entrySlash, burned, tokensAfter, power }) => {
  const chain = nodestakeChain();
  const first: { liveness?: bigint } = {};
  runUntil(chain, 29_501n, (h) => {
    if (first.liveness === undefined && chain.slashing.keeper.getSigningInfo(chain.context(), NODESTAKE_CONS)!.missedBlocksCounter > 0n) first.liveness = h;
  });
  let entryBalanceBefore = 0n;
  if (undelegate) {
    // Height 29 500: E undelegates 0.2 STOS; its entry is created at 29 500 ≥ the infraction height 29 499.
    chain.run((ctx) => chain.staking.undelegate(ctx, E, NODESTAKE_OPERATOR, 200_000_000_000_000_000n));
    entryBalanceBefore = chain.staking.unbondingEntries(chain.context(), E, NODESTAKE_OPERATOR)[0]!.balance;
  }
  const before = chain.staking.validator(chain.context(), NODESTAKE_OPERATOR)!;
  const jailBlockSeconds = chain.seconds + 5n;
  const notBondedBefore = chain.moduleBalance("not_bonded_tokens_pool");
  const result = chain.block({ votes: [{ validatorAddress: NODESTAKE_CONS, power: 99_500n, blockIdFlag: FLAG.absent }] });
  const after = chain.staking.validator(chain.context(), NODESTAKE_OPERATOR)!;
  const info = chain.slashing.keeper.getSigningInfo(chain.context(), NODESTAKE_CONS)!;
  const notBondedAfter = chain.moduleBalance("not_bonded_tokens_pool");

  it("records the first miss at 20 001 and jails at 29 501 with counter 9 501", () => {
    expect(chain.height).toBe(29_501n);
    expect(first.liveness).toBe(20_001n);
    expect(before.jailed).toBe(false);
    expect(attrs(result.begin[0]!)).toEqual({ address: valcons(NODESTAKE_CONS), missed_blocks: "9501", height: "29501" });
    expect(after.jailed).toBe(true);
  });

  it(`burns ${burned} wei from the validator (amount 19 900 000 000 000 000 from power 99 500)`, () => {
    expect(after.tokens).toBe(tokensAfter);
    expect(before.tokens - after.tokens).toBe(burned);
    if (undelegate) {
      const entry = chain.staking.unbondingEntries(chain.context(), E, NODESTAKE_OPERATOR)[0]!;
      expect(entryBalanceBefore).toBe(200_000_000_000_000_000n);
      expect(entry.balance).toBe(199_960_000_000_000_000n);
      // The entry's slash left the not-bonded pool; EndBlock then moved the validator's tokens into it.
      expect(notBondedAfter).toBe(notBondedBefore - entrySlash + tokensAfter);
    }
  });

  it("emits the burn's bank events, then slash{address, power, reason, jailed, burned_coins}", () => {
    const expected: Array<{ type: string; attributes: Array<[string, string]> }> = [
      { type: "liveness", attributes: [["address", valcons(NODESTAKE_CONS)], ["missed_blocks", "9501"], ["height", "29501"]] },
    ];
    if (undelegate) {
      expected.push(
        { type: "coin_spent", attributes: [["spender", NOT_BONDED_POOL], ["amount", `${entrySlash}wei`]] },
        { type: "burn", attributes: [["burner", NOT_BONDED_POOL], ["amount", `${entrySlash}wei`]] },
      );
    }
    expected.push(
      { type: "coin_spent", attributes: [["spender", BONDED_POOL], ["amount", `${burned}wei`]] },
      { type: "burn", attributes: [["burner", BONDED_POOL], ["amount", `${burned}wei`]] },
      {
        type: "slash",
        attributes: [["address", valcons(NODESTAKE_CONS)], ["power", "99500"], ["reason", "missing_signature"], ["jailed", valcons(NODESTAKE_CONS)], ["burned_coins", burned.toString()]],
      },
    );
    expect(plain(result.begin)).toEqual(expected);
  });

  it("sets jailed_until = block time + 21 600 s and starts the window over", () => {
    expect(info.jailedUntil).toBe((jailBlockSeconds + 21_600n) * 1_000_000_000n);
    expect(info.missedBlocksCounter).toBe(0n);
    expect(info.indexOffset).toBe(0n);
    expect(info.startHeight).toBe(0n);
    expect(chain.slashing.keeper.missedBlocks(chain.context(), NODESTAKE_CONS)).toEqual([]);
  });

  it("keeps the exchange rate exact: E's balance and the shares a new STOS would buy", () => {
    if (variant !== "a") return;
    const e = chain.staking.delegation(chain.context(), E, NODESTAKE_OPERATOR)!;
    expect(tokensFromShares(after, e.shares).truncateInt()).toBe(499_900_000_000_000_122n);
    expect(sharesFromTokens(after, STOS).toString()).toBe("1000200040008001600.319816677697507372");
  });

  it("leaves the set at EndBlock 29 501: power 0, its tokens moved bonded → not-bonded", () => {
    expect(result.updates).toEqual([{ pubKey: { ed25519: NODESTAKE_PUBKEY }, power: 0n }]);
    const transfer = result.end.find((e) => e.type === "transfer");
    expect(attrs(transfer!)).toEqual({ recipient: NOT_BONDED_POOL, sender: BONDED_POOL, amount: `${tokensAfter}wei` });
    expect(chain.moduleBalance("bonded_tokens_pool")).toBe(0n);
    expect(chain.staking.validator(chain.context(), NODESTAKE_OPERATOR)!.status).toBe(BondStatus.Unbonding);
  });

  it("ignores the votes that still include it (heights 29 502, 29 503)", () => {
    const snapshot = chain.dump("slashing");
    for (let i = 0; i < 2; i++) {
      const { begin } = chain.block({ votes: [{ validatorAddress: NODESTAKE_CONS, power: 99_500n, blockIdFlag: FLAG.absent }] });
      expect(begin).toEqual([]);
    }
    expect(chain.dump("slashing")).toEqual(snapshot);
  });

  it("refuses MsgUnjail before jailed_until (slashing 4) and accepts it once block time reaches it; the next EndBlock restores the power", () => {
    const unjail = (): ReturnType<typeof chain.exec> => chain.exec(MSG_UNJAIL_TYPE_URL, MsgUnjailSchema, { validatorAddr: valoper(NODESTAKE_OPERATOR) });
    chain.block({ seconds: jailBlockSeconds + 21_599n });
    expect(unjail()).toMatchObject({ code: 4, codespace: "slashing", log: "validator still jailed; cannot be unjailed" });
    const until = jailBlockSeconds + 21_600n;
    const { updates: none } = chain.block({ seconds: until });
    expect(none).toEqual([]);
    expect(unjail()).toMatchObject({ code: 0, events: [] });
    const { updates } = chain.block();
    expect(updates).toEqual([{ pubKey: { ed25519: NODESTAKE_PUBKEY }, power }]);
    const v = chain.staking.validator(chain.context(), NODESTAKE_OPERATOR)!;
    expect(v.status).toBe(BondStatus.Bonded);
    expect(v.jailed).toBe(false);
    // Bonded again: liveness restarts from this height.
    expect(chain.slashing.keeper.getSigningInfo(chain.context(), NODESTAKE_CONS)!.startHeight).toBe(chain.height);
    expect(chain.moduleBalance("bonded_tokens_pool")).toBe(tokensAfter);
  });

});
