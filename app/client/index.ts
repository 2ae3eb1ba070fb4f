/**
 * Client helpers for Stratos with stock CosmJS 0.39: wallets on the Stratos HD path and prefix, a
 * registry, coin strings with STOS/gwei normalisation, and a connected signing client.
 *
 *   const wallet = await stratosWallet(mnemonic);
 *   const client = await connectStratos("http://127.0.0.1:26657", wallet);
 *   const [{ address }] = await wallet.getAccounts();
 *   await client.sendTokens(address, "st1…", parseStratosCoins("1.5stos"), "auto");
 */
export { STRATOS_PREFIX, stratosHdPath, stratosWallet, type StratosKeyType, type StratosWalletOptions } from "./wallet.js";
export { parseStratosCoins, stos } from "./coins.js";
export { DEFAULT_GAS_PRICE, connectStratos, stratosAccountParser, stratosRegistry, type ConnectOptions } from "./client.js";
export { SDK_EXTRA_TYPES, STRATOS_TYPES, generatedType } from "./stratosTypes.js";
