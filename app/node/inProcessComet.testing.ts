/**
 * CosmJS's QueryClient over an in-process app: it only calls `abciQuery`, which this answers from
 * BaseApp.query as CometBFT's RPC would (heights as numbers, the error code and log passed through).
 * Test-only: lets the client libraries' own query extensions (setupGovExtension, …) run in-process.
 */
import type { Comet38Client } from "@cosmjs/tendermint-rpc";
import type { BaseApp } from "../baseapp/baseApp.js";

export function inProcessComet(app: BaseApp): Comet38Client {
  const client: Pick<Comet38Client, "abciQuery"> = {
    async abciQuery(params) {
      const r = await app.query({ path: params.path, data: params.data, height: BigInt(params.height ?? 0), prove: params.prove ?? false });
      return { key: r.key, value: r.value, height: Number(r.height), code: r.code, codespace: r.codespace, log: r.log, info: r.info, index: Number(r.index) };
    },
  };
  // QueryClient touches nothing but abciQuery.
  return client as Comet38Client;
}
