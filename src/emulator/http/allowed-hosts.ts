import { ApiError } from './api-error';

/**
 * Which `Host` values the emulator serves. It listens on loopback with a well-known token, so a web
 * page that rebinds its own name to 127.0.0.1 (DNS rebinding) could otherwise use it as a same-origin
 * server; the browser still sends the page's name as `Host`, and that is what is refused here.
 * Served: the loopback names with the port listened on (`127.0.0.1:P`, `localhost:P`, `[::1]:P`,
 * and without the port when it is 80), plus the names given to `allowHosts` (`*`: any Host).
 * A request without a Host (HTTP/1.0) is served: browsers always send one.
 */
export function hostChecker(
  port: () => number,
  allowHosts: readonly string[] = [],
): (host: string | undefined) => void {
  const anyHost = allowHosts.includes('*');
  const names = new Set(['127.0.0.1', 'localhost', '[::1]', ...allowHosts.map((h) => h.toLowerCase())]);
  return (host) => {
    if (host === undefined || anyHost) return;
    const value = host.trim().toLowerCase();
    const colon = value.lastIndexOf(':');
    const hasPort = colon > value.lastIndexOf(']');
    const name = hasPort ? value.slice(0, colon) : value;
    const portText = hasPort ? value.slice(colon + 1) : '80';
    if (names.has(name) && portText === String(port())) return;
    throw new ApiError(
      421,
      `Misdirected request: this emulator serves only ${[...names].map((n) => `${n}:${port()}`).join(', ')}, not Host ${JSON.stringify(host)} (start it with --allow-host NAME to serve another name)`,
    );
  };
}
