// Watching it run: Prometheus metrics at /metrics, W3C trace context in and
// out, spans exported over OTLP/HTTP when configured, and the request id,
// operation name and trace id on every log line written for a request.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD, demoEmail } from '../src/seed/demo.js';
import { gql, startServer, type TestServer } from './helpers.js';

const LOGIN = 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

describe('metrics', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.stop());

  it('/metrics counts operations by name, errors by code, latency, HTTP routes and the database pool', async () => {
    const login = await gql<{ login: { token: string } }, unknown>(server, LOGIN, { email: demoEmail('dstc'), password: DEMO_PASSWORD });
    expect(login.data?.login.token).toBeTruthy();
    await gql(server, 'query MyUnits { me { email } }');
    await gql(server, 'query MyUnits { me { email } }');
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    const value = (line: string) => Number(new RegExp(`^${line.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(value('graphql_operations_total{operation="Login",type="mutation"}')).toBe(1);
    expect(value('graphql_operations_total{operation="MyUnits",type="query"}')).toBe(2);
    expect(value('graphql_errors_total{code="UNAUTHENTICATED",operation="MyUnits"}')).toBe(2);
    expect(value('graphql_operation_duration_seconds_count{operation="MyUnits",type="query"}')).toBe(2);
    expect(value('http_requests_total{route="/graphql",method="POST",status="200"}')).toBe(3);
    expect(value('http_request_duration_seconds_count{route="/graphql",method="POST"}')).toBe(3);
    expect(value('db_pool_connections{state="total"}')).toBeGreaterThan(0);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });

  it('METRICS_TOKEN requires the token', async () => {
    const guarded = await startServer({ METRICS_TOKEN: 'scrape-me-please' });
    try {
      expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
      const ok = await fetch(`${guarded.url}/metrics`, { headers: { authorization: 'Bearer scrape-me-please' } });
      expect(ok.status).toBe(200);
    } finally {
      await guarded.stop();
    }
  });
});

describe('trace context', () => {
  let server: TestServer;
  const received: unknown[] = [];
  let collector: http.Server;

  beforeAll(async () => {
    // An OTLP/HTTP collector: the exporter posts JSON to /v1/traces.
    collector = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        if (req.url === '/v1/traces') received.push(JSON.parse(body));
        res.setHeader('content-type', 'application/json');
        res.end('{}');
      });
    });
    await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
    const { port } = collector.address() as { port: number };
    server = await startServer({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`, OTEL_BSP_SCHEDULE_DELAY: '100' });
  });
  afterAll(async () => {
    await server.stop();
    await new Promise((r) => collector.close(r));
  });

  const traceId = 'ab'.repeat(16);
  const parentId = 'cd'.repeat(8);

  it('continues the caller’s trace and answers with the server span’s traceparent; starts one otherwise', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${traceId}-${parentId}-01`, tracestate: 'vendor=x' },
      body: JSON.stringify({ query: 'query Ping { __typename }' }),
    });
    const [version, trace, span, flags] = res.headers.get('traceparent')!.split('-');
    expect([version, trace, flags]).toEqual(['00', traceId, '01']);
    expect(span).toMatch(/^[0-9a-f]{16}$/);
    expect(span).not.toBe(parentId);
    expect(res.headers.get('tracestate')).toBe('vendor=x');

    for (const header of [undefined, '00-00000000000000000000000000000000-cdcdcdcdcdcdcdcd-01', 'garbage']) {
      const fresh = await fetch(`${server.url}/health`, { headers: header ? { traceparent: header } : {} });
      const parts = fresh.headers.get('traceparent')!.split('-');
      expect(parts[1]).toMatch(/^[0-9a-f]{32}$/);
      expect(parts[1]).not.toMatch(/^0+$/);
      expect(parts[1]).not.toBe(traceId);
    }

    // The span reached the collector with the caller's trace id, its parent, and the operation.
    await expect.poll(() => JSON.stringify(received), { timeout: 10_000 }).toContain(traceId);
    const spans = received.flatMap((r) =>
      (
        r as {
          resourceSpans: {
            scopeSpans: {
              spans: {
                traceId: string;
                parentSpanId: string;
                name: string;
                attributes: { key: string; value: { stringValue?: string } }[];
              }[];
            }[];
          }[];
        }
      ).resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans)),
    );
    const ours = spans.find((s) => s.traceId === traceId);
    expect(ours).toMatchObject({ parentSpanId: parentId, name: 'query Ping' });
    expect(ours?.attributes).toContainEqual({ key: 'graphql.operation.name', value: { stringValue: 'Ping' } });
  });

  it('without an exporter, still continues the caller’s trace (and its sampling and state) or starts one', async () => {
    const quiet = await startServer();
    try {
      for (const flags of ['01', '00']) {
        const res = await fetch(`${quiet.url}/health`, {
          headers: { traceparent: `00-${traceId}-${parentId}-${flags}`, tracestate: 'vendor=y' },
        });
        const [version, trace, span, sampled] = res.headers.get('traceparent')!.split('-');
        expect([version, trace, sampled]).toEqual(['00', traceId, flags]);
        expect(span).toMatch(/^[0-9a-f]{16}$/);
        expect(span).not.toBe(parentId);
        expect(res.headers.get('tracestate')).toBe('vendor=y');
      }
      const seen = new Set<string>();
      for (const header of [undefined, '00-00000000000000000000000000000000-cdcdcdcdcdcdcdcd-01', 'garbage', undefined]) {
        const fresh = await fetch(`${quiet.url}/health`, { headers: header ? { traceparent: header } : {} });
        const [, trace, span, sampled] = fresh.headers.get('traceparent')!.split('-');
        expect(trace).toMatch(/^[0-9a-f]{32}$/);
        expect(trace).not.toMatch(/^0+$/);
        expect(span).toMatch(/^[0-9a-f]{16}$/);
        expect(sampled).toBe('01');
        expect(fresh.headers.get('tracestate')).toBeNull();
        seen.add(trace);
      }
      expect(seen.size).toBe(4);
    } finally {
      await quiet.stop();
    }
  });

  it('puts the request id, operation name and trace id on every log line of a request', async () => {
    const logged = await startServer({ LOG_LEVEL: 'debug' });
    const lines: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const res = await fetch(`${logged.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-obs-1', traceparent: `00-${traceId}-${parentId}-01` },
        body: JSON.stringify({ query: LOGIN, variables: { email: demoEmail('cst'), password: DEMO_PASSWORD }, operationName: 'Login' }),
      });
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      write.mockRestore();
      await logged.stop();
    }
    const ours = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.requestId === 'req-obs-1');
    // The resolver's own line ("login") and the access line ("request") at least.
    expect(ours.map((l) => l.msg)).toEqual(expect.arrayContaining(['login', 'request']));
    for (const line of ours) expect(line).toMatchObject({ operationName: 'Login', traceId });
  });
});
