/**
 * The class behind the attack cases: a secret-named field, spelled in any case with any separator,
 * quoted or not, under any number of layers of JSON escaping and percent-encoding (a log of a log,
 * a form body in a URL), is masked. And registered secrets in every encoding a URL or form gives them.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { REDACTED, redactText, redactValue } from '../../../src/cdf/logging';

const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/';
const secret = fc
  .array(fc.constantFrom(...TOKEN_CHARS.split('')), { minLength: 10, maxLength: 40 })
  .map((cs) => cs.join(''))
  .filter((s) => !REDACTED.includes(s));

const NAMES = [
  ['access', 'token'],
  ['refresh', 'token'],
  ['id', 'token'],
  ['client', 'secret'],
  ['api', 'key'],
  ['x', 'api', 'key'],
  ['private', 'key'],
  ['password'],
  ['passwd'],
  ['code', 'verifier'],
  ['device', 'code'],
  ['x', 'amz', 'signature'],
  ['x', 'goog', 'credential'],
  ['session', 'token'],
];
/** A sensitive name as some system spells it: `X-Api-Key`, `x_api_key`, `xApiKey`, `X.API.KEY`. */
const sensitiveName = fc
  .tuple(
    fc.constantFrom(...NAMES),
    fc.constantFrom('', '_', '-', '.'),
    fc.constantFrom<(w: string, i: number) => string>(
      (w) => w,
      (w) => w.toUpperCase(),
      (w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1)),
    ),
  )
  .map(([words, separator, casing]) => words.map(casing).join(separator));

const SHAPES: ((name: string, value: string) => string)[] = [
  (k, v) => JSON.stringify({ [k]: v, other: 1 }),
  (k, v) => `${k}=${v}&state=1`,
  (k, v) => `${k}: ${v}\nnext: line`,
  (k, v) => `${k}: "${v}"`,
  (k, v) => `{'${k}': '${v}'}`,
];
const LAYERS: ((text: string) => string)[] = [(t) => JSON.stringify(t), (t) => encodeURIComponent(t)];

describe('security: secret-named fields under layers of escaping', () => {
  it('are masked in every spelling, shape and layering', () => {
    fc.assert(
      fc.property(
        secret,
        sensitiveName,
        fc.constantFrom(...SHAPES),
        fc.array(fc.constantFrom(...LAYERS), { maxLength: 3 }),
        (s, name, shape, layers) => {
          const text = `request failed: ${layers.reduce((t, layer) => layer(t), shape(name, s))} (retrying)`;
          const out = redactText(text);
          for (const form of [s, encodeURIComponent(s), JSON.stringify(s).slice(1, -1)])
            assert.ok(!out.includes(form), `${JSON.stringify(text)} -> ${JSON.stringify(out)}`);
          assert.match(out, /^request failed: [\s\S]* \(retrying\)$/, 'the rest of the line stays');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('as object keys, in every spelling', () => {
    fc.assert(
      fc.property(secret, sensitiveName, (s, name) => {
        const out = JSON.stringify(redactValue({ headers: { [name]: s }, list: [{ [name]: s }] }));
        assert.ok(!out.includes(s), out);
      }),
    );
  });

  it('names that only describe a secret stay: token_type, tokens, authorization_endpoint', () => {
    const text = '{"token_type":"Bearer","tokens":5,"authorization_endpoint":"https://idp.example/authorize"}';
    assert.equal(redactText(text), text);
    assert.equal(redactText(JSON.stringify(text)), JSON.stringify(text));
  });
});

describe('security: registered secrets in every encoding', () => {
  it('as URLSearchParams and encodeURIComponent write them, in either hex case', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 6, maxLength: 20 }), (s) => {
        fc.pre(!/[[\]]/.test(s) && s.trim() !== '' && !REDACTED.includes(s));
        const encodings = [
          new URLSearchParams({ s }).toString().slice(2),
          encodeURIComponent(s),
          encodeURIComponent(s).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase()),
        ];
        for (const encoded of encodings) {
          const out = redactText(`body: grant_type=x&note=${encoded}&y=1`, [s]);
          assert.ok(!out.includes(encoded), `${encoded} -> ${out}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
