import type { FastifyBaseLogger } from 'fastify';
import { PgBoss } from 'pg-boss';

/** A job handler: throw to have the job retried with backoff; after the last retry it goes to the dead-letter queue. */
export type JobHandler<T> = (data: T, meta: { id: string; attempt: number }) => Promise<void>;

/** One declared queue: its name, retry policy and handler. */
export type QueueDefinition<T> = {
  name: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  handler: JobHandler<T>;
};

/** The durable job queue of the platform (pg-boss on the app's own database). */
export type Jobs = {
  /** Declares a queue (and its dead-letter queue) and, when workers run in this process, its handler. Call before start(). */
  define: <T extends object>(queue: QueueDefinition<T>) => void;
  send: <T extends object>(name: string, data: T, options?: { singletonKey?: string; startAfter?: Date }) => Promise<string | null>;
  start: () => Promise<void>;
  /** Stops fetching new jobs and waits up to timeoutMs for running handlers to finish. */
  stop: (timeoutMs: number) => Promise<void>;
  boss: () => PgBoss | null;
};

export const deadLetterName = (name: string) => `${name}.dead`;

/**
 * Creates the job runner. `workers: false` makes an instance that only sends (for the CLI and
 * for tests that drive handlers themselves).
 */
export const createJobs = (options: { connectionString: string; logger: FastifyBaseLogger; workers?: boolean }): Jobs => {
  const definitions: QueueDefinition<object>[] = [];
  let boss: PgBoss | null = null;
  const workers = options.workers ?? true;
  const log = options.logger.child({ component: 'jobs' });

  return {
    define: (queue) => {
      definitions.push(queue as QueueDefinition<object>);
    },
    send: async (name, data, sendOptions) => {
      if (!boss) throw new Error('jobs not started');
      return boss.send(name, data, {
        ...(sendOptions?.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
        ...(sendOptions?.startAfter ? { startAfter: sendOptions.startAfter } : {}),
      });
    },
    start: async () => {
      boss = new PgBoss({ connectionString: options.connectionString, application_name: 'gastvrij-jobs', max: 4, supervise: workers, schedule: workers });
      boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
      await boss.start();
      for (const queue of definitions) {
        const dead = deadLetterName(queue.name);
        await boss.createQueue(dead, { retentionSeconds: 60 * 60 * 24 * 30 });
        await boss.createQueue(queue.name, {
          retryLimit: queue.retryLimit ?? 5,
          retryDelay: queue.retryDelaySeconds ?? 10,
          retryBackoff: true,
          deadLetter: dead,
        });
        if (!workers) continue;
        await boss.work<object>(queue.name, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
          if (!job) return;
          const attempt = (job as unknown as { retryCount?: number }).retryCount ?? 0;
          try {
            await queue.handler(job.data, { id: job.id, attempt });
            log.debug({ queue: queue.name, jobId: job.id }, 'job done');
          } catch (error) {
            log.warn(
              { queue: queue.name, jobId: job.id, attempt, err: error },
              'job failed; pg-boss retries it with backoff, then moves it to the dead-letter queue',
            );
            throw error;
          }
        });
        await boss.work<object>(dead, { batchSize: 1, pollingIntervalSeconds: 5 }, async ([job]) => {
          if (job) log.error({ queue: queue.name, jobId: job.id, data: job.data }, 'job gave up after its retries and is in the dead-letter queue');
        });
      }
    },
    stop: async (timeoutMs) => {
      if (!boss) return;
      const b = boss;
      boss = null;
      await b.stop({ graceful: true, timeout: timeoutMs });
    },
    boss: () => boss,
  };
};
