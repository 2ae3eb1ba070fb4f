/**
 * The genutil module (spec-staking §8; SDK v0.47 x/genutil): the genesis validator set from
 * `app_state.genutil.gen_txs`. At InitChain, after staking's genesis, each gentx runs through the
 * real tx pipeline (InitChain's `deliverGenesisTx`: full ante, signatures with account number 0,
 * unlimited gas, no fee needed, events discarded); any failure aborts InitChain. Then staking's
 * validator-set computation runs once and its updates become `ResponseInitChain.validators`.
 */
import type { JsonValue } from "@bufbuild/protobuf";
import type { ModuleHooks } from "../../baseapp/block.js";
import { TxError } from "../../baseapp/errors.js";
import { GenesisError, JsonFields } from "../auth/protoJson.js";
import type { MessageDecoder, StakingForGenutil } from "./expected.js";
import { GentxError, gentxToTxBytes, MSG_CREATE_VALIDATOR_TYPE_URL, parseGentx } from "./gentx.js";

export { gentxToTxBytes, parseGentx, signGentx, type GentxSpec, MSG_CREATE_VALIDATOR_TYPE_URL } from "./gentx.js";
export type { MessageDecoder, StakingForGenutil } from "./expected.js";

export const GENUTIL_MODULE_NAME = "genutil";

export interface GenutilModuleOptions {
  readonly staking: StakingForGenutil;
  /** The app's message decoding (the tx decoder's routes), for ValidateGenesis. */
  readonly decodeMessage: MessageDecoder;
}

/** `app_state.genutil`: the gentxs as written (proto-JSON objects). */
export function parseGenutilGenesis(json: unknown): JsonValue[] {
  const root = JsonFields.of(json, GENUTIL_MODULE_NAME);
  const txs = root.array("gen_txs");
  root.finish();
  return txs as JsonValue[];
}

const short = (gentx: JsonValue): string => {
  const text = JSON.stringify(gentx);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

/**
 * `ValidateGenesis` (§8.1): every gentx decodes, carries exactly one message, a MsgCreateValidator,
 * which passes its ValidateBasic. @throws GenesisError naming the gentx and the reason.
 */
export function validateGenutilGenesis(gentxs: readonly JsonValue[], decodeMessage: MessageDecoder): void {
  gentxs.forEach((gentx, i) => {
    const path = `${GENUTIL_MODULE_NAME}.gen_txs[${i}]`;
    let messages;
    try {
      messages = parseGentx(gentx).body?.messages ?? [];
    } catch (e) {
      if (e instanceof GentxError) throw new GenesisError(`${path}: failed to decode gentx: ${short(gentx)}, error: ${e.message}`);
      throw e;
    }
    if (messages.length !== 1) throw new GenesisError(`${path}: unexpected number of GenTx messages; got: ${messages.length}, expected: 1`);
    const m = messages[0]!;
    if (m.typeUrl !== MSG_CREATE_VALIDATOR_TYPE_URL) throw new GenesisError(`${path}: unexpected GenTx message type; expected: MsgCreateValidator, got: ${m.typeUrl}`);
    const decoded = decodeMessage(m.typeUrl, m.value);
    if (decoded === undefined) throw new GenesisError(`${path}: no route for ${m.typeUrl}`);
    try {
      decoded.validateBasic();
    } catch (e) {
      if (e instanceof TxError) throw new GenesisError(`${path}: invalid GenTx: ${e.message}`);
      throw e;
    }
  });
}

export interface GenutilModule {
  readonly module: ModuleHooks;
}

export function createGenutilModule(options: GenutilModuleOptions): GenutilModule {
  const module: ModuleHooks = {
    name: GENUTIL_MODULE_NAME,
    initGenesis(ctx, genesis) {
      if (genesis === undefined) return;
      const gentxs = parseGenutilGenesis(genesis);
      validateGenutilGenesis(gentxs, options.decodeMessage);
      if (gentxs.length === 0) return;
      const deliver = ctx.deliverGenesisTx;
      if (deliver === undefined) throw new Error("genutil: InitGenesis needs InitChain's deliverGenesisTx");
      for (const gentx of gentxs) {
        const result = deliver(gentxToTxBytes(gentx));
        if (result.code !== 0) {
          throw new GenesisError(`failed to execute DeliverTx for '${short(gentx)}': ${result.log} (codespace ${result.codespace}, code ${result.code})`);
        }
      }
      return options.staking.applyAndReturnValidatorSetUpdates(ctx);
    },
    // Gentxs have done their work once the chain runs; an export starts from staking's own state.
    exportGenesis: () => ({ gen_txs: [] }),
  };
  return { module };
}
