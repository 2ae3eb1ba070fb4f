import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SimulateRequest, SimulateResponse } from "cosmjs-types/cosmos/tx/v1beta1/service";
import { QueryAccountRequest, QueryAccountResponse } from "cosmjs-types/cosmos/auth/v1beta1/query";
import { TestApp } from "../node/testApp.js";
import { QueryError } from "../baseapp/queryRouter.js";

/**
 * spec-sds-clients §0 items 2 and 4, through the path the gRPC and REST servers take
 * (`BaseApp.grpcQuery`, no ABCI connection): Simulate of a fully signed tx with gas 0 and no fee runs on
 * the CheckTx state (a pending tx's sequence counts) with the sequence checked; Account answers
 * a BaseAccount Any.
 */
describe("Simulate and Account as the SDS tools call them", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.create();
  });
  afterAll(async () => app.close());

  const simulate = async (tx: Uint8Array): Promise<SimulateResponse> => {
    const answer = await app.parts.app.grpcQuery("/cosmos.tx.v1beta1.Service/Simulate", SimulateRequest.encode(SimulateRequest.fromPartial({ txBytes: tx })).finish(), 0n)!;
    return SimulateResponse.decode(answer.value);
  };

  it("Account: a BaseAccount Any at the committed height", async () => {
    const [a] = app.keys;
    const answer = await app.parts.app.grpcQuery("/cosmos.auth.v1beta1.Query/Account", QueryAccountRequest.encode({ address: a!.address }).finish(), 0n)!;
    expect(QueryAccountResponse.decode(answer.value).account?.typeUrl).toBe("/cosmos.auth.v1beta1.BaseAccount");
    expect(answer.height).toBe(app.parts.app.lastHeight);
  });

  it("a pending CheckTx bumps the sequence Simulate checks; gas 0 and an empty fee are accepted", async () => {
    const [a, b] = app.keys;
    const send = TestApp.send(a!.address, b!.address, 1n);
    expect(app.check(app.sign(a!, [send], { sequence: 0n })).code).toBe(0);
    // Not yet in a block: only the CheckTx state knows sequence 1.
    const sim = await simulate(app.sign(a!, [send], { sequence: 1n, gasLimit: 0n, fee: [] }));
    expect(sim.gasInfo!.gasUsed).toBeGreaterThan(0n);
    await expect(simulate(app.sign(a!, [send], { sequence: 0n, gasLimit: 0n, fee: [] }))).rejects.toSatisfy(
      (e: unknown) => e instanceof QueryError && e.grpcCode === "Unknown" && /account sequence mismatch, expected 1, got 0/.test(e.desc),
    );
  });
});
