/**
 * The genesis validator of devnets and in-process chains, made like a real network's: the operator
 * account self-delegates in a gentx signed with its own key, naming the consensus key of the node
 * that will run the chain (`priv_validator_key.json` for a CometBFT node; devnetConsensusKey() for
 * TestApp). The CometBFT genesis lists no validators: CometBFT takes the set from InitChain, which
 * genutil computes from the gentxs (spec-staking §8).
 */
import fs from "node:fs";
import path from "node:path";
import { sha256 } from "../crypto/hash.js";
import { signGentx } from "../modules/genutil/gentx.js";
import { devnetValidatorOperator } from "./devnetKeys.js";

/** The devnet validator's self-bond: 1,000 STOS, voting power 1,000,000. */
export const DEVNET_VALIDATOR_SELF_BOND = 1_000n * 10n ** 18n;

export interface GenesisValidatorOptions {
  readonly chainId: string;
  /** ed25519 consensus public key, 32 bytes. */
  readonly consensusPubKey: Uint8Array;
  /** Default: the devnet validator operator (m/44'/606'/0'/0/90). */
  readonly operatorPrivateKey?: Uint8Array;
  readonly selfBond?: bigint;
  readonly moniker?: string;
  /** `<node id>@<host>:<p2p port>`. */
  readonly memo?: string;
  /** The gentx's gas limit (default 200 000); a genesis with a smaller block max_gas needs a smaller one. */
  readonly gasLimit?: bigint;
}

/** True if the genesis already makes its validators (gentxs, or validators in staking's section). */
export function hasGenesisValidators(appState: Readonly<Record<string, unknown>>): boolean {
  const genTxs = (appState["genutil"] as { gen_txs?: unknown[] } | undefined)?.gen_txs ?? [];
  const validators = (appState["staking"] as { validators?: unknown[] } | undefined)?.validators ?? [];
  return genTxs.length > 0 || validators.length > 0;
}

/** `appState` with a gentx of the devnet validator added to `genutil.gen_txs` (unless it already makes its validators). */
export function withGenesisValidator(appState: Readonly<Record<string, unknown>>, o: GenesisValidatorOptions): Record<string, unknown> {
  if (hasGenesisValidators(appState)) return { ...appState };
  const gentx = signGentx({
    chainId: o.chainId,
    operatorPrivateKey: o.operatorPrivateKey ?? devnetValidatorOperator().privateKey,
    consensusPubKey: o.consensusPubKey,
    selfBond: o.selfBond ?? DEVNET_VALIDATOR_SELF_BOND,
    moniker: o.moniker ?? "stratos-devnet-validator",
    ...(o.memo !== undefined ? { memo: o.memo } : {}),
    ...(o.gasLimit !== undefined ? { gasLimit: o.gasLimit } : {}),
  });
  return { ...appState, genutil: { gen_txs: [gentx] } };
}

/** The ed25519 public key of a CometBFT home's `config/priv_validator_key.json`. */
export function cometValidatorPubKey(home: string): Uint8Array {
  const file = path.join(home, "config", "priv_validator_key.json");
  const key = JSON.parse(fs.readFileSync(file, "utf8")) as { pub_key?: { type?: string; value?: string } };
  if (key.pub_key?.type !== "tendermint/PubKeyEd25519" || typeof key.pub_key.value !== "string") {
    throw new Error(`${file}: expected an ed25519 validator key`);
  }
  return new Uint8Array(Buffer.from(key.pub_key.value, "base64"));
}

/** The node id (hex of the first 20 bytes of SHA-256 of the node's ed25519 key) of `config/node_key.json`. */
export function cometNodeId(home: string): string {
  const file = path.join(home, "config", "node_key.json");
  const key = JSON.parse(fs.readFileSync(file, "utf8")) as { priv_key?: { value?: string } };
  const priv = Buffer.from(key.priv_key?.value ?? "", "base64");
  if (priv.length !== 64) throw new Error(`${file}: expected a 64-byte ed25519 private key`);
  return Buffer.from(sha256(priv.subarray(32)).subarray(0, 20)).toString("hex");
}
