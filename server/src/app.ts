import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CityProfile } from '../../shared/src/city/city-profile.schema.ts';
import { appointmentsRoutes, createAppointmentsService } from './modules/appointments/index.ts';
import { caseAttachmentsRoutes, caseDraftsRoutes, casesRoutes, caseWorkRoutes, createCasesService, loadCasesSetup } from './modules/cases/index.ts';
import { catalogEditorRoutes, catalogExportRoutes, catalogRoutes, createCatalogEditorService, createCatalogService } from './modules/catalog/index.ts';
import { createCertificateAutomation, createDocumentsService, documentsRoutes } from './modules/documents/index.ts';
import {
  createIdentityProvider,
  createIdentityService,
  createLoginService,
  createSessionService,
  identityRoutes,
  mountEmbeddedIdp,
} from './modules/identity/index.ts';
import { createLocalRegister, createNationalNumberVault, registerRoutes } from './modules/register/index.ts';
import { auditRoutes } from './platform/audit/audit.routes.ts';
import { createAuditLog } from './platform/audit/audit.ts';
import { cityRoutes } from './platform/city/city.routes.ts';
import type { Clock } from './platform/clock.ts';
import type { Config } from './platform/config/config.ts';
import type { Db } from './platform/db/database.ts';
import { createPdfRenderPool } from './platform/documents/pdf-pool.ts';
import { accessHook, type RouteAccessEntry, trackRouteAccess } from './platform/http/access.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import { installProblemHandlers, sendProblem } from './platform/http/problem.ts';
import { computeSecurityHeaders, securityHeaderOptions } from './platform/http/security-headers.ts';
import type { Jobs } from './platform/jobs/jobs.ts';
import { mailRoutes } from './platform/mail/mail.routes.ts';
import type { MailService } from './platform/mail/mail.service.ts';

/**
 * One access line per request, written when it is answered (method, url, status, time), instead of
 * Fastify's two: logging was about 15% of a cached search. 'incoming request' only at debug.
 */
class AccessLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (!this.isLogDisabled(request)) request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

/** Everything the app needs from outside; built once in main.ts (or by a test) and passed in. */
export type AppDeps = {
  config: Config;
  db: Db;
  city: CityProfile;
  clock: Clock;
  jobs: Jobs;
  mail: MailService;
  /** Set by the process entry while it drains; /health/ready then answers 503. */
  isShuttingDown?: () => boolean;
  /** The process's pino logger; without it the app logs at config.logLevel. */
  logger?: FastifyBaseLogger;
  /**
   * Run the app's own background sweeps (automated cases a stopped process left behind). On in the
   * process entry; off in tests, which call the sweeps themselves with their own clock.
   */
  sweeps?: boolean;
};

/** How often an instance sweeps for automated cases left between their commit and their document. */
const automationSweepMs = 60_000;

/** How often an instance looks for appointments to remind (the day before). */
const reminderSweepMs = 5 * 60_000;

const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * The composition root of the HTTP app: platform plugins first, then each module, explicitly. No
 * autoloading: reading this function tells which routes exist and what they depend on.
 */
