// W3C trace context and OpenTelemetry (docs/decisions/015-observability.md).
// Every HTTP request gets a server span: its parent is the caller's
// `traceparent` when one is sent (and valid), else a new trace. The response
// carries the span's `traceparent` (and the caller's `tracestate`), log lines
// its traceId/spanId. Spans are exported over OTLP/HTTP only when
// OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set.
import type http from 'node:http';
import {
  isSpanContextValid,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, BatchSpanProcessor, RandomIdGenerator, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { OTLPTraceExporter as Exporter } from '@opentelemetry/exporter-trace-otlp-http';
import { createRequire } from 'node:module';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { Config } from '../../config.js';

export interface Tracing {
  /** Starts the request's server span from its headers, and sets `traceparent` on the response. */
  startRequest(req: http.IncomingMessage, res: http.ServerResponse): Span;
  shutdown(): Promise<void>;
}

const getter: TextMapGetter<http.IncomingHttpHeaders> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key.toLowerCase()],
};
const setter: TextMapSetter<http.ServerResponse> = {
  set: (res, key, value) => res.setHeader(key, value),
};

export function createTracing(config: Config['otel']): Tracing {
  const endpoint = config.tracesEndpoint;
  // The exporter is loaded only when spans are exported (it is idle memory otherwise).
  const OTLPTraceExporter = endpoint
    ? (createRequire(import.meta.url)('@opentelemetry/exporter-trace-otlp-http') as { OTLPTraceExporter: typeof Exporter })
        .OTLPTraceExporter
    : null;
  const processors: SpanProcessor[] =
    endpoint && OTLPTraceExporter
      ? [new BatchSpanProcessor(new OTLPTraceExporter({ url: endpoint }), { scheduledDelayMillis: config.scheduleDelayMs })]
      : [];
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: processors,
  });
  const tracer = provider.getTracer('conalep-conocer-api');
  const propagator = new W3CTraceContextPropagator();
  const ids = new RandomIdGenerator();
  return {
    startRequest(req, res) {
      const parent = propagator.extract(ROOT_CONTEXT, req.headers, getter);
      if (!processors.length) {
        // Nothing exports spans: the request still gets its ids (traceparent, log lines), the caller's trace
        // continued as the SDK would, without the SDK's span (about 3 % of a small read's CPU, docs/performance.md).
        const caller = trace.getSpanContext(parent);
        const valid = !!caller && isSpanContextValid(caller);
        const span = trace.wrapSpanContext({
          traceId: valid ? caller.traceId : ids.generateTraceId(),
          spanId: ids.generateSpanId(),
          traceFlags: valid ? caller.traceFlags : TraceFlags.SAMPLED,
          traceState: valid ? caller.traceState : undefined,
        });
        propagator.inject(trace.setSpan(parent, span), res, setter);
        return span;
      }
      const span = tracer.startSpan(
        `${req.method} ${req.url?.split('?')[0] ?? '/'}`,
        { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? '', 'url.path': req.url?.split('?')[0] ?? '/' } },
        parent,
      );
      propagator.inject(trace.setSpan(parent, span), res, setter);
      res.on('finish', () => {
        span.setAttribute('http.response.status_code', res.statusCode);
        if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      });
      return span;
    },
    shutdown: () => provider.shutdown(),
  };
}
