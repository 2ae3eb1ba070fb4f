/**
 * MsgSubmitEvidence (spec-staking §4.3). In Stratos the evidence keeper has no handler router, so the
 * reference's handler dereferences a nil router after the "already exists" check and panics (code
 * 111222). R: (the spec's recommendation, docs/deviations.md "evidence"): the same checks, then the
 * error the SDK gives a route without a handler — evidence 2 "equivocation: unregistered handler for
 * evidence type". Either way nothing is stored and only the fee and sequence are consumed.
 */
import { fromBinary } from "@bufbuild/protobuf";
import { ErrInvalidAddress, plainError } from "../../../baseapp/errors.js";
import { type MsgRoute, msgRoute } from "../../../baseapp/msgs.js";
import { type MsgSubmitEvidence, MsgSubmitEvidenceSchema } from "../../../codec/cosmos/evidence/v1beta1/tx_pb.js";
import { AddressError, BECH32_PREFIX, parseBech32Address } from "../../../crypto/address.js";
import { signerBytes, typeUrlOf } from "../../register/msgs/common.js";
import { type Equivocation, EQUIVOCATION_ROUTE, equivocationFromAny, equivocationHash, equivocationProblem, hashText } from "../equivocation.js";
import { ErrEvidenceExists, ErrInvalidEvidence, ErrNoEvidenceHandlerExists } from "../errors.js";
import type { EvidenceKeeper } from "../keeper.js";

export const MSG_SUBMIT_EVIDENCE_TYPE_URL = typeUrlOf(MsgSubmitEvidenceSchema);

interface Decoded {
  readonly msg: MsgSubmitEvidence;
  /** Undefined when the message carries no evidence. */
  readonly evidence: Equivocation | undefined;
}

/** `ValidateBasic`: the submitter's address (sdk 7), the evidence's presence (evidence 3) and its own ValidateBasic (code 1). */
export function validateSubmitEvidence({ msg, evidence }: Decoded): void {
  try {
    parseBech32Address(msg.submitter, BECH32_PREFIX.account);
  } catch (e) {
    if (e instanceof AddressError) throw ErrInvalidAddress.wrap(`invalid submitter address: ${e.message}`);
    throw e;
  }
  if (evidence === undefined) throw ErrInvalidEvidence.wrap("missing evidence");
  const problem = equivocationProblem(evidence);
  if (problem !== undefined) throw plainError(problem);
}

export function submitEvidenceRoute(k: EvidenceKeeper): MsgRoute {
  return msgRoute<Decoded>({
    typeUrl: MSG_SUBMIT_EVIDENCE_TYPE_URL,
    schema: MsgSubmitEvidenceSchema,
    decode(bytes) {
      const msg = fromBinary(MsgSubmitEvidenceSchema, bytes);
      // The SDK unpacks the Any while decoding the tx: another type or a bad time fails decoding (code 2).
      return { msg, evidence: msg.evidence === undefined ? undefined : equivocationFromAny(msg.evidence) };
    },
    validateBasic: validateSubmitEvidence,
    signers: ({ msg }) => [signerBytes(msg.submitter)],
    handle(ctx, { evidence }) {
      if (evidence === undefined) throw ErrInvalidEvidence.wrap("missing evidence");
      const hash = equivocationHash(evidence);
      if (k.getEvidence(ctx, hash) !== undefined) throw ErrEvidenceExists.wrap(hashText(hash));
      throw ErrNoEvidenceHandlerExists.wrap(EQUIVOCATION_ROUTE);
    },
  });
}
