import fs from "node:fs";

/**
 * Applies `[section] key = value` overrides to a CometBFT config.toml produced by `cometbft init`.
 * Only keys that already exist are replaced (a typo fails loudly instead of being ignored).
 */
export function applyTomlOverrides(configToml: string, overridesToml: string, vars: Readonly<Record<string, string>>): string {
  const lines = configToml.split("\n");
  let section = "";
  const sectionOf: string[] = lines.map((line) => {
    const m = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (m) section = m[1]!.trim();
    return section;
  });
  for (const { section: want, key, value } of parseOverrides(overridesToml, vars)) {
    const index = lines.findIndex((line, i) => sectionOf[i] === want && new RegExp(`^\\s*${escapeRegExp(key)}\\s*=`).test(line));
    if (index < 0) throw new Error(`config.toml has no key ${want ? `[${want}] ` : ""}${key}`);
    lines[index] = `${key} = ${value}`;
  }
  return lines.join("\n");
}

function parseOverrides(text: string, vars: Readonly<Record<string, string>>): { section: string; key: string; value: string }[] {
  let section = "";
  const out: { section: string; key: string; value: string }[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const sec = /^\[([^\]]+)\]$/.exec(line);
    if (sec) {
      section = sec[1]!.trim();
      continue;
    }
    const eq = line.indexOf("=");
    if (eq < 0) throw new Error(`bad override line: ${raw}`);
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim().replace(/\{(\w+)\}/g, (_, name: string) => {
      const v = vars[name];
      if (v === undefined) throw new Error(`override ${key} uses unknown variable {${name}}`);
      return v;
    });
    out.push({ section, key, value });
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function patchConfigFile(configPath: string, overridesPath: string, vars: Readonly<Record<string, string>>): void {
  const patched = applyTomlOverrides(fs.readFileSync(configPath, "utf8"), fs.readFileSync(overridesPath, "utf8"), vars);
  fs.writeFileSync(configPath, patched);
}
