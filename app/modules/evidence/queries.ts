/**
 * gRPC query methods of `cosmos.evidence.v1beta1.Query` (spec-staking §4.2; SDK v0.47
 * `keeper/grpc_query.go`), keyed by the generated service's paths; the REST gateway serves the same
 * handlers from the `google.api.http` options. Evidence pages in hash byte order.
 */
import { create, fromBinary } from "@bufbuild/protobuf";
import { AnySchema } from "@bufbuild/protobuf/wkt";
import { unary } from "../../baseapp/grpcQuery.js";
import { pageQueryFrom, paginate } from "../../baseapp/pagination.js";
import { type QueryHandler, invalidArgument, notFound } from "../../baseapp/queryRouter.js";
import { PageResponseSchema } from "../../codec/cosmos/base/query/v1beta1/pagination_pb.js";
import { Query } from "../../codec/cosmos/evidence/v1beta1/query_pb.js";
import { equivocationToAny } from "./equivocation.js";
import type { EvidenceKeeper } from "./keeper.js";
import { EVIDENCE_PREFIX, EVIDENCE_STORE_KEY } from "./keys.js";

/** Go `%#U` of a byte read as a rune: "U+0067 'g'", without the quoted character when it is not printable. */
function goRune(byte: number): string {
  const code = `U+${byte.toString(16).toUpperCase().padStart(4, "0")}`;
  const printable = (byte >= 0x20 && byte < 0x7f) || (byte >= 0xa1 && byte !== 0xad);
  return printable ? `${code} '${String.fromCharCode(byte)}'` : code;
}

/**
 * Go `hex.DecodeString`: the bytes, or its error text ("encoding/hex: invalid byte: U+0067 'g'",
 * "encoding/hex: odd length hex string"); pairs are checked in order, a bad byte before a bad length.
 */
export function decodeHexGo(text: string): Uint8Array | string {
  const src = new TextEncoder().encode(text);
  const nibble = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1);
  const out = new Uint8Array(src.length >> 1);
  let j = 1;
  for (; j < src.length; j += 2) {
    const a = nibble(src[j - 1]!);
    const b = nibble(src[j]!);
    if (a < 0) return `encoding/hex: invalid byte: ${goRune(src[j - 1]!)}`;
    if (b < 0) return `encoding/hex: invalid byte: ${goRune(src[j]!)}`;
    out[(j - 1) >> 1] = (a << 4) | b;
  }
  if (src.length % 2 === 1) {
    if (nibble(src[j - 1]!) < 0) return `encoding/hex: invalid byte: ${goRune(src[j - 1]!)}`;
    return "encoding/hex: odd length hex string";
  }
  return out;
}

export function evidenceQueryHandlers(k: EvidenceKeeper): Record<string, QueryHandler> {
  const m = Query.method;
  return Object.fromEntries([
    unary(m.evidence, (ctx, req) => {
      // `evidence_hash` (field 1) is deprecated and ignored.
      if (req.hash === "") throw invalidArgument("invalid request; hash is empty");
      const hash = decodeHexGo(req.hash);
      // A plain Go error in the reference (sdk 18 at the ABCI edge).
      if (typeof hash === "string") throw new Error(`invalid evidence hash: ${hash}`);
      const evidence = k.getEvidence(ctx, hash);
      if (evidence === undefined) throw notFound(`evidence ${req.hash} not found`);
      return { evidence: equivocationToAny(evidence) };
    }),

    unary(m.allEvidence, (ctx, req, bytes) => {
      const evidence = [] as ReturnType<typeof equivocationToAny>[];
      const page = paginate(ctx.kv(EVIDENCE_STORE_KEY), EVIDENCE_PREFIX, pageQueryFrom(bytes, 1, req.pagination), (_key, value) => {
        evidence.push(fromBinary(AnySchema, value));
      });
      return { evidence, pagination: create(PageResponseSchema, { nextKey: page.nextKey, total: page.total }) };
    }),
  ]);
}