export const buildApp = async (deps: AppDeps): Promise<FastifyInstance> => {
  const { config } = deps;
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] } }),
    bodyLimit: 1024 * 1024,
    logController: new AccessLogController(),
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const webIndex = existsSync(path.join(config.webDist, 'index.html'));
  installProblemHandlers(app, webIndex ? { notFound: webAppFallback } : {});
  const isShuttingDown = deps.isShuttingDown ?? (() => false);
  // While draining, a kept-alive connection would hold the shutdown until its idle timeout.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (isShuttingDown()) reply.header('connection', 'close');
    done(null, payload);
  });

  const vault = createNationalNumberVault(config.secretKey);
  const register = createLocalRegister({ db: deps.db, vault, nisCode: deps.city.nisCode });
  const audit = createAuditLog();
  const sessions = createSessionService({ db: deps.db, clock: deps.clock, register, publicUrl: config.publicUrl });
  const checkAccess = accessHook((request, reply) => sessions.resolve(request, reply));
  const routeAccess = trackRouteAccess(app);
  app.decorate('routeAccess', routeAccess);

  const securityHeaders = computeSecurityHeaders(securityHeaderOptions(config.env === 'production'));
  // One synchronous hook for what every answer carries, then access control (deny by default).
  // Health checks are read by load balancers, never rendered by a browser: no browser security
  // headers and no session (api-floor benchmark).
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/health/')) {
      done();
      return;
    }
    reply.headers(securityHeaders);
    checkAccess(request, reply, done);
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: `Gastvrij API (${deps.city.name.nl})`,
        version: '0.1.0',
        description: 'The API of Gastvrij. Errors are RFC 9457 problem+json with a stable `code`; titles follow Accept-Language (nl, fr, en).',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { db: deps.db, isShuttingDown });
  // The API's routes share one encapsulated context, so the rate limiter's hook runs on them only:
  // static files, the web app and health checks are not limited and do not pay for it.
  await app.register(async (api) => {
    await api.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: '1 minute',
      errorResponseBuilder: (_request, context) => {
        const error = new Error('rate limited') as Error & { statusCode: number };
        error.statusCode = context.statusCode;
        return error;
      },
    });
    await api.register(cityRoutes, { profile: deps.city, clock: () => deps.clock.now() });
    await api.register(mailRoutes, { mail: deps.mail, demo: config.demo });

    // The embedded demo identity provider stands in for whichever provider is not configured, never in production.
    const embedded =
      config.env !== 'production' && (!config.oidc.resident || !config.oidc.staff)
        ? await mountEmbeddedIdp(app, api, { db: deps.db, register, publicUrl: config.publicUrl, secretKey: config.secretKey, trustProxy: config.trustProxy })
        : null;
    const allowHttp = config.env !== 'production';
    const providers = {
      resident:
        config.oidc.resident || embedded
          ? createIdentityProvider({ audience: 'resident', settings: config.oidc.resident, embedded: config.oidc.resident ? null : embedded, allowHttp })
          : null,
      staff:
        config.oidc.staff || embedded
          ? createIdentityProvider({ audience: 'staff', settings: config.oidc.staff, embedded: config.oidc.staff ? null : embedded, allowHttp })
          : null,
    };
    const login = createLoginService({
      db: deps.db,
      clock: deps.clock,
      register,
      sessions,
      audit,
      mail: deps.mail,
      providers,
      publicUrl: config.publicUrl,
      cityName: { nl: deps.city.name.nl, fr: deps.city.name.fr ?? deps.city.name.nl, en: deps.city.name.en ?? deps.city.name.nl },
    });
    await api.register(identityRoutes, {
      login,
      identity: createIdentityService({ db: deps.db, register, audit, city: deps.city }),
      city: deps.city,
      loginOptions: { resident: providers.resident !== null, staff: providers.staff !== null, email: true, demo: config.demo },
    });
    await api.register(registerRoutes, { register, audit, db: deps.db });
    await api.register(auditRoutes, { db: deps.db, audit, findPersonId: async (n) => (await register.findPersonByNationalNumber(n))?.id ?? null });

    const catalog = createCatalogService({ db: deps.db, clock: deps.clock });
    await api.register(catalogRoutes, { service: catalog });
    await api.register(catalogEditorRoutes, {
      editor: createCatalogEditorService({ db: deps.db, clock: deps.clock, audit, onChange: () => catalog.clearSearchCache() }),
    });
    await api.register(catalogExportRoutes, {
      listProducts: () => catalog.listForExport(),
      findProduct: (slug) => catalog.findPublished(slug),
      city: deps.city,
      publicUrl: config.publicUrl,
      clock: () => deps.clock.now(),
    });

    // Certificates are rendered in worker threads, so the event loop keeps answering meanwhile.
    const pdfPool = createPdfRenderPool();
    api.addHook('onClose', () => pdfPool.close());
    const documents = createDocumentsService({
      render: pdfPool.render,
      // One certificate per PDF thread being rendered and one reading the register: more in flight
      // only wait in the thread pool's queue (on 2 cores, in alternating bench runs, 2 at a time
      // gave p99 307-357 ms and 4 at a time 327-422 ms, at about the same rate).
      issueConcurrency: pdfPool.threads + 1,
      db: deps.db,
      audit,
      clock: deps.clock,
      city: deps.city,
      register,
      publicUrl: config.publicUrl,
      // Late-bound: the cases service below uses this service as its automation, and this one asks it who may see a case.
      caseAccess: { canSee: (actor, caseId) => cases.canSee(actor, caseId) },
    });
    const appointments = createAppointmentsService({
      db: deps.db,
      audit,
      clock: deps.clock,
      city: deps.city,
      mail: deps.mail,
      register,
      products: catalog,
      publicUrl: config.publicUrl,
    });
    await api.register(appointmentsRoutes, { appointments });
    const cases = createCasesService({
      db: deps.db,
      audit,
      clock: deps.clock,
      city: deps.city,
      mail: deps.mail,
      register,
      products: catalog,
      setup: await loadCasesSetup({ cityProfilePath: config.cityProfilePath, city: deps.city }),
      publicUrl: config.publicUrl,
      secretKey: config.secretKey,
      // Certificates for residents logged in with eID complete by themselves, day and night.
      automation: createCertificateAutomation(documents),
      // The 360° strip shows the requester's upcoming appointments.
      appointments,
    });
    await api.register(casesRoutes, { cases });
    await api.register(caseWorkRoutes, { cases });
    await api.register(caseAttachmentsRoutes, { cases });
    await api.register(caseDraftsRoutes, { cases });
    if (deps.sweeps) {
      // Every instance sends appointment reminders; each is claimed with SKIP LOCKED and sent once.
      const remind = () =>
        appointments.sendReminders().then(
          (sent) => sent > 0 && app.log.info({ sent }, 'sent appointment reminders'),
          (error: unknown) => app.log.error({ err: error }, 'sending appointment reminders failed'),
        );
      const reminders = setInterval(remind, reminderSweepMs).unref();
      api.addHook('onClose', async () => clearInterval(reminders));
      // Every instance sweeps: issuing is idempotent per case and completing takes the row lock.
      const sweep = () =>
        cases.resumeAutomation().then(
          (tried) => tried > 0 && app.log.info({ tried }, 'resumed automated cases left by a stopped process'),
          (error: unknown) => app.log.error({ err: error }, 'sweeping automated cases failed'),
        );
      const timer = setInterval(sweep, automationSweepMs).unref();
      api.addHook('onReady', async () => void sweep());
      api.addHook('onClose', async () => clearInterval(timer));
    }

    await api.register(documentsRoutes, { documents });
  });

  if (webIndex) await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: false, maxAge: '1h' });
  else app.log.warn(`No web build at ${config.webDist}: run \`npm run build\`. The API works without it.`);
  return app;
};

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with the access it declares: for the authorization matrix test. */
    routeAccess: RouteAccessEntry[];
  }
}

/** Unknown non-API pages get the web app's index.html so the client router can take over; the rest a 404 problem. */
const webAppFallback = (request: FastifyRequest, reply: FastifyReply) => {
  const accept = request.headers.accept ?? '';
  if (request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/health/') && accept.includes('text/html')) {
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  }
  return sendProblem(request, reply, 'not-found');
};
