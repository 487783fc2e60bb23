/**
 * Attack (issue 10, "authentication is checked before any body is read"): a client that asks
 * `Expect: 100-continue` (curl does for bodies over 1 MiB, as do many HTTP libraries) is told
 * `100 Continue` before its token is looked at, so an unauthenticated client is invited to upload
 * its whole body, which the server then has to receive or cut off. The refusal (401) must come
 * instead of the 100, before any body byte is asked for.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';

function firstStatusLine(emu: RunningEmulator, token: string): Promise<string> {
  const url = new URL(emu.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(
        `POST /api/v1/projects/${emu.project}/files/list HTTP/1.1\r\n` +
          `Host: ${url.host}\r\n` +
          `Authorization: Bearer ${token}\r\n` +
          'Content-Type: application/json\r\n' +
          `Content-Length: ${50 * 1024 * 1024}\r\n` +
          'Expect: 100-continue\r\n\r\n',
      );
    });
    let text = '';
    socket.on('data', (d) => {
      text += d.toString('latin1');
      const end = text.indexOf('\r\n');
      if (end >= 0) {
        socket.destroy();
        resolve(text.slice(0, end));
      }
    });
    socket.on('error', reject);
    setTimeout(() => {
      socket.destroy();
      resolve(text || '(no answer)');
    }, 2000);
  });
}

describe('attack: Expect: 100-continue with a bad token', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ files: 10 });
  });
  after(() => emu.close());

  it('answers 401 without inviting the body first', async () => {
    const line = await firstStatusLine(emu, 'not-the-token');
    assert.match(line, /^HTTP\/1\.1 401 /, `first answer: ${line}`);
  });
});
