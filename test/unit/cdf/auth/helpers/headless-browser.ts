/**
 * A person's browser, minus the person: follows redirects, keeps cookies, and submits the forms
 * the identity provider shows (the device code entry and confirmation pages post themselves).
 * Real HTTP throughout; nothing of the OAuth library is mocked.
 */
export class HeadlessBrowser {
  private readonly cookies = new Map<string, string>();
  readonly visited: string[] = [];

  /** Opens `url` and keeps going until a page with no form and no redirect; returns that page. */
  async open(url: string): Promise<{ status: number; url: string; html: string }> {
    let next: { url: URL; method: 'GET' | 'POST'; form?: URLSearchParams } = { url: new URL(url), method: 'GET' };
    for (let step = 0; step < 25; step++) {
      this.visited.push(`${next.method} ${next.url.origin}${next.url.pathname}`);
      const res = await fetch(next.url, {
        method: next.method,
        redirect: 'manual',
        body: next.form,
        headers: {
          ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
          ...(next.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair!.indexOf('=');
        this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
      }
      if (res.status >= 300 && res.status < 400) {
        await res.arrayBuffer();
        next = { url: new URL(res.headers.get('location')!, next.url), method: 'GET' };
        continue;
      }
      const html = await res.text();
      const form = /<form[^>]*method="post"[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
      if (!form) return { status: res.status, url: next.url.href, html };
      const fields = new URLSearchParams();
      for (const input of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*>/gi)) {
        const name = /name="([^"]*)"/.exec(input[0])?.[1];
        const value = /value="([^"]*)"/.exec(input[0])?.[1] ?? '';
        if (name) fields.set(name, decodeEntities(value));
      }
      next = { url: new URL(decodeEntities(form[1]!), next.url), method: 'POST', form: fields };
    }
    throw new Error(`too many steps: ${this.visited.join(' → ')}`);
  }
}

const decodeEntities = (s: string): string =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
