/**
 * The byte stream of a format-3 snapshot (SDK v0.47 `snapshots/stream.go`, `chunk.go`): the
 * delimited items, compressed as one zlib stream at level 7, cut into chunks of exactly 10,000,000
 * bytes (the last one shorter). Each chunk's SHA-256 goes into the snapshot metadata; the snapshot
 * hash is the SHA-256 of all chunks in order.
 *
 * Compression runs on libuv's thread pool (node:zlib streams), so writing a snapshot does not hold
 * the event loop that serves ABCI.
 */

import { createHash, type Hash } from "node:crypto";
import zlib from "node:zlib";
import { SnapshotFormatError } from "../store/index.js";

/** SDK `snapshotChunkSize`: must be the same on every node for a format. */
export const CHUNK_BYTES = 10_000_000;
/** SDK `snapshotCompressionLevel`. */
export const COMPRESSION_LEVEL = 7;

export interface WrittenStream {
  readonly chunkHashes: Uint8Array[];
  readonly hash: Uint8Array;
}

/**
 * Compresses what is written and hands out whole chunks, in order, to `onChunk` (which may be
 * asynchronous: the writer waits for it, so at most one chunk is buffered).
 */
export class SnapshotStreamWriter {
  private readonly deflate = zlib.createDeflate({ level: COMPRESSION_LEVEL });
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private index = 0;
  private readonly chunkHashes: Uint8Array[] = [];
  private readonly whole: Hash = createHash("sha256");
  private work: Promise<void> = Promise.resolve();
  private failure: unknown;

  /** `chunkBytes` other than CHUNK_BYTES makes a snapshot no other node would produce: tests only. */
  constructor(
    private readonly onChunk: (index: number, chunk: Uint8Array) => Promise<void>,
    private readonly chunkBytes = CHUNK_BYTES,
  ) {
    this.deflate.on("data", (b: Buffer) => this.take(b));
    this.deflate.on("error", (e) => {
      this.failure ??= e;
    });
  }

  /** Writes bytes; resolves when the compressor can take more (backpressure). */
  async write(bytes: Uint8Array): Promise<void> {
    this.check();
    if (!this.deflate.write(bytes)) await new Promise<void>((resolve) => this.deflate.once("drain", resolve));
    await this.work;
    this.check();
  }

  /** Ends the stream: flushes the compressor and the last chunk. */
  async end(): Promise<WrittenStream> {
    this.check();
    await new Promise<void>((resolve, reject) => {
      this.deflate.once("end", resolve);
      this.deflate.once("error", reject);
      this.deflate.end();
    });
    await this.work;
    if (this.pendingBytes > 0 || this.index === 0) this.emit(this.pendingBytes);
    await this.work;
    this.check();
    return { chunkHashes: this.chunkHashes, hash: new Uint8Array(this.whole.digest()) };
  }

  private take(b: Buffer): void {
    this.pending.push(b);
    this.pendingBytes += b.length;
    while (this.pendingBytes >= this.chunkBytes) this.emit(this.chunkBytes);
  }

  /** Cuts the first `size` pending bytes into the next chunk. */
  private emit(size: number): void {
    const all = Buffer.concat(this.pending, this.pendingBytes);
    const chunk = new Uint8Array(all.subarray(0, size));
    const rest = all.subarray(size);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
    this.chunkHashes.push(new Uint8Array(createHash("sha256").update(chunk).digest()));
    this.whole.update(chunk);
    const index = this.index++;
    this.work = this.work.then(() => this.onChunk(index, chunk)).catch((e: unknown) => {
      this.failure ??= e;
    });
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}

/** Inflates the chunks of a snapshot, in order, into the item bytes. */
export class ChunkInflater {
  private readonly inflate = zlib.createInflate();
  private out: Buffer[] = [];
  private failure: Error | undefined;

  constructor() {
    this.inflate.on("data", (b: Buffer) => this.out.push(b));
    this.inflate.on("error", (e) => {
      this.failure ??= e;
    });
  }

  /** The bytes this chunk inflates to (the zlib stream continues into the next chunk). */
  async push(chunk: Uint8Array): Promise<Uint8Array> {
    await new Promise<void>((resolve) => {
      this.inflate.write(chunk, () => this.inflate.flush(zlib.constants.Z_SYNC_FLUSH, () => resolve()));
    });
    return this.take();
  }

  /** After the last chunk: the zlib stream must be complete (checksum included). */
  async end(): Promise<Uint8Array> {
    await new Promise<void>((resolve) => {
      this.inflate.once("end", () => resolve());
      this.inflate.once("error", () => resolve());
      this.inflate.end();
    });
    return this.take();
  }

  close(): void {
    this.inflate.destroy();
  }

  private take(): Uint8Array {
    if (this.failure !== undefined) throw new SnapshotFormatError(`snapshot stream does not inflate: ${this.failure.message}`);
    const bytes = Buffer.concat(this.out);
    this.out = [];
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  }
}
