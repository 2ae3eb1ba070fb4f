/**
 * Test-only: reads the Go fixtures of scripts/iavl-golden and regenerates their seeded operation
 * streams (the same splitmix64 recipe as scripts/iavl-golden/scenario/scenario.go).
 */

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fromHex } from "../../bytes.js";

export interface Op {
  readonly delete: boolean;
  readonly key: Uint8Array;
  readonly value?: Uint8Array;
}

export interface RandomSpec {
  readonly seed: number;
  readonly versions: number;
  readonly opsPerVersion: number;
  readonly keySpace: number;
  readonly deletePct: number;
  readonly maxValueLen: number;
}

export interface FixtureVersion {
  readonly version: number;
  readonly root: string;
  readonly size: number;
  readonly ops?: readonly (readonly string[])[];
}

export interface FixtureProof {
  readonly version: number;
  readonly key: string;
  readonly value?: string;
  readonly exists: boolean;
  readonly proof: string;
}

export interface FixtureScenario {
  readonly name: string;
  readonly initialVersion: number;
  readonly random?: RandomSpec;
  readonly opsDigest: string;
  readonly versions: readonly FixtureVersion[];
  readonly proofs?: readonly FixtureProof[];
}

export interface TreeFixture {
  readonly iavl: string;
  readonly scenarios: readonly FixtureScenario[];
}

export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, import.meta.url), "utf8")) as T;
}

const MASK = (1n << 64n) - 1n;

function mix64(z: bigint): bigint {
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return z ^ (z >> 31n);
}

function be64(x: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, x);
  return out;
}

export function keyFor(k: bigint): Uint8Array {
  const n = 1 + Number(k % 7n);
  const key = new Uint8Array(n + 1);
  key[0] = Number(k % 3n);
  key.set(be64(mix64(k)).subarray(0, n), 1);
  return key;
}

export function randomOps(spec: RandomSpec): Op[][] {
  let state = BigInt(spec.seed);
  const next = (): bigint => {
    state = (state + 0x9e3779b97f4a7c15n) & MASK;
    return mix64(state);
  };
  const out: Op[][] = [];
  for (let v = 0; v < spec.versions; v++) {
    const ops: Op[] = [];
    for (let i = 0; i < spec.opsPerVersion; i++) {
      const isDelete = next() % 100n < BigInt(spec.deletePct);
      const key = keyFor(next() % BigInt(spec.keySpace));
      if (isDelete) {
        ops.push({ delete: true, key });
        continue;
      }
      const vlen = 1 + Number(next() % BigInt(spec.maxValueLen));
      const value = new Uint8Array(Math.ceil(vlen / 8) * 8);
      for (let o = 0; o < vlen; o += 8) value.set(be64(next()), o);
      ops.push({ delete: false, key, value: value.subarray(0, vlen) });
    }
    out.push(ops);
  }
  return out;
}

export function explicitOps(versions: readonly FixtureVersion[]): Op[][] {
  return versions.map((v) =>
    (v.ops ?? []).map((o) =>
      o[0] === "d" ? { delete: true, key: fromHex(o[1]!) } : { delete: false, key: fromHex(o[1]!), value: fromHex(o[2]!) },
    ),
  );
}

/** The op stream digest of scenario.go `OpsDigest`. */
export function opsDigest(versions: readonly Op[][]): string {
  const h = createHash("sha256");
  for (const ops of versions) {
    for (const o of ops) {
      if (o.delete) {
        h.update(Uint8Array.of(0x64, o.key.length)).update(o.key);
      } else {
        h.update(Uint8Array.of(0x73, o.key.length)).update(o.key);
        h.update(Uint8Array.of(o.value!.length)).update(o.value!);
      }
    }
  }
  return h.digest("hex");
}

export function scenarioOps(s: FixtureScenario): Op[][] {
  return s.random !== undefined ? randomOps(s.random) : explicitOps(s.versions);
}
