/**
 * Summarises a V8 CPU profile (`node --cpu-prof`, a `.cpuprofile` JSON): where the sampled time went,
 * by function (self time and inclusive time, recursion counted once) and by source file. For the
 * benchmarks' "where does the time go" reports; the profile is an observation, not a gate.
 */
import fs from "node:fs";
import path from "node:path";

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface ProfileRow {
  readonly name: string;
  readonly ms: number;
  /** Share of the sampled non-idle time, percent. */
  readonly pct: number;
}

export interface ProfileSummary {
  readonly sampledMs: number;
  readonly idleMs: number;
  readonly self: readonly ProfileRow[];
  readonly inclusive: readonly ProfileRow[];
  readonly byFile: readonly ProfileRow[];
}

const PSEUDO = new Set(["(root)", "(program)", "(idle)", "(garbage collector)"]);

function shortUrl(url: string, root: string): string {
  const file = url.startsWith("file://") ? url.slice("file://".length) : url;
  const nm = file.lastIndexOf("/node_modules/");
  if (nm >= 0) return file.slice(nm + 1);
  return file.startsWith(root) ? path.relative(root, file) : file || "(native)";
}

/** Reads `file` and ranks functions by self and inclusive time, and files by self time (top `top` each). */
export function summarizeCpuProfile(file: string, root: string, top = 25): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // timeDeltas[i] is the time before sample i: it belongs to the sample taken before it.
  for (let i = 0; i < samples.length; i++) selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + (deltas[i + 1] ?? 0));

  const key = (f: CallFrame): string => (PSEUDO.has(f.functionName) ? f.functionName : `${f.functionName || "(anonymous)"} ${shortUrl(f.url, root)}:${f.lineNumber + 1}`);
  const self = new Map<string, number>();
  const files = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let sampled = 0;
  let idle = 0;

  // Inclusive time of a node's subtree, credited once per function on each path (recursion-safe).
  const active = new Map<string, number>();
  const visit = (id: number): number => {
    const node = byId.get(id);
    if (!node) return 0;
    const k = key(node.callFrame);
    const own = selfUs.get(id) ?? 0;
    sampled += own;
    if (node.callFrame.functionName === "(idle)") idle += own;
    self.set(k, (self.get(k) ?? 0) + own);
    if (!PSEUDO.has(node.callFrame.functionName)) {
      const f = shortUrl(node.callFrame.url, root);
      files.set(f, (files.get(f) ?? 0) + own);
    }
    active.set(k, (active.get(k) ?? 0) + 1);
    let total = own;
    for (const c of node.children ?? []) total += visit(c);
    const depth = active.get(k)! - 1;
    if (depth === 0) {
      active.delete(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + total);
    } else {
      active.set(k, depth);
    }
    return total;
  };
  const childIds = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  for (const n of profile.nodes) if (!childIds.has(n.id)) visit(n.id);

  const busyUs = Math.max(1, sampled - idle);
  const rank = (m: Map<string, number>): ProfileRow[] =>
    [...m.entries()]
      .filter(([k]) => !PSEUDO.has(k) || k === "(garbage collector)" || k === "(program)")
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, pct: (100 * us) / busyUs }));
  return { sampledMs: sampled / 1000, idleMs: idle / 1000, self: rank(self), inclusive: rank(inclusive), byFile: rank(files) };
}

/**
 * The newest main-thread profile in `dir`. Node names them `CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`;
 * thread 0 is the main thread (tsx's module loader runs in a worker with its own profile).
 */
export function newestProfile(dir: string): string | undefined {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.\d+\.0\.\d+\.cpuprofile$/.test(f)) : [];
  return files.map((f) => path.join(dir, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

export function printProfile(s: ProfileSummary, title: string): void {
  const line = (r: ProfileRow): string => `  ${r.ms.toFixed(0).padStart(8)} ms ${r.pct.toFixed(1).padStart(5)} %  ${r.name}`;
  console.log(`${title}: ${s.sampledMs.toFixed(0)} ms sampled, ${s.idleMs.toFixed(0)} ms idle; shares are of the busy time`);
  console.log(" self time by function:");
  for (const r of s.self) console.log(line(r));
  console.log(" inclusive time by function:");
  for (const r of s.inclusive) console.log(line(r));
  console.log(" self time by file:");
  for (const r of s.byFile) console.log(line(r));
}
