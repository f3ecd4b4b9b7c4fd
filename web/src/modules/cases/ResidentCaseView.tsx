import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResidentCase } from '../../../../shared/src/cases/cases.contract.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { Heading, Paragraph } from '../../ui/index.ts';
import { AddDocumentForm, AttachmentList } from './Attachments.tsx';
import { AnswerList, CaseStatusBadge, DocumentList, formatDay, MessageForm, Section, Timeline } from './CaseParts.tsx';
import { caseDocuments } from './case-display.rules.ts';
import { useProductForm } from './cases.api.ts';

/**
 * A case as its requester sees it, on "Mijn dossiers" and on the page of a question followed by
 * its link: where it stands and who has it, the documents, the conversation and what they asked,
 * and a reply box while the case is open. `actions` adds what only a logged-in requester can do.
 */
export const ResidentCaseView = ({
  found,
  reply,
  actions,
  notice,
  addDocuments,
  uploadScope,
}: {
  found: ResidentCase;
  reply: (text: string) => Promise<unknown>;
  /** Sends uploaded files to the case. */
  addDocuments?: (input: { uploads: string[]; text?: string }) => Promise<unknown>;
  /** Without a login (a question followed by its link): the secret scope of the uploads. */
  uploadScope?: string;
  actions?: ReactNode;
  /** Shown under the case's summary (the follow page's "keep this link"). */
  notice?: ReactNode;
}) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  const form = useProductForm(found.product.slug);
  const documents = caseDocuments(found.timeline);
  return (
    <div className="gv-stack gv-stack--loose">
      <div className="gv-stack">
        <Heading level={1}>{found.product.title}</Heading>
        <dl className="gv-meta">
          <div>
            <dt>{t('cases.case.reference')}</dt>
            <dd>{found.reference}</dd>
          </div>
          <div>
            <dt>{t('cases.case.status')}</dt>
            <dd>
              <CaseStatusBadge status={found.status} />
            </dd>
          </div>
          <div>
            <dt>{t('cases.case.receivedAt')}</dt>
            <dd>{formatDay(found.createdAt.slice(0, 10), language)}</dd>
          </div>
          {found.open ? (
            <div>
              <dt>{t('cases.case.dueDate')}</dt>
              <dd>{formatDay(found.dueDate, language)}</dd>
            </div>
          ) : null}
        </dl>
        <Paragraph lead>
          {found.open ? t('cases.case.ownerOpen', { owner: found.owner.name }) : t('cases.case.ownerClosed', { owner: found.owner.name })}
        </Paragraph>
        {found.outcome ? <Paragraph>{t('cases.case.outcome', { outcome: t(`cases.outcome.${found.outcome}`) })}</Paragraph> : null}
        {notice}
      </div>

      {documents.length > 0 ? (
        <Section id="case-documents" title={t('cases.documents.title')}>
          <DocumentList documents={documents} />
        </Section>
      ) : null}

      {found.attachments.length > 0 ? (
        <Section id="case-attachments" title={t('cases.attachments.title')}>
          <AttachmentList attachments={found.attachments} audience="requester" />
        </Section>
      ) : null}

      <Section id="case-timeline" title={t('cases.case.timelineTitle')}>
        <Timeline entries={found.timeline} audience="requester" />
      </Section>

      {found.actions.reply ? (
        <Section id="case-reply" title={t('cases.case.replyTitle')} className="gv-panel gv-stack">
          <MessageForm
            id="case-reply"
            label={t('cases.case.replyLabel')}
            hint={t('cases.case.replyHint')}
            submitLabel={t('cases.case.replySend')}
            sentText={t('cases.case.replySent')}
            send={reply}
          />
        </Section>
      ) : null}

      {found.actions.reply && addDocuments ? (
        <Section id="case-add-document" title={t('cases.attachments.addTitle')} className="gv-panel gv-stack">
          <AddDocumentForm audience="requester" uploadScope={uploadScope} send={({ uploads, text }) => addDocuments({ uploads, ...(text ? { text } : {}) })} />
        </Section>
      ) : null}

      <Section id="case-answers" title={t('cases.case.answersTitle')}>
        <AnswerList definition={form.data?.form ?? null} answers={found.answers} />
      </Section>

      {actions}
    </div>
  );
};
