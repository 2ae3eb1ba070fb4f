/**
 * `google.api.http` path templates (the grpc-gateway's syntax): literal segments, `*`, `**`, and
 * variables `{field}` / `{field=sub/template}` naming a (possibly nested) request field.
 */

type Segment = { readonly kind: "literal"; readonly value: string } | { readonly kind: "any" } | { readonly kind: "rest" };

interface Variable {
  readonly field: string;
  readonly start: number;
  /** Exclusive end segment index; -1 when the variable ends with `**` (the rest of the path). */
  readonly end: number;
}

export interface PathTemplate {
  readonly text: string;
  readonly segments: readonly Segment[];
  readonly variables: readonly Variable[];
  readonly verb: string | undefined;
  /** Literal segments: more specific templates are tried first. */
  readonly literals: number;
}

export function compileTemplate(text: string): PathTemplate {
  if (!text.startsWith("/")) throw new Error(`http rule ${text}: must start with "/"`);
  let body = text.slice(1);
  let verb: string | undefined;
  const colon = body.lastIndexOf(":");
  if (colon >= 0 && !body.slice(colon).includes("}") && !body.slice(colon).includes("/")) {
    verb = body.slice(colon + 1);
    body = body.slice(0, colon);
  }
  const segments: Segment[] = [];
  const variables: Variable[] = [];
  const toSegment = (s: string): Segment => (s === "*" ? { kind: "any" } : s === "**" ? { kind: "rest" } : { kind: "literal", value: s });
  let i = 0;
  while (i < body.length) {
    if (body[i] === "{") {
      const close = body.indexOf("}", i);
      if (close < 0) throw new Error(`http rule ${text}: unclosed variable`);
      const [field, sub] = body.slice(i + 1, close).split("=") as [string, string | undefined];
      const start = segments.length;
      for (const s of (sub ?? "*").split("/")) segments.push(toSegment(s));
      variables.push({ field, start, end: segments.at(-1)?.kind === "rest" ? -1 : segments.length });
      i = close + 1;
    } else {
      const slash = body.indexOf("/", i);
      const end = slash < 0 ? body.length : slash;
      segments.push(toSegment(body.slice(i, end)));
      i = end;
    }
    if (body[i] === "/") i++;
  }
  return { text, segments, variables, verb, literals: segments.filter((s) => s.kind === "literal").length };
}

/** The variables of `path` (already split on "/" and unescaped) if it matches, else undefined. */
export function matchTemplate(t: PathTemplate, components: readonly string[], verb: string | undefined): Map<string, string> | undefined {
  if (verb !== t.verb) return undefined;
  let rest = false;
  for (let i = 0; i < t.segments.length; i++) {
    const seg = t.segments[i]!;
    if (seg.kind === "rest") {
      rest = true;
      break;
    }
    const c = components[i];
    if (c === undefined) return undefined;
    if (seg.kind === "literal" && seg.value !== c) return undefined;
    if (seg.kind === "any" && c === "") return undefined;
  }
  if (!rest && components.length !== t.segments.length) return undefined;
  const vars = new Map<string, string>();
  for (const v of t.variables) vars.set(v.field, components.slice(v.start, v.end < 0 ? undefined : v.end).join("/"));
  return vars;
}
