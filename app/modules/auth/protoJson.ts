/**
 * Reading proto-JSON (as the SDK's genesis files are written: jsonpb with OrigName field names, 64-bit
 * integers as strings) from already-parsed JSON, with errors that name the offending path.
 *
 * Like Go's jsonpb: a field may be spelled with its proto name (`account_number`) or its JSON name
 * (`accountNumber`); `null` means the default value; unknown fields are refused; 64-bit integers may
 * be strings or numbers. Used by the auth and bank genesis parsers (a codec helper, not auth state).
 */

/** A genesis document that does not parse or validate. */
export class GenesisError extends Error {
  override readonly name = "GenesisError";
}

const UINT64_MAX = (1n << 64n) - 1n;

function camelCase(protoName: string): string {
  return protoName.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One JSON object being read; `finish()` refuses any field that was not read. */
export class JsonFields {
  private readonly read = new Set<string>();

  private constructor(
    private readonly obj: Record<string, unknown>,
    readonly path: string,
  ) {}

  static of(value: unknown, path: string): JsonFields {
    if (!isPlainObject(value)) throw new GenesisError(`${path}: expected a JSON object, got ${describe(value)}`);
    return new JsonFields(value, path);
  }

  /** The raw value of a field (proto name or its camelCase JSON name); undefined if absent or null. */
  raw(protoName: string): unknown {
    const names = [protoName, camelCase(protoName)];
    let value: unknown;
    for (const name of names) {
      if (Object.hasOwn(this.obj, name)) {
        this.read.add(name);
        if (value === undefined) value = this.obj[name];
      }
    }
    return value === null ? undefined : value;
  }

  pathOf(protoName: string): string {
    return `${this.path}.${protoName}`;
  }

  string(protoName: string): string {
    const v = this.raw(protoName);
    if (v === undefined) return "";
    if (typeof v !== "string") throw new GenesisError(`${this.pathOf(protoName)}: expected a string, got ${describe(v)}`);
    return v;
  }

  bool(protoName: string): boolean {
    const v = this.raw(protoName);
    if (v === undefined) return false;
    if (typeof v !== "boolean") throw new GenesisError(`${this.pathOf(protoName)}: expected true or false, got ${describe(v)}`);
    return v;
  }

  uint64(protoName: string): bigint {
    return this.unsigned(protoName, UINT64_MAX);
  }

  uint32(protoName: string): number {
    return Number(this.unsigned(protoName, 0xffff_ffffn));
  }

  private unsigned(protoName: string, max: bigint): bigint {
    const v = this.raw(protoName);
    if (v === undefined) return 0n;
    let n: bigint | undefined;
    if (typeof v === "string" && /^[0-9]+$/.test(v)) n = BigInt(v);
    else if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) n = BigInt(v);
    if (n === undefined || n > max) {
      throw new GenesisError(`${this.pathOf(protoName)}: expected an unsigned integer up to ${max}, got ${describe(v)}`);
    }
    return n;
  }

  /** Standard base64 (with padding), as Go's encoding/json writes []byte. */
  bytes(protoName: string): Uint8Array {
    const v = this.raw(protoName);
    if (v === undefined) return new Uint8Array();
    if (typeof v !== "string" || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(v)) {
      throw new GenesisError(`${this.pathOf(protoName)}: expected base64 bytes, got ${describe(v)}`);
    }
    return new Uint8Array(Buffer.from(v, "base64"));
  }

  array(protoName: string): readonly unknown[] {
    const v = this.raw(protoName);
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new GenesisError(`${this.pathOf(protoName)}: expected an array, got ${describe(v)}`);
    return v;
  }

  /** A nested message, or undefined when absent or null. */
  object(protoName: string): JsonFields | undefined {
    const v = this.raw(protoName);
    return v === undefined ? undefined : JsonFields.of(v, this.pathOf(protoName));
  }

  /** Refuses fields that were never read (jsonpb's unknown-field error). */
  finish(): void {
    for (const name of Object.keys(this.obj)) {
      if (!this.read.has(name)) throw new GenesisError(`${this.path}: unknown field "${name}"`);
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return JSON.stringify(value) ?? String(value);
}
