import type { FastifyBaseLogger } from 'fastify';
import { CompiledQuery } from 'kysely';
import { type JobResult, type JobWithMetadata, PgBoss } from 'pg-boss';
import type { Db } from '../db/database.ts';
import { holdCommit } from '../db/pipelined.ts';

/** Where a job stands when its handler runs. */
export type JobMeta = {
  id: string;
  /** 0 on the first run, 1 on the first retry, and so on. */
  attempt: number;
  retryLimit: number;
  /** True when this is the last attempt: if it throws, the job goes to the dead-letter queue. */
  final: boolean;
};

/** A job handler: throw to have the job retried with backoff; after the last retry it goes to the dead-letter queue. */
export type JobHandler<T> = (data: T, meta: JobMeta) => Promise<void>;

/** One declared queue: its name, retry policy and handler. */
export type QueueDefinition<T> = {
  name: string;
  /** Retries after the first attempt (default 5). */
  retryLimit?: number;
  /** First retry delay; it doubles (with jitter) on every retry (default 10). */
  retryDelaySeconds?: number;
  /** Cap on the doubled delay (default one hour). */
  retryDelayMaxSeconds?: number;
  /** How often an idle worker looks for new jobs (default 2). */
  pollingIntervalSeconds?: number;
  /**
   * Jobs fetched at once, run one after the other (default 1). Above 1, a worker fetches again at
   * once while fetches come back full, so a backlog drains without waiting for the next poll.
   */
  batchSize?: number;
  handler: JobHandler<T>;
};

/** A job that gave up after its retries, as it sits in a dead-letter queue. */
export type DeadLetter = { id: string; sourceId: string | null; data: object; createdOn: Date };

/** The durable job queue of the platform (pg-boss on the app's own database). */
export type Jobs = {
  /** Declares a queue (and its dead-letter queue) and, when workers run in this process, its handler. Call before start(). */
  define: <T extends object>(queue: QueueDefinition<T>) => void;
  /**
   * Queues a job. Pass the transaction that made the change as `db`: the job then exists only if
   * the transaction commits, and no worker sees it before the rows it refers to.
   */
  send: <T extends object>(name: string, data: T, options?: { singletonKey?: string; startAfter?: Date; db?: Db }) => Promise<string | null>;
  start: () => Promise<void>;
  /** Stops fetching new jobs and waits up to timeoutMs for running handlers to finish. */
  stop: (timeoutMs: number) => Promise<void>;
  /** The jobs of a queue that gave up and wait in its dead-letter queue (for operators and tests). */
  deadLetters: (name: string) => Promise<DeadLetter[]>;
  boss: () => PgBoss | null;
};

export const deadLetterName = (name: string) => `${name}.dead`;

const defaults = { retryLimit: 5, retryDelaySeconds: 10, retryDelayMaxSeconds: 3600, pollingIntervalSeconds: 2 };

/**
 * Creates the job runner. `workers: false` makes an instance that only sends (for the CLI and
 * for tests that drive handlers themselves).
 *
 * Failed jobs are retried with exponential backoff; a job whose last attempt fails moves to the
 * queue's dead-letter queue (`<name>.dead`) and is logged as an error at that moment. Nothing
 * consumes the dead-letter queues: the jobs stay there for 30 days so an operator can inspect
 * and redrive them, and each start logs a warning while any are waiting.
 */
