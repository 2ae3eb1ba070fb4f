/**
 * ABCI socket framing of CometBFT 0.37+: every message is `uvarint(len(body)) ‖ body`
 * (abci-cosmjs.md §1.1). The earlier 0.34 scheme used a signed zig-zag varint; it is not spoken here.
 */

/** CometBFT's reader refuses bodies longer than math.MaxInt32; so do we. */
export const MAX_FRAME_BODY = 0x7fff_ffff;

/** Longest uvarint that can encode MAX_FRAME_BODY (5 × 7 bits ≥ 31 bits). */
const MAX_VARINT_BYTES = 5;

export class FramingError extends Error {
  override readonly name = "FramingError";
}

export function uvarintLength(n: number): number {
  let len = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    len++;
  }
  return len;
}

/** `uvarint(len(body)) ‖ body` in one fresh buffer. */
export function encodeFrame(body: Uint8Array): Buffer {
  if (body.length > MAX_FRAME_BODY) throw new FramingError(`encodeFrame: body of ${body.length} bytes is too long`);
  const headerLen = uvarintLength(body.length);
  const out = Buffer.allocUnsafe(headerLen + body.length);
  let n = body.length;
  let i = 0;
  while (n >= 0x80) {
    out[i++] = (n & 0x7f) | 0x80;
    n = Math.floor(n / 128);
  }
  out[i++] = n;
  out.set(body, i);
  return out;
}

/**
 * Incremental decoder for a TCP byte stream: `push` any chunk (a partial varint, a partial body,
 * several frames at once) and get back every frame body completed by it, in order.
 *
 * Returned bodies are private copies: callers may keep them (decoded protobuf `bytes` fields are
 * views into the body), and the decoder never touches them again.
 */
export class FrameDecoder {
  /** Unconsumed chunks are chunks[first..]; consumed ones are dropped in bulk (no O(n) shift per chunk). */
  private chunks: Buffer[] = [];
  private first = 0;
  private buffered = 0;
  /** Body length of the frame being assembled, once its varint header is complete. */
  private pendingBodyLength: number | undefined;

  push(chunk: Uint8Array): Uint8Array[] {
    if (chunk.length > 0) {
      this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
      this.buffered += chunk.length;
    }
    const frames: Uint8Array[] = [];
    for (;;) {
      if (this.pendingBodyLength === undefined) {
        const header = this.readHeader();
        if (header === undefined) break;
        this.pendingBodyLength = header;
      }
      if (this.buffered < this.pendingBodyLength) break;
      frames.push(this.take(this.pendingBodyLength));
      this.pendingBodyLength = undefined;
    }
    return frames;
  }

  /** Bytes received but not yet returned as part of a frame. */
  get bufferedBytes(): number {
    return this.buffered;
  }

  /** Parses the varint header if all of it has arrived; consumes it and returns the body length. */
  private readHeader(): number | undefined {
    let value = 0;
    let scale = 1;
    let index = 0;
    for (let c = this.first; c < this.chunks.length; c++) {
      const chunk = this.chunks[c]!;
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]!;
        value += (byte & 0x7f) * scale;
        index++;
        if ((byte & 0x80) === 0) {
          if (value > MAX_FRAME_BODY) throw new FramingError(`frame body of ${value} bytes exceeds ${MAX_FRAME_BODY}`);
          this.skip(index);
          return value;
        }
        if (index >= MAX_VARINT_BYTES) throw new FramingError("frame length varint is too long");
        scale *= 128;
      }
    }
    return undefined;
  }

  /** Drops the first n buffered bytes (the varint header). */
  private skip(n: number): void {
    let left = n;
    while (left > 0) {
      const head = this.chunks[this.first]!;
      if (head.length <= left) {
        left -= head.length;
        this.first++;
      } else {
        this.chunks[this.first] = head.subarray(left);
        left = 0;
      }
    }
    this.buffered -= n;
    this.compact();
  }

  private compact(): void {
    if (this.first === this.chunks.length) {
      this.chunks = [];
      this.first = 0;
    } else if (this.first > 64 && this.first * 2 > this.chunks.length) {
      this.chunks = this.chunks.slice(this.first);
      this.first = 0;
    }
  }

  /** Removes the first n buffered bytes and returns them as a standalone copy. */
  private take(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let filled = 0;
    while (filled < n) {
      const head = this.chunks[this.first]!;
      const want = n - filled;
      if (head.length <= want) {
        out.set(head, filled);
        filled += head.length;
        this.first++;
      } else {
        out.set(head.subarray(0, want), filled);
        this.chunks[this.first] = head.subarray(want);
        filled += want;
      }
    }
    this.buffered -= n;
    this.compact();
    return out;
  }
}
