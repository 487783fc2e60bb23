import type { IncomingMessage } from 'node:http';
import zlib from 'node:zlib';
import { ApiError, badRequest } from './api-error';
import { LimitedBody, tooLarge, type Decompressor } from './limited-body';

/** The default request body limit, after decompression. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

type Decoder = () => Decompressor;

/** The encodings clients send (the Python SDK and the Toolkit send gzip JSON by default). */
const DECODERS: Record<string, Decoder | undefined> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

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
  return new Promise<Buffer>((resolve, reject) => new LimitedBody(req, maxBytes, decoder, resolve, reject).listen());
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