export const createJobs = (options: { connectionString: string; logger: FastifyBaseLogger; workers?: boolean }): Jobs => {
  const definitions: QueueDefinition<object>[] = [];
  let boss: PgBoss | null = null;
  const workers = options.workers ?? true;
  const log = options.logger.child({ component: 'jobs' });

  const deadLetters = async (name: string): Promise<DeadLetter[]> => {
    if (!boss) throw new Error('jobs not started');
    const jobs = await boss.findJobs<object>(deadLetterName(name), { queued: true });
    return jobs.map((job) => ({ id: job.id, sourceId: job.sourceId ?? null, data: job.data, createdOn: job.createdOn }));
  };

  const installQueues = async (b: PgBoss) => {
    for (const queue of definitions) {
      const dead = deadLetterName(queue.name);
      const policy = {
        retryLimit: queue.retryLimit ?? defaults.retryLimit,
        retryDelay: queue.retryDelaySeconds ?? defaults.retryDelaySeconds,
        retryDelayMax: queue.retryDelayMaxSeconds ?? defaults.retryDelayMaxSeconds,
        retryBackoff: true,
        deadLetter: dead,
      };
      await b.createQueue(dead, { retentionSeconds: 60 * 60 * 24 * 30 });
      // createQueue leaves an existing queue as it is; updateQueue makes a changed retry policy take effect.
      await b.createQueue(queue.name, policy);
      await b.updateQueue(queue.name, policy);
      if (!workers) continue;
      const waiting = await b.findJobs(dead, { queued: true, limit: 1000 });
      if (waiting.length > 0) {
        log.warn({ queue: queue.name, deadLetterQueue: dead, count: waiting.length }, 'jobs wait in the dead-letter queue: inspect and redrive or delete them');
      }
      const batchSize = queue.batchSize ?? 1;
      const runOne = async (job: JobWithMetadata<object>): Promise<JobResult> => {
        const meta: JobMeta = { id: job.id, attempt: job.retryCount, retryLimit: job.retryLimit, final: job.retryCount >= job.retryLimit };
        try {
          await queue.handler(job.data, meta);
          log.debug({ queue: queue.name, jobId: job.id, attempt: meta.attempt }, 'job done');
          return { id: job.id, status: 'completed' };
        } catch (error) {
          if (meta.final) {
            log.error(
              { queue: queue.name, jobId: job.id, attempts: meta.attempt + 1, deadLetterQueue: dead, err: error },
              'job gave up after its last retry and moved to the dead-letter queue',
            );
          } else {
            log.warn(
              { queue: queue.name, jobId: job.id, attempt: meta.attempt, retryLimit: meta.retryLimit, err: error },
              'job failed; it is retried with backoff',
            );
          }
          // As pg-boss records a thrown error: retried with backoff, then the dead-letter queue.
          return { id: job.id, status: 'failed', output: { message: (error as Error)?.message ?? String(error) } };
        }
      };
      await b.work(
        queue.name,
        {
          batchSize,
          burstWhenBatchFull: batchSize > 1,
          perJobResults: true,
          includeMetadata: true,
          pollingIntervalSeconds: queue.pollingIntervalSeconds ?? defaults.pollingIntervalSeconds,
        },
        async (jobs: JobWithMetadata<object>[]) => {
          // One after the other: each job settles on its own, a failing one does not fail the others.
          const results: JobResult[] = [];
          for (const job of jobs) results.push(await runOne(job));
          return results;
        },
      );
    }
  };

  return {
    define: (queue) => {
      if (boss) throw new Error(`Queue ${queue.name} defined after jobs.start()`);
      definitions.push(queue as QueueDefinition<object>);
    },
    send: async (name, data, sendOptions) => {
      if (!boss) throw new Error('jobs not started');
      const trx = sendOptions?.db;
      // pg-boss may look its queue up before it inserts: a pipelined transaction must not send its
      // COMMIT meanwhile (holdCommit), and may once the insert is issued.
      const release = trx ? holdCommit(trx) : () => {};
      try {
        return await boss.send(name, data, {
          ...(sendOptions?.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
          ...(sendOptions?.startAfter ? { startAfter: sendOptions.startAfter } : {}),
          ...(trx
            ? {
                db: {
                  executeSql: async (text: string, values?: unknown[]) => {
                    const issued = trx.executeQuery(CompiledQuery.raw(text, values ?? []));
                    release();
                    return { rows: [...(await issued).rows] };
                  },
                },
              }
            : {}),
        });
      } finally {
        release();
      }
    },
    start: async () => {
      const b = new PgBoss({ connectionString: options.connectionString, application_name: 'gastvrij-jobs', max: 4, supervise: workers, schedule: workers });
      b.on('error', (error) => log.error({ err: error }, 'job queue error'));
      b.on('warning', (warning) => log.warn({ warning: warning.data }, `job queue warning: ${warning.message}`));
      await b.start();
      boss = b;
      try {
        await installQueues(b);
      } catch (error) {
        boss = null;
        await b.stop({ graceful: false }).catch(() => {});
        throw error;
      }
    },
    stop: async (timeoutMs) => {
      if (!boss) return;
      const b = boss;
      boss = null;
      await b.stop({ graceful: true, timeout: timeoutMs });
    },
    deadLetters,
    boss: () => boss,
  };
};
