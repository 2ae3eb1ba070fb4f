import { describe, expect, it } from "vitest";
import { DO_NOT_MODIFY, descriptionLengthError, isEmptyDescription, mergeDescription } from "./description.js";

const desc = (moniker = "", identity = "", website = "", securityContact = "", details = "") => ({ moniker, identity, website, securityContact, details });

describe("descriptions", () => {
  it("limits count UTF-8 bytes (moniker 70, identity 3000, website 140, security contact 140, details 280)", () => {
    expect(descriptionLengthError(desc("x".repeat(70)))).toBeUndefined();
    expect(descriptionLengthError(desc("x".repeat(71)))?.message).toBe("invalid moniker length; got: 71, max: 70: invalid request");
    // 18 four-byte emojis are 72 bytes.
    expect(descriptionLengthError(desc("🤐".repeat(18)))?.message).toBe("invalid moniker length; got: 72, max: 70: invalid request");
    expect(descriptionLengthError(desc("", "", "", "", "d".repeat(281)))?.message).toBe("invalid details length; got: 281, max: 280: invalid request");
    expect(descriptionLengthError(desc("", "", "", "s".repeat(141)))?.message).toBe("invalid security contact length; got: 141, max: 140: invalid request");
  });
  it("[do-not-modify] keeps a field", () => {
    const current = desc("a", "b", "c", "d", "e");
    expect(mergeDescription(current, desc("A", DO_NOT_MODIFY, "", DO_NOT_MODIFY, "E"))).toEqual(desc("A", "b", "", "d", "E"));
    expect(isEmptyDescription(desc())).toBe(true);
    expect(isEmptyDescription(desc("", "", "", "", "x"))).toBe(false);
  });
});
