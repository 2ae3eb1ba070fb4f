import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BroadcastTxError, QueryClient, setupAuthExtension, setupTxExtension, type SigningStargateClient } from "@cosmjs/stargate";
import { DirectEthSecp256k1HdWallet, DirectSecp256k1HdWallet } from "@cosmjs/proto-signing";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { connectStratos, stratosHdPath, stratosWallet } from "../app/client/index.js";
import { devnetMnemonic } from "../app/node/devnetGenesis.js";
import { createTestDevnet, waitForHeight, type TestDevnet } from "./helpers/devnet.js";

const GAS_PRICE_WEI = 1_000_000_000n;

/**
 * Unmodified CosmJS 0.39 against a real devnet: a stock DirectEthSecp256k1HdWallet (the Stratos key
 * type) and a DirectSecp256k1HdWallet (Cosmos key type) on m/44'/606'/0'/0/i with prefix `st`.
 */
describe("transactions with stock CosmJS", () => {
  let net: TestDevnet;
  let eth: DirectEthSecp256k1HdWallet;
  let client: SigningStargateClient;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    net = await createTestDevnet();
    await net.devnet.start();
    await waitForHeight(await net.client(), 2);
    eth = (await stratosWallet(devnetMnemonic(), { indexes: [0, 1] })) as DirectEthSecp256k1HdWallet;
    [alice, bob] = (await eth.getAccounts()).map((a) => a.address) as [string, string];
    client = await connectStratos(net.devnet.rpcUrl, eth, { broadcastPollIntervalMs: 300 });
  });

  afterAll(async () => {
    client?.disconnect();
    await net?.cleanup();
  });

  it("sends wei with fee \"auto\" (Simulate); balances move by exactly amount + fee; getTx and searchTx find it", async () => {
    const before = { alice: BigInt((await client.getBalance(alice, "wei")).amount), bob: BigInt((await client.getBalance(bob, "wei")).amount) };
    const res = await client.sendTokens(alice, bob, [{ denom: "wei", amount: "123456789" }], "auto", "first");
    expect(res.code).toBe(0);
    const fee = res.gasWanted * GAS_PRICE_WEI; // auto fee = ceil(gas limit × 1 gwei)
    expect(BigInt((await client.getBalance(alice, "wei")).amount)).toBe(before.alice - 123456789n - fee);
    expect(BigInt((await client.getBalance(bob, "wei")).amount)).toBe(before.bob + 123456789n);
    expect(res.gasUsed).toBeLessThanOrEqual(res.gasWanted);

    const found = await client.getTx(res.transactionHash);
    expect(found?.height).toBe(res.height);
    expect(found?.code).toBe(0);
    const search = await client.searchTx(`transfer.recipient='${bob}'`);
    expect(search.map((t) => t.hash)).toContain(res.transactionHash);
    const bySender = await client.searchTx([{ key: "message.sender", value: alice }]);
    expect(bySender.map((t) => t.hash)).toContain(res.transactionHash);
    // The message event carries the type URL as action (what relayd subscribes to).
    const action = res.events.find((e) => e.type === "message" && e.attributes.some((a) => a.key === "action"));
    expect(action?.attributes.find((a) => a.key === "action")?.value).toBe("/cosmos.bank.v1beta1.MsgSend");
    expect(res.msgResponses.map((r) => r.typeUrl)).toEqual(["/cosmos.bank.v1beta1.MsgSendResponse"]);
  });

  it("the account now carries the wallet's key and sequence 1; GetTx answers over ABCI", async () => {
    const account = await client.getAccount(alice);
    expect(account?.sequence).toBe(1);
    expect(account?.pubkey).not.toBeNull();
    const comet = await net.client();
    const qc = QueryClient.withExtensions(comet, setupAuthExtension, setupTxExtension);
    const sent = await client.sendTokens(alice, bob, [{ denom: "wei", amount: "1" }], "auto");
    const got = await qc.tx.getTx(sent.transactionHash);
    expect(got.txResponse?.txhash).toBe(sent.transactionHash);
    expect(got.txResponse?.height).toBe(BigInt(sent.height));
    expect(got.tx?.body?.messages[0]?.typeUrl).toBe("/cosmos.bank.v1beta1.MsgSend");
    await expect(qc.tx.getTx("00".repeat(32))).rejects.toThrow(/NotFound/);
    // An unknown account is "null" to CosmJS (NotFound mapped as the SDK does).
    expect(await client.getAccount("st1w508d6qejxtdg4y5r3zarvary0c5xw7kxsrgw9")).toBeNull();
  });

  it("a DirectSecp256k1HdWallet (Cosmos key type, prefix st) works too", async () => {
    const cosmosWallet = (await stratosWallet(devnetMnemonic(), { indexes: [3], keyType: "secp256k1" })) as DirectSecp256k1HdWallet;
    const carol = (await cosmosWallet.getAccounts())[0]!.address;
    // The same key under the Cosmos scheme has a different address than under eth_secp256k1.
    const ethCarol = (await (await stratosWallet(devnetMnemonic(), { indexes: [3] })).getAccounts())[0]!.address;
    expect(carol).not.toBe(ethCarol);
    await client.sendTokens(alice, carol, [{ denom: "wei", amount: "500000000000000000" }], "auto");
    const carolClient = await connectStratos(net.devnet.rpcUrl, cosmosWallet, { broadcastPollIntervalMs: 300 });
    try {
      const res = await carolClient.sendTokens(carol, bob, [{ denom: "wei", amount: "7" }], "auto");
      expect(res.code).toBe(0);
      expect((await carolClient.getAccount(carol))?.pubkey?.type).toBe("tendermint/PubKeySecp256k1");
    } finally {
      carolClient.disconnect();
    }
  });

  it("a broadcast with a wrong sequence fails in CheckTx with code 32 and the relayer-parsable log", async () => {
    const account = await client.getAccount(alice);
    const chainId = await client.getChainId();
    const msg = { typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: alice, toAddress: bob, amount: [{ denom: "wei", amount: "1" }] } };
    const fee = { amount: [{ denom: "wei", amount: "300000000000000" }], gas: "300000" };
    const wrong = account!.sequence + 5;
    const signed = await client.sign(alice, [msg], fee, "", { accountNumber: account!.accountNumber, sequence: wrong, chainId });
    const err = await client.broadcastTxSync(TxRaw.encode(signed).finish()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BroadcastTxError);
    expect((err as BroadcastTxError).code).toBe(32);
    expect((err as BroadcastTxError).codespace).toBe("sdk");
    expect((err as BroadcastTxError).log).toBe(`account sequence mismatch, expected ${account!.sequence}, got ${wrong}: incorrect account sequence`);
  });

  it("a fee below the node's minimum gas price fails in CheckTx with code 13", async () => {
    const msg = { typeUrl: "/cosmos.bank.v1beta1.MsgSend", value: { fromAddress: alice, toAddress: bob, amount: [{ denom: "wei", amount: "1" }] } };
    const err = await client.signAndBroadcastSync(alice, [msg], { amount: [{ denom: "wei", amount: "1" }], gas: "200000" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as BroadcastTxError).code).toBe(13);
    expect((err as BroadcastTxError).log).toBe("insufficient fees; got: 1wei required: 200000000000000wei: insufficient fee");
  });

  it("derives the stchaind address of the spec vector with the Stratos HD path", async () => {
    const w = await DirectEthSecp256k1HdWallet.fromMnemonic(
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
      { prefix: "st", hdPaths: [stratosHdPath(0)] },
    );
    expect((await w.getAccounts())[0]!.address).toBe("st18yesadx3t8x3jjsygpqeqzh0j7xh2vh66945zx");
  });
});
