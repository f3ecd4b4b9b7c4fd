import { type ReactNode, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type CaseDocumentView, messageRequestSchema, type TimelineEntry } from '../../../../shared/src/cases/cases.contract.ts';
import type { CaseStatus } from '../../../../shared/src/cases/index.ts';
import type { FormDefinition } from '../../../../shared/src/forms/index.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { applyServerErrors, formOptions, zodFormResolver } from '../../app/form.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { locales } from '../../app/language.rules.ts';
import { QueryAlert } from '../../app/QueryAlert.tsx';
import { Alert, Button, ErrorSummary, Heading, type HeadingLevel, Link, Paragraph, StatusBadge } from '../../ui/index.ts';
import { AttachmentList } from './Attachments.tsx';
import { type AnswerRow, answerRows, chronological, deadlineTone, statusTone, timelineKind } from './case-display.rules.ts';
import { TextAreaField } from './TextArea.tsx';

/** A moment written out in the city's time zone: "3 maart 2026 om 14.05". */
export const formatDateTime = (iso: string, language: Language): string =>
  new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(iso));

/** A calendar date (YYYY-MM-DD) written out: "3 maart 2026". */
export const formatDay = (date: string, language: Language): string =>
  new Intl.DateTimeFormat(locales[language], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

/** The status of a case as a badge with its word. */
export const CaseStatusBadge = ({ status }: { status: CaseStatus }) => {
  const { t } = useTranslation();
  return <StatusBadge status={statusTone(status)}>{t(`cases.status.${status}`)}</StatusBadge>;
};

/** The due date with a flag when it is near, past or paused (the word says it, not only the colour). */
export const Deadline = ({ deadline }: { deadline: { dueDate: string; flag: 'on-track' | 'due-soon' | 'overdue' | 'paused' | 'done' } }) => {
  const { t } = useTranslation();
  const tone = deadlineTone(deadline.flag);
  return (
    <span className="gv-deadline">
      <time dateTime={deadline.dueDate}>{formatDay(deadline.dueDate, currentLanguage())}</time>
      {tone ? <StatusBadge status={tone}>{t(`cases.deadline.${deadline.flag}`)}</StatusBadge> : null}
    </span>
  );
};

const AnswerRows = ({ rows }: { rows: AnswerRow[] }) => (
  <dl className="gv-answers">
    {rows.map((row) => (
      <div key={row.id} className="gv-answers__row">
        <dt>{row.label}</dt>
        <dd>
          {row.kind === 'text' ? (
            <span className="gv-answers__text">{row.text}</span>
          ) : (
            <ol className="gv-answers__items">
              {row.items.map((item) => (
                <li key={item.label}>
                  <span className="gv-answers__item-label">{item.label}</span>
                  <AnswerRows rows={item.rows} />
                </li>
              ))}
            </ol>
          )}
        </dd>
      </div>
    ))}
  </dl>
);

/** The answers of a case, labelled with the form's questions in the reader's language. */
export const AnswerList = ({ definition, answers }: { definition: FormDefinition | null; answers: Record<string, unknown> }) => {
  const { t } = useTranslation();
  const rows = answerRows(definition, answers, currentLanguage(), {
    yes: t('cases.form.yes'),
    no: t('cases.form.no'),
    box: t('cases.form.address.boxShort'),
    item: (n) => t('cases.form.item', { number: n }),
  });
  if (rows.length === 0) return <Paragraph>{t('cases.case.noAnswers')}</Paragraph>;
  return <AnswerRows rows={rows} />;
};

/** Downloads of the certificates issued in a case, with where to check that they are genuine. */
export const DocumentList = ({ documents, downloadUrl = (url) => url }: { documents: CaseDocumentView[]; downloadUrl?: (url: string) => string }) => {
  const { t } = useTranslation();
  return (
    <ul className="gv-documents">
      {documents.map((document) => (
        <li key={document.id} className="gv-documents__item">
          {/* A plain link: the browser downloads the PDF with the session cookie. */}
          <a className="utrecht-link utrecht-link--html-a gv-documents__download" href={downloadUrl(document.downloadUrl)} download={document.fileName}>
            {t('cases.documents.download', { title: document.title })}
          </a>
          {document.verificationCode ? (
            <span className="gv-documents__verify">
              {t('cases.documents.code')} <code>{document.verificationCode}</code>{' '}
              <Link to={`/verify/${encodeURIComponent(document.verificationCode)}`}>{t('cases.documents.verify')}</Link>
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
};

/** What one timeline entry says, in the reader's language. */
const useEntryText = (audience: 'requester' | 'staff') => {
  const { t } = useTranslation();
  return (entry: TimelineEntry): string => {
    const owner = entry.owner?.name ?? '';
    switch (entry.type) {
      case 'submitted':
        return audience === 'staff' && entry.channel
          ? t('cases.timeline.submittedVia', { channel: t(`cases.channel.${entry.channel}`) })
          : t('cases.timeline.submitted');
      case 'routed':
        return t('cases.timeline.routed', { owner });
      case 'status-changed':
        return entry.outcome
          ? t('cases.timeline.decided', { status: t(`cases.status.${entry.to ?? 'decided'}`), outcome: t(`cases.outcome.${entry.outcome}`) })
          : t('cases.timeline.statusChanged', { status: t(`cases.status.${entry.to ?? 'received'}`) });
      case 'owner-changed':
        return t('cases.timeline.ownerChanged', { owner });
      case 'hand-over':
        return t('cases.timeline.handOver', { from: entry.previousOwner?.name ?? '', owner });
      case 'assigned':
        return t('cases.timeline.assigned', { name: entry.assignee?.name ?? '' });
      case 'advice-requested':
        return t('cases.timeline.adviceRequested', { owner });
      case 'document':
        return t('cases.timeline.document', { title: entry.document?.title ?? '' });
      case 'automation-failed':
        return t('cases.timeline.automationFailed');
      case 'message':
        return t('cases.timeline.message');
      case 'resident-message':
        return t('cases.timeline.residentMessage');
      case 'note':
        return t('cases.timeline.note');
      case 'attachment-added':
        return t('cases.timeline.attachmentAdded');
    }
  };
};

/**
 * The timeline, oldest first. Messages to and from the requester read as a conversation; internal
 * notes (staff only) are marked as such in words and style, so nobody mistakes one for the other.
 */
export const Timeline = ({ entries, audience }: { entries: TimelineEntry[]; audience: 'requester' | 'staff' }) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  const text = useEntryText(audience);
  return (
    <ol className="gv-timeline">
      {chronological(entries).map((entry) => {
        const kind = timelineKind(entry);
        const who =
          entry.actor.name ??
          (entry.actor.kind === 'staff' ? (entry.owner?.name ?? t('cases.timeline.city')) : entry.actor.kind === 'system' ? t('cases.timeline.system') : '');
        return (
          <li key={entry.id} className={`gv-timeline__entry gv-timeline__entry--${kind}`}>
            <p className="gv-timeline__title">
              {kind === 'note' ? <span className="gv-timeline__internal">{t('cases.timeline.internal')}</span> : null}
              <strong>{text(entry)}</strong>
            </p>
            <p className="gv-timeline__meta">
              <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
              {who && kind !== 'step' ? ` · ${who}` : null}
              {audience === 'staff' && kind === 'step' && entry.actor.name
                ? ` · ${entry.actor.kind === 'system' ? t('cases.timeline.system') : entry.actor.name}`
                : null}
            </p>
            {entry.text ? <p className="gv-timeline__text">{entry.text}</p> : null}
            {entry.reason && entry.type !== 'note' ? (
              <p className="gv-timeline__text">
                <strong>{t('cases.timeline.reason')}</strong> {entry.reason}
              </p>
            ) : null}
            {entry.document ? <DocumentList documents={[entry.document]} /> : null}
            {entry.attachments ? <AttachmentList attachments={entry.attachments} audience={audience} /> : null}
          </li>
        );
      })}
    </ol>
  );
};

type MessageValues = { text: string };

/**
 * A short form with one text box: the requester's reply, or an employee's message or note. The
 * text is checked by the API's own schema; the form empties after a successful send.
 */
export const MessageForm = ({
  id,
  label,
  hint,
  submitLabel,
  sentText,
  send,
  headingLevel = 3,
  fill,
}: {
  id: string;
  label: string;
  hint?: string;
  submitLabel: string;
  sentText: string;
  send: (text: string) => Promise<unknown>;
  headingLevel?: 2 | 3;
  /** Text to put in the box (a message template the employee picked); a new `version` puts it there again. */
  fill?: { text: string; version: number } | undefined;
}) => {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ sent: boolean; error: unknown }>({ sent: false, error: null });
  const form = useForm<MessageValues, unknown, MessageValues>({
    ...formOptions,
    resolver: zodFormResolver(messageRequestSchema, {
      messages: (issue) => (issue.code === 'too_big' ? t('cases.message.tooLong') : t('cases.message.required')),
    }),
    defaultValues: { text: '' },
  });
  const error = form.formState.errors.text?.message;
  const fieldId = `${id}-text`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new pick (version) fills the box, not a re-render.
  useEffect(() => {
    if (!fill) return;
    form.setValue('text', fill.text, { shouldDirty: true });
    setState({ sent: false, error: null });
    form.setFocus('text');
  }, [fill?.version]);
  const submit = form.handleSubmit(
    async ({ text }) => {
      setState({ sent: false, error: null });
      try {
        await send(text);
        form.reset({ text: '' });
        setState({ sent: true, error: null });
      } catch (failure) {
        if (applyServerErrors(failure, form.setError, (field) => field === 'text')) setAttempt((n) => n + 1);
        else setState({ sent: false, error: failure });
      }
    },
    () => setAttempt((n) => n + 1),
  );
  return (
    <form className="gv-form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary title={t('cases.form.errorTitle')} items={error ? [{ id: fieldId, message: error }] : []} attempt={attempt} headingLevel={headingLevel} />
      {state.error ? <QueryAlert error={state.error} /> : null}
      {state.sent ? (
        <Alert type="ok">
          <Paragraph>{sentText}</Paragraph>
        </Alert>
      ) : null}
      <TextAreaField
        id={fieldId}
        label={label}
        hint={hint}
        error={error}
        {...form.register('text', { onChange: () => state.sent && setState({ sent: false, error: null }) })}
      />
      <div>
        <Button type="submit" appearance="primary-action" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('cases.form.sending') : submitLabel}
        </Button>
      </div>
    </form>
  );
};

/** A section with a heading that labels it. */
export const Section = ({
  id,
  title,
  level = 2,
  children,
  className,
}: {
  id: string;
  title: string;
  level?: HeadingLevel;
  children: ReactNode;
  className?: string;
}) => (
  <section aria-labelledby={id} className={className ?? 'gv-stack'}>
    <Heading level={level} id={id}>
      {title}
    </Heading>
    {children}
  </section>
);
