import type { IncomingMessage } from 'node:http';
import zlib from 'node:zlib';
import { ApiError, badRequest } from './api-error';

/** The default request body limit, after decompression. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

type Decoder = () => zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress;

/** The encodings clients send (the Python SDK and the Toolkit send gzip JSON by default). */
const DECODERS: Record<string, Decoder | undefined> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

const tooLarge = (maxBytes: number, compressed: boolean) =>
  new ApiError(
    413,
    compressed
      ? `Request body too large: it decompresses to more than ${maxBytes} bytes`
      : `Request body too large: more than ${maxBytes} bytes`,
  );

/**
 * Checks what the headers already say, before a byte of the body is read: an encoding the emulator
 * cannot decode (415, also for a stack such as `gzip, br`) or a declared length over the limit (413).
 * Returns the decoder to use, if any.
 */
export function bodyDecoder(req: IncomingMessage, maxBytes: number): Decoder | undefined {
  const encoding = (req.headers['content-encoding'] ?? '').toLowerCase().trim();
  const decoder = encoding === '' || encoding === 'identity' ? undefined : DECODERS[encoding];
  if (encoding !== '' && encoding !== 'identity' && !decoder)
    throw new ApiError(
      415,
      `Unsupported Content-Encoding: ${JSON.stringify(encoding)} (use one of gzip, deflate, br or none)`,
    );
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes, false);
  return decoder;
}

/**
 * The request body, decompressed, at most `maxBytes` after decompression. A compressed body is
 * streamed through zlib and refused as soon as the inflated output passes the limit, so a tiny
 * "zip bomb" costs at most the limit in memory and is never inflated further. On a refusal the
 * rest of the request is left unread (the caller closes the connection).
 */
export function readBody(req: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<Buffer> {
  const makeDecoder = bodyDecoder(req, maxBytes);
  const decoder = makeDecoder?.();
  const encoding = req.headers['content-encoding'];
  return new Promise<Buffer>((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    let received = 0;
    let settled = false;
    let ended = false;

    const finish = (error?: ApiError) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('aborted', onAbort);
      req.off('close', onClose);
      if (decoder) {
        decoder.off('data', onOutput);
        decoder.destroy();
      }
      if (error) {
        req.pause();
        reject(error);
      } else resolve(Buffer.concat(parts, size));
    };
    const onOutput = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish(tooLarge(maxBytes, decoder !== undefined));
      parts.push(chunk);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      // The compressed bytes count too: a body that is large even before inflating is refused as it is.
      if (received > maxBytes) return finish(tooLarge(maxBytes, false));
      if (!decoder) return onOutput(chunk);
      if (!decoder.write(chunk)) {
        // Inflating is slower than receiving: let the client wait rather than buffering its bytes.
        req.pause();
        decoder.once('drain', () => {
          if (!settled) req.resume();
        });
      }
    };
    const onEnd = () => {
      ended = true;
      if (decoder) decoder.end();
      else finish();
    };
    const onAbort = () => finish(badRequest('The request body was not received completely'));
    // A client gone before the end of its body: settle, so the request holds no slot and no memory.
    const onClose = () => {
      if (!ended) onAbort();
    };

    if (decoder) {
      decoder.on('data', onOutput);
      decoder.on('end', () => finish());
      decoder.on('error', () =>
        finish(badRequest(`Could not decompress the request body (Content-Encoding: ${String(encoding)})`)),
      );
    }
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('aborted', onAbort);
    req.on('close', onClose);
  });
}

/** JSON body or undefined for an empty one; 400 on malformed JSON. */
export function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch (e) {
    throw badRequest(`Unable to parse the request body as JSON: ${(e as Error).message}`);
  }
}
