/**
 * The gRPC server (SDK default 9090): every service of the generated codecs that has at least one
 * served method, byte-for-byte (the handlers decode and encode their own messages), plus server
 * reflection. Plaintext HTTP/2 (h2c), as relayd and grpcurl `-plaintext` dial it; one connection per
 * call is fine (spec-sds-clients §2).
 */
import * as grpc from "@grpc/grpc-js";
import type { ProtoCatalog } from "./descriptors.js";
import { BLOCK_HEIGHT_HEADER, type CallDispatcher } from "./dispatch.js";
import { REFLECTION_SERVICES, reflectionAnswer } from "./reflection.js";
import { toServiceError } from "./status.js";

export interface GrpcServerOptions {
  /** "host:port"; port 0 picks a free one. */
  readonly address: string;
  /** Largest request accepted (SDK `max-recv-msg-size`, 10 MiB). */
  readonly maxRecvBytes?: number;
}

export interface RunningGrpcServer {
  /** "host:port" actually bound. */
  readonly address: string;
  readonly services: readonly string[];
  close(): Promise<void>;
}

const identity = (b: Buffer): Buffer => b;

function method(path: string, name: string, stream: boolean): grpc.MethodDefinition<Buffer, Buffer> {
  return {
    path,
    requestStream: stream,
    responseStream: stream,
    requestSerialize: identity,
    requestDeserialize: identity,
    responseSerialize: identity,
    responseDeserialize: identity,
    originalName: name,
  };
}

export async function startGrpcServer(catalog: ProtoCatalog, dispatcher: CallDispatcher, options: GrpcServerOptions): Promise<RunningGrpcServer> {
  const server = new grpc.Server({
    "grpc.max_receive_message_length": options.maxRecvBytes ?? 10 * 1024 * 1024,
    "grpc.max_send_message_length": 2_147_483_647,
  });
  const served: string[] = [];
  for (const service of catalog.services) {
    const definition: Record<string, grpc.MethodDefinition<Buffer, Buffer>> = {};
    const impl: grpc.UntypedServiceImplementation = {};
    for (const m of service.methods) {
      const path = `/${service.typeName}/${m.name}`;
      if (!dispatcher.has(path) || m.methodKind !== "unary") continue;
      definition[m.name] = method(path, m.name, false);
      impl[m.name] = ((call: grpc.ServerUnaryCall<Buffer, Buffer>, callback: grpc.sendUnaryData<Buffer>) => {
        const heights = call.metadata.get(BLOCK_HEIGHT_HEADER).map((v) => (typeof v === "string" ? v : v.toString("utf8")));
        dispatcher.call(path, call.request, heights).then(
          (result) => {
            const header = new grpc.Metadata();
            header.set(BLOCK_HEIGHT_HEADER, String(result.height));
            call.sendMetadata(header);
            callback(null, Buffer.from(result.value.buffer, result.value.byteOffset, result.value.byteLength));
          },
          (e: unknown) => {
            const err = toServiceError(e);
            callback({ code: err.code, details: err.message });
          },
        );
      }) as grpc.handleUnaryCall<Buffer, Buffer>;
    }
    if (Object.keys(definition).length === 0) continue;
    server.addService(definition, impl);
    served.push(service.typeName);
  }
  const allServices = [...served, ...REFLECTION_SERVICES].sort();
  for (const [i, version] of (["v1", "v1alpha"] as const).entries()) {
    const answer = reflectionAnswer(catalog, allServices, version);
    const name = REFLECTION_SERVICES[i]!;
    server.addService(
      { ServerReflectionInfo: method(`/${name}/ServerReflectionInfo`, "ServerReflectionInfo", true) },
      {
        ServerReflectionInfo: ((call: grpc.ServerDuplexStream<Buffer, Buffer>) => {
          call.on("data", (request: Buffer) => {
            try {
              call.write(Buffer.from(answer(request)));
            } catch (e) {
              const err = toServiceError(e);
              call.emit("error", { code: err.code, details: err.message });
            }
          });
          call.on("end", () => call.end());
        }) as grpc.handleBidiStreamingCall<Buffer, Buffer>,
      },
    );
  }
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(options.address, grpc.ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound)));
  });
  const host = options.address.slice(0, options.address.lastIndexOf(":"));
  return {
    address: `${host}:${port}`,
    services: allServices,
    close: () =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => server.forceShutdown(), 2_000);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
