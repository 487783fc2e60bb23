/**
 * Attack (issue 10, "the emulator is a server too: the demo runs it on every user's machine"): the
 * demo listens on 127.0.0.1 and accepts a well-known token (`demo`). A web page the person visits
 * can rebind its own host name to 127.0.0.1 (DNS rebinding) and then talk to the emulator as a
 * same-origin page: read and rewrite the demo project, send 64 MiB bodies into the extension host.
 * A loopback server refuses a Host it does not serve.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';

function post(emu: RunningEmulator, host: string): Promise<number> {
  const url = new URL(`${emu.apiBase}/files/list`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { host, authorization: 'Bearer demo', 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end('{"limit":1}');
  });
}

describe('attack: the emulator answers any Host (DNS rebinding)', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ files: 10 });
  });
  after(() => emu.close());

  it('serves its own loopback host', async () => {
    assert.equal(await post(emu, new URL(emu.baseUrl).host), 200);
  });

  it('refuses a request whose Host is a foreign name (a rebound attacker page)', async () => {
    const status = await post(emu, `attacker.example:${new URL(emu.baseUrl).port}`);
    assert.ok(status >= 400 && status < 500, `answered ${status} to Host: attacker.example`);
  });
});
