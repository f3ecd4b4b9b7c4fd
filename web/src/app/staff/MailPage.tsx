import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { type SentMail, sentMailListSchema } from '../../../../shared/src/platform/mail.contract.ts';
import {
  Alert,
  Heading,
  Link,
  Paragraph,
  StatusBadge,
  type StatusBadgeStatus,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../ui/index.ts';
import { ApiError, apiFetch } from '../api.ts';
import { currentLanguage } from '../i18n.ts';
import { locales } from '../language.rules.ts';
import { usePageTitle } from '../page-title.ts';
import { Loading, QueryAlert } from '../QueryAlert.tsx';

const badge: Record<SentMail['status'], StatusBadgeStatus> = { queued: 'neutral', sent: 'success', kept: 'neutral', failed: 'danger' };

const formatDateTime = (iso: string, language: ReturnType<typeof currentLanguage>) =>
  new Intl.DateTimeFormat(locales[language], { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(iso));

const MailDetail = ({ mail }: { mail: SentMail }) => {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a mail moves focus to it, so keyboard and screen reader users land on what they opened.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again when another mail is opened.
  useEffect(() => heading.current?.focus(), [mail.id]);
  return (
    <section className="gv-panel" aria-labelledby="mail-detail-title">
      <Heading level={2} id="mail-detail-title" ref={heading} tabIndex={-1}>
        {mail.subject}
      </Heading>
      <dl className="gv-meta">
        <div>
          <dt>{t('staff.mail.to')}</dt>
          <dd>{mail.to}</dd>
        </div>
        <div>
          <dt>{t('staff.mail.date')}</dt>
          <dd>{formatDateTime(mail.createdAt, currentLanguage())}</dd>
        </div>
        <div>
          <dt>{t('staff.mail.status')}</dt>
          <dd>
            <StatusBadge status={badge[mail.status]}>{t(`staff.mail.statuses.${mail.status}`)}</StatusBadge>
          </dd>
        </div>
      </dl>
      <pre className="gv-mail-text" lang={mail.language}>
        {mail.text}
      </pre>
      <p>
        <Link to="/werk/mail" preventScrollReset>
          {t('staff.mail.close')}
        </Link>
      </p>
    </section>
  );
};

/** `/werk/mail`: the demo's outbox. Outside demo mode the server answers 404 not-available-in-production. */
export const MailPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('staff.mail.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const language = currentLanguage();
  const mail = useQuery({
    queryKey: ['mail', 'sent'],
    queryFn: ({ signal }) => apiFetch('/api/mail/sent', { schema: sentMailListSchema, signal }),
  });
  const selected = mail.data?.items.find((item) => item.id === params.get('id'));
  const demoOnly = mail.error instanceof ApiError && mail.error.code === 'not-available-in-production';

  return (
    <div className="gv-stack">
      <Heading level={1}>{t('staff.mail.title')}</Heading>
      <Paragraph lead>{t('staff.mail.intro')}</Paragraph>
      {mail.isPending ? <Loading /> : null}
      {demoOnly ? (
        <Alert type="info">
          <Paragraph>{t('staff.mail.demoOnly')}</Paragraph>
        </Alert>
      ) : null}
      {mail.isError && !demoOnly ? <QueryAlert error={mail.error} onRetry={() => void mail.refetch()} /> : null}
      {mail.data && mail.data.items.length === 0 ? <Paragraph>{t('staff.mail.empty')}</Paragraph> : null}
      {mail.data && mail.data.items.length > 0 ? (
        <Table label={t('staff.mail.caption')} className="gv-mail-table">
          <TableCaption>{t('staff.mail.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('staff.mail.date')}</TableHeaderCell>
              <TableHeaderCell>{t('staff.mail.to')}</TableHeaderCell>
              <TableHeaderCell>{t('staff.mail.subject')}</TableHeaderCell>
              <TableHeaderCell>{t('staff.mail.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {mail.data.items.map((item) => (
              <TableRow
                key={item.id}
                className={item.id === selected?.id ? 'gv-row gv-row--selected' : 'gv-row'}
                // The whole row is a mouse target; keyboard and screen reader users use the link in it.
                onClick={(event) => {
                  if (!(event.target instanceof HTMLAnchorElement)) void navigate(`?id=${item.id}`, { preventScrollReset: true });
                }}
              >
                <TableCell>
                  <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, language)}</time>
                </TableCell>
                <TableCell>{item.to}</TableCell>
                <TableCell>
                  <Link to={`?id=${item.id}`} preventScrollReset aria-current={item.id === selected?.id ? 'true' : undefined}>
                    {item.subject}
                  </Link>
                </TableCell>
                <TableCell>
                  <StatusBadge status={badge[item.status]}>{t(`staff.mail.statuses.${item.status}`)}</StatusBadge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {selected ? <MailDetail mail={selected} /> : null}
    </div>
  );
};
