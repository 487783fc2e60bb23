import { randomBytes } from 'node:crypto';

/** A token shaped like the JWTs identity providers issue (header.payload.signature, base64url). */
export function fakeJwt(subject: string): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT', kid: 'k1' })}.${part({ sub: subject, aud: 'https://cdf', n: randomBytes(6).toString('hex') })}.${randomBytes(64).toString('base64url')}`;
}
