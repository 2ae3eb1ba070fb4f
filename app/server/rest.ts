/**
 * The REST server (SDK default 1317): the gRPC-gateway routes of every served method, derived from
 * the `google.api.http` options of the descriptors — one table, no per-path code. Requests become
 * the method's protobuf request by the gateway's rules (path variables, then query parameters by
 * proto or JSON field name with dotted nesting, or the JSON body for `body: "*"`); answers are
 * proto3 JSON as the SDK gateway writes it (app/baseapp/protoJson.ts), errors
 * `{"code","message","details"}` with the HTTP status of the gRPC code. Unknown paths answer 501
 * Not Implemented (code 12), as grpc-gateway v1 does.
 */
import http from "node:http";
import { type DescField, type DescMessage, type DescMethod, fromBinary, fromJson, getOption, hasOption, type JsonObject, type JsonValue, toBinary } from "@bufbuild/protobuf";
import { http as httpOption } from "../codec/google/api/annotations_pb.js";
import type { HttpRule } from "../codec/google/api/http_pb.js";
import { goJsonStringify, toGoProtoJson, withLegacyDecimals } from "../baseapp/protoJson.js";
import type { ProtoCatalog } from "./descriptors.js";
import { BLOCK_HEIGHT_HEADER, type CallDispatcher } from "./dispatch.js";
import { loadDashboardFiles, serveDashboard } from "./dashboard.js";
import { compileTemplate, matchTemplate, type PathTemplate } from "./httpRule.js";
import { Code, httpStatusOf, invalidArgument, ServiceError, toServiceError } from "./status.js";

export interface RestServerOptions {
  /** "tcp://host:port" or "host:port"; port 0 picks a free one. */
  readonly address: string;
  /** SDK `enabled-unsafe-cors`: answer any origin (browser explorers such as Ping.pub). */
  readonly enabledUnsafeCors?: boolean;
  /** Largest request body (SDK `rpc-max-body-bytes`, 1,000,000). */
  readonly maxBodyBytes?: number;
}

export interface RunningRestServer {
  readonly address: string;
  readonly routes: readonly Route[];
  close(): Promise<void>;
}

export interface Route {
  readonly httpMethod: string;
  readonly template: PathTemplate;
  readonly method: DescMethod;
  readonly path: string;
  /** "" (no body), "*" (the whole request) — the only forms the SDK's services use. */
  readonly body: string;
}

/** Every served method's HTTP bindings (additional bindings included), most specific first. */
export function restRoutes(catalog: ProtoCatalog, dispatcher: CallDispatcher): Route[] {
  const routes: Route[] = [];
  for (const service of catalog.services) {
    for (const method of service.methods) {
      const path = `/${service.typeName}/${method.name}`;
      if (!dispatcher.has(path) || method.methodKind !== "unary" || !hasOption(method, httpOption)) continue;
      const rules: HttpRule[] = [];
      const collect = (r: HttpRule): void => {
        rules.push(r);
        r.additionalBindings.forEach(collect);
      };
      collect(getOption(method, httpOption));
      for (const rule of rules) {
        if (rule.pattern.case === undefined) continue;
        routes.push({ httpMethod: rule.pattern.case.toUpperCase(), template: compileTemplate(rule.pattern.value), method, path, body: rule.body });
      }
    }
  }
  return routes.sort((a, b) => b.template.literals - a.template.literals);
}

const TRUE = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const FALSE = new Set(["0", "f", "F", "FALSE", "false", "False"]);

/** Go's base64 rules of the gateway: standard encoding, else URL-safe. */
function base64Field(text: string): string {
  const std = /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0;
  const url = /^[A-Za-z0-9_-]*={0,2}$/.test(text) && text.length % 4 === 0;
  if (!std && !url) throw invalidArgument(`illegal base64 data in ${JSON.stringify(text)}`);
  return Buffer.from(text, std ? "base64" : "base64url").toString("base64");
}

