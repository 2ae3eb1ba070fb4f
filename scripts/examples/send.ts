/**
 * Runnable example: send STOS on a running devnet with stock CosmJS and the project's client helpers.
 *
 *   npm start                          # in one terminal
 *   npx tsx scripts/examples/send.ts   # in another: dev account 0 sends 1.5 STOS to dev account 1
 */
import { connectStratos, parseStratosCoins, stratosWallet } from "../../app/client/index.js";
import { devnetMnemonic } from "../../app/node/devnetGenesis.js";

const rpc = process.argv[2] ?? "http://127.0.0.1:26657";
const wallet = await stratosWallet(devnetMnemonic(), { indexes: [0, 1] });
const [from, to] = await wallet.getAccounts();
const client = await connectStratos(rpc, wallet, { broadcastPollIntervalMs: 500 });
try {
  console.log(`${from!.address} has ${(await client.getBalance(from!.address, "wei")).amount} wei`);
  const result = await client.sendTokens(from!.address, to!.address, parseStratosCoins("1.5stos"), "auto", "hello from stratos-ts");
  console.log(`tx ${result.transactionHash}: code ${result.code}, height ${result.height}, gas ${result.gasUsed}/${result.gasWanted}`);
  console.log(`${to!.address} now has ${(await client.getBalance(to!.address, "wei")).amount} wei`);
} finally {
  client.disconnect();
}
