import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Filters } from './http';

// Node's Request wants an absolute URL where the browser resolves '/api/…' against the page
class PageRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, 'http://localhost') : input, init);
  }
}

let http: typeof import('./http');
beforeAll(async () => {
  vi.stubGlobal('Request', PageRequest);
  // evaluated afresh so the client is built with PageRequest
  vi.resetModules();
  http = await import('./http');
});

type Handler = (request: Request) => Response | Promise<Response>;
let handler: Handler;
const seen: Request[] = [];

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  seen.length = 0;
  vi.stubGlobal('Request', PageRequest);
  vi.stubGlobal('fetch', async (request: Request) => {
    seen.push(request);
    return handler(request);
  });
  http.setCsrfToken('token-1');
});

afterEach(() => {
  vi.unstubAllGlobals();
  http.setCsrfToken(null);
  http.onSessionError(() => false);
});

describe('the transport', () => {
  it('reads a typed answer, asking for JSON and sending no CSRF header on GET', async () => {
    handler = () => json(200, { id: 7, name: '西乡县' });
    const org = await http.call(http.api.GET('/api/orgs/{id}', { params: { path: { id: 7 } } }));
    expect(org).toEqual({ id: 7, name: '西乡县' });
    expect(seen[0]?.url).toMatch(/\/api\/orgs\/7$/);
    expect(seen[0]?.headers.get('accept')).toBe('application/json');
    expect(seen[0]?.headers.get('x-csrf-token')).toBeNull();
  });

  it('sends the CSRF token and a JSON body on writes', async () => {
    handler = () => json(200, { ok: true });
    await http.call(
      http.api.POST('/api/orgs/{id}/move', { params: { path: { id: 3 } }, body: { parentId: 1 } }),
    );
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.get('x-csrf-token')).toBe('token-1');
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
    expect(await seen[0]?.json()).toEqual({ parentId: 1 });
  });

  it("turns the server's { code, message } into an ApiError", async () => {
    handler = () => json(409, { code: 'CONFLICT', message: '编码已存在' });
    const error = await http
      .call(http.api.GET('/api/orgs/{id}', { params: { path: { id: 1 } } }))
      .catch((e) => e);
    expect(error).toBeInstanceOf(http.ApiError);
    expect(error).toMatchObject({ status: 409, code: 'CONFLICT', message: '编码已存在', handled: false });
  });

  it('hands session errors to the registered handler unless the caller deals with them', async () => {
    const handled: string[] = [];
    http.onSessionError((error) => {
      handled.push(error.code);
      return true;
    });
    handler = () => json(401, { code: 'UNAUTHENTICATED', message: '请先登录' });
    const error = await http.call(http.api.GET('/api/orgs/tree')).catch((e) => e);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', handled: true });
    await http.call(http.api.GET('/api/auth/me'), { skipSessionHandler: true }).catch((e) => e);
    expect(handled).toEqual(['UNAUTHENTICATED']);
  });

  it('reports a failed connection as NETWORK, and a proxy page by its status', async () => {
    handler = () => {
      throw new TypeError('fetch failed');
    };
    await expect(http.call(http.api.GET('/api/orgs/tree'))).rejects.toMatchObject({
      code: 'NETWORK',
      status: 0,
    });
    handler = () => new Response('<html>Bad Gateway</html>', { status: 502 });
    await expect(http.call(http.api.GET('/api/orgs/tree'))).rejects.toMatchObject({
      code: 'UNKNOWN',
      status: 502,
    });
    handler = () => new Response('', { status: 429 });
    await expect(http.send('/api/orgs/export')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('drops empty filters and sends flags as text', async () => {
    const filters: Filters<{
      keyword?: string;
      status?: 'active';
      parentId?: number;
      unread?: 'true' | 'false';
    }> = {
      keyword: '',
      status: null,
      parentId: 4,
      unread: true,
    };
    expect(http.toQuery(filters)).toEqual({ parentId: 4, unread: 'true' });
    handler = () => new Response('xlsx');
    await http.send('/api/orgs/export', { query: { keyword: '站', kind: '', parentId: null, page: 2 } });
    expect(new URL(seen[0]?.url ?? '', 'http://x').search).toBe('?keyword=%E7%AB%99&page=2');
  });
});
