import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentView, UploadResponse } from '../../../../shared/src/cases/attachments.contract.ts';
import { defaultAttachmentAccept } from '../../../../shared/src/cases/index.ts';
import { ApiError } from '../../app/api.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { locales } from '../../app/language.rules.ts';
import { QueryAlert } from '../../app/QueryAlert.tsx';
import { Alert, Button, Choice, Fieldset, FormField, fieldIds, Paragraph } from '../../ui/index.ts';
import { uploadFile, useAddStaffAttachments } from './attachments.api.ts';
import { acceptAttribute, formatFileSize } from './form-renderer.rules.ts';
import { TextAreaField } from './TextArea.tsx';

/** Why an upload failed, in the reader's language: the server's message for the field, else its title. */
export const uploadErrorMessage = (error: unknown, fallback: string): string => {
  if (error instanceof ApiError) return error.fieldErrors[0]?.message ?? error.title;
  return fallback;
};

/** The files of a case with a download link each; staff also see which are internal. */
export const AttachmentList = ({ attachments, audience }: { attachments: readonly AttachmentView[]; audience: 'requester' | 'staff' }) => {
  const { t } = useTranslation();
  const locale = locales[currentLanguage()];
  if (attachments.length === 0) return <Paragraph>{t('cases.attachments.none')}</Paragraph>;
  return (
    <ul className="gv-documents">
      {attachments.map((file) => (
        <li key={file.id} className="gv-documents__item">
          {/* A plain link: the browser downloads the file with the session cookie. */}
          <a className="utrecht-link utrecht-link--html-a gv-documents__download" href={file.downloadUrl} download={file.fileName}>
            {t('cases.attachments.download', { name: file.fileName, size: formatFileSize(file.sizeBytes, locale) })}
          </a>
          {audience === 'staff' && file.visibility === 'internal' ? <span className="gv-timeline__internal">{t('cases.attachments.internal')}</span> : null}
          {file.field ? <span className="gv-documents__verify">{t('cases.attachments.fromForm')}</span> : null}
        </li>
      ))}
    </ul>
  );
};

type Pending = { key: string; name: string; progress: number };

/**
 * "Add a document" on a case page: each chosen file is uploaded at once (with its progress), then
 * sent with an optional note. Staff also choose who may see it. Errors (a file too large, a name
 * that does not fit its content) are shown on the file field and read out.
 */
