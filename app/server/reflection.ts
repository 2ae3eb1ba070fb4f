/**
 * gRPC server reflection (grpc.reflection.v1 and v1alpha; grpcurl asks v1 first and falls back):
 * the served services, and the file descriptors embedded in the generated codecs, each file with
 * every file it depends on.
 */
import { create, fromBinary, toBinary, type DescFile } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import * as v1 from "../codec/grpc/reflection/v1/reflection_pb.js";
import * as v1alpha from "../codec/grpc/reflection/v1alpha/reflection_pb.js";
import type { ProtoCatalog } from "./descriptors.js";
import { Code } from "./status.js";

export const REFLECTION_SERVICES = ["grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"] as const;

/** Answers one reflection request (the same messages in both versions, only the package differs). */
export type ReflectionAnswer = (request: Uint8Array) => Uint8Array;

/** The files to send for `file`: itself first, then its dependencies, transitively, each once. */
function withDependencies(file: DescFile): DescFile[] {
  const out: DescFile[] = [];
  const seen = new Set<string>();
  const visit = (f: DescFile): void => {
    if (seen.has(f.proto.name)) return;
    seen.add(f.proto.name);
    out.push(f);
    for (const d of f.dependencies) visit(d);
  };
  visit(file);
  return out;
}

function fileOfSymbol(catalog: ProtoCatalog, symbol: string): DescFile | undefined {
  const direct = catalog.registry.get(symbol);
  if (direct) return direct.file;
  // "pkg.Service.Method" or "pkg.Message.field": the parent's file.
  const dot = symbol.lastIndexOf(".");
  if (dot < 0) return undefined;
  const parent = catalog.registry.get(symbol.slice(0, dot));
  if (parent?.kind === "service" && parent.methods.some((m) => m.name === symbol.slice(dot + 1))) return parent.file;
  if (parent?.kind === "message" && parent.fields.some((f) => f.name === symbol.slice(dot + 1))) return parent.file;
  return undefined;
}

export function reflectionAnswer(catalog: ProtoCatalog, services: readonly string[], version: "v1" | "v1alpha"): ReflectionAnswer {
  const pkg = version === "v1" ? v1 : v1alpha;
  const requestSchema = pkg.ServerReflectionRequestSchema as typeof v1.ServerReflectionRequestSchema;
  const responseSchema = pkg.ServerReflectionResponseSchema as typeof v1.ServerReflectionResponseSchema;
  const typeName = `grpc.reflection.${version}`;
  return (bytes) => {
    const req = fromBinary(requestSchema, bytes);
    const files = (list: DescFile[]) => ({
      case: "fileDescriptorResponse" as const,
      value: { $typeName: `${typeName}.FileDescriptorResponse`, fileDescriptorProto: list.map((f) => toBinary(FileDescriptorProtoSchema, f.proto)) },
    });
    const error = (code: Code, message: string) => ({
      case: "errorResponse" as const,
      value: { $typeName: `${typeName}.ErrorResponse`, errorCode: code, errorMessage: message },
    });
    let messageResponse;
    const r = req.messageRequest;
    switch (r.case) {
      case "listServices":
        messageResponse = {
          case: "listServicesResponse" as const,
          value: { $typeName: `${typeName}.ListServiceResponse`, service: services.map((name) => ({ $typeName: `${typeName}.ServiceResponse`, name })) },
        };
        break;
      case "fileByFilename": {
        const file = catalog.files.get(r.value);
        messageResponse = file ? files(withDependencies(file)) : error(Code.NOT_FOUND, `file not found: ${r.value}`);
        break;
      }
      case "fileContainingSymbol": {
        const file = fileOfSymbol(catalog, r.value);
        messageResponse = file ? files(withDependencies(file)) : error(Code.NOT_FOUND, `symbol not found: ${r.value}`);
        break;
      }
      case "fileContainingExtension":
        messageResponse = error(Code.NOT_FOUND, `extension not found: ${r.value.containingType} ${r.value.extensionNumber}`);
        break;
      case "allExtensionNumbersOfType": {
        const message = catalog.registry.getMessage(r.value);
        messageResponse = message
          ? { case: "allExtensionNumbersResponse" as const, value: { $typeName: `${typeName}.ExtensionNumberResponse`, baseTypeName: r.value, extensionNumber: [] } }
          : error(Code.NOT_FOUND, `type not found: ${r.value}`);
        break;
      }
      default:
        messageResponse = error(Code.INVALID_ARGUMENT, "empty reflection request");
    }
    const response = create(responseSchema, { validHost: req.host, originalRequest: req, messageResponse } as never);
    return toBinary(responseSchema, response);
  };
}
