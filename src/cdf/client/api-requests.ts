/**
 * The three shapes every endpoint of the client is made of, written once: one request (a read, safe
 * to repeat, unless told otherwise), one cursor loop, one chunked read under a concurrency limit.
 */
import * as z from 'zod/mini';
import { chunk, mapWithConcurrency } from './chunk';
import { CdfInvalidRequestError } from './errors';
import type { CdfRequest } from './cdf-request';
import type { CdfTransport } from './transport';

export interface CallOptions {
  readonly signal?: AbortSignal;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | undefined;
}

/** One request; what differs from `POST`, a repeatable read, is said in `init`. */
export type ApiCall<T> = Pick<CdfRequest<T>, 'path' | 'response'> & Partial<CdfRequest<T>>;

export class ApiRequests {
  constructor(
    private readonly transport: CdfTransport,
    private readonly readConcurrency: number,
  ) {}

  async call<T>(init: ApiCall<T>): Promise<T> {
    const { data } = await this.transport.request({ method: 'POST', idempotent: true, ...init });
    return data;
  }

  /** Pages of a listing, following `nextCursor` in the body until the end (or the caller stops). */
  async *pages<T>(
    path: string,
    response: z.ZodMiniType<{ items: T[]; nextCursor?: string | null }>,
    body: Record<string, unknown>,
    options: CallOptions,
  ): AsyncGenerator<Page<T>, void, undefined> {
    let cursor = body['cursor'];
    for (;;) {
      const data = await this.call({ path, body: { ...body, cursor }, response, signal: options.signal });
      const nextCursor = data.nextCursor ?? undefined;
      yield { items: data.items, nextCursor };
      if (!nextCursor || data.items.length === 0) return;
      cursor = nextCursor;
    }
  }

  /** `items` in chunks of `size`, read in parallel; the answers joined in the order asked. */
  async chunked<I, T>(items: readonly I[], size: number, read: (chunk: I[]) => Promise<T[]>): Promise<T[]> {
    return (await mapWithConcurrency(chunk(items, size), this.readConcurrency, read)).flat();
  }
}

/**
 * `value` as `schema` says, or the client refuses to send it (nothing goes on the wire). `fast`: a
 * quicker check that answers only what `schema` takes, or undefined (then `schema` says what is wrong).
 */
export function checked<T>(
  schema: z.ZodMiniType<T>,
  value: unknown,
  what: string,
  fast?: (value: unknown) => T | undefined,
): T {
  const quick = fast?.(value);
  if (quick !== undefined) return quick;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new CdfInvalidRequestError(`Invalid ${what}: ${z.prettifyError(parsed.error)}`);
}

export function checkedAll<T>(schema: z.ZodMiniType<T>, values: readonly unknown[], what: string): void {
  values.forEach((v, i) => checked(schema, v, `${what} at position ${i}`));
}
