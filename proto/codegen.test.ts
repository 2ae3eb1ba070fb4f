import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BUF = path.join(ROOT, "node_modules", ".bin", "buf");

function listFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(full, base) : [path.relative(base, full)];
  }).sort();
}

// The generated codecs in app/codec are checked in; this fails when a .proto changed without
// `npm run proto`, or when someone edited a generated file by hand.
describe("app/codec is what `npm run proto` generates from proto/", () => {
  it("has the same files with the same contents", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "stratos-proto-"));
    try {
      execFileSync(BUF, ["generate", "--template", "proto/buf.gen.yaml", "-o", out], { cwd: ROOT, stdio: "pipe" });
      const fresh = path.join(out, "app", "codec");
      const committed = path.join(ROOT, "app", "codec");
      const files = listFiles(fresh);
      expect(listFiles(committed)).toEqual(files);
      for (const f of files) {
        expect(fs.readFileSync(path.join(committed, f), "utf8"), `app/codec/${f} is stale: run npm run proto`).toBe(
          fs.readFileSync(path.join(fresh, f), "utf8"),
        );
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
