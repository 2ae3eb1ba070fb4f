/**
 * Issue 13's localnet acceptance on a real 2-validator network on loopback (two CometBFT 0.38 nodes,
 * two app processes, a genesis of two gentxs naming each node's own consensus key):
 * - both nodes agree on the set CometBFT took from InitChain, and on every block;
 * - a MsgDelegate signed with CosmJS moves the second validator's power at H+2, as both nodes'
 *   /validators report it;
 * - stopping the second node (9 % of the power: the first keeps producing blocks) gets its validator
 *   jailed by downtime (short slashing params in the genesis), slashed 1 % and its power removed;
 * - the node restarts and catches up; after the jail time its operator's MsgUnjail brings it back at H+2.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QueryClient, setupSlashingExtension, setupStakingExtension, type SigningStargateClient, type StakingExtension } from "@cosmjs/stargate";
import type { Comet38Client } from "@cosmjs/tendermint-rpc";
import { connectStratos, stratosWallet } from "../app/client/index.js";
import { BECH32_PREFIX, formatBech32Address } from "../app/crypto/address.js";
import { ed25519Address } from "../app/crypto/ed25519.js";
import { buildAppState } from "../app/node/genesisBuilder.js";
import { devnetAccount, devnetMnemonic } from "../app/node/devnetGenesis.js";
import { cometValidatorPubKey } from "../app/node/genesisValidator.js";
import { parseAcc } from "../app/modules/staking/store.js";
import { checkInvariants } from "./helpers/abciQuery.js";
import { waitFor, waitForHeight } from "./helpers/devnet.js";
import { createTestLocalnet, type TestLocalnet } from "./helpers/localnet.js";

const STOS = 10n ** 18n;
const INDEX = { V0: 160, V1: 161, ALICE: 162 } as const;
const [v0, v1, alice] = [devnetAccount(INDEX.V0), devnetAccount(INDEX.V1), devnetAccount(INDEX.ALICE)];
const valoper = (account: string): string => formatBech32Address(parseAcc(account), BECH32_PREFIX.validator);
const JAIL_SECONDS = 5;

describe("a 2-validator localnet: delegation, downtime jail, unjail", () => {
  let t: TestLocalnet;
  let comet0: Comet38Client;
  let comet1: Comet38Client;
  let client: SigningStargateClient;
  let q: QueryClient & StakingExtension & ReturnType<typeof setupSlashingExtension>;
  let v1ConsAddr: string;
  let v1ConsKey: Uint8Array;
  let checked = 0;

  beforeAll(async () => {
    const appState = buildAppState({
      accounts: [v0, v1, alice].map((a) => ({ address: a.address, balance: 2_000n * STOS })),
      validatorOperator: null,
    });
    appState["slashing"] = {
      params: {
        signed_blocks_window: "10", min_signed_per_window: "0.500000000000000000", downtime_jail_duration: `${JAIL_SECONDS}s`,
        slash_fraction_double_sign: "0.050000000000000000", slash_fraction_downtime: "0.010000000000000000",
      },
      signing_infos: [],
      missed_blocks: [],
    };
    t = await createTestLocalnet({
      appState,
      validators: [
        { operatorPrivateKey: v0.privateKey, selfBond: 1_000n * STOS, moniker: "v0" },
        { operatorPrivateKey: v1.privateKey, selfBond: 100n * STOS, moniker: "v1" },
      ],
      // The devnet's 1 s blocks: V0 alone holds > 2/3 and commits at once, so V1's vote only makes the
      // commit when the commit timeout leaves it time (with 300 ms V1 falls behind and is marked absent).
    });
    await t.net.start();
    [comet0, comet1] = [await t.client(0), await t.client(1)];
    await waitForHeight(comet0, 3);
    await waitForHeight(comet1, 3);
    const wallet = await stratosWallet(devnetMnemonic(), { indexes: [INDEX.V0, INDEX.V1, INDEX.ALICE] });
    client = await connectStratos(t.net.nodes[0]!.rpcUrl, wallet, { broadcastPollIntervalMs: 150 });
    q = QueryClient.withExtensions(comet0, setupStakingExtension, setupSlashingExtension);
    v1ConsKey = cometValidatorPubKey(t.net.nodes[1]!.home);
    v1ConsAddr = formatBech32Address(ed25519Address(v1ConsKey), BECH32_PREFIX.consensus);
  }, 120_000);

  afterAll(async () => {
    client?.disconnect();
    await t?.cleanup();
  });

  /** [base64 consensus key, power] of the set at `height`, sorted by power. */
  async function setAt(comet: Comet38Client, height: number): Promise<Array<[string, bigint]>> {
    const { validators } = await comet.validators({ height });
    return validators.map((v): [string, bigint] => [Buffer.from(v.pubkey!.data).toString("base64"), v.votingPower]).sort((a, b) => (a[1] > b[1] ? -1 : 1));
  }
  /** How many validators signed the last commit of node 0's latest block. */
  async function signaturesOfLatest(): Promise<number> {
    const latest = (await comet0.status()).syncInfo.latestBlockHeight;
    const block = await comet0.block(latest);
    return block.block.lastCommit?.signatures.filter((s) => s.signature !== undefined && s.signature.length > 0).length ?? 0;
  }
  const key = (node: number): string => Buffer.from(cometValidatorPubKey(t.net.nodes[node]!.home)).toString("base64");

  it("both nodes take the set from InitChain (1,000,000 and 100,000) and agree on the blocks", async () => {
    for (const comet of [comet0, comet1]) expect(await setAt(comet, 1)).toEqual([[key(0), 1_000_000n], [key(1), 100_000n]]);
    const [b0, b1] = [await comet0.block(3), await comet1.block(3)];
    expect(Buffer.from(b1.blockId.hash)).toEqual(Buffer.from(b0.blockId.hash));
    expect(Buffer.from(b1.block.header.appHash)).toEqual(Buffer.from(b0.block.header.appHash));
    // Once the nodes are connected, commits carry both signatures.
    await waitFor("a commit signed by both validators", async () => ((await signaturesOfLatest()) === 2 ? true : undefined), 30_000);
  });

  it("a MsgDelegate to the second validator moves its power at H+2 on both nodes", async () => {
    const res = await client.delegateTokens(alice.address, valoper(v1.address), { denom: "wei", amount: (10n * STOS).toString() }, "auto");
    expect(res.code, res.rawLog).toBe(0);
    const h = res.height;
    await waitForHeight(comet1, h + 2);
    for (const comet of [comet0, comet1]) {
      expect(await setAt(comet, h + 1)).toEqual([[key(0), 1_000_000n], [key(1), 100_000n]]);
      expect(await setAt(comet, h + 2)).toEqual([[key(0), 1_000_000n], [key(1), 110_000n]]);
    }
    checked = await checkInvariants(comet0, checked, h + 2);
  });

  it("stopping the second node gets its validator jailed by downtime, slashed 1 % and removed from the set", async () => {
    await t.net.nodes[1]!.stop();
    const jailedAt = await waitFor("the downtime jail", async () => {
      const { validator } = await q.staking.validator(valoper(v1.address));
      return validator.jailed ? (await comet0.status()).syncInfo.latestBlockHeight : undefined;
    }, 60_000);
    const { validator } = await q.staking.validator(valoper(v1.address));
    expect(validator.tokens).toBe((110n * STOS - (110n * STOS) / 100n).toString());
    const { valSigningInfo } = await q.slashing.signingInfo(v1ConsAddr);
    expect(valSigningInfo.tombstoned).toBe(false);
    expect(Number(valSigningInfo.jailedUntil.seconds)).toBeGreaterThan(0);
    await waitForHeight(comet0, jailedAt + 2);
    expect(await setAt(comet0, jailedAt + 2)).toEqual([[key(0), 1_000_000n]]);
    checked = await checkInvariants(comet0, checked, jailedAt + 2);
  }, 90_000);

  it("the node restarts and catches up; after the jail time MsgUnjail brings the validator back at H+2", async () => {
    await t.net.nodes[1]!.start();
    comet1.disconnect();
    comet1 = await t.client(1);
    const target = (await comet0.status()).syncInfo.latestBlockHeight;
    await waitForHeight(comet1, target, 60_000);
    const [b0, b1] = [await comet0.block(target), await comet1.block(target)];
    expect(Buffer.from(b1.block.header.appHash)).toEqual(Buffer.from(b0.block.header.appHash));

    const { valSigningInfo } = await q.slashing.signingInfo(v1ConsAddr);
    await waitFor("the end of the jail", async () => {
      const time = (await comet0.status()).syncInfo.latestBlockTime;
      return BigInt(time.getTime()) / 1000n > valSigningInfo.jailedUntil.seconds ? true : undefined;
    }, 30_000);
    const res = await client.signAndBroadcast(v1.address, [{ typeUrl: "/cosmos.slashing.v1beta1.MsgUnjail", value: { validatorAddr: valoper(v1.address) } }], "auto");
    expect(res.code, res.rawLog).toBe(0);
    const h = res.height;
    await waitForHeight(comet0, h + 2);
    expect(await setAt(comet0, h + 1)).toEqual([[key(0), 1_000_000n]]);
    expect(await setAt(comet0, h + 2)).toEqual([[key(0), 1_000_000n], [key(1), 108_900n]]);
    expect((await q.staking.validator(valoper(v1.address))).validator.jailed).toBe(false);
    // The restarted node signs again: a later commit carries both signatures.
    await waitFor("the second node's signature", async () => ((await signaturesOfLatest()) === 2 ? true : undefined), 30_000);
    checked = await checkInvariants(comet0, checked, h + 2);
  }, 120_000);
});
