import type { FastifyInstance } from 'fastify';

type Answer = { status: number; text: string; location: URL | null; setCookies: string[] };

/**
 * A browser without JavaScript for login tests: keeps cookies per path, follows redirects when
 * asked, and sends requests for the app's own origin to `app.inject` (no port needed) and
 * everything else (a separately started identity provider) over the network.
 */
export class TestBrowser {
  private cookies = new Map<string, { name: string; value: string; path: string }>();
  private readonly app: FastifyInstance;
  private readonly appOrigin: string;
  constructor(app: FastifyInstance, appOrigin: string) {
    this.app = app;
    this.appOrigin = appOrigin;
  }

  cookie(name: string): string | undefined {
    return [...this.cookies.values()].find((c) => c.name === name)?.value;
  }

  async request(url: string | URL, init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {}): Promise<Answer> {
    const target = new URL(url, this.appOrigin);
    const headers: Record<string, string> = { ...init.headers };
    const cookie = [...this.cookies.values()]
      .filter((c) => c.path === '/' || target.pathname === c.path || target.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const method = init.method ?? (body ? 'POST' : 'GET');
    let answer: Answer;
    if (target.origin === this.appOrigin) {
      const response = await this.app.inject({
        method: method as 'GET',
        url: `${target.pathname}${target.search}`,
        headers: { host: target.host, ...headers },
        ...(body ? { payload: body } : {}),
      });
      const setCookie = response.headers['set-cookie'];
      const location = response.headers.location;
      answer = {
        status: response.statusCode,
        text: response.body,
        location: typeof location === 'string' ? new URL(location, target) : null,
        setCookies: setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie],
      };
    } else {
      const response = await fetch(target, { method, headers, ...(body ? { body } : {}), redirect: 'manual' });
      const location = response.headers.get('location');
      answer = {
        status: response.status,
        text: await response.text(),
        location: location ? new URL(location, target) : null,
        setCookies: response.headers.getSetCookie(),
      };
    }
    for (const line of answer.setCookies) this.store(line, target);
    return answer;
  }

  private store(line: string, from: URL) {
    const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
    const name = pair.slice(0, pair.indexOf('='));
    const value = pair.slice(pair.indexOf('=') + 1);
    const attribute = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const path = attribute('path') ?? (from.pathname.replace(/\/[^/]*$/, '') || '/');
    const maxAge = attribute('max-age');
    const expires = attribute('expires');
    const key = `${name};${path}`;
    if (value === '' || maxAge === '0' || (expires && new Date(expires).getTime() < Date.now())) this.cookies.delete(key);
    else this.cookies.set(key, { name, value, path });
  }

  /** Follows redirects until a page, or a URL starting with `stopAt`; submits self-submitting forms like a browser with script. */
  async follow(url: string | URL, stopAt?: string): Promise<Answer & { url: URL }> {
    let current = new URL(url, this.appOrigin);
    let response = await this.request(current);
    for (let hops = 0; ; hops++) {
      if (hops > 15) throw new Error('too many redirects');
      if (response.location && !(stopAt && response.location.href.startsWith(stopAt))) {
        current = response.location;
        response = await this.request(current);
        continue;
      }
      const selfSubmitting = response.status === 200 && response.text.includes('document.forms[0].submit()');
      if (!selfSubmitting) return { ...response, url: current };
      const action = /<form method="post" action="([^"]+)">/.exec(response.text)?.[1] ?? '';
      const inputs = Object.fromEntries([...response.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)].map((m) => [m[1], m[2]]));
      current = new URL(action.replaceAll('&amp;', '&'), current);
      response = await this.request(current, { form: inputs as Record<string, string> });
    }
  }

  /** On the provider's login page: log in as the account with this subject; returns the first answer outside the provider. */
  async chooseAccount(page: { text: string; url: URL }, sub: string, stopAt: string) {
    const forms = [...page.text.matchAll(/<form method="post" action="([^"]+)"><input type="hidden" name="sub" value="([^"]+)">/g)];
    const form = forms.find((m) => m[2] === sub);
    if (!form?.[1]) throw new Error(`no account ${sub} on the login page: ${forms.map((m) => m[2]).join(', ')}`);
    const posted = await this.request(new URL(form[1].replaceAll('&amp;', '&'), page.url), { form: { sub, lang: 'nl' } });
    if (!posted.location) throw new Error(`login form answered ${posted.status}: ${posted.text.slice(0, 200)}`);
    return this.follow(posted.location, stopAt);
  }
}
