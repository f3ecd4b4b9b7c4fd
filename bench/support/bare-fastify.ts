// The baseline of api-floor: a plain Fastify with one route and nothing else (no logger, no
// plugins, no hooks), started as its own process like the app, so both are measured alike.
import Fastify from 'fastify';

const app = Fastify();
app.get('/health/live', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => app.close().then(() => process.exit(0)));
