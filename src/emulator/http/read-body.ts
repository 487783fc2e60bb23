import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { ApiError, badRequest } from './api-error';

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const brotli = promisify(zlib.brotliDecompress);

/** The raw request body, decompressed: the Python SDK and the Toolkit send gzip JSON by default. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'Request body too large');
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks);
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  try {
    if (encoding === 'gzip' || encoding === 'x-gzip') return await gunzip(raw);
    if (encoding === 'deflate') return await inflate(raw);
    if (encoding === 'br') return await brotli(raw);
  } catch {
    throw badRequest(`Could not decompress the request body (Content-Encoding: ${encoding})`);
  }
  if (encoding !== 'identity' && encoding !== '') throw new ApiError(415, `Unsupported Content-Encoding: ${encoding}`);
  return raw;
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
