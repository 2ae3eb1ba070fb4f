/**
 * The node's web dashboard: a static page (app/server/dashboard/) served by the REST server under
 * /dashboard/. The page reads everything through the REST routes of the same server (same origin, so
 * it needs no CORS), historical values with the `x-cosmos-block-height` header.
 *
 * The files are read once at start and served from memory; only names in that set answer, so no
 * request path ever reaches the file system.
 */
import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const DASHBOARD_PATH = "/dashboard/";
export const DASHBOARD_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "dashboard");

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

// The page loads only its own files and talks only to this server.
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
};

interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/** name → file, for every file of `dir` with a known type (one level: the dashboard has no folders). */
export function loadDashboardFiles(dir = DASHBOARD_DIR): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!fs.existsSync(dir)) return files;
  for (const name of fs.readdirSync(dir)) {
    const contentType = CONTENT_TYPES[path.extname(name)];
    const full = path.join(dir, name);
    if (contentType === undefined || !fs.statSync(full).isFile()) continue;
    files.set(name, { body: fs.readFileSync(full), contentType });
  }
  return files;
}

/**
 * Answers GET/HEAD requests for /dashboard and /dashboard/*; returns false for every other path (the
 * REST routes). /dashboard redirects to /dashboard/ so the page's relative links resolve.
 */
export function serveDashboard(files: ReadonlyMap<string, StaticFile>, req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean {
  if (pathname !== "/dashboard" && !pathname.startsWith(DASHBOARD_PATH)) return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
    res.end("method not allowed\n");
    return true;
  }
  if (pathname === "/dashboard") {
    res.writeHead(301, { Location: DASHBOARD_PATH });
    res.end();
    return true;
  }
  const name = pathname.slice(DASHBOARD_PATH.length) || "index.html";
  const file = files.get(name);
  if (!file) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(files.size === 0 ? "the dashboard files are not installed\n" : "not found\n");
    return true;
  }
  res.writeHead(200, { "Content-Type": file.contentType, "Content-Length": String(file.body.length), "Cache-Control": "no-cache", ...SECURITY_HEADERS });
  res.end(req.method === "HEAD" ? undefined : file.body);
  return true;
}
