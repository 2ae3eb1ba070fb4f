/**
 * Staking genesis (spec-staking §1.12, §8.3): an export after real activity (validators in every
 * status, a jailed one, delegations, unbonding and redelegation entries in their queues) imports as
 * an `exported: true` genesis — the last powers become the validator set, no hook fires again — and
 * exports back to the same file; two chains started from it have the same app hash. Bad files are
 * refused with errors naming the JSON path.
 */
import { afterEach, describe, expect, it } from "vitest";
import { TestApp } from "../../node/testApp.js";
import { GenesisError } from "../auth/protoJson.js";
import { parseStakingGenesis } from "./genesis.js";
import { StakingScenario, STOS } from "./testkit.js";
import { T } from "../register/testkit.js";
import { BondStatus } from "./types.js";

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

async function activeChain(): Promise<StakingScenario> {
  const s = await StakingScenario.create({ balances: { V1: 1000n * STOS, V2: 1000n * STOS, V3: 1000n * STOS, A: 1000n * STOS } });
  open.push(s);
  for (const r of await s.txs([["V1", [s.createValidator("V1", 100n * STOS)]], ["V2", [s.createValidator("V2", 200n * STOS)]], ["V3", [s.createValidator("V3", 50n * STOS)]]], T)) {
    expect(r.code, r.log).toBe(0);
  }
  expect((await s.tx("A", [s.delegate("A", "V1", 40n * STOS), s.delegate("A", "V2", 7n * STOS)], T + 5n)).code).toBe(0);
  expect((await s.tx("A", [s.undelegate("A", "V1", 3n * STOS)], T + 10n)).code).toBe(0);
  expect((await s.tx("A", [s.redelegate("A", "V2", "V3", 2n * STOS)], T + 15n)).code).toBe(0);
  s.inNextBlock((ctx) => s.staking.jail(ctx, s.consensusAddress("V3")));
  await s.emptyBlock(T + 20n);
  expect(s.validator("V3")!.status).toBe(BondStatus.Unbonding);
  return s;
}

describe("export → InitChain round trip", () => {
  it("imports the export with its last powers as the set, exports the same file, and gives the same app hash twice", async () => {
    const a = await activeChain();
    const exported = JSON.parse(JSON.stringify(a.app.parts.exportAppState())) as Record<string, unknown>;
    const staking = exported["staking"] as { exported: boolean; validators: unknown[]; last_validator_powers: Array<{ address: string; power: string }> };
    expect(staking.exported).toBe(true);
    expect(staking.validators).toHaveLength(4);

    const start = async (): Promise<TestApp> => {
      const t = await TestApp.create({ appState: structuredClone(exported), genesisSeconds: T + 100n });
      open.push(t);
      return t;
    };
    const b = await start();
    expect(b.genesisValidators.map((u) => u.power.toString()).sort()).toEqual(staking.last_validator_powers.map((p) => p.power).sort());
    const again = JSON.parse(JSON.stringify(b.parts.exportAppState())) as Record<string, unknown>;
    expect(again["staking"]).toEqual(exported["staking"]);

    const c = await start();
    const hashB = (await b.finalize([])).appHash;
    const hashC = (await c.finalize([])).appHash;
    expect(Buffer.from(hashB).toString("hex")).toBe(Buffer.from(hashC).toString("hex"));
    // The unbonding entry, the redelegation and the unbonding validator are queued again and mature on time.
    const read = { kv: (n: string) => b.parts.store.committed().getReader(n) };
    const k = b.parts.keepers.staking;
    expect([...k.allUnbondingDelegations(read)].map((u) => u.entries.length)).toEqual([1]);
    expect([...k.allRedelegations(read)].map((r) => r.entries.length)).toEqual([1]);
    await b.finalize([], { seconds: T + 22n * 86_400n });
    expect([...k.allUnbondingDelegations(read)]).toEqual([]);
    expect([...k.allRedelegations(read)]).toEqual([]);
    // A validator matures when both its time and its unbonding height have passed; this export keeps
    // heights (it is not the reference's zero-height export), so the new chain must reach that height.
    const unbonding = [...k.validators(read)].find((v) => v.status === BondStatus.Unbonding)!;
    while (b.nextHeight <= unbonding.unbondingHeight) await b.finalize([]);
    expect([...k.validators(read)].filter((v) => v.status === BondStatus.Unbonding)).toEqual([]);
  });
});

describe("refused genesis files", () => {
  const base = (): Record<string, unknown> => ({
    params: { unbonding_time: "1814400s", max_validators: 100, max_entries: 7, historical_entries: 10000, bond_denom: "wei", min_commission_rate: "0.000000000000000000" },
    last_total_power: "0", last_validator_powers: [], validators: [], delegations: [], unbonding_delegations: [], redelegations: [], exported: false,
  });
  const validator = (over: Record<string, unknown> = {}) => ({
    operator_address: "stvaloper1cxmws9w5ej8847q5ycfskhetrccnhrufrk2gyy",
    consensus_pubkey: { "@type": "/cosmos.crypto.ed25519.PubKey", key: "PrFvH4KYDtJYKQIK7mvnEfsMTifD8EhY3vwIpru5LP8=" },
    jailed: false, status: "BOND_STATUS_BONDED", tokens: "1000", delegator_shares: "1000.000000000000000000",
    description: { moniker: "m", identity: "", website: "", security_contact: "", details: "" },
    unbonding_height: "0", unbonding_time: "1970-01-01T00:00:00Z",
    commission: { commission_rates: { rate: "0.1", max_rate: "0.2", max_change_rate: "0.01" }, update_time: "2023-09-08T00:00:00Z" },
    min_self_delegation: "1", unbonding_on_hold_ref_count: "0", unbonding_ids: [],
    ...over,
  });
  it.each([
    ["invalid params", { params: { ...base()["params"] as object, max_validators: 0 } }, "staking.params: max validators must be positive: 0"],
    ["bonded and jailed", { validators: [validator({ jailed: true })] }, /staking\.validators\[0\]: validator is bonded and jailed in genesis state: moniker m, address stvalcons1/],
    ["duplicate consensus key", { validators: [validator(), validator({ operator_address: "stvaloper1zy9qal508nvc9h0xqmyz500mkuxhteu7wn4sgp" })] }, /staking\.validators\[1\]: duplicate validator in genesis state/],
    ["zero shares, not unbonding", { validators: [validator({ delegator_shares: "0" })] }, /cannot have zero delegator shares/],
    ["a secp256k1 consensus key", { validators: [validator({ consensus_pubkey: { "@type": "/cosmos.crypto.secp256k1.PubKey", key: "AA==" } })] }, /consensus key type "\/cosmos\.crypto\.secp256k1\.PubKey" is not supported/],
    ["a delegation to no validator", { delegations: [{ delegator_address: "st1cxmws9w5ej8847q5ycfskhetrccnhruf56rgc0", validator_address: "stvaloper1cxmws9w5ej8847q5ycfskhetrccnhrufrk2gyy", shares: "1.0" }] }, /staking\.delegations\[0\]\.validator_address: validator stvaloper1.* is not in staking\.validators/],
    ["an unknown field", { foo: 1 }, 'staking: unknown field "foo"'],
    ["a bad Dec", { validators: [validator({ delegator_shares: "1.2.3" })] }, /staking\.validators\[0\]\.delegator_shares: /],
  ] as const)("%s", (_name, over, message) => {
    const run = () => parseStakingGenesis({ ...base(), ...over });
    expect(run).toThrow(GenesisError);
    expect(run).toThrow(message);
  });
});
