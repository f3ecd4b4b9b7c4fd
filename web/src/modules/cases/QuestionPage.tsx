import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseReceipt } from '../../../../shared/src/cases/cases.contract.ts';
import { localize } from '../../../../shared/src/forms/index.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import { Heading, Paragraph } from '../../ui/index.ts';
import { useMe } from '../identity/index.ts';
import { useAskQuestion, useKnownProfile, useProductForm, useSubmitCase } from './cases.api.ts';
import { FormRenderer } from './FormRenderer.tsx';
import { initialAnswers, knownPersonOf } from './form-renderer.rules.ts';
import { SubmissionConfirmation } from './SubmissionConfirmation.tsx';
import { useIdempotencyKey } from './use-idempotency-key.ts';

/**
 * `/vraag`: a general question to the city, from anyone. A visitor gets a secret link to follow
 * the answer; a logged-in resident's question lands in "Mijn dossiers" like any request.
 */
export const QuestionPage = () => {
  const { t } = useTranslation();
  const form = useProductForm('vraag');
  const me = useMe();
  const resident = me.data?.actor.kind === 'resident' && me.data.permissions.includes('requests:create-basic');
  const profile = useKnownProfile(resident);
  const ask = useAskQuestion();
  const submit = useSubmitCase();
  const key = useIdempotencyKey();
  const [receipt, setReceipt] = useState<{ receipt: CaseReceipt; audience: 'resident' | 'anonymous' } | null>(null);
  const title = form.data ? localize(form.data.form.title, currentLanguage()) : t('cases.question.title');
  usePageTitle(receipt ? t('cases.confirmation.questionTitle') : title);

  if (receipt) return <SubmissionConfirmation receipt={receipt.receipt} family="general" audience={receipt.audience} kind="question" />;
  if (form.isPending || me.isPending || (resident && profile.isPending)) return <Loading />;
  if (form.isError) return <QueryAlert error={form.error} onRetry={() => void form.refetch()} />;
  const loginEmail = me.data?.actor.kind === 'resident' ? me.data.actor.email : null;
  return (
    <div className="gv-stack gv-stack--loose">
      <Heading level={1}>{title}</Heading>
      <FormRenderer
        id="question"
        definition={form.data.form}
        initial={initialAnswers(form.data.form, resident ? knownPersonOf(profile.data, loginEmail) : {})}
        submitLabel={t('cases.question.submit')}
        footer={<Paragraph className="gv-form-note">{t(resident ? 'cases.question.noteResident' : 'cases.question.noteAnonymous')}</Paragraph>}
        onSubmit={async ({ answers }) => {
          const idempotencyKey = key.current();
          const result = resident
            ? await submit.mutateAsync({ product: 'vraag', answers, idempotencyKey })
            : await ask.mutateAsync({ answers, idempotencyKey });
          key.renew();
          setReceipt({ receipt: result, audience: resident ? 'resident' : 'anonymous' });
        }}
      />
    </div>
  );
};
