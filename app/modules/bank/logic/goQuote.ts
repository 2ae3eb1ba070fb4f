/**
 * Go's `%q` / `strconv.Quote` for the strings bank quotes in error texts (denoms): double quotes,
 * backslash escapes for `"` and `\`, the named control escapes, `\xNN` for other control bytes and
 * `\u`/`\U` for non-printable code points; printable Unicode is kept as is.
 */
const NAMED: Readonly<Record<number, string>> = { 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r" };

export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (NAMED[cp] !== undefined) out += NAMED[cp];
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, "0")}`;
    else if (!isPrintable(cp)) out += cp < 0x10000 ? `\\u${cp.toString(16).padStart(4, "0")}` : `\\U${cp.toString(16).padStart(8, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** An approximation of Go's `unicode.IsPrint` good for denoms: letters, marks, numbers, punctuation, symbols, ASCII space. */
function isPrintable(cp: number): boolean {
  if (cp === 0x20) return true;
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(cp));
}
