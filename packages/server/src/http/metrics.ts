import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one server instance (its own registry: no process-wide state). */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'roster_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly duration = new Histogram({
    name: 'roster_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });
  readonly scimOperations = new Counter({
    name: 'roster_scim_operations_total',
    help: 'SCIM operations per directory, resource type, operation and status',
    labelNames: ['directory_id', 'resource', 'operation', 'status'] as const,
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: 'roster_scim_rate_limited_total',
    help: 'SCIM requests refused with 429 per directory',
    labelNames: ['directory_id'] as const,
    registers: [this.registry],
  });

  readonly signIns = new Counter({
    name: 'roster_dashboard_sign_ins_total',
    help: 'Dashboard sign-in attempts by outcome: signed_in, invalid_credentials (both ran a password hash), rate_limited, busy',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'roster_' });
  }
}
