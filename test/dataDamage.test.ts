/**
 * `stchaind start` on damaged data files refuses to start with one line naming the file and the fix
 * (app/store/storeDamage.test.ts covers each kind of LevelDB damage on the store itself).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, it } from "vitest";
import { fails } from "./helpers/cli.js";

const homes: string[] = [];
function home(): string {
  const h = fs.mkdtempSync(path.join(os.tmpdir(), "stchaind-damage-"));
  homes.push(h);
  return h;
}
afterAll(() => homes.forEach((h) => fs.rmSync(h, { recursive: true, force: true })));
const start = (h: string): string[] => ["start", "--home", h, "--abci", "tcp://127.0.0.1:0", "--grpc.enable", "false", "--api.enable", "false"];

describe("stchaind start on damaged data files", () => {
  it("a garbage CURRENT in application.db: one line naming CURRENT and the fix", async () => {
    const h = home();
    fs.mkdirSync(path.join(h, "data", "application.db"), { recursive: true });
    fs.writeFileSync(path.join(h, "data", "application.db", "CURRENT"), "MANIFEST-00\u0000\u0007\n");
    await fails(start(h), /^stchaind: .*\/data\/application\.db\/CURRENT: LevelDB cannot open it: .*The node refuses to start from this application database\. Fix: stop the node, then restore .*\/data from a backup/);
  }, 60_000);

  it("application.db that is a file, not a directory: names it", async () => {
    const h = home();
    fs.mkdirSync(path.join(h, "data"), { recursive: true });
    fs.writeFileSync(path.join(h, "data", "application.db"), "torn");
    await fails(start(h), /^stchaind: .*\/data\/application\.db: LevelDB cannot open it: .*Fix:/);
  }, 60_000);

  it("a truncated app.toml: names app.toml", async () => {
    const h = home();
    fs.mkdirSync(path.join(h, "config"), { recursive: true });
    fs.writeFileSync(path.join(h, "config", "app.toml"), 'minimum-gas-prices = "1000000000wei"\n[state-sync]\nsnapshot-interval = ');
    await fails(start(h), /^stchaind: .*\/config\/app\.toml/);
  }, 60_000);
});
