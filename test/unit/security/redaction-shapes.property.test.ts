/**
 * Secrets nobody registered still have recognisable shapes; a secret somebody registered is masked
 * whatever it looks like. Random secrets are embedded in each shape, and the redacted text must not
 * contain them.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  REDACTED,
  redactForUser,
  redactingChannel,
  redactingLogger,
  redactText,
  SecretRedactor,
  type LogChannel,
  type Logger,
} from '../../../src/cdf/logging';
import { describeFailure as describeApiFailure } from '../../../src/app/describe-failure';

/** Characters of tokens, keys, cookie values and passwords as they appear unescaped in those places. */
const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/';
const tokenSecret = fc
  .array(fc.constantFrom(...TOKEN_CHARS.split('')), { minLength: 8, maxLength: 48 })
  .map((cs) => cs.join(''))
  // The mask's own text cannot be told apart from a secret that spells it.
  .filter((s) => !REDACTED.includes(s));
/** A URL password: no '/', '@' or whitespace (those are percent-encoded in a URL). */
const urlPassword = tokenSecret.map((s) => s.replace(/[/]/g, '_'));
/** Text around a secret: ordinary log words, never the secret's own characters in a row. */
const words = fc.array(fc.constantFrom('request', 'failed:', 'status=400', '\n', 'POST', '{', '}', ', '), {
  maxLength: 4,
});

const SHAPES: Record<string, (secret: string) => string> = {
  'fragment #access_token=': (s) => `redirected to https://app.example/cb#access_token=${s}&token_type=Bearer`,
  'query access_token=': (s) => `GET https://api.example/x?foo=1&access_token=${s}`,
  'form refresh_token=': (s) => `grant_type=refresh_token&refresh_token=${s}&client_id=abc`,
  'Cookie header': (s) => `Cookie: session=${s}; theme=dark`,
  'Set-Cookie header': (s) => `set-cookie: sid=${s}; Path=/; HttpOnly; Secure`,
  'api-key header': (s) => `api-key: ${s}`,
  'x-api-key header': (s) => `headers: X-Api-Key: ${s}\naccept: application/json`,
  'Authorization Bearer': (s) => `Authorization: Bearer ${s}`,
  'Authorization Basic': (s) => `authorization=Basic ${s}`,
  'bare Bearer in a message': (s) => `the server refused Bearer ${s} (expired)`,
  'JSON client_secret': (s) => `{"client_id":"abc","client_secret":"${s}"}`,
  'JSON access_token': (s) => `{"access_token": "${s}", "expires_in": 3600}`,
  'JSON refresh_token': (s) => `{"refresh_token":"${s}"}`,
  'JSON id_token': (s) => `{"id_token":"${s}"}`,
  'JSON password': (s) => `{"user":"u","password":"${s}"}`,
  'JSON cookie header': (s) => `{"headers":{"cookie":"a=${s}"}}`,
  'JSON x-api-key header': (s) => `{"x-api-key":"${s}"}`,
  'single-quoted dict': (s) => `{'access_token': '${s}', 'token_type': 'Bearer'}`,
  'single-quoted kwarg': (s) => `client_secret='${s}'`,
  'object literal': (s) => `{ password: '${s}' }`,
  'escaped JSON': (s) => `{"body":"{\\"access_token\\":\\"${s}\\",\\"expires_in\\":3600}"}`,
  'escaped JSON password': (s) => JSON.stringify({ body: JSON.stringify({ password: s }) }),
  'password in a URL': (s) => `could not reach https://alice:${s}@cdf.example.com/api`,
  'password in an http URL with port': (s) => `proxy http://bob:${s}@127.0.0.1:8080/`,
};

describe('security: secrets in recognisable shapes are masked without being registered', () => {
  for (const [shape, embed] of Object.entries(SHAPES)) {
    it(shape, () => {
      const secret = shape.includes('URL') ? urlPassword : tokenSecret;
      fc.assert(
        fc.property(secret, words, words, (s, before, after) => {
          const text = `${before.join(' ')} ${embed(s)} ${after.join(' ')}`;
          const out = redactText(text);
          assert.ok(!out.includes(s), `${JSON.stringify(text)} -> ${JSON.stringify(out)}`);
          assert.ok(out.includes(REDACTED));
        }),
        { numRuns: 150 },
      );
    });
  }

  it('leaves what is not secret: token_type, expires_in, the user of a URL, ordinary words', () => {
    const out = redactText(
      '{"token_type":"Bearer","expires_in":3600} https://alice@cdf.example.com/x error_code=42 tokens=5',
    );
    assert.equal(
      out,
      '{"token_type":"Bearer","expires_in":3600} https://alice@cdf.example.com/x error_code=42 tokens=5',
    );
    assert.equal(redactText('https://alice:pw@h/x'), `https://alice:${REDACTED}@h/x`);
  });
});

