import { describe, expect, it } from "vitest";
import { compareVersions, goDecision, goInstallHint, parseGoVersion, parseOsRelease } from "./goToolchain.js";

const OS_RELEASE = {
  debian12: 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nID=debian\n',
  debian13: 'NAME="Debian GNU/Linux"\nVERSION_ID="13"\nID=debian\n',
  debian11: 'VERSION_ID="11"\nID=debian\n',
  ubuntu2404: 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n',
  mint: 'NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n',
  fedora: 'NAME="Fedora Linux"\nVERSION_ID=41\nID=fedora\n',
  rocky: 'NAME="Rocky Linux"\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.4"\n',
  arch: "NAME=\"Arch Linux\"\nID=arch\n",
  manjaro: "ID=manjaro\nID_LIKE=arch\n",
  alpine: "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.21.0\n",
  tumbleweed: 'ID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"\n',
  unknown: "ID=somethingelse\n",
} as const;

const linux = (name: keyof typeof OS_RELEASE) => ({ os: "linux", osRelease: parseOsRelease(OS_RELEASE[name]) });

describe("go version parsing", () => {
  it.each([
    { name: "release", out: "go version go1.26.8 linux/amd64", want: "1.26.8" },
    { name: "first minor release", out: "go version go1.22 darwin/arm64", want: "1.22.0" },
    { name: "rc", out: "go version go1.23rc1 linux/amd64", want: "1.23.0" },
    { name: "not go", out: "bash: go: command not found", want: undefined },
  ])("$name", ({ out, want }) => expect(parseGoVersion(out)).toBe(want));

  it("compares numerically", () => {
    expect(compareVersions("1.22.11", "1.22.9")).toBe(1);
    expect(compareVersions("1.9.0", "1.22.0")).toBe(-1);
    expect(compareVersions("1.22.11", "1.22.11")).toBe(0);
  });
});

describe("what to tell a machine without a recent Go", () => {
  it.each([
    { name: "Debian 12: bookworm-backports", p: linux("debian12"), want: /apt-get install -t bookworm-backports golang-go .*Go 1\.23.*1\.19, too old/ },
    { name: "Debian 13: plain apt", p: linux("debian13"), want: /^sudo apt-get install golang-go .*Go 1\.24/ },
    { name: "Debian 11: go.dev", p: linux("debian11"), want: /go\.dev\/dl.*too old/ },
    { name: "Ubuntu: snap", p: linux("ubuntu2404"), want: /^sudo snap install go --classic/ },
    { name: "Ubuntu derivative: snap", p: linux("mint"), want: /snap install go/ },
    { name: "Fedora: dnf", p: linux("fedora"), want: /^sudo dnf install golang$/ },
    { name: "RHEL family: dnf with a version check", p: linux("rocky"), want: /^sudo dnf install golang .*check/ },
    { name: "Arch", p: linux("arch"), want: /^sudo pacman -S go$/ },
    { name: "Arch derivative", p: linux("manjaro"), want: /pacman -S go/ },
    { name: "Alpine", p: linux("alpine"), want: /^apk add go/ },
    { name: "openSUSE", p: linux("tumbleweed"), want: /^sudo zypper install go$/ },
    { name: "unknown Linux", p: linux("unknown"), want: /^install Go 1\.22\.11 or newer from https:\/\/go\.dev\/dl\/$/ },
    { name: "macOS", p: { os: "darwin" }, want: /^brew install go$/ },
    { name: "Windows", p: { os: "win32" }, want: /^winget install GoLang\.Go$/ },
  ])("$name", ({ p, want }) => {
    const hint = goInstallHint(p);
    expect(hint).toMatch(want);
    expect(hint).not.toContain("\n");
  });
});

describe("the install decision", () => {
  it("builds with a recent Go", () => {
    expect(goDecision("go version go1.26.8 linux/amd64", linux("debian12"))).toEqual({ ok: true });
    expect(goDecision("go version go1.22.11 linux/amd64", linux("debian12"))).toEqual({ ok: true });
  });

  it("lets Go 1.21+ fetch the toolchain it needs, unless GOTOOLCHAIN=local", () => {
    const d = goDecision("go version go1.21.5 linux/amd64", linux("fedora"));
    expect(d.ok).toBe(true);
    const local = goDecision("go version go1.21.5 linux/amd64", linux("fedora"), "local");
    expect(local).toEqual({ ok: false, message: expect.stringMatching(/^Go 1\.21\.5 is older than 1\.22\.11.*sudo dnf install golang;/) });
  });

  it("refuses a Go too old to upgrade itself, in one line naming the command", () => {
    const d = goDecision("go version go1.19.8 linux/amd64", linux("debian12"));
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.message).toMatch(/^Go 1\.19\.8 is older than 1\.22\.11/);
      expect(d.message).toContain("bookworm-backports");
      expect(d.message).toContain("STRATOS_COMETBFT");
      expect(d.message).not.toContain("\n");
    }
  });

  it("without Go, says what to install", () => {
    for (const out of [undefined, "", "  \n"]) {
      const d = goDecision(out, { os: "darwin" });
      expect(d).toEqual({ ok: false, message: expect.stringMatching(/^Go is not installed.*brew install go; then run 'npm run install:cometbft'/) });
    }
  });
});
