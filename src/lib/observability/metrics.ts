// Prometheus metrics at GET /metrics (prom-client; docs/decisions/015-observability.md):
// HTTP requests and latency by route, GraphQL operations and latency by
// operation name and type, errors by code, the database pool, and Node's own
// process metrics. One registry per app, so tests may run several.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type pg from 'pg';

/** Operation names become label values only up to this many; later new names count as "other". */
const MAX_OPERATION_NAMES = 200;
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface Metrics {
  registry: Registry;
  httpRequest(route: string, method: string, status: number, seconds: number): void;
  operation(name: string, type: string, seconds: number, errorCodes: string[]): void;
  /** A label value for an operation name, bounded in number. */
  operationLabel(name: string | undefined): string;
}

export function createMetrics(options: { pool?: () => pg.Pool | undefined } = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by route, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route and method',
    labelNames: ['route', 'method'] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  const operations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by operation name and type (query, mutation; "unknown" when the document did not resolve)',
    labelNames: ['operation', 'type'] as const,
    registers: [registry],
  });
  const operationDuration = new Histogram({
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operation latency (parse to response) by operation name and type',
    labelNames: ['operation', 'type'] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'GraphQL errors sent to clients, by extensions.code and operation name',
    labelNames: ['code', 'operation'] as const,
    registers: [registry],
  });
  const pool = new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool: connections open (total), idle, and requests waiting for one',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const p = options.pool?.();
      if (!p) return;
      this.set({ state: 'total' }, p.totalCount);
      this.set({ state: 'idle' }, p.idleCount);
      this.set({ state: 'waiting' }, p.waitingCount);
    },
  });
  void pool;
  const names = new Set<string>();
  return {
    registry,
    httpRequest(route, method, status, seconds) {
      httpRequests.inc({ route, method, status: String(status) });
      httpDuration.observe({ route, method }, seconds);
    },
    operation(name, type, seconds, errorCodes) {
      operations.inc({ operation: name, type });
      operationDuration.observe({ operation: name, type }, seconds);
      for (const code of errorCodes) errors.inc({ code, operation: name });
    },
    operationLabel(name) {
      if (name === undefined) return 'anonymous';
      if (names.has(name)) return name;
      if (names.size >= MAX_OPERATION_NAMES || !/^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(name)) return 'other';
      names.add(name);
      return name;
    },
  };
}
