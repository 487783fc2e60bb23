import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../src/emulator';

/** Answers are arbitrary JSON that tests take apart field by field; `any` keeps that readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Answer<T = Json> {
  status: number;
  body: T;
  headers: Headers;
}

/** A controllable clock, so tests can assert lastUpdatedTime and link expiry exactly. */
export function testClock(start = Date.UTC(2026, 0, 15, 12, 0, 0)) {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** Plain fetch against the emulator: what every client sends, nothing more. */
export function client(emulator: RunningEmulator, token: string = emulator.token) {
  const call = async <T = Json>(
    method: string,
    path: string,
    body?: unknown,
    init: RequestInit = {},
  ): Promise<Answer<T>> => {
    const url = path.startsWith('http') ? path : `${emulator.apiBase}${path}`;
    const res = await fetch(url, {
      method,
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.headers as Record<string, string> | undefined),
      },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  };
  return {
    get: <T = Json>(path: string) => call<T>('GET', path),
    post: <T = Json>(path: string, body?: unknown, init?: RequestInit) => call<T>('POST', path, body, init),
    call,
  };
}

/** Starts an emulator before the suite's tests and closes it after them. */
export function useEmulator(options: EmulatorOptions = {}): { readonly emulator: RunningEmulator } {
  const holder: { emulator?: RunningEmulator } = {};
  before(async () => {
    holder.emulator = await startEmulator(options);
  });
  after(async () => {
    await holder.emulator?.close();
  });
  return {
    get emulator() {
      if (!holder.emulator) throw new Error('the emulator has not started');
      return holder.emulator;
    },
  };
}

/** Every record of the project, straight from the store (the expected side of a comparison). */
export const allRecords = (emulator: RunningEmulator) => [...emulator.store.files.values()];

export const idsOf = (items: readonly { id: number }[]) => items.map((i) => i.id);