describe('security: a registered secret is masked whatever its length or characters', () => {
  /** Any text at all, without the mask's brackets (a secret spelling part of the mask is not findable). */
  const anySecret = fc
    .string({ unit: 'binary', minLength: 1, maxLength: 24 })
    .filter((s) => !/[[\]]/.test(s) && !REDACTED.includes(s));

  it('as it is, JSON-escaped and percent-encoded, among any text (even one character long)', () => {
    fc.assert(
      fc.property(anySecret, fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ maxLength: 20 }), (s, a, b) => {
        // Not shared: these random strings must not mask the rest of the test run's text.
        const redactor = new SecretRedactor(false);
        redactor.add(s);
        for (const text of [`${a}${s}${b}`, JSON.stringify({ note: `${a}${s}${b}` }), `x?q=${safeEncode(s)}&y`]) {
          const out = redactor.text(text);
          assert.ok(!out.includes(s), `${JSON.stringify(s)} in ${JSON.stringify(out)}`);
          const escaped = JSON.stringify(s).slice(1, -1);
          assert.ok(!out.includes(escaped), `${JSON.stringify(escaped)} in ${JSON.stringify(out)}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('short secrets are masked; the empty string registers nothing', () => {
    const redactor = new SecretRedactor(false);
    redactor.add('');
    redactor.add('pw1');
    assert.equal(redactor.text('user pw1 logged in'), `user ${REDACTED} logged in`);
    assert.equal(redactor.text('nothing else changes'), 'nothing else changes');
  });

  it('a secret that contains another is masked whole', () => {
    const redactor = new SecretRedactor(false);
    redactor.add('abc');
    redactor.add('xxabcxx');
    assert.equal(redactor.text('[xxabcxx] [abc]'), `[${REDACTED}] [${REDACTED}]`);
  });

  it('a redacting logger masks registered and unregistered secrets at every level', () => {
    const lines: string[] = [];
    const sink: Logger = {
      trace: (m, ...a) => lines.push(m, JSON.stringify(a)),
      debug: (m, ...a) => lines.push(m, JSON.stringify(a)),
      info: (m, ...a) => lines.push(m, JSON.stringify(a)),
      warn: (m, ...a) => lines.push(m, JSON.stringify(a)),
      error: (m, ...a) => lines.push(typeof m === 'string' ? m : `${m.message} ${m.stack ?? ''}`, JSON.stringify(a)),
    };
    const redactor = new SecretRedactor(false);
    redactor.add('k9');
    const log = redactingLogger(sink, redactor);
    log.info('short k9 secret', { note: 'k9' });
    log.warn('Set-Cookie: sid=cookie-value-123; HttpOnly');
    log.error(new Error('GET https://u:url-password-1@h/ failed with {"access_token":"tok-value-1"}'));
    const all = lines.join('\n');
    assert.ok(!/k9|cookie-value-123|url-password-1|tok-value-1/.test(all), all);
  });
});

describe("security: the extension's own log lines and messages", () => {
  /** Like VS Code's LogOutputChannel: methods that use `this`, and other members passed through. */
  class FakeChannel implements LogChannel {
    readonly name = 'CDF Files';
    readonly lines: string[] = [];
    disposed = false;
    private write(level: string, m: string | Error, args: unknown[]) {
      const text = typeof m === 'string' ? m : `${m.message}\n${m.stack ?? ''}`;
      this.lines.push(
        `[${level}] ${text} ${args.map((a) => (a instanceof Error ? a.stack : JSON.stringify(a))).join(' ')}`,
      );
    }
    trace(m: string, ...a: unknown[]) {
      this.write('trace', m, a);
    }
    debug(m: string, ...a: unknown[]) {
      this.write('debug', m, a);
    }
    info(m: string, ...a: unknown[]) {
      this.write('info', m, a);
    }
    warn(m: string, ...a: unknown[]) {
      this.write('warn', m, a);
    }
    error(m: string | Error, ...a: unknown[]) {
      this.write('error', m, a);
    }
    append(v: string) {
      this.lines.push(v);
    }
    appendLine(v: string) {
      this.lines.push(v);
    }
    replace(v: string) {
      this.lines.splice(0, this.lines.length, v);
    }
    dispose() {
      this.disposed = true;
    }
  }

  it('a wrapped channel masks secrets registered anywhere in the process, in every way of writing', () => {
    const raw = new FakeChannel();
    const log = redactingChannel(raw);
    // A client elsewhere registered this token (as the transport does for each token it sends).
    new SecretRedactor().add('opaque-token-from-a-client');
    log.info('connected with opaque-token-from-a-client');
    log.error('command failed:', new Error('fetch https://u:pw-in-url@h failed'));
    log.warn('answer', { headers: { 'set-cookie': 'sid=abc123' }, note: 'Cookie: a=cookie-secret' });
    log.appendLine('x-api-key: key-secret-1');
    log.append('{"password":"pw-secret-2"}');
    const all = raw.lines.join('\n');
    assert.ok(!/opaque-token-from-a-client|pw-in-url|abc123|cookie-secret|key-secret-1|pw-secret-2/.test(all), all);
    assert.equal(log.name, 'CDF Files', 'other members pass through');
    log.dispose();
    assert.equal(raw.disposed, true);
  });

  it('a failure shown to the person says what went wrong without the secret it quoted', () => {
    new SecretRedactor().add('tok-registered-42');
    const failure = describeApiFailure(
      Object.assign(new Error('refused: Authorization: Bearer tok-registered-42 via https://a:proxy-pw@proxy'), {
        status: 401,
      }),
    );
    for (const text of [failure.message, failure.logDetail]) {
      assert.ok(!/tok-registered-42|proxy-pw/.test(text), text);
      assert.match(text, /refused/);
    }
    const offline = describeApiFailure(new Error('connect ECONNREFUSED https://u:pass-word-3@10.0.0.1'));
    assert.ok(!offline.message.includes('pass-word-3'), offline.message);
    assert.equal(redactForUser('set-cookie: x=tok-registered-42'), `set-cookie: ${REDACTED}`);
  });
});

function safeEncode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return 'unencodable';
  }
}
