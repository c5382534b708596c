import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

// One log line per request, written when it is answered: method, route (the pattern, which
// groups requests), path, status and duration; instead of fastify's two lines ("incoming
// request", "request completed") and its separate "Route ... not found". Probes that a load
// balancer or Prometheus sends every few seconds are logged only at debug, so they do not drown
// the rest. The path leaves out the query string, where credentials can travel (portal link
// tokens); no route carries one in its path.

const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

const pathOf = (request: FastifyRequest): string => request.url.split('?')[0] ?? request.url;

export class AccessLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ method: request.method, path: pathOf(request) }, 'request received');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const route = request.routeOptions.url ?? 'unmatched';
    const path = pathOf(request);
    const durationMs = Math.round(reply.elapsedTime * 10) / 10;
    const line = { method: request.method, route, path, status: reply.statusCode, duration_ms: durationMs };
    const message = `${request.method} ${path} ${reply.statusCode} ${durationMs} ms`;
    if (error) reply.log.error({ ...line, err: error }, message);
    else if (PROBES.has(route)) reply.log.debug(line, message);
    else reply.log.info(line, message);
  }

  override routeNotFound(): void {
    // requestCompleted logs the 404.
  }
}
