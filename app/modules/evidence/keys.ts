/**
 * The evidence store (`evidence`). 0x00 is the reference's layout (SDK v0.47 `types/keys.go`); 0x01 is
 * this port's own: the reference reads the max evidence age from the consensus params in x/consensus,
 * which stratos-ts does not have, so evidence keeps the genesis value itself.
 *   0x00 ‖ hash (32 bytes) → Any(evidence)
 *   0x01                   → tendermint.types.EvidenceParams from InitChain's consensus params
 */
import { concatBytes } from "../../store/bytes.js";

export const EVIDENCE_MODULE_NAME = "evidence";
export const EVIDENCE_STORE_KEY = "evidence";

export const EVIDENCE_PREFIX = Uint8Array.of(0x00);
export const EVIDENCE_PARAMS_KEY = Uint8Array.of(0x01);

export const evidenceKey = (hash: Uint8Array): Uint8Array => concatBytes(EVIDENCE_PREFIX, hash);
