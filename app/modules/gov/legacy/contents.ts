/**
 * The legacy (v1beta1) contents gov serves itself (spec-staking §5.4, §0.6): TextProposal on route
 * "gov" and ParameterChangeProposal on route "params", plus `ValidateAbstract`, the title and
 * description check every content shares. Other modules' contents (upgrade's) arrive through
 * GovModuleOptions.legacyContents.
 */
import { fromBinary } from "@bufbuild/protobuf";
import { registerError } from "../../../baseapp/errors.js";
import { ParameterChangeProposalSchema } from "../../../codec/cosmos/params/v1beta1/params_pb.js";
import { TextProposalSchema } from "../../../codec/cosmos/gov/v1beta1/gov_pb.js";
import { ErrInvalidProposalContent } from "../errors.js";
import type { LegacyContent, LegacyContentType } from "../expected.js";

const MAX_TITLE_LENGTH = 140;
const MAX_DESCRIPTION_LENGTH = 10_000;
const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/** `ValidateAbstract`: a non-blank title of at most 140 bytes, a description of 1…10 000 bytes (gov 5). */
export function validateAbstract(c: { readonly title: string; readonly description: string }): void {
  if (c.title.trim().length === 0) throw ErrInvalidProposalContent.wrap("proposal title cannot be blank");
  if (utf8Length(c.title) > MAX_TITLE_LENGTH) throw ErrInvalidProposalContent.wrap(`proposal title is longer than max length of ${MAX_TITLE_LENGTH}`);
  if (c.description.length === 0) throw ErrInvalidProposalContent.wrap("proposal description cannot be blank");
  if (utf8Length(c.description) > MAX_DESCRIPTION_LENGTH) {
    throw ErrInvalidProposalContent.wrap(`proposal description is longer than max length of ${MAX_DESCRIPTION_LENGTH}`);
  }
}

/** A signal: nothing happens when it passes. */
export const TEXT_PROPOSAL: LegacyContentType = {
  schema: TextProposalSchema,
  route: "gov",
  proposalType: "Text",
  decode(bytes): LegacyContent {
    const p = fromBinary(TextProposalSchema, bytes);
    return { title: p.title, description: p.description, validateBasic: (abstract) => abstract(), handle: () => undefined };
  },
};

// x/params errors (codespace "params").
const PARAMS = "params";
export const ErrUnknownSubspace = registerError(PARAMS, 2, "unknown subspace");
export const ErrSettingParameter = registerError(PARAMS, 3, "failed to set parameter");
export const ErrEmptyChanges = registerError(PARAMS, 4, "submitted parameter changes are empty");
export const ErrEmptySubspace = registerError(PARAMS, 5, "parameter subspace is empty");
export const ErrEmptyKey = registerError(PARAMS, 6, "parameter key is empty");
export const ErrEmptyValue = registerError(PARAMS, 7, "parameter value is empty");

/**
 * ParameterChangeProposal. QUIRK (spec-staking §5.4): since v0.12 every module keeps its params in its
 * own store, so on the reference such a change never takes effect (or its dry run panics). R: this
 * chain serves no x/params subspace, so every change is refused — at submission, by the dry run of
 * the MsgExecLegacyContent (gov 5) — with a pointer to MsgUpdateParams.
 */
export const PARAMETER_CHANGE_PROPOSAL: LegacyContentType = {
  schema: ParameterChangeProposalSchema,
  route: "params",
  proposalType: "ParameterChange",
  decode(bytes): LegacyContent {
    const p = fromBinary(ParameterChangeProposalSchema, bytes);
    return {
      title: p.title,
      description: p.description,
      validateBasic(abstract) {
        abstract();
        if (p.changes.length === 0) throw ErrEmptyChanges;
        for (const c of p.changes) {
          if (c.subspace.length === 0) throw ErrEmptySubspace;
          if (c.key.length === 0) throw ErrEmptyKey;
          if (c.value.length === 0) throw ErrEmptyValue;
        }
      },
      handle() {
        const first = p.changes[0];
        throw ErrUnknownSubspace.wrap(
          `${first?.subspace ?? ""}: parameters of this chain are changed by the module's MsgUpdateParams in a v1 proposal, not through x/params`,
        );
      },
    };
  },
};

export const GOV_LEGACY_CONTENTS: readonly LegacyContentType[] = [TEXT_PROPOSAL, PARAMETER_CHANGE_PROPOSAL];
