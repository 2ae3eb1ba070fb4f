/**
 * Staking on a real devnet (CometBFT 0.38 + the app): the validator comes from a gentx with the node's
 * own consensus key (the CometBFT genesis lists none, CometBFT takes the set from InitChain); a
 * MsgDelegate signed with stock CosmJS moves the voting power at H+2 as CometBFT's /validators reports
 * it (TV1 on a node); CosmJS's `setupStakingExtension` answers every query over the RPC; invariants
 * hold at every height.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryClient, setupStakingExtension, type SigningStargateClient, type StakingExtension } from "@cosmjs/stargate";
import { encodePubkey } from "@cosmjs/proto-signing";
import type { Comet38Client } from "@cosmjs/tendermint-rpc";
import { connectStratos, stratosWallet } from "../app/client/index.js";
import { BECH32_PREFIX, formatBech32Address } from "../app/crypto/address.js";
import { devnetMnemonic } from "../app/node/devnetGenesis.js";
import { devnetValidatorOperator } from "../app/node/devnetKeys.js";
import { parseAcc } from "../app/modules/staking/store.js";
import { checkInvariants } from "./helpers/abciQuery.js";
import { createTestDevnet, waitForHeight, type TestDevnet } from "./helpers/devnet.js";

const STOS = 10n ** 18n;
const GENESIS_POWER = 1_000_000n;
const valoperOf = (account: string): string => formatBech32Address(parseAcc(account), BECH32_PREFIX.validator);

describe("staking on a devnet", () => {
  let net: TestDevnet;
  let comet: Comet38Client;
  let client: SigningStargateClient;
  let q: QueryClient & StakingExtension;
  let alice: string;
  let bob: string;
  const validator = valoperOf(devnetValidatorOperator().address);
  let checked = 0;

  beforeAll(async () => {
    net = await createTestDevnet();
    await net.devnet.start();
    comet = await net.client();
    await waitForHeight(comet, 2);
    const wallet = await stratosWallet(devnetMnemonic(), { indexes: [0, 1] });
    [alice, bob] = (await wallet.getAccounts()).map((a) => a.address) as [string, string];
    client = await connectStratos(net.devnet.rpcUrl, wallet, { broadcastPollIntervalMs: 300 });
    q = QueryClient.withExtensions(comet, setupStakingExtension);
  });

  afterAll(async () => {
    client?.disconnect();
    await net?.cleanup();
  });

  async function powerAt(height: number): Promise<bigint[]> {
    return (await comet.validators({ height })).validators.map((v) => v.votingPower);
  }

  it("the genesis validator comes from a gentx with the node's priv_validator_key; the CometBFT genesis lists none", async () => {
    const genesis = JSON.parse(fs.readFileSync(path.join(net.devnet.home, "config", "genesis.json"), "utf8")) as Record<string, unknown>;
    expect(genesis["validators"]).toBeUndefined();
    const gentxs = (genesis["app_state"] as { genutil: { gen_txs: Array<{ body: { memo: string } }> } }).genutil.gen_txs;
    expect(gentxs).toHaveLength(1);
    expect(gentxs[0]!.body.memo).toMatch(/^[0-9a-f]{40}@127\.0\.0\.1:\d+$/);
    const key = JSON.parse(fs.readFileSync(path.join(net.devnet.home, "config", "priv_validator_key.json"), "utf8")) as { pub_key: { value: string } };
    const set = await comet.validators({ height: 1 });
    expect(set.validators.map((v) => [Buffer.from(v.pubkey!.data).toString("base64"), v.votingPower])).toEqual([[key.pub_key.value, GENESIS_POWER]]);
    const v = await q.staking.validator(validator);
    expect(v.validator.status).toBe(3);
    expect(v.validator.tokens).toBe((1_000n * STOS).toString());
  });

  it("TV1 on a node: a MsgDelegate signed with CosmJS moves the power at H+2, as CometBFT's /validators reports it", async () => {
    const res = await client.delegateTokens(alice, validator, { denom: "wei", amount: (10n * STOS).toString() }, "auto");
    expect(res.code).toBe(0);
    expect(res.msgResponses.map((r) => r.typeUrl)).toEqual(["/cosmos.staking.v1beta1.MsgDelegateResponse"]);
    const h = res.height;
    await waitForHeight(comet, h + 2);
    expect(await powerAt(h)).toEqual([GENESIS_POWER]);
    expect(await powerAt(h + 1)).toEqual([GENESIS_POWER]);
    expect(await powerAt(h + 2)).toEqual([GENESIS_POWER + 10_000n]);
    const delegation = await client.getDelegation(alice, validator);
    expect(delegation?.amount).toBe((10n * STOS).toString());
    checked = await checkInvariants(comet, checked, h + 2);
  });

  it("setupStakingExtension: validators, validator, delegation(s), unbonding, redelegations, pool, params, historicalInfo", async () => {
    // bob runs a second, small validator (it cannot sign, but 1 000 power of 1 011 000 does not stop the chain).
    const bobKey = new Uint8Array(32).fill(7);
    const create = await client.signAndBroadcast(bob, [{
      typeUrl: "/cosmos.staking.v1beta1.MsgCreateValidator",
      value: {
        description: { moniker: "bob" },
        commission: { rate: "100000000000000000", maxRate: "200000000000000000", maxChangeRate: "10000000000000000" },
        minSelfDelegation: "1",
        delegatorAddress: bob,
        validatorAddress: valoperOf(bob),
        pubkey: encodePubkey({ type: "tendermint/PubKeyEd25519", value: Buffer.from(bobKey).toString("base64") }),
        value: { denom: "wei", amount: STOS.toString() },
      },
    }], "auto");
    expect(create.code, create.rawLog).toBe(0);
    const undelegate = await client.undelegateTokens(alice, validator, { denom: "wei", amount: STOS.toString() }, "auto");
    expect(undelegate.code, undelegate.rawLog).toBe(0);
    const redelegate = await client.signAndBroadcast(alice, [{
      typeUrl: "/cosmos.staking.v1beta1.MsgBeginRedelegate",
      value: { delegatorAddress: alice, validatorSrcAddress: validator, validatorDstAddress: valoperOf(bob), amount: { denom: "wei", amount: (2n * STOS).toString() } },
    }], "auto");
    expect(redelegate.code, redelegate.rawLog).toBe(0);

    const bonded = await q.staking.validators("BOND_STATUS_BONDED");
    expect(bonded.validators.map((v) => v.operatorAddress).sort()).toEqual([validator, valoperOf(bob)].sort());
    expect((await q.staking.validator(valoperOf(bob))).validator.description?.moniker).toBe("bob");
    expect((await q.staking.delegation(alice, validator)).delegationResponse?.balance?.amount).toBe((7n * STOS).toString());
    expect((await q.staking.delegatorDelegations(alice)).delegationResponses.map((d) => d.delegation?.validatorAddress).sort()).toEqual([validator, valoperOf(bob)].sort());
    expect((await q.staking.delegatorValidators(alice)).validators).toHaveLength(2);
    expect((await q.staking.delegatorValidator(alice, valoperOf(bob))).validator?.operatorAddress).toBe(valoperOf(bob));
    expect((await q.staking.validatorDelegations(valoperOf(bob))).delegationResponses.map((d) => d.delegation?.delegatorAddress).sort()).toEqual([alice, bob].sort());
    expect((await q.staking.unbondingDelegation(alice, validator)).unbond?.entries.map((e) => e.balance)).toEqual([STOS.toString()]);
    expect((await q.staking.delegatorUnbondingDelegations(alice)).unbondingResponses).toHaveLength(1);
    expect((await q.staking.validatorUnbondingDelegations(validator)).unbondingResponses).toHaveLength(1);
    const reds = await q.staking.redelegations(alice, validator, valoperOf(bob));
    expect(reds.redelegationResponses[0]?.entries.map((e) => e.balance)).toEqual([(2n * STOS).toString()]);
    const pool = await q.staking.pool();
    expect(BigInt(pool.pool.notBondedTokens)).toBe(STOS);
    expect((await q.staking.params()).params.bondDenom).toBe("wei");
    const latest = (await comet.status()).syncInfo.latestBlockHeight;
    const hist = await q.staking.historicalInfo(latest);
    expect(hist.hist?.header.height).toBe(BigInt(latest));
    // A missing delegation is `null` for CosmJS (the NotFound log contains "key not found").
    expect(await client.getDelegation(bob, validator)).toBeNull();
    await waitForHeight(comet, latest + 2);
    expect((await comet.validators({ height: latest + 2 })).validators).toHaveLength(2);
    checked = await checkInvariants(comet, checked, latest + 2);
  });
});