export const AddDocumentForm = ({
  audience,
  send,
  uploadScope,
}: {
  audience: 'requester' | 'staff';
  /** Without a login: the secret scope the uploads are made with (see newUploadScope). */
  uploadScope?: string | undefined;
  send: (input: { uploads: string[]; text?: string; visibility: 'resident' | 'internal' }) => Promise<unknown>;
}) => {
  const { t } = useTranslation();
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const fileId = `${id}-file`;
  const locale = locales[currentLanguage()];
  const [uploaded, setUploaded] = useState<UploadResponse[]>([]);
  const [pending, setPending] = useState<Pending[]>([]);
  const [error, setError] = useState<string | undefined>();
  const [text, setText] = useState('');
  const [visibility, setVisibility] = useState<'resident' | 'internal'>('resident');
  const [state, setState] = useState<{ sending: boolean; sent: boolean; failure: unknown }>({ sending: false, sent: false, failure: null });
  const [announce, setAnnounce] = useState('');

  const upload = async (file: File) => {
    const key = `${file.name}:${file.size}:${Date.now()}:${Math.random()}`;
    setPending((list) => [...list, { key, name: file.name, progress: 0 }]);
    setAnnounce(t('cases.attachments.uploading', { name: file.name }));
    try {
      const stored = await uploadFile(file, {
        scope: uploadScope,
        onProgress: (fraction) => setPending((list) => list.map((item) => (item.key === key ? { ...item, progress: fraction } : item))),
      });
      setUploaded((list) => [...list, stored]);
      setAnnounce(t('cases.attachments.uploaded', { name: stored.name }));
    } catch (failure) {
      setError(uploadErrorMessage(failure, t('errors.generic')));
      setAnnounce('');
    } finally {
      setPending((list) => list.filter((item) => item.key !== key));
    }
  };

  const submit = async () => {
    if (pending.length > 0) return setError(t('cases.attachments.waitUpload'));
    if (uploaded.length === 0) return setError(t('cases.attachments.chooseFirst'));
    setState({ sending: true, sent: false, failure: null });
    try {
      await send({ uploads: uploaded.map((file) => file.id), visibility, ...(text.trim() ? { text: text.trim() } : {}) });
      setUploaded([]);
      setText('');
      setState({ sending: false, sent: true, failure: null });
    } catch (failure) {
      setState({ sending: false, sent: false, failure });
    }
  };

  const hint = audience === 'staff' ? t('cases.attachments.staffAddHint') : t('cases.attachments.addHint');
  return (
    <form
      className="gv-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {state.failure ? <QueryAlert error={state.failure} /> : null}
      {state.sent ? (
        <Alert type="ok">
          <Paragraph>{t('cases.attachments.sent')}</Paragraph>
        </Alert>
      ) : null}
      <FormField id={fileId} label={t('cases.attachments.fileLabel')} description={hint} error={error}>
        <div className="gv-files">
          <input
            id={fileId}
            type="file"
            className="gv-file-input"
            accept={acceptAttribute(defaultAttachmentAccept)}
            multiple
            aria-invalid={error ? true : undefined}
            aria-describedby={[fieldIds(fileId).description, error && fieldIds(fileId).error].filter(Boolean).join(' ')}
            onChange={(event) => {
              const picked = Array.from(event.target.files ?? []);
              event.target.value = '';
              setError(undefined);
              setState((current) => ({ ...current, sent: false }));
              for (const file of picked) void upload(file);
            }}
          />
          <UploadList
            uploaded={uploaded.map((file) => ({ key: file.id, name: file.name, size: formatFileSize(file.size, locale) }))}
            pending={pending}
            remove={(key) => setUploaded((list) => list.filter((file) => file.id !== key))}
            announce={announce}
          />
        </div>
      </FormField>
      {audience === 'staff' ? (
        <Fieldset id={`${id}-visibility`} legend={t('cases.attachments.visibilityLabel')}>
          {(['resident', 'internal'] as const).map((option) => (
            <Choice
              key={option}
              id={`${id}-visibility-${option}`}
              type="radio"
              name={`${id}-visibility`}
              value={option}
              checked={visibility === option}
              onChange={() => setVisibility(option)}
              label={t(option === 'resident' ? 'cases.attachments.visibilityResident' : 'cases.attachments.visibilityInternal')}
            />
          ))}
        </Fieldset>
      ) : null}
      <TextAreaField
        id={`${id}-text`}
        label={t('cases.attachments.noteLabel')}
        value={text}
        maxLength={5000}
        onChange={(event) => setText(event.target.value)}
      />
      <div>
        <Button type="submit" appearance="primary-action" disabled={state.sending}>
          {state.sending ? t('cases.form.sending') : t('cases.attachments.submit')}
        </Button>
      </div>
    </form>
  );
};

/**
 * The files chosen for a question or a case: those uploaded (with a remove button each) and those
 * still uploading (with a progress bar). A polite live region says when an upload starts and ends.
 */
export const UploadList = ({
  uploaded,
  pending,
  remove,
  announce,
}: {
  uploaded: { key: string; name: string; size: string }[];
  pending: Pending[];
  remove: (key: string) => void;
  announce: string;
}) => {
  const { t } = useTranslation();
  return (
    <>
      {uploaded.length > 0 || pending.length > 0 ? (
        <ul className="gv-files__list" aria-label={t('cases.form.filesChosen')}>
          {uploaded.map((file) => (
            <li key={file.key} className="gv-files__item">
              <span>
                {file.name} ({file.size})
              </span>
              <Button appearance="subtle" onClick={() => remove(file.key)}>
                {t('cases.attachments.remove', { name: file.name })}
              </Button>
            </li>
          ))}
          {pending.map((file) => (
            <li key={file.key} className="gv-files__item">
              <span>{t('cases.attachments.uploading', { name: file.name })}</span>
              <progress max={1} value={file.progress} aria-label={t('cases.attachments.uploading', { name: file.name })} />
            </li>
          ))}
        </ul>
      ) : null}
      <p className="gv-visually-hidden" aria-live="polite">
        {announce}
      </p>
    </>
  );
};

/** "Add a document" on the staff case page: shared with the requester (who gets an e-mail) or internal. */
export const StaffAddDocument = ({ caseId }: { caseId: string }) => {
  const add = useAddStaffAttachments(caseId);
  return <AddDocumentForm audience="staff" send={(input) => add.mutateAsync(input)} />;
};
