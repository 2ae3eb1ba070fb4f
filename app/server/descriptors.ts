/**
 * Every protobuf file the project generated into app/codec, found at start-up: the services the
 * node serves over gRPC and REST, the types Any values may hold (JSON), and the file descriptors
 * gRPC reflection hands out. A new `*.proto` run through `npm run proto` is picked up here with no
 * code change.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRegistry, type DescFile, type DescService, type Registry } from "@bufbuild/protobuf";

export interface ProtoCatalog {
  /** Every file by its proto path ("cosmos/bank/v1beta1/query.proto"), dependencies included. */
  readonly files: ReadonlyMap<string, DescFile>;
  /** Every service of every file, sorted by full name. */
  readonly services: readonly DescService[];
  /** Messages, enums, extensions and services by full name (JSON of Any values, reflection). */
  readonly registry: Registry;
}

const CODEC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "codec");

/** Generated modules (`*_pb.ts` under tsx, `*_pb.js` when built), in a stable order. */
function codecModules(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...codecModules(full));
    else if (/_pb\.(ts|js)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out.sort();
}

function isDescFile(value: unknown): value is DescFile {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "file" && "proto" in value;
}

/** Loads every generated codec module (once per process) and indexes its descriptors. */
export async function loadProtoCatalog(dir: string = CODEC_DIR): Promise<ProtoCatalog> {
  const files = new Map<string, DescFile>();
  const add = (file: DescFile): void => {
    if (files.has(file.proto.name)) return;
    files.set(file.proto.name, file);
    for (const dep of file.dependencies) add(dep);
  };
  for (const module of codecModules(dir)) {
    const exports = (await import(module)) as Record<string, unknown>;
    for (const value of Object.values(exports)) if (isDescFile(value)) add(value);
  }
  const sorted = [...files.values()].sort((a, b) => (a.proto.name < b.proto.name ? -1 : 1));
  const services = sorted.flatMap((f) => f.services).sort((a, b) => (a.typeName < b.typeName ? -1 : 1));
  return { files: new Map(sorted.map((f) => [f.proto.name, f])), services, registry: createRegistry(...sorted) };
}
