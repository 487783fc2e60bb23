/**
 * Logging for the CDF layer: a tiny interface that VS Code's `LogOutputChannel` satisfies as it is,
 * and redaction so that no token, secret or `Authorization` header ever reaches a log line.
 *
 * Redaction works in two ways (see ./redact-text): patterns (anything that looks like a bearer
 * token, a JWT, an `Authorization` header or a secret-named field, also inside escaped or
 * percent-encoded text) and exact values (every token and secret this process has handled is
 * registered with a {@link SecretRedactor}, so even an opaque token that matches no pattern is masked).
 */
import { isSensitiveKey, REDACTED, redactText } from './redact-text';

export { isSensitiveKey, REDACTED, redactText };

export interface Logger {
  trace(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string | Error, ...args: unknown[]): void;
}

export const silentLogger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/**
 * A redacted copy of any value, safe to log: strings are masked, fields with secret names are
 * replaced, errors keep their name, message and stack (masked), `Headers` lose their values.
 */
export function redactValue(value: unknown, knownSecrets: Iterable<string> = [], depth = 0): unknown {
  const secrets = [...knownSecrets];
  if (typeof value === 'string') return redactText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 8) return '[…]';
  if (value instanceof Error) {
    const copy: Record<string, unknown> = {
      name: value.name,
      message: redactText(value.message, secrets),
    };
    if (value.stack) copy.stack = redactText(value.stack, secrets);
    for (const [k, v] of Object.entries(value)) {
      setOwn(copy, k, isSensitiveKey(k) ? REDACTED : redactValue(v, secrets, depth + 1));
    }
    if (value.cause !== undefined) copy.cause = redactValue(value.cause, secrets, depth + 1);
    return copy;
  }
  if (typeof Headers !== 'undefined' && value instanceof Headers) {
    const copy: Record<string, string> = {};
    value.forEach((v, k) => setOwn(copy, k, isSensitiveKey(k) ? REDACTED : redactText(v, secrets)));
    return copy;
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    setOwn(copy, k, isSensitiveKey(k) ? REDACTED : redactValue(v, secrets, depth + 1));
  }
  return copy;
}

/** A key such as `__proto__` (legal in logged API data) stays an ordinary own key of the copy. */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Every secret any {@link SecretRedactor} in this process was given. Text produced outside a client
 * (the extension's own log lines, error messages shown to the person) is masked with all of them.
 */
const processSecrets = new Set<string>();

/**
 * Registers a secret this process holds (read from secret storage, or received from an identity
 * provider) so that every log line and every message for the person masks it, wherever it is
 * echoed. Call it the moment the secret is read or received, before anything can fail with it.
 */
export function registerSecret(secret: string | undefined): void {
  if (secret) processSecrets.add(secret);
}

/** Remembers the secret values this process handles (tokens, client secrets) so logs can mask them exactly. */
export class SecretRedactor {
  private readonly secrets = new Set<string>();

  /**
   * @param shared whether the secrets also mask the process's other text ({@link redactForUser}).
   * Only a test that registers arbitrary strings wants false.
   */
  constructor(private readonly shared = true) {}

  /** Any non-empty string, however short: a secret is masked whatever it looks like. */
  add(secret: string | undefined): void {
    if (!secret) return;
    this.secrets.add(secret);
    if (this.shared) processSecrets.add(secret);
  }

  text(text: string): string {
    return redactText(text, this.secrets);
  }

  value(value: unknown): unknown {
    return redactValue(value, this.secrets);
  }
}

/** Masks every secret this process has registered, and every secret-shaped value, in text for a person. */
export function redactForUser(text: string): string {
  return redactText(text, processSecrets);
}

const processRedactor: Pick<SecretRedactor, 'text' | 'value'> = {
  text: redactForUser,
  value: (value) => redactValue(value, processSecrets),
};

/**
 * Wraps a logger so every message and argument is redacted before it is written. Errors are passed
 * on as `Error` objects (VS Code's log channel prints their stack) with masked message and stack.
 */
export function redactingLogger(
  inner: Logger,
  redactor: Pick<SecretRedactor, 'text' | 'value'> = new SecretRedactor(),
): Logger {
  const args = (list: unknown[]): unknown[] => list.map((a) => maskForLog(a, redactor));
  return {
    trace: (message, ...rest) => inner.trace(redactor.text(message), ...args(rest)),
    debug: (message, ...rest) => inner.debug(redactor.text(message), ...args(rest)),
    info: (message, ...rest) => inner.info(redactor.text(message), ...args(rest)),
    warn: (message, ...rest) => inner.warn(redactor.text(message), ...args(rest)),
    error: (message, ...rest) =>
      inner.error(typeof message === 'string' ? redactor.text(message) : maskError(message, redactor), ...args(rest)),
  };
}

function maskForLog(value: unknown, redactor: Pick<SecretRedactor, 'text' | 'value'>): unknown {
  return value instanceof Error ? maskError(value, redactor) : redactor.value(value);
}

function maskError(error: Error, redactor: Pick<SecretRedactor, 'text' | 'value'>): Error {
  const masked = new Error(redactor.text(error.message));
  masked.name = error.name;
  masked.stack = redactor.text(error.stack ?? `${error.name}: ${error.message}`);
  return masked;
}

/** What a log output channel writes with: levels, and raw text. */
export interface LogChannel extends Logger {
  append(value: string): void;
  appendLine(value: string): void;
  replace(value: string): void;
}

/**
 * The same channel, with every line masked (every secret this process registered, every
 * secret-shaped value) before it is written, whichever method writes it. The extension wraps its
 * output channel once, so no caller has to remember to.
 */
export function redactingChannel<T extends LogChannel>(channel: T): T {
  const levels = redactingLogger(channel, processRedactor);
  const overrides: Partial<Record<PropertyKey, unknown>> = {
    ...levels,
    append: (value: string) => channel.append(redactForUser(value)),
    appendLine: (value: string) => channel.appendLine(redactForUser(value)),
    replace: (value: string) => channel.replace(redactForUser(value)),
  };
  return new Proxy(channel, {
    get(target, prop) {
      if (Object.prototype.hasOwnProperty.call(overrides, prop)) return overrides[prop];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
