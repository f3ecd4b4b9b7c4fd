// `npm run bench -- my-cases`: "Mijn dossiers" (GET /api/me/cases) for 200 different logged-in
// residents, cycling, with 1,000,000 cases in the database, against the app's own /health/live in
// the same run (alternating rounds). Goal (issue 5): p99 under 50 ms.
//
// The data: the synthetic Harelbeke (28,500 residents), an eID account for every adult, and one
// million cases spread over those accounts (about 45 each; four in five closed), inserted in SQL.
// Each measured request is a different resident with a session of their own, so the answer is
// never one cached row; the household look-up (minors' cases) is part of every request.
import { sql } from 'kysely';
import { insertSession } from '../server/src/modules/identity/index.ts';
import { createNationalNumberVault, seedPopulation } from '../server/src/modules/register/index.ts';
import { createDb } from '../server/src/platform/db/database.ts';
import type { BenchContext, BenchOutcome, DataSet } from './support/bench-context.ts';
import { type CyclingTarget, fireCycling, measureCyclingOnce } from './support/cycling.ts';
import { describeRun, pool, type Run } from './support/load.ts';
import { round } from './support/stats.ts';

const caseCount = 1_000_000;
const residentsMeasured = 200;
const goal = { p99Ms: 50 };
// The benchmark's own key, shared by the seed (encrypting national numbers) and the app (reading them).
const benchSecretKey = 'my-cases-benchmark-secret-key-0123456789abcdef';

export const description = `GET /api/me/cases ("Mijn dossiers") for ${residentsMeasured} different residents with ${caseCount.toLocaleString('en')} cases in the database, against /health/live of the same app`;

export const appEnv = { GASTVRIJ_SECRET_KEY: benchSecretKey };

