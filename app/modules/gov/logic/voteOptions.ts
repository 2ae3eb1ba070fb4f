/**
 * Weighted vote options (spec-staking §5.3): validity, the text the `proposal_vote` event carries, and
 * ValidateBasic of a weighted vote. v1 options keep their weight text as sent; the v1beta1 ones carry
 * a Dec (converted to v1 with its 18-decimal string).
 */
import { Dec } from "../../../math/dec.js";
import { goJsonQuote } from "../../../baseapp/protoJson.js";
import { parseDecGo } from "./goText.js";

export const VOTE_OPTION_NAMES: Readonly<Record<number, string>> = {
  0: "VOTE_OPTION_UNSPECIFIED",
  1: "VOTE_OPTION_YES",
  2: "VOTE_OPTION_ABSTAIN",
  3: "VOTE_OPTION_NO",
  4: "VOTE_OPTION_NO_WITH_VETO",
};

/** Go's `VoteOption.String()`: the enum name, or the number for an unknown value. */
export const voteOptionName = (option: number): string => VOTE_OPTION_NAMES[option] ?? option.toString();

/** `ValidVoteOption`: YES, ABSTAIN, NO or NO_WITH_VETO. */
export const isValidVoteOption = (option: number): option is 1 | 2 | 3 | 4 => option >= 1 && option <= 4;

export interface WeightedOptionText {
  readonly option: number;
  /** Dec text as sent (v1). */
  readonly weight: string;
}

/** The weight 1 of a plain MsgVote, as `LegacyNewDec(1).String()` writes it. */
export const WEIGHT_ONE = Dec.ONE.toString();

/** `ValidWeightedVoteOption` (v1): the weight parses, is in (0, 1], and the option is valid. */
export function isValidWeightedOption(o: WeightedOptionText): boolean {
  const w = parseDecGo(o.weight);
  if ("error" in w) return false;
  return w.dec.isPositive() && !w.dec.gt(Dec.ONE) && isValidVoteOption(o.option);
}

/**
 * gogoproto's compact text of one option (`WeightedVoteOption.String()`): zero fields left out, each
 * field followed by a space, strings quoted with Go escapes.
 */
export function weightedOptionText(o: WeightedOptionText): string {
  let out = "";
  if (o.option !== 0) out += `option:${voteOptionName(o.option)} `;
  if (o.weight !== "") out += `weight:${goTextQuote(o.weight)} `;
  return out;
}

/** `WeightedVoteOptions.String()`: each option's text on its own line, the whole trimmed. */
export function weightedOptionsText(options: readonly WeightedOptionText[]): string {
  return options.map((o) => weightedOptionText(o) + "\n").join("").trim();
}

/** The text format's string quoting: like JSON for the characters a decimal can contain. */
function goTextQuote(s: string): string {
  return goJsonQuote(s);
}
