/**
 * What `npm install` (scripts/install-cometbft.sh) needs from Go, and what to tell a machine that
 * lacks it: one line naming the install command of the platform's package manager where that
 * gives a recent-enough Go.
 *
 *   tsx scripts/goToolchain.ts decide "<output of go version, empty when go is missing>"
 *     prints "ok" (exit 0) or the one-line instruction (exit 1)
 *
 * Package manager versions, as of this writing:
 *   verified here (Debian's archive): Debian 12 golang-go 1.19 (too old), bookworm-backports
 *   golang-go 1.23; Debian 13 golang-go 1.24.
 *   not verified here (archives not reachable): Ubuntu 24.04 golang-go 1.22.2 (too old: snap's
 *   `go` tracks current releases), Fedora 40+ golang ≥ 1.22, Homebrew, Arch, Alpine 3.21+,
 *   openSUSE Tumbleweed ship current Go; RHEL-family go-toolset varies by minor release.
 */

import fs from "node:fs";

/** CometBFT v0.38.17+ `go.mod`: go 1.22.11. */
export const REQUIRED_GO = "1.22.11";
/** From Go 1.21 on, `go` fetches the toolchain a module asks for (GOTOOLCHAIN=auto, the default). */
export const SELF_UPGRADING_GO = "1.21.0";

/** "go version go1.26.8 linux/amd64" → "1.26.8" ("go1.22" → "1.22.0"); undefined when unreadable. */
export function parseGoVersion(output: string): string | undefined {
  const m = /\bgo(\d+)\.(\d+)(?:\.(\d+))?/.exec(output);
  if (m === null) return undefined;
  return `${m[1]}.${m[2]}.${m[3] ?? "0"}`;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** KEY=value lines of /etc/os-release (quotes removed). */
export function parseOsRelease(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!.replace(/^["']|["']$/g, "");
  }
  return out;
}

export interface Platform {
  /** process.platform */
  readonly os: string;
  readonly osRelease?: Readonly<Record<string, string>>;
}

const FALLBACK = `install Go ${REQUIRED_GO} or newer from https://go.dev/dl/`;

/** One line: how to get a recent-enough Go on this platform. */
export function goInstallHint(p: Platform): string {
  if (p.os === "darwin") return "brew install go";
  if (p.os === "win32") return "winget install GoLang.Go";
  if (p.os !== "linux") return FALLBACK;
  const r = p.osRelease ?? {};
  const id = (r.ID ?? "").toLowerCase();
  const like = `${id} ${(r.ID_LIKE ?? "").toLowerCase()}`;
  const major = Number((r.VERSION_ID ?? "").split(".")[0]);
  if (id === "debian") {
    if (major >= 13) return "sudo apt-get install golang-go   (Debian 13 ships Go 1.24)";
    if (major === 12) {
      return "echo 'deb http://deb.debian.org/debian bookworm-backports main' | sudo tee /etc/apt/sources.list.d/backports.list && sudo apt-get update && sudo apt-get install -t bookworm-backports golang-go   (Go 1.23; Debian 12's own golang-go is 1.19, too old)";
    }
    return `${FALLBACK}   (this Debian release's golang-go is too old)`;
  }
  if (id === "ubuntu" || like.includes("ubuntu")) return `sudo snap install go --classic   (Ubuntu's golang-go is older than ${REQUIRED_GO} up to 24.04)`;
  if (id === "fedora") return "sudo dnf install golang";
  if (like.includes("rhel") || like.includes("centos")) return `sudo dnf install golang   (check that 'go version' says ${REQUIRED_GO} or newer; else ${FALLBACK})`;
  if (like.includes("arch")) return "sudo pacman -S go";
  if (id === "alpine") return "apk add go   (Alpine 3.21 or newer)";
  if (like.includes("suse")) return "sudo zypper install go";
  return FALLBACK;
}

export type GoDecision = { readonly ok: true; readonly note?: string } | { readonly ok: false; readonly message: string };

/**
 * Whether `go version` output allows building CometBFT, and otherwise the one line to print.
 * `gotoolchain`: the GOTOOLCHAIN setting ("local" stops Go from fetching a newer toolchain).
 */
export function goDecision(goVersionOutput: string | undefined, p: Platform, gotoolchain = ""): GoDecision {
  const tail = "then run 'npm run install:cometbft' (or set STRATOS_COMETBFT to a cometbft v0.38 binary: README)";
  if (goVersionOutput === undefined || goVersionOutput.trim() === "") {
    return { ok: false, message: `Go is not installed; CometBFT is built with Go ${REQUIRED_GO}+. Install it: ${goInstallHint(p)}; ${tail}` };
  }
  const v = parseGoVersion(goVersionOutput);
  if (v === undefined) return { ok: true, note: `cannot read the Go version from '${goVersionOutput.trim()}'; trying anyway` };
  if (compareVersions(v, REQUIRED_GO) >= 0) return { ok: true };
  if (compareVersions(v, SELF_UPGRADING_GO) >= 0 && gotoolchain !== "local") {
    return { ok: true, note: `Go ${v} will fetch the Go ${REQUIRED_GO} toolchain CometBFT asks for (GOTOOLCHAIN=auto)` };
  }
  return { ok: false, message: `Go ${v} is older than ${REQUIRED_GO}, which CometBFT needs. Install a newer one: ${goInstallHint(p)}; ${tail}` };
}

function main(argv: string[]): number {
  if (argv[0] !== "decide") {
    process.stderr.write("usage: goToolchain.ts decide \"<go version output>\"\n");
    return 2;
  }
  let osRelease: Record<string, string> | undefined;
  try {
    osRelease = parseOsRelease(fs.readFileSync("/etc/os-release", "utf8"));
  } catch {
    osRelease = undefined;
  }
  const d = goDecision(argv[1], { os: process.platform, ...(osRelease ? { osRelease } : {}) }, process.env.GOTOOLCHAIN ?? "");
  if (d.ok) {
    process.stdout.write(d.note ? `ok: ${d.note}\n` : "ok\n");
    return 0;
  }
  process.stdout.write(d.message + "\n");
  return 1;
}

if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) process.exit(main(process.argv.slice(2)));
