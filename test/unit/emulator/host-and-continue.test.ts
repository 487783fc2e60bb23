/**
 * The emulator as a loopback server: it serves only the Host names it listens on (DNS rebinding),
 * unless told to serve more, and it invites a body (`100 Continue`) only for a request it would
 * accept. Real sockets: the status line the client sees first is what is asserted.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import fc from 'fast-check';
import { parseCliArgs } from '../../../src/emulator/cli-args';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { loggablePath, requestLogLine } from '../../../src/emulator/log-line';

/** Writes raw request head bytes and resolves the first status line the server sends back. */
function firstStatusLine(emu: RunningEmulator, head: string): Promise<string> {
  const url = new URL(emu.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => socket.write(head));
    let text = '';
    socket.on('data', (d: Buffer) => {
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

const listHead = (emu: RunningEmulator, host: string, extra = '', length = 2) =>
  `POST /api/v1/projects/${emu.project}/files/list HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${emu.token}\r\n` +
  `Content-Type: application/json\r\nContent-Length: ${length}\r\n${extra}Connection: close\r\n\r\n`;

describe('emulator: Host names and 100-continue', () => {
  let emu: RunningEmulator;
  let port: string;
  before(async () => {
    emu = await startEmulator({ files: 5, maxRequestBodyBytes: 1024 });
    port = new URL(emu.baseUrl).port;
  });
  after(() => emu.close());

  it('serves 127.0.0.1, localhost and [::1] with its port, in any case', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`, `[::1]:${port}`])
      assert.match(await firstStatusLine(emu, `${listHead(emu, host)}{}`), / 200 /, host);
  });

  it('answers 421 to any other Host, and to a loopback name with another port', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.domain().map((d) => `${d}:${port}`),
          fc.constantFrom(`127.0.0.2:${port}`, `localhost:${Number(port) + 1}`, 'localhost', `0.0.0.0:${port}`),
        ),
        async (host) => {
          fc.pre(!/^(127\.0\.0\.1|localhost|\[::1\]):/i.test(host) || !host.endsWith(`:${port}`));
          assert.match(await firstStatusLine(emu, `${listHead(emu, host)}{}`), /^HTTP\/1\.1 421 /, host);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses an absolute-form target naming another host, whatever the Host header says', async () => {
    const head = listHead(emu, `127.0.0.1:${port}`).replace(`POST /api`, `POST http://attacker.example:${port}/api`);
    assert.match(await firstStatusLine(emu, `${head}{}`), /^HTTP\/1\.1 421 /);
  });

  it('serves a name given with allowHosts (the CLI --allow-host), and any with *', async () => {
    assert.deepEqual(parseCliArgs(['--allow-host', 'emu.test', '--allow-host=*']).emulator.allowHosts, [
      'emu.test',
      '*',
    ]);
    const named = await startEmulator({ files: 1, allowHosts: ['emu.test'] });
    const any = await startEmulator({ files: 1, allowHosts: ['*'] });
    try {
      const p = new URL(named.baseUrl).port;
      assert.match(await firstStatusLine(named, `${listHead(named, `emu.test:${p}`)}{}`), / 200 /);
      assert.match(await firstStatusLine(named, `${listHead(named, `other.test:${p}`)}{}`), / 421 /);
      assert.match(await firstStatusLine(any, `${listHead(any, 'whatever.example')}{}`), / 200 /);
    } finally {
      await named.close();
      await any.close();
    }
  });

  it('sends 100 Continue to an accepted request, then answers it', async () => {
    const line = await firstStatusLine(emu, listHead(emu, `127.0.0.1:${port}`, 'Expect: 100-continue\r\n'));
    assert.match(line, /^HTTP\/1\.1 100 /);
  });

  it('answers 413 instead of 100 Continue to a declared length over the limit', async () => {
    const line = await firstStatusLine(emu, listHead(emu, `127.0.0.1:${port}`, 'Expect: 100-continue\r\n', 4096));
    assert.match(line, /^HTTP\/1\.1 413 /);
  });

  it('answers 404 instead of 100 Continue to an upload URL whose token is unknown', async () => {
    const head =
      `PUT /files-content/upload/not-a-token HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 10\r\n` +
      'Expect: 100-continue\r\nConnection: close\r\n\r\n';
    assert.match(await firstStatusLine(emu, head), /^HTTP\/1\.1 4\d\d /);
  });
});

describe('emulator: --log lines', () => {
  it('mask the token of upload and download URLs (the path is the credential)', () => {
    assert.equal(loggablePath('/files-content/upload/AbC_d-9?x=1'), '/files-content/upload/***?x=1');
    assert.equal(loggablePath('/files-content/download/secret'), '/files-content/download/***');
    assert.equal(loggablePath('/api/v1/projects/demo/files/list'), '/api/v1/projects/demo/files/list');
    const line = requestLogLine({
      method: 'PUT',
      path: '/files-content/upload/s3cr3tToken',
      query: {},
      body: undefined,
      headers: {},
      status: 200,
      requestId: 'r',
      time: 0,
    });
    assert.ok(!line.includes('s3cr3tToken'), line);
    assert.match(line, /PUT \/files-content\/upload\/\*\*\* 200$/);
  });
});
