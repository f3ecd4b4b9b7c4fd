import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sentMailListSchema } from '../../../../shared/src/platform/mail.contract.ts';
import { AppError } from '../http/problem.ts';
import type { MailService } from './mail.service.ts';

/**
 * The demo's "sent mail" page reads this. Until staff login exists (issue 3) it is only served in
 * demo mode, where every resident is synthetic.
 */
export const mailRoutes: FastifyPluginAsync<{ mail: MailService; demo: boolean }> = async (app, { mail, demo }) => {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/mail/sent',
      { config: { access: 'public' }, schema: { tags: ['platform'], summary: 'Recently sent e-mail (demo only)', response: { 200: sentMailListSchema } } },
      async () => {
        if (!demo) throw new AppError('not-available-in-production');
        const rows = await mail.recent(100);
        return {
          items: rows.map((r) => ({
            id: r.id,
            to: r.to_address,
            subject: r.subject,
            text: r.text_body,
            language: r.language as 'nl' | 'fr' | 'en',
            status: r.status as 'queued' | 'sent' | 'kept' | 'failed',
            attempts: r.attempts,
            lastError: r.last_error,
            createdAt: r.created_at.toISOString(),
            sentAt: r.sent_at?.toISOString() ?? null,
          })),
        };
      },
    );
};