/** One path or query parameter value as the proto3 JSON of a scalar or enum field. */
function scalarJson(field: DescField, text: string, name: string): JsonValue {
  const bad = (why: string): never => {
    throw invalidArgument(`invalid value ${JSON.stringify(text)} for parameter ${name}: ${why}`);
  };
  if (field.fieldKind === "enum" || (field.fieldKind === "list" && field.listKind === "enum")) {
    const e = field.enum!;
    const byName = e.values.find((v) => v.name === text);
    if (byName) return byName.name;
    if (/^-?\d+$/.test(text)) return Number(text);
    return bad(`not a value of ${e.typeName}`);
  }
  const scalar = field.fieldKind === "scalar" ? field.scalar : field.fieldKind === "list" && field.listKind === "scalar" ? field.scalar : undefined;
  if (scalar === undefined) return bad("a message cannot be given as a parameter");
  switch (scalar) {
    case 9: // string
      return text;
    case 12: // bytes
      return base64Field(text);
    case 8: // bool
      if (TRUE.has(text)) return true;
      if (FALSE.has(text)) return false;
      return bad("strconv.ParseBool: invalid syntax");
    case 1: // double
    case 2: // float
      if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return bad("strconv.ParseFloat: invalid syntax");
      return Number(text);
    case 4: // uint64
    case 6: // fixed64
    case 13: // uint32
    case 7: {
      // fixed32
      if (!/^\d+$/.test(text)) return bad("strconv.ParseUint: invalid syntax");
      const bits = scalar === 4 || scalar === 6 ? 64n : 32n;
      if (BigInt(text) >= 1n << bits) return bad("strconv.ParseUint: value out of range");
      return bits === 64n ? text : Number(text);
    }
    default: {
      // int32, int64, sint*, sfixed*
      if (!/^[+-]?\d+$/.test(text)) return bad("strconv.ParseInt: invalid syntax");
      const bits = scalar === 3 || scalar === 16 || scalar === 18 ? 64n : 32n;
      const v = BigInt(text);
      if (v >= 1n << (bits - 1n) || v < -(1n << (bits - 1n))) return bad("strconv.ParseInt: value out of range");
      return bits === 64n ? v.toString() : Number(v);
    }
  }
}

