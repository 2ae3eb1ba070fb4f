import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { DASHBOARD_DIR, loadDashboardFiles, serveDashboard } from "./dashboard.js";
import { loadProtoCatalog } from "./descriptors.js";
import { matchTemplate } from "./httpRule.js";
import { restRoutes } from "./rest.js";

describe("dashboard files", () => {
  const files = loadDashboardFiles();

  it("the page and every file it links are there", () => {
    expect([...files.keys()].sort()).toEqual(["dashboard.css", "dashboard.js", "index.html"]);
    const html = files.get("index.html")!.body.toString("utf8");
    const linked = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!).filter((l) => !l.startsWith("data:"));
    expect(linked.sort()).toEqual(["dashboard.css", "dashboard.js"]);
  });

  it("every REST path the script asks for is a route this node serves (GET)", async () => {
    const script = fs.readFileSync(path.join(DASHBOARD_DIR, "dashboard.js"), "utf8");
    // Literal paths, template holes (`${…}`) as one path segment.
    const paths = [...script.matchAll(/[`"](\/(?:cosmos|stratos)\/[^`"?]+)/g)].map((m) => m[1]!.replace(/\$\{[^}]+\}/g, "7"));
    expect(paths.length).toBeGreaterThanOrEqual(12);
    const catalog = await loadProtoCatalog();
    const routes = restRoutes(catalog, { has: () => true, call: () => Promise.reject(new Error("not called")) }).filter((r) => r.httpMethod === "GET");
    const unserved = paths.filter((p) => !routes.some((r) => matchTemplate(r.template, p.slice(1).split("/"), undefined) !== undefined));
    expect(unserved).toEqual([]);
  });
});

describe("serveDashboard over HTTP", () => {
  let server: http.Server;
  let base: string;
  const files = loadDashboardFiles();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const { pathname } = new URL(req.url ?? "/", "http://localhost");
      if (!serveDashboard(files, req, res, pathname)) {
        res.writeHead(501);
        res.end("rest");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("serves the files from memory with their types and a same-origin CSP", async () => {
    const index = await fetch(`${base}/dashboard/`);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(index.headers.get("content-security-policy")).toMatch(/^default-src 'self';.*connect-src 'self'/);
    expect(await index.text()).toBe(files.get("index.html")!.body.toString("utf8"));
    const css = await fetch(`${base}/dashboard/dashboard.css`);
    expect([css.status, css.headers.get("content-type")]).toEqual([200, "text/css; charset=utf-8"]);
    const head = await fetch(`${base}/dashboard/dashboard.js`, { method: "HEAD" });
    expect([head.status, head.headers.get("content-length")]).toEqual([200, String(files.get("dashboard.js")!.body.length)]);
  });

  it("redirects /dashboard, refuses unknown names, other methods and paths outside the folder", async () => {
    const redirect = await fetch(`${base}/dashboard`, { redirect: "manual" });
    expect([redirect.status, redirect.headers.get("location")]).toEqual([301, "/dashboard/"]);
    for (const p of ["/dashboard/missing.html", "/dashboard/..%2Fdashboard.ts", "/dashboard/sub/index.html"]) expect((await fetch(`${base}${p}`)).status).toBe(404);
    expect((await fetch(`${base}/dashboard/`, { method: "POST" })).status).toBe(405);
    // Everything else is left to the REST routes.
    expect((await fetch(`${base}/dashboards`)).status).toBe(501);
    expect((await fetch(`${base}/stratos/sds/v1/noz_price`)).status).toBe(501);
  });

  it("an install without the folder answers 404 with a hint, not a crash", () => {
    expect(loadDashboardFiles(path.join(DASHBOARD_DIR, "does-not-exist")).size).toBe(0);
  });
});