export const dataSet: DataSet = {
  description: `the synthetic Harelbeke population, an eID account per adult, ${caseCount.toLocaleString('en')} cases`,
  size: { residents: 28_500, cases: caseCount },
  load: async (databaseUrl, log) => {
    const { db } = createDb(databaseUrl, { max: 2 });
    try {
      const population = await seedPopulation(db, createNationalNumberVault(benchSecretKey), { referenceDate: '2026-11-25' });
      log(`population: ${population.persons} residents`);
      await sql`INSERT INTO resident_accounts (register_person_id, preferred_language)
        SELECT id, preferred_language FROM register_persons WHERE birth_date <= date '2008-11-25'`.execute(db);
      const started = performance.now();
      await sql`
        WITH accounts AS (SELECT id, register_person_id, row_number() OVER (ORDER BY id) AS n FROM resident_accounts),
             total AS (SELECT count(*) AS t FROM resident_accounts)
        INSERT INTO cases (reference, product_slug, family, language, requester_account_id, requester_person_id, channel, owner_kind, owner_id,
                           status, handling, status_changed_at, service_norm_days, due_date, outcome, closed_at, created_at, updated_at)
        SELECT 'HB-' || (2020 + g % 7) || '-' || lpad(g::text, 7, '0'),
               (ARRAY['attest-gezinssamenstelling', 'melding-openbaar-domein', 'vraag', 'grofvuil', 'evenement'])[1 + g % 5],
               (ARRAY['certificate', 'report', 'general', 'general', 'permit'])[1 + g % 5],
               'nl', a.id, a.register_person_id, 'online', 'team',
               (ARRAY['burgerzaken', 'openbaar-domein', 'contactcenter', 'openbaar-domein', 'evenementen'])[1 + g % 5],
               CASE WHEN g % 5 = 0 THEN 'in-progress' ELSE 'closed' END, 'human',
               timestamptz '2026-11-20' - (g % 2000) * interval '1 hour', 10,
               date '2026-12-10' - (g % 2000) / 24,
               CASE WHEN g % 5 = 0 THEN NULL ELSE 'resolved' END,
               CASE WHEN g % 5 = 0 THEN NULL ELSE timestamptz '2026-11-20' - (g % 2000) * interval '1 hour' END,
               timestamptz '2026-11-01' - (g % 2000) * interval '1 hour',
               timestamptz '2026-11-20' - (g % 2000) * interval '1 hour'
        FROM generate_series(1, ${caseCount}) AS g
        CROSS JOIN total
        -- An equality on the account's number alone, so PostgreSQL can hash-join (1M × 22k otherwise).
        JOIN accounts a ON a.n = 1 + (g::bigint * 7919) % total.t`.execute(db);
      // As a database in service would be: statistics, visibility map and hint bits set, so that
      // autovacuum and first reads of a million fresh rows do not run during the measurement.
      await sql`VACUUM (FREEZE, ANALYZE)`.execute(db);
      log(`cases: ${caseCount} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      await db.destroy();
    }
  },
};

/** Sessions for residents spread over the accounts, as a login would leave them. */
const residentSessions = async (databaseUrl: string) => {
  const { db } = createDb(databaseUrl, { max: 1 });
  try {
    const accounts = await sql<{ id: string }>`SELECT id FROM resident_accounts ORDER BY md5(id::text) LIMIT ${residentsMeasured}`.execute(db);
    const cookies: string[] = [];
    for (const account of accounts.rows) {
      const { token } = await insertSession(db, new Date(), {
        kind: 'resident',
        surface: 'portal',
        residentAccountId: account.id,
        assurance: 'high',
        idp: null,
        idToken: null,
        name: 'Bewoner',
      });
      cookies.push(`gv_session=${token}`);
    }
    const perAccount = await sql<{ avg: number; max: number }>`
      SELECT avg(n)::float AS avg, max(n)::int AS max FROM (SELECT count(*) AS n FROM cases GROUP BY requester_account_id) c`.execute(db);
    return { cookies, casesPerResident: { mean: round(perAccount.rows[0]?.avg ?? 0), max: perAccount.rows[0]?.max ?? 0 } };
  } finally {
    await db.destroy();
  }
};

export const run = async (ctx: BenchContext): Promise<BenchOutcome> => {
  const { cookies, casesPerResident } = await residentSessions(ctx.databaseUrl);
  const probe = await fetch(`${ctx.app.url}/api/me/cases`, { headers: { cookie: cookies[0] as string } });
  const body = (await probe.json()) as { total?: number };
  if (probe.status !== 200 || !body.total) throw new Error(`GET /api/me/cases answered ${probe.status} with ${JSON.stringify(body).slice(0, 200)}`);
  ctx.log(`a measured resident has ${body.total} cases; mean ${casesPerResident.mean}, max ${casesPerResident.max}`);

  const baseline: CyclingTarget = { label: 'app /health/live', base: ctx.app.url, requests: [{ path: '/health/live' }], pid: ctx.app.pid };
  const subject: CyclingTarget = {
    label: `app /api/me/cases (${cookies.length} residents)`,
    base: ctx.app.url,
    requests: cookies.map((cookie) => ({ path: '/api/me/cases', headers: { cookie } })),
    pid: ctx.app.pid,
  };
  const { connections, durationSeconds, warmupSeconds, rounds } = ctx.load;
  if (warmupSeconds > 0) {
    await fireCycling(baseline, connections, warmupSeconds, false);
    await fireCycling(subject, connections, warmupSeconds, false);
  }
  const a: Run[] = [];
  const b: Run[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await measureCyclingOnce(baseline, connections, durationSeconds));
    ctx.log(`round ${i + 1}/${rounds} ${baseline.label}: ${describeRun(a[i])}`);
    b.push(await measureCyclingOnce(subject, connections, durationSeconds));
    ctx.log(`round ${i + 1}/${rounds} ${subject.label}: ${describeRun(b[i])}`);
  }
  const base = pool({ label: baseline.label, url: `${ctx.app.url}/health/live` }, a);
  const subj = pool({ label: subject.label, url: `${ctx.app.url}/api/me/cases` }, b);
  const comparison = {
    baseline: base,
    subject: subj,
    throughputRatio: round(subj.requestsPerSecond / base.requestsPerSecond),
    p99Ratio: round(subj.latencyMs.p99 / base.latencyMs.p99),
    roundRatios: b.map((r, i) => round(r.requestsPerSecond / (a[i]?.requestsPerSecond ?? Number.NaN))),
    cpuRatio: base.cpuMicrosPerRequest && subj.cpuMicrosPerRequest ? round(base.cpuMicrosPerRequest / subj.cpuMicrosPerRequest) : null,
  };
  const failed = subj.errors + subj.non2xx;
  const met = subj.latencyMs.p99 < goal.p99Ms && failed === 0;
  const summary =
    `my-cases: ${subj.requestsPerSecond} "Mijn dossiers" pages/s (p50 ${subj.latencyMs.p50} ms, p99 ${subj.latencyMs.p99} ms) for ${cookies.length} ` +
    `different residents (about ${casesPerResident.mean} cases each) among ${caseCount.toLocaleString('en')} cases, against ${base.requestsPerSecond} requests/s ` +
    `(p99 ${base.latencyMs.p99} ms) for /health/live of the same app, ${connections} connections, ${rounds} alternating rounds of ${durationSeconds} s: ` +
    `a throughput ratio of ${comparison.throughputRatio} (rounds ${comparison.roundRatios.join(', ')}). Goal p99 < ${goal.p99Ms} ms: ${met ? 'met' : 'NOT met'}` +
    `${failed ? `; ${failed} failed requests` : ''}.`;
  return {
    summary,
    comparison,
    goal: { metric: 'p99Ms', value: subj.latencyMs.p99, max: goal.p99Ms, met },
    details: { residents: cookies.length, casesPerResident },
  };
};
