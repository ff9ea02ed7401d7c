import { CSRF_COOKIE, CSRF_HEADER } from '@rapportflode/api-contract';

export const DEMO_PASSWORD = 'Rapportflode-demo-2026';

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser-like client over real HTTP: keeps cookies, and sends the CSRF cookie back as the
 * X-XSRF-TOKEN header on writes, as Angular's HttpClient does.
 */
export class HttpClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: boolean; form?: FormData | URLSearchParams; redirect?: RequestRedirect } = {},
  ): Promise<ApiResult<T>> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get(CSRF_COOKIE);
    if (options.csrf !== false && csrf && !['GET', 'HEAD'].includes(method)) headers[CSRF_HEADER] = csrf;
    let payload: BodyInit | undefined;
    if (options.form) payload = options.form;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload, redirect: options.redirect ?? 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = unknown>(path: string) {
    return this.request<T>('GET', path);
  }

  /** A GET whose answer is a file (PDF, DOCX): the bytes as they came. */
  async download(path: string): Promise<{ status: number; headers: Headers; body: Buffer }> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${this.baseUrl}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  post<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }

  put<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }

  patch<T = unknown>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }

  delete<T = unknown>(path: string) {
    return this.request<T>('DELETE', path);
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<this> {
    const result = await this.post('/api/auth/login', { email, password });
    if (result.status !== 200) throw new Error(`Sign-in as ${email} failed: ${result.status} ${JSON.stringify(result.body)}`);
    return this;
  }
}

export async function signedIn(baseUrl: string, email: string): Promise<HttpClient> {
  return new HttpClient(baseUrl).signIn(email);
}

/** Several people signed in at once, in the order given. */
export function signedInAll(baseUrl: string, emails: readonly string[]): Promise<HttpClient[]> {
  return Promise.all(emails.map((email) => signedIn(baseUrl, email)));
}

export const DEMO = {
  admin: 'admin@rapportflode.example.se',
  director: 'karin.lindqvist@gnesta.example.se',
  economist: 'johan.ek@gnesta.example.se',
  secretary: 'maria.holm@gnesta.example.se',
  reviewer: 'sara.nystrom@gnesta.example.se',
  reader: 'per.strom@gnesta.example.se',
  unitHeadVuxenutbildning: 'lena.wik@gnesta.example.se',
  unitHeadOmsorgsenheten: 'fredrik.akesson@nacka.example.se',
  unitHeadBarnOchFamilj: 'camilla.oberg@nacka.example.se',
  nackaEconomist: 'anders.nilsson@nacka.example.se',
  nackaSecretary: 'birgitta.sandberg@nacka.example.se',
} as const;
