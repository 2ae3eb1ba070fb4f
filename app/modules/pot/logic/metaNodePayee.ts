// Which address a Bonded meta node's reward goes to (spec-pot §5.3 step 6).
import { goTrimSpace } from "../../../math/coins.js";

/**
 * The payee string of a meta node: `beneficiary_address` unless it is blank after Go's
 * `strings.TrimSpace` (which, unlike JS `trim`, strips U+0085 and keeps U+FEFF), else `owner_address`.
 * A non-blank beneficiary is used untrimmed: with surrounding spaces it then fails to parse and the
 * node is skipped — no fallback to the owner, as in the reference.
 */
export function metaNodePayee(ownerAddress: string, beneficiaryAddress: string): string {
  return goTrimSpace(beneficiaryAddress).length === 0 ? ownerAddress : beneficiaryAddress;
}
