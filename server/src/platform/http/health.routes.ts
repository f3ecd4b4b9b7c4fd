import type { FastifyBaseLogger, FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { pendingMigrations, readMigrations } from '../db/migrate.ts';

/**
 * `/health/live`: the process answers (for a restart decision). `/health/ready`: the database
 * answers and the schema is complete (for a load balancer's routing decision).
 */
export const healthRoutes: FastifyPluginAsync<{ db: Db; isShuttingDown: () => boolean }> = async (app, { db, isShuttingDown }) => {
  const known = await readMigrations();
  // Health checks come several times a second from every load balancer: one shared logger at warn,
  // instead of a child logger per request that logs two info lines (api-floor benchmark).
  let quiet: FastifyBaseLogger | null = null;
  const options = {
    config: { access: 'public' as const },
    schema: { hide: true },
    childLoggerFactory: (logger: FastifyBaseLogger) => {
      quiet ??= logger.child({ route: 'health' }, { level: 'warn' });
      return quiet;
    },
  };
  app.get('/health/live', options, async () => ({ status: 'ok' }));

  app.get('/health/ready', options, async (_request, reply) => {
    if (isShuttingDown()) return reply.status(503).send({ status: 'shutting-down' });
    try {
      const { rows } = await sql<{ version: string }>`SELECT version FROM schema_migrations`.execute(db);
      const pending = pendingMigrations(
        known,
        rows.map((r) => r.version),
      );
      if (pending.length > 0) return reply.status(503).send({ status: 'migrations-pending', pending });
      return { status: 'ready' };
    } catch (error) {
      return reply.status(503).send({ status: 'database-unavailable', detail: (error as Error).message });
    }
  });
};