/** Sets `a.b.c = text` on a proto3 JSON object of `schema`; unknown names are ignored, as the gateway does. */
function setParameter(json: JsonObject, schema: DescMessage, name: string, text: string): void {
  const parts = name.split(".");
  let obj = json;
  let desc = schema;
  for (let i = 0; i < parts.length; i++) {
    const field = desc.fields.find((f) => f.name === parts[i] || f.jsonName === parts[i]);
    if (!field) return;
    const last = i === parts.length - 1;
    if (!last) {
      if (field.fieldKind !== "message") return;
      const child = (obj[field.jsonName] ??= {}) as JsonObject;
      obj = child;
      desc = field.message;
      continue;
    }
    const value = scalarJson(field, text, name);
    if (field.fieldKind === "list") ((obj[field.jsonName] ??= []) as JsonValue[]).push(value);
    else obj[field.jsonName] = value;
  }
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop keeping the body but let it drain, so the client reads the answer.
        req.removeAllListeners("data");
        req.resume();
        reject(new ServiceError(Code.RESOURCE_EXHAUSTED, `request body larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startRestServer(catalog: ProtoCatalog, dispatcher: CallDispatcher, options: RestServerOptions): Promise<RunningRestServer> {
  const routes = restRoutes(catalog, dispatcher);
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  const registry = catalog.registry;
  const dashboard = loadDashboardFiles();

  const send = (res: http.ServerResponse, status: number, body: string, height?: number): void => {
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (height !== undefined) headers["Grpc-Metadata-X-Cosmos-Block-Height"] = String(height);
    if (options.enabledUnsafeCors) headers["Access-Control-Allow-Origin"] = "*";
    res.writeHead(status, headers);
    res.end(body);
  };
  const fail = (res: http.ServerResponse, e: unknown, status?: number): void => {
    const err = toServiceError(e);
    const httpStatus = status ?? httpStatusOf(err.code);
    send(res, httpStatus, goJsonStringify({ code: err.code, message: err.message, details: [] }));
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    if (options.enabledUnsafeCors && req.method === "OPTIONS") {
      res.writeHead(204, {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "Content-Type",
        "Access-Control-Max-Age": "600",
      });
      res.end();
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    if (serveDashboard(dashboard, req, res, url.pathname)) return;
    let components: string[];
    try {
      components = url.pathname.slice(1).split("/").map(decodeURIComponent);
    } catch {
      fail(res, invalidArgument(`malformed path ${url.pathname}`));
      return;
    }
    let verb: string | undefined;
    const lastComponent = components.at(-1) ?? "";
    const colon = lastComponent.lastIndexOf(":");
    if (colon > 0) {
      verb = lastComponent.slice(colon + 1);
      components[components.length - 1] = lastComponent.slice(0, colon);
    }
    let matched: { route: Route; vars: Map<string, string> } | undefined;
    let otherMethod = false;
    for (const route of routes) {
      const vars = matchTemplate(route.template, components, verb);
      if (!vars) continue;
      if (route.httpMethod !== req.method) {
        otherMethod = true;
        continue;
      }
      matched = { route, vars };
      break;
    }
    if (!matched) {
      fail(res, new ServiceError(Code.UNIMPLEMENTED, otherMethod ? "Method Not Allowed" : "Not Implemented"));
      return;
    }
    const { route, vars } = matched;
    const input = route.method.input;
    let requestJson: JsonObject = {};
    try {
      if (route.body === "*") {
        const body = await readBody(req, maxBody);
        const text = body.toString("utf8").trim();
        if (text !== "") {
          const parsed: unknown = JSON.parse(text);
          if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw invalidArgument("request body must be a JSON object");
          requestJson = parsed as JsonObject;
        }
      } else {
        for (const [name, value] of url.searchParams) {
          if (vars.has(name)) continue;
          setParameter(requestJson, input, name, value);
        }
      }
      for (const [name, value] of vars) setParameter(requestJson, input, name, value);
    } catch (e) {
      if (e instanceof SyntaxError) {
        fail(res, invalidArgument(`request body is not JSON: ${e.message}`));
        return;
      }
      fail(res, e, e instanceof ServiceError && e.code === Code.RESOURCE_EXHAUSTED ? 413 : undefined);
      return;
    }
    let requestBytes: Uint8Array;
    try {
      requestBytes = toBinary(input, fromJson(input, requestJson, { registry }));
    } catch (e) {
      fail(res, invalidArgument(e instanceof Error ? e.message : String(e)));
      return;
    }
    const heightHeader = req.headers[BLOCK_HEIGHT_HEADER];
    const heights = heightHeader === undefined ? [] : Array.isArray(heightHeader) ? heightHeader : [heightHeader];
    try {
      const result = await dispatcher.call(route.path, requestBytes, heights);
      const message = fromBinary(route.method.output, result.value);
      send(res, 200, goJsonStringify(withLegacyDecimals(route.method.output, toGoProtoJson(route.method.output, message, registry), registry)), result.height);
    } catch (e) {
      fail(res, e);
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => fail(res, e));
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  const { host, port } = parseHostPort(options.address);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const bound = server.address();
  const boundPort = typeof bound === "object" && bound !== null ? bound.port : port;
  return {
    address: `${host}:${boundPort}`,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** "tcp://host:port" or "host:port". */
export function parseHostPort(address: string): { host: string; port: number } {
  const text = address.replace(/^tcp:\/\//, "");
  const colon = text.lastIndexOf(":");
  const port = Number(text.slice(colon + 1));
  if (colon < 0 || !Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad listen address ${address} (want host:port)`);
  return { host: text.slice(0, colon).replace(/^\[|\]$/g, "") || "127.0.0.1", port };
}
