import type { IncomingMessage } from 'node:http';
import type zlib from 'node:zlib';
import { ApiError, badRequest } from './api-error';

export type Decompressor = zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress;

export const tooLarge = (maxBytes: number, compressed: boolean): ApiError =>
  new ApiError(
    413,
    compressed
      ? `Request body too large: it decompresses to more than ${maxBytes} bytes`
      : `Request body too large: more than ${maxBytes} bytes`,
  );

/**
 * Receives one request body, through `decoder` if it is compressed, into memory up to `maxBytes`
 * both received and inflated. It settles once: with the bytes, or with the first refusal, after
 * which it stops listening, destroys the decoder and pauses the request (the rest stays unread).
 */
export class LimitedBody {
  private readonly parts: Buffer[] = [];
  private size = 0;
  private received = 0;
  private settled = false;
  private ended = false;

  constructor(
    private readonly req: IncomingMessage,
    private readonly maxBytes: number,
    private readonly decoder: Decompressor | undefined,
    private readonly resolve: (body: Buffer) => void,
    private readonly reject: (error: ApiError) => void,
  ) {}

  listen(): void {
    const { req, decoder } = this;
    if (decoder) {
      decoder.on('data', this.onOutput);
      decoder.on('end', () => this.finish());
      decoder.on('error', () =>
        this.finish(
          badRequest(
            `Could not decompress the request body (Content-Encoding: ${String(req.headers['content-encoding'])})`,
          ),
        ),
      );
    }
    req.on('data', this.onData);
    req.on('end', this.onEnd);
    req.on('error', this.onAbort);
    req.on('aborted', this.onAbort);
    req.on('close', this.onClose);
  }

  private finish(error?: ApiError): void {
    if (this.settled) return;
    this.settled = true;
    const { req, decoder } = this;
    req.off('data', this.onData);
    req.off('end', this.onEnd);
    req.off('error', this.onAbort);
    req.off('aborted', this.onAbort);
    req.off('close', this.onClose);
    if (decoder) {
      decoder.off('data', this.onOutput);
      decoder.destroy();
    }
    if (error) {
      req.pause();
      this.reject(error);
    } else this.resolve(Buffer.concat(this.parts, this.size));
  }

  private readonly onOutput = (chunk: Buffer): void => {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return this.finish(tooLarge(this.maxBytes, this.decoder !== undefined));
    this.parts.push(chunk);
  };

  private readonly onData = (chunk: Buffer): void => {
    this.received += chunk.length;
    // The compressed bytes count too: a body that is large even before inflating is refused as it is.
    if (this.received > this.maxBytes) return this.finish(tooLarge(this.maxBytes, false));
    const { decoder } = this;
    if (!decoder) return this.onOutput(chunk);
    if (!decoder.write(chunk)) {
      // Inflating is slower than receiving: let the client wait rather than buffering its bytes.
      this.req.pause();
      decoder.once('drain', () => {
        if (!this.settled) this.req.resume();
      });
    }
  };

  private readonly onEnd = (): void => {
    this.ended = true;
    if (this.decoder) this.decoder.end();
    else this.finish();
  };

  private readonly onAbort = (): void => this.finish(badRequest('The request body was not received completely'));

  // A client gone before the end of its body: settle, so the request holds no slot and no memory.
  private readonly onClose = (): void => {
    if (!this.ended) this.onAbort();
  };
}
