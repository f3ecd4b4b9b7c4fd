import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { ButtonLink, Heading, Paragraph } from '../../ui/index.ts';
import { newUploadScope, useAddQuestionAttachments } from './attachments.api.ts';
import { useQuestion, useReplyQuestion } from './cases.api.ts';
import { ResidentCaseView } from './ResidentCaseView.tsx';

/**
 * `/vragen/:token`: a question followed by the secret link from the confirmation and the e-mail,
 * without a login: the question, the city's answers and a reply box. The page asks browsers not
 * to pass its address on to other sites (the link is the only key).
 */
export const QuestionFollowPage = () => {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const question = useQuestion(token);
  const reply = useReplyQuestion(token);
  // Without a login the uploads of this page are bound to a secret made here, sent with each of them.
  const [uploadScope] = useState(newUploadScope);
  const addDocuments = useAddQuestionAttachments(token, uploadScope);
  usePageTitle(question.data ? t('cases.follow.title', { reference: question.data.reference }) : t('cases.follow.titlePlain'));
  const body = (() => {
    if (question.isPending) return <Loading />;
    if (question.isError) {
      if (question.error instanceof ApiError && question.error.status === 404) {
        return (
          <div className="gv-stack">
            <Heading level={1}>{t('cases.follow.notFoundTitle')}</Heading>
            <Paragraph>{t('cases.follow.notFoundText')}</Paragraph>
            <p>
              <ButtonLink to="/vraag" appearance="secondary-action">
                {t('cases.follow.askAgain')}
              </ButtonLink>
            </p>
          </div>
        );
      }
      return <QueryAlert error={question.error} onRetry={() => void question.refetch()} />;
    }
    return (
      <ResidentCaseView
        found={question.data}
        reply={(text) => reply.mutateAsync(text)}
        addDocuments={(input) => addDocuments.mutateAsync(input)}
        uploadScope={uploadScope}
        notice={<Paragraph className="gv-follow-note">{t('cases.follow.keepLink')}</Paragraph>}
      />
    );
  })();
  return (
    <>
      {/* React places this in the head while the page is shown: the secret link never leaves in a Referer header. */}
      <meta name="referrer" content="no-referrer" />
      {body}
    </>
  );
};
