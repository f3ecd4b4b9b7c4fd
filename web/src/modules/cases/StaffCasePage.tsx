import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { StaffCase } from '../../../../shared/src/cases/cases.contract.ts';
import { ApiError } from '../../app/api.ts';
import { cityDateOf } from '../../app/city-display.rules.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { Alert, Heading, Link, Paragraph } from '../../ui/index.ts';
import { useMe } from '../identity/index.ts';
import { AttachmentList, StaffAddDocument } from './Attachments.tsx';
import { ClaimButtons, HandOverForm, StatusForm, useRun } from './CaseActions.tsx';
import { AnswerList, CaseStatusBadge, Deadline, DocumentList, formatDateTime, formatDay, MessageForm, Section, Timeline } from './CaseParts.tsx';
import { caseDocuments, staffDownloadUrl } from './case-display.rules.ts';
import { useProductForm, useStaffCase } from './cases.api.ts';
import { MessageTemplatePicker } from './MessageTemplatePicker.tsx';

const Requester = ({ found }: { found: StaffCase }) => {
  const { t } = useTranslation();
  const { requester, consent, submittedBy } = found;
  const language = currentLanguage();
  return (
    <dl className="gv-meta gv-meta--stacked">
      <div>
        <dt>{t('cases.work.case.requester')}</dt>
        <dd>
          {requester.kind === 'organisation'
            ? `${requester.organisationName ?? ''} (${requester.kbo ?? ''})`
            : (requester.name ?? t(requester.kind === 'anonymous' ? 'cases.work.case.anonymous' : 'cases.work.case.unknownName'))}
        </dd>
      </div>
      {requester.email ? (
        <div>
          <dt>{t('cases.work.case.email')}</dt>
          <dd>{requester.email}</dd>
        </div>
      ) : null}
      <div>
        <dt>{t('cases.work.case.follows')}</dt>
        <dd>{t(`cases.work.case.followsBy.${requester.follows}`)}</dd>
      </div>
      {consent ? (
        <div>
          <dt>{t('cases.work.case.consent')}</dt>
          <dd>
            {t('cases.work.case.consentGiven', {
              method: t(`cases.work.intake.consentMethod.${consent.method}`),
              name: submittedBy?.name ?? '',
              date: formatDateTime(consent.recordedAt, language),
            })}
            {consent.note ? ` ${consent.note}` : ''}
          </dd>
        </div>
      ) : null}
    </dl>
  );
};

/** The requester's other open cases (the 360° strip; its read is in the audit log). */
const OtherCases = ({ found }: { found: StaffCase }) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (found.otherOpenCases.length === 0) return <Paragraph>{t('cases.work.case.noOtherCases')}</Paragraph>;
  return (
    <ul className="gv-case-cards gv-case-cards--compact">
      {found.otherOpenCases.map((other) => (
        <li key={other.id} className="gv-case-card">
          <p className="gv-case-card__title">
            <Link to={`/werk/dossiers/${other.id}`}>
              {other.product.title} ({other.reference})
            </Link>
          </p>
          <p className="gv-case-card__line">
            <CaseStatusBadge status={other.status} /> {t('cases.work.case.otherOwner', { owner: other.owner.name, date: formatDay(other.dueDate, language) })}
          </p>
        </li>
      ))}
    </ul>
  );
};

