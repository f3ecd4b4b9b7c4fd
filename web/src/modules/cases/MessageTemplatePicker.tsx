import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { ApiError } from '../../app/api.ts';
import { Button, FormField, fieldIds, Paragraph, Select } from '../../ui/index.ts';
import { useMessageTemplates } from './case-work-tools.api.ts';

/**
 * Picks a message template (config/templates/<city>.yaml) for the message to the requester. The
 * server fills it in in the case's language; "use" puts it in the message box, where the employee
 * adapts it before sending. Nothing is sent from here. The outcome is announced in a status line.
 */
export const MessageTemplatePicker = ({ caseId, onUse }: { caseId: string; onUse: (text: string) => void }) => {
  const { t } = useTranslation();
  const templates = useMessageTemplates(caseId);
  const [chosen, setChosen] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const id = 'case-message-template';
  if (templates.isPending) return null;
  // A partner asked for advice does not write to the requester (403): nothing to pick then.
  if (templates.isError && templates.error instanceof ApiError && templates.error.status === 403) return null;
  if (templates.isError) return <Paragraph className="gv-form-note">{t('cases.work.templates.unavailable')}</Paragraph>;
  const { items, caseLanguage } = templates.data;
  if (items.length === 0) return null;
  const use = () => {
    const template = items.find((item) => item.id === chosen);
    if (!template) {
      setStatus('');
      setError(t('cases.work.templates.required'));
      return;
    }
    setError(undefined);
    onUse(template.text);
    setStatus(t('cases.work.templates.used', { title: template.title }));
  };
  return (
    <div className="gv-template-picker gv-stack">
      <FormField
        id={id}
        label={t('cases.work.templates.label')}
        description={t('cases.work.templates.hint', { language: t(`cases.language.${caseLanguage as Language}`) })}
        error={error}
      >
        <Select
          id={id}
          value={chosen}
          invalid={Boolean(error)}
          describedBy={[fieldIds(id).description, error && fieldIds(id).error]}
          onChange={(event) => {
            setChosen(event.target.value);
            setError(undefined);
          }}
        >
          <option value="">{t('cases.work.templates.choose')}</option>
          {items.map((item) => (
            <option key={item.id} value={item.id}>
              {item.title}
            </option>
          ))}
        </Select>
      </FormField>
      <div>
        <Button type="button" appearance="secondary-action" onClick={use}>
          {t('cases.work.templates.use')}
        </Button>
      </div>
      <p className="gv-form-note" role="status">
        {status}
      </p>
    </div>
  );
};
