import assert from 'node:assert/strict';
import net from 'node:net';
import { startLoopbackReceiver } from '../../../../src/cdf/auth/loopback-receiver';

/** Writes a request line by hand (fetch cannot send a target that is not a URL) and returns the status. */
function rawStatus(port: number, requestLine: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (c: Buffer) => (text += c.toString()));
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1])));
    socket.on('error', reject);
    socket.write(`${requestLine}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  });
}

describe('sign-in loopback receiver: hostile requests', () => {
  it('answers 400 to a request target that is not a URL, and still receives the real redirect', async () => {
    const receiver = await startLoopbackReceiver({ timeoutMs: 10_000, signal: new AbortController().signal });
    try {
      const port = Number(new URL(receiver.redirectUri).port);
      assert.equal(await rawStatus(port, 'GET http://[::1 HTTP/1.1'), 400);
      // A malformed escape in the query is the provider's text, passed on leniently, never a crash.
      const answered = rawStatus(port, 'GET /callback?code=%E0%A4%A&state=% HTTP/1.1');
      const callback = await receiver.callback;
      assert.equal(callback.url.searchParams.get('state'), '%');
      callback.finish({ ok: true });
      assert.equal(await answered, 200);
    } finally {
      await receiver.close();
    }
  });
});
