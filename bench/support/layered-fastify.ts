// A bare Fastify with some of the app's per-request layers switched on by LAYERS (comma
// separated): logger, request-id, helmet, rate-limit; and two cheaper alternatives:
// static-headers (helmet's exact headers, computed once and set by one hook) and
// logger-quiet-health (the logger, with the route's own log level at warn). Each layer copies its configuration from
// server/src/app.ts and server/src/main.ts, so api-floor-breakdown can tell what each one costs
// without changing the app. Keep in step with app.ts when its plugins change.
import { randomUUID } from 'node:crypto';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { pino } from 'pino';
import { securityHeaderOptions } from '../../server/src/platform/http/security-headers.ts';

const layers = new Set((process.env.LAYERS ?? '').split(',').filter(Boolean));
const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;
// @fastify/helmet bundles its own copy of helmet's types; the options are the same object shape.
const helmetOptions = securityHeaderOptions(true) as unknown as FastifyHelmetOptions;

/** The headers @fastify/helmet adds with the app's options, read off one injected request. */
const helmetHeaders = async (): Promise<Record<string, string>> => {
  const probe = Fastify();
  await probe.register(helmet, helmetOptions);
  probe.get('/', async () => ({}));
  const [withHelmet, plain] = await Promise.all([
    probe.inject('/'),
    Fastify()
      .get('/', async () => ({}))
      .inject('/'),
  ]);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(withHelmet.headers)) if (!(name in plain.headers) && typeof value === 'string') headers[name] = value;
  await probe.close();
  return headers;
};

const app = Fastify({
  ...(layers.has('logger') || layers.has('logger-quiet-health')
    ? { loggerInstance: pino({ level: 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] }) }
    : {}),
  ...(layers.has('request-id')
    ? {
        requestIdHeader: false as const,
        genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
          const given = request.headers['x-request-id'];
          return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
        },
      }
    : {}),
  bodyLimit: 1024 * 1024,
  routerOptions: { ignoreTrailingSlash: true },
});
if (layers.has('request-id')) {
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
}
// @fastify/helmet calls helmet(options) on every request, which validates the options and builds
// the CSP string again each time; static-headers does that work once.
if (layers.has('helmet')) await app.register(helmet, helmetOptions);
if (layers.has('static-headers')) {
  const headers = await helmetHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
if (layers.has('rate-limit')) {
  await app.register(rateLimit, { global: true, max: 1_000_000_000, timeWindow: '1 minute', allowList: (request) => !request.url.startsWith('/api/') });
}
app.get('/health/live', { config: { rateLimit: false }, ...(layers.has('logger-quiet-health') ? { logLevel: 'warn' as const } : {}) }, async () => ({
  status: 'ok',
}));
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => app.close().then(() => process.exit(0)));