/** The requester's last contacts with the city over all their cases (the 360° strip; its read is in the audit log). */
const RecentContacts = ({ found }: { found: StaffCase }) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (found.recentContacts.length === 0) return <Paragraph>{t('cases.work.case.noRecentContacts')}</Paragraph>;
  const what = (contact: StaffCase['recentContacts'][number]) => {
    if (contact.kind === 'request')
      return contact.channel
        ? t('cases.work.case.contactRequest', { channel: t(`cases.channel.${contact.channel}`) })
        : t('cases.work.case.contactRequestPlain');
    if (contact.kind === 'from-requester') return t('cases.work.case.contactFromRequester');
    return contact.by ? t('cases.work.case.contactToRequesterBy', { name: contact.by }) : t('cases.work.case.contactToRequester');
  };
  return (
    <ul className="gv-case-cards gv-case-cards--compact">
      {found.recentContacts.map((contact) => (
        <li key={`${contact.caseId}-${contact.at}-${contact.kind}`} className="gv-case-card">
          <p className="gv-case-card__title">
            <time dateTime={contact.at}>{formatDateTime(contact.at, language)}</time>: {what(contact)}
          </p>
          <p className="gv-case-card__line">
            {contact.caseId === found.id ? (
              t('cases.work.case.contactCase', { product: contact.product.title, reference: contact.reference })
            ) : (
              <Link to={`/werk/dossiers/${contact.caseId}`}>
                {t('cases.work.case.contactCase', { product: contact.product.title, reference: contact.reference })}
              </Link>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
};

/**
 * The requester's upcoming appointments (the 360° strip), each linked to that day's agenda. `?? []`:
 * a server without the appointments module sends none.
 */
const UpcomingAppointments = ({ found }: { found: StaffCase }) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  const appointments = found.upcomingAppointments ?? [];
  if (appointments.length === 0) return <Paragraph>{t('cases.work.case.noAppointments')}</Paragraph>;
  return (
    <ul className="gv-case-cards gv-case-cards--compact">
      {appointments.map((appointment) => (
        <li key={appointment.id} className="gv-case-card">
          <p className="gv-case-card__title">
            <time dateTime={appointment.start}>{formatDateTime(appointment.start, language)}</time>: {appointment.product.title}
          </p>
          <p className="gv-case-card__line">
            {t(`cases.work.case.appointmentChannel.${appointment.channel}`)}
            {' · '}
            <Link to={`/werk/afspraken?${new URLSearchParams({ date: cityDateOf(appointment.start) })}`}>{t('cases.work.case.appointmentAgenda')}</Link>
          </p>
        </li>
      ))}
    </ul>
  );
};

/** Shown after a hand-over in place of the case: the case may no longer be ours to read. */
const HandedOver = ({ found, to }: { found: StaffCase; to: string }) => {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="gv-stack">
      <Heading level={1} ref={heading} tabIndex={-1}>
        {t('cases.work.handOver.doneTitle', { reference: found.reference })}
      </Heading>
      <Alert type="ok">
        <Paragraph>{t('cases.work.handOver.doneText', { owner: to })}</Paragraph>
      </Alert>
      {found.owner.kind === 'team' ? (
        <p>
          <Link to={`/werk/teams/${encodeURIComponent(found.owner.id)}`}>{t('cases.work.case.toQueue', { team: found.owner.name })}</Link>
        </p>
      ) : null}
    </div>
  );
};

/**
 * `/werk/dossiers/:id`: a case as the workspace sees it: where it stands, who asked (audited), their
 * other open cases, the actions (claim, status, message to the requester, internal note, hand-over),
 * the answers and the full timeline in which notes are marked as internal.
 */
export const StaffCasePage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const found = useStaffCase(id);
  const form = useProductForm(found.data?.product.slug ?? '', Boolean(found.data));
  const me = useMe();
  const run = useRun(id);
  const [handedTo, setHandedTo] = useState<string | null>(null);
  const [fill, setFill] = useState<{ text: string; version: number } | undefined>(undefined);
  const language = currentLanguage();
  usePageTitle(found.data ? `${found.data.reference} ${found.data.product.title}` : t('cases.work.case.title'));

  if (found.isPending) return <Loading />;
  if (found.isError) {
    const missing = found.error instanceof ApiError && found.error.status === 404;
    return (
      <div className="gv-stack">
        <Heading level={1}>{missing ? t('cases.work.case.notFoundTitle') : t('cases.work.case.title')}</Heading>
        {missing ? <Paragraph>{t('cases.work.case.notFoundText')}</Paragraph> : <QueryAlert error={found.error} onRetry={() => void found.refetch()} />}
        <p>
          <Link to="/werk">{t('cases.work.toOverview')}</Link>
        </p>
      </div>
    );
  }
  const data = found.data;
  if (handedTo) return <HandedOver found={data} to={handedTo} />;
  const actor = me.data?.actor;
  const myName = actor?.kind === 'staff' ? actor.name : null;
  const mayAssign = me.data?.permissions.includes('cases:assign') ?? false;
  const mayWork = me.data?.permissions.includes('cases:work') ?? false;
  const documents = caseDocuments(data.timeline);

  return (
    <div className="gv-stack gv-stack--loose">
      <div className="gv-stack">
        {data.owner.kind === 'team' ? (
          <p>
            <Link to={`/werk/teams/${encodeURIComponent(data.owner.id)}`}>{t('cases.work.case.toQueue', { team: data.owner.name })}</Link>
          </p>
        ) : null}
        <Heading level={1}>
          {data.product.title} <span className="gv-reference">{data.reference}</span>
        </Heading>
        <dl className="gv-meta">
          <div>
            <dt>{t('cases.case.status')}</dt>
            <dd>
              <CaseStatusBadge status={data.status} />
              {data.outcome ? ` ${t(`cases.outcome.${data.outcome}`)}` : ''}
            </dd>
          </div>
          <div>
            <dt>{t('cases.case.dueDate')}</dt>
            <dd>
              <Deadline deadline={data.deadline} />
            </dd>
          </div>
          <div>
            <dt>{t('cases.case.owner')}</dt>
            <dd>{data.owner.name}</dd>
          </div>
          <div>
            <dt>{t('cases.work.queue.assignee')}</dt>
            <dd>{data.assignee?.name ?? t('cases.work.nobody')}</dd>
          </div>
          <div>
            <dt>{t('cases.work.queue.channel')}</dt>
            <dd>{t(`cases.channel.${data.channel}`)}</dd>
          </div>
          <div>
            <dt>{t('cases.case.receivedAt')}</dt>
            <dd>{formatDateTime(data.createdAt, language)}</dd>
          </div>
          <div>
            <dt>{t('cases.work.case.handOvers')}</dt>
            <dd>{data.handOverCount}</dd>
          </div>
          {data.sharedWith.length > 0 ? (
            <div>
              <dt>{t('cases.work.case.sharedWith')}</dt>
              <dd>{data.sharedWith.map((unit) => unit.name).join(', ')}</dd>
            </div>
          ) : null}
        </dl>
      </div>

      <Section id="case-requester" title={t('cases.work.case.requesterTitle')}>
        <Requester found={data} />
        <Heading level={3}>{t('cases.work.case.otherCasesTitle')}</Heading>
        <OtherCases found={data} />
        <Heading level={3}>{t('cases.work.case.recentContactsTitle')}</Heading>
        <RecentContacts found={data} />
        <Heading level={3}>{t('cases.work.case.appointmentsTitle')}</Heading>
        <UpcomingAppointments found={data} />
      </Section>

      {documents.length > 0 ? (
        <Section id="case-documents" title={t('cases.documents.title')}>
          <DocumentList documents={documents} downloadUrl={staffDownloadUrl} />
        </Section>
      ) : null}

      <Section id="case-attachments" title={t('cases.attachments.title')}>
        <AttachmentList attachments={data.attachments} audience="staff" />
      </Section>

      <Section id="case-actions" title={t('cases.work.case.actionsTitle')} className="gv-stack gv-case-actions">
        {mayWork ? (
          <section aria-labelledby="case-claim" className="gv-panel gv-stack">
            <Heading level={3} id="case-claim">
              {t('cases.work.claim.title')}
            </Heading>
            <ClaimButtons found={data} myName={myName} mayAssign={mayAssign} run={run} />
          </section>
        ) : null}
        <section aria-labelledby="case-message" className="gv-panel gv-stack gv-panel--message">
          <Heading level={3} id="case-message">
            {t('cases.work.message.title')}
          </Heading>
          <MessageTemplatePicker caseId={data.id} onUse={(text) => setFill((previous) => ({ text, version: (previous?.version ?? 0) + 1 }))} />
          <MessageForm
            id="case-message"
            fill={fill}
            label={t('cases.work.message.label')}
            hint={data.requester.follows === 'none' ? t('cases.work.message.hintNoFollow') : t('cases.work.message.hint')}
            submitLabel={t('cases.work.message.submit')}
            sentText={t('cases.work.message.sent')}
            send={(text) => run({ kind: 'message', text })}
          />
        </section>
        <section aria-labelledby="case-note" className="gv-panel gv-stack gv-panel--note">
          <Heading level={3} id="case-note">
            {t('cases.work.note.title')}
          </Heading>
          <MessageForm
            id="case-note"
            label={t('cases.work.note.label')}
            hint={t('cases.work.note.hint')}
            submitLabel={t('cases.work.note.submit')}
            sentText={t('cases.work.note.sent')}
            send={(text) => run({ kind: 'note', text })}
          />
        </section>
        <section aria-labelledby="case-add-document" className="gv-panel gv-stack">
          <Heading level={3} id="case-add-document">
            {t('cases.attachments.addTitle')}
          </Heading>
          <StaffAddDocument caseId={data.id} />
        </section>
        <section aria-labelledby="case-status" className="gv-panel gv-stack">
          <Heading level={3} id="case-status">
            {t('cases.work.status.title')}
          </Heading>
          <StatusForm found={data} run={run} />
        </section>
        <section aria-labelledby="case-hand-over" className="gv-panel gv-stack">
          <Heading level={3} id="case-hand-over">
            {t('cases.work.handOver.title')}
          </Heading>
          <Paragraph>{t('cases.work.handOver.intro')}</Paragraph>
          <HandOverForm found={data} run={run} onDone={setHandedTo} />
        </section>
      </Section>

      <Section id="case-timeline" title={t('cases.case.timelineTitle')}>
        <Timeline entries={data.timeline} audience="staff" />
      </Section>

      <Section id="case-answers" title={t('cases.work.case.answersTitle')}>
        <AnswerList definition={form.data?.form ?? null} answers={data.answers} />
      </Section>
    </div>
  );
};
