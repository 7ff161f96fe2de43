import { describe, expect, it } from 'vitest';
import { clientAddress, isLoopbackHost, loopbackRefusal, originRefusal, requestOrigin, safeNext, setCookie } from './http';

const headers = (h: Record<string, string>) => new Headers(h);

describe('auth HTTP facts', () => {
  it('takes the request origin from proxy headers, else the Host, else the URL', () => {
    expect(requestOrigin(headers({ host: 'console:3000' }), 'http://internal:3000/api/x')).toBe('http://console:3000');
    expect(requestOrigin(headers({ host: 'internal', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'mq.example.com, proxy2' }), 'http://internal/api')).toBe('https://mq.example.com');
    expect(requestOrigin(headers({}), 'http://127.0.0.1:3200/api')).toBe('http://127.0.0.1:3200');
  });

  it('refuses a foreign Origin, accepts the own one (and the public URL), and a missing one only when not required', () => {
    const own = { host: '127.0.0.1:3200' };
    const url = 'http://127.0.0.1:3200/api/auth/logout';
    expect(originRefusal(headers({ ...own, origin: 'http://127.0.0.1:3200' }), url, { required: true })).toBeUndefined();
    expect(originRefusal(headers({ ...own, origin: 'http://evil.example' }), url, { required: false })).toContain('http://evil.example');
    expect(originRefusal(headers({ ...own, origin: 'null' }), url, { required: false })).toContain('null');
    expect(originRefusal(headers({ ...own, referer: 'http://127.0.0.1:3200/account' }), url, { required: true })).toBeUndefined();
    expect(originRefusal(headers({ ...own, referer: 'http://evil.example/page' }), url, { required: true })).toContain('http://evil.example');
    expect(originRefusal(headers(own), url, { required: true })).toContain('no Origin header');
    expect(originRefusal(headers(own), url, { required: false })).toBeUndefined();
    expect(originRefusal(headers({ host: 'internal:3000', origin: 'https://mq.example.com' }), 'http://internal:3000/x', { required: true, publicUrl: 'https://mq.example.com' })).toBeUndefined();
  });

  it('knows loopback hosts, and AUTH=off refuses any other', () => {
    for (const h of ['localhost', 'localhost:3000', '127.0.0.1:3200', '127.1.2.3', '[::1]:3000']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['10.0.0.5:3000', 'mq.example.com', 'localhost.evil.com', '127.0.0.1.nip.io', '']) expect(isLoopbackHost(h), h).toBe(false);
    expect(loopbackRefusal(headers({ host: '127.0.0.1:3000' }))).toBeUndefined();
    expect(loopbackRefusal(headers({ host: '192.168.1.20:3000' }))).toContain('192.168.1.20:3000');
    expect(loopbackRefusal(headers({ host: '127.0.0.1:3000', 'x-forwarded-host': 'mq.example.com' }))).toContain('mq.example.com');
  });

  it('sends the browser on to console paths only after signing in', () => {
    expect(safeNext('/clusters/a/groups?x=1')).toBe('/clusters/a/groups?x=1');
    for (const bad of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '', undefined, null, '/login?next=/x', '/api/auth/logout']) expect(safeNext(bad), String(bad)).toBe('/');
  });

  it('writes HttpOnly SameSite=Lax cookies, Secure when asked, and takes the client address from the proxy', () => {
    expect(setCookie('rmqc_session', 'a b', { secure: false, maxAge: 60 })).toBe('rmqc_session=a%20b; Path=/; HttpOnly; SameSite=Lax; Max-Age=60');
    expect(setCookie('rmqc_session', '', { secure: true, maxAge: 0 })).toBe('rmqc_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure');
    expect(clientAddress(headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }))).toBe('203.0.113.7');
    expect(clientAddress(headers({}))).toBe('unknown');
  });
});
