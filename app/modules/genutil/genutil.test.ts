/**
 * genutil (spec-staking §8): gentxs validated (§8.1) and delivered through the real tx pipeline at
 * InitChain — a bad signature, a wrong chain id or too little balance aborts InitChain with a clear
 * error — and an empty resulting validator set is refused.
 */
import { afterEach, describe, expect, it } from "vitest";
import { TestApp } from "../../node/testApp.js";
import { buildAppState } from "../../node/genesisBuilder.js";
import { devnetValidatorOperator } from "../../node/devnetKeys.js";
import { DEVNET_VALIDATOR_SELF_BOND } from "../../node/genesisValidator.js";
import { GenesisError } from "../auth/protoJson.js";
import { createStakingModule } from "../staking/index.js";
import { parseAcc } from "../staking/store.js";
import { mainnetGentxs } from "../staking/testkit.js";
import { gentxToTxBytes, signGentx } from "./gentx.js";
import { validateGenutilGenesis, type MessageDecoder } from "./index.js";

let app: TestApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const operator = devnetValidatorOperator();
const consensusPubKey = TestApp.consensusKey.publicKey;
const STOS = 10n ** 18n;

function genesisWith(gentxs: unknown[], operatorBalance = 10_000n * STOS): Record<string, unknown> {
  return buildAppState({ accounts: [], validatorOperator: { address: operator.address, balance: operatorBalance }, genTxs: gentxs });
}

const gentx = (o: Partial<Parameters<typeof signGentx>[0]> = {}) =>
  signGentx({ chainId: "stratos-devnet-1", operatorPrivateKey: operator.privateKey, consensusPubKey, selfBond: DEVNET_VALIDATOR_SELF_BOND, moniker: "v", ...o });

/** The staking routes decode and ValidateBasic without a keeper: what ValidateGenesis needs. */
const routes = createStakingModule({ bank: {} as never, accounts: { getModuleAddress: () => undefined, getModuleAccount: () => undefined }, authority: "" }).module.msgs ?? [];
const decode: MessageDecoder = (typeUrl, value) => routes.find((r) => r.typeUrl === typeUrl)?.decode(value);

describe("gentxs at InitChain", () => {
  it("a signed gentx makes the validator set; the operator's sequence becomes 1", async () => {
    app = await TestApp.create({ appState: genesisWith([gentx()]) });
    expect(app.genesisValidators.map((u) => [Buffer.from(u.pubKey.ed25519!).toString("hex"), u.power])).toEqual([[Buffer.from(consensusPubKey).toString("hex"), 1_000_000n]]);
    const committed = app.parts.store.committed();
    expect(app.parts.keepers.auth.getAccount({ kv: (n) => committed.getReader(n) }, parseAcc(operator.address))?.sequence).toBe(1n);
  });

  it("JSON round trip: what signGentx writes re-encodes to the bytes it signed", () => {
    const g = gentx({ memo: "abc@127.0.0.1:26656" });
    expect(gentxToTxBytes(JSON.parse(JSON.stringify(g)))).toEqual(gentxToTxBytes(g));
    expect(JSON.stringify(g)).toContain('"rate":"0.100000000000000000"');
  });

  it("refuses a gentx with a broken signature, another chain's, or more self-bond than the balance", async () => {
    const tampered = gentx() as { signatures: string[] };
    const sig = Buffer.from(tampered.signatures[0]!, "base64");
    sig[5] = sig[5]! ^ 1;
    tampered.signatures = [sig.toString("base64")];
    await expect(TestApp.create({ appState: genesisWith([tampered]) })).rejects.toThrow(
      /failed to execute DeliverTx for .*signature verification failed; please verify account number \(0\) and chain-id \(stratos-devnet-1\).*code 4/,
    );
    await expect(TestApp.create({ appState: genesisWith([gentx({ chainId: "stratos-1" })]) })).rejects.toThrow(/signature verification failed/);
    await expect(TestApp.create({ appState: genesisWith([gentx()], STOS) })).rejects.toThrow(
      /failed to delegate; 1000000000000000000wei is smaller than 1000000000000000000000wei: insufficient funds.*code 5/,
    );
  });

  it("refuses a genesis whose validator set is empty", async () => {
    // A self-bond below one unit of power (10^15 wei) bonds nothing.
    await expect(TestApp.create({ appState: genesisWith([gentx({ selfBond: 10n ** 15n - 1n })]) })).rejects.toThrow(/validator set is empty after InitGenesis/);
  });
});

describe("ValidateGenesis (§8.1)", () => {
  it("each gentx decodes and carries exactly one valid MsgCreateValidator", () => {
    expect(() => validateGenutilGenesis(mainnetGentxs().gen_txs as never, decode)).not.toThrow();
    const two = gentx() as { body: { messages: unknown[] } };
    two.body.messages = [...two.body.messages, ...two.body.messages];
    expect(() => validateGenutilGenesis([two as never], decode)).toThrow(new GenesisError("genutil.gen_txs[0]: unexpected number of GenTx messages; got: 2, expected: 1"));
    expect(() => validateGenutilGenesis([gentx({ selfBond: 0n })], decode)).toThrow(/genutil\.gen_txs\[0\]: invalid GenTx: invalid delegation amount: invalid request/);
    expect(() => validateGenutilGenesis([{ body: 5 }], decode)).toThrow(/genutil\.gen_txs\[0\]: failed to decode gentx/);
  });
});
