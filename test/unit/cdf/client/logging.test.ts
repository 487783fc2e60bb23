import assert from 'node:assert/strict';
import {
  REDACTED,
  redactingLogger,
  redactText,
  redactValue,
  SecretRedactor,
  type Logger,
} from '../../../../src/cdf/logging';

const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJhbGljZSIsImF1ZCI6ImNkZiJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';

describe('redaction', () => {
  it('masks bearer tokens, JWTs and Authorization headers in text', () => {
    const text = `sent Authorization: Bearer abc.DEF-123_~+/= and token ${JWT}; authorization=Basic dXNlcjpwdw==`;
    const out = redactText(text);
    assert.ok(!out.includes('abc.DEF-123'), out);
    assert.ok(!out.includes(JWT.slice(0, 20)), out);
    assert.ok(!out.includes('dXNlcjpwdw'), out);
    assert.match(out, /Authorization: \[REDACTED\]/);
  });

  it('masks secret-named JSON fields and form parameters', () => {
    const out = redactText(
      '{"access_token":"opaque-1","refresh_token":"opaque-2","token_type":"Bearer"} client_secret=s3cr3t&grant_type=client_credentials&code=abc',
    );
    assert.ok(!/opaque-1|opaque-2|s3cr3t|code=abc/.test(out), out);
    assert.match(out, /"token_type":"Bearer"/);
    assert.match(out, /grant_type=client_credentials/);
  });

  it('masks exact known secrets even when they look like nothing', () => {
    const r = new SecretRedactor();
    r.add('plain-opaque-value');
    assert.equal(r.text('x plain-opaque-value y'), `x ${REDACTED} y`);
  });

  it('deep-copies objects, masking secret-named keys and leaving the rest', () => {
    const value = {
      headers: { Authorization: 'Bearer x', 'content-type': 'application/json' },
      clientSecret: 'hunter2',
      nested: [{ password: 'p', ok: 'fine', note: `Bearer ${JWT}` }],
      error: { code: 400, message: 'Files not found' },
    };
    const out = redactValue(value) as typeof value;
    assert.equal(out.headers.Authorization, REDACTED);
    assert.equal(out.headers['content-type'], 'application/json');
    assert.equal(out.clientSecret, REDACTED);
    assert.equal(out.nested[0]?.password, REDACTED);
    assert.equal(out.nested[0]?.ok, 'fine');
    assert.ok(!out.nested[0]?.note.includes(JWT));
    assert.deepEqual(out.error, { code: 400, message: 'Files not found' });
    assert.equal(value.clientSecret, 'hunter2', 'the original is untouched');
  });

  it('masks Headers objects and errors', () => {
    const headers = new Headers({ authorization: 'Bearer zzz', 'x-request-id': 'r1' });
    assert.deepEqual(redactValue(headers), { authorization: REDACTED, 'x-request-id': 'r1' });
    const err = redactValue(new Error(`refused Bearer ${JWT}`)) as { message: string; stack: string };
    assert.ok(!err.message.includes(JWT) && !err.stack.includes(JWT));
  });

  it('a redacting logger masks messages, arguments and errors at every level', () => {
    const lines: string[] = [];
    const sink: Logger = {
      trace: (m, ...a) => lines.push(m, JSON.stringify(a)),
      debug: (m, ...a) => lines.push(m, JSON.stringify(a)),
      info: (m, ...a) => lines.push(m, JSON.stringify(a)),
      warn: (m, ...a) => lines.push(m, JSON.stringify(a)),
      error: (m, ...a) => lines.push(typeof m === 'string' ? m : `${m.message} ${m.stack ?? ''}`, JSON.stringify(a)),
    };
    const redactor = new SecretRedactor();
    redactor.add('sekret-token-value');
    const log = redactingLogger(sink, redactor);
    log.trace('t sekret-token-value');
    log.debug('d', { authorization: 'Bearer q' });
    log.info(`i ${JWT}`);
    log.warn('w', new Error('with sekret-token-value inside'));
    log.error(new Error(`boom Bearer ${JWT}`));
    const all = lines.join('\n');
    assert.ok(!/sekret-token-value|Bearer q|eyJhbGciOiJSUzI1NiIs/.test(all), all);
  });
});
