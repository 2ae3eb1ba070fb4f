import { SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { Tx } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import type { SimulationOutcome } from "../block.js";
import { QueryError, invalidArgument } from "../queryRouter.js";

export const SIMULATE_PATH = "/cosmos.tx.v1beta1.Service/Simulate";

/**
 * `cosmos.tx.v1beta1.Service/Simulate` (x/auth/tx/service.go, v0.47): the tx from `tx_bytes` (or the
 * deprecated `tx` field), run by `simulate` on a copy of the CheckTx state. A failure is a gRPC
 * Unknown status carrying the error and the gas figures, as the SDK words it.
 */
export function handleSimulate(request: Uint8Array, simulate: (txBytes: Uint8Array) => SimulationOutcome): Uint8Array {
  const req = SimulateRequest.decode(request);
  let txBytes = req.txBytes;
  if (txBytes.length === 0 && req.tx) txBytes = Tx.encode(req.tx).finish();
  if (txBytes.length === 0) throw invalidArgument("empty txBytes is not allowed");
  const { outcome, msgResponses } = simulate(txBytes);
  if (outcome.code !== 0) {
    throw new QueryError("Unknown", `${outcome.log} With gas wanted: '${outcome.gasWanted}' and gas used: '${outcome.gasUsed}' `);
  }
  return SimulateResponse.encode({
    gasInfo: { gasWanted: outcome.gasWanted, gasUsed: outcome.gasUsed },
    result: {
      data: outcome.data,
      log: outcome.log,
      events: [...outcome.events],
      msgResponses: msgResponses.map((r) => ({ typeUrl: r.typeUrl, value: r.value })),
    },
  }).finish();
}
