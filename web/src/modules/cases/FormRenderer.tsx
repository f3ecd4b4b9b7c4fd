import { toNestErrors } from '@hookform/resolvers';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { type Resolver, type UseFormReturn, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { answersSchema, type FormAnswers, type FormDefinition, localize, visibleFields } from '../../../../shared/src/forms/index.ts';
import { applyServerErrors, fieldDomId, flattenFieldErrors, formOptions } from '../../app/form.ts';
import { type IssueMessages, issuesToFieldErrors } from '../../app/form-errors.rules.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { QueryAlert } from '../../app/QueryAlert.tsx';
import { Alert, Button, cx, ErrorSummary, Paragraph } from '../../ui/index.ts';
import { type FieldContext, GroupControl, LeafFieldControl } from './FormFields.tsx';
import { type AnswersValue, errorFieldLabel, errorTargetPath } from './form-renderer.rules.ts';
import './cases.css';

const addressParts = ['street', 'number', 'box', 'postcode', 'municipality'] as const;

// biome-ignore lint/suspicious/noExplicitAny: the values follow the form definition, known only at run time.
type Values = Record<string, any>;

/**
 * Fields a surface adds around the product's questions, in the same form and the same error
 * summary: assisted intake adds the channel, the requester and their consent. `shape` validates
 * them (its paths are the API's, so the server's field errors land on them too).
 */
export type FormExtra = {
  shape: Record<string, z.ZodType>;
  defaults: Values;
  /** Rendered above the questions; gets the form to register its controls. */
  render: (form: UseFormReturn<Values>) => ReactNode;
  /** The control a summary line of an extra field leads to (default: the field's own id). */
  target?: (path: string) => string;
  /** Own wording for zod's generic checks on the extra fields. */
  messages?: IssueMessages;
};

export type FormRendererProps = {
  /** Prefix of every control's id (`request` → `request-answers-email`). */
  id: string;
  definition: FormDefinition;
  /** Starting values (initialAnswers: empty, groups with their first items, known data filled in). */
  initial: AnswersValue;
  /** Kiosk: larger text and targets; staff: compact. The questions and rules are the same everywhere. */
  surface?: 'portal' | 'kiosk' | 'staff';
  submitLabel: string;
  /** Sends the validated, normalised answers (and extra fields); a rejection is shown on the form. */
  onSubmit: (values: { answers: FormAnswers } & Values) => Promise<unknown>;
  extra?: FormExtra;
  /** Shown between the questions and the submit button (what happens next, privacy). */
  footer?: ReactNode;
  /** Called with the answers after each change (the portal saves them as a draft, debounced). */
  onAnswersChange?: (answers: unknown) => void;
  /** Without a login: the secret scope the file questions upload under (newUploadScope). */
  uploadScope?: string;
};

/**
 * The one renderer of the product forms, for the portal, the kiosk and the staff workspace's
 * assisted intake. It shows only the questions that apply to the answers so far (visibleFields,
 * live), checks the answers with the shared engine before sending (the same schema the server
 * uses), puts the server's field errors on their fields (`answers.children.1.birthDate`) and lists
 * what to fix in an error summary that leads to each control.
 */
export const FormRenderer = ({
  id,
  definition,
  initial,
  surface = 'portal',
  submitLabel,
  onSubmit,
  extra,
  footer,
  onAnswersChange,
  uploadScope,
}: FormRendererProps) => {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [attempt, setAttempt] = useState(0);
  // A refused request (no connection, too many attempts) or server messages that belong to no field.
  const [failure, setFailure] = useState<{ error: unknown } | { messages: string[] } | null>(null);

  // The resolver reads the language at each check, so messages follow a language switch.
  const resolver = useMemo<Resolver<Values>>(
    () => async (values, _context, options) => {
      const language = currentLanguage();
      const schema = z.object({ answers: answersSchema(definition, { lang: language }), ...(extra?.shape ?? {}) });
      const result = await schema.safeParseAsync(values);
      if (result.success) return { values: result.data, errors: {} };
      return { values: {}, errors: toNestErrors<Values>(issuesToFieldErrors(result.error.issues, language, extra?.messages), options) };
    },
    [definition, extra?.shape, extra?.messages],
  );
  const form = useForm<Values>({ ...formOptions, resolver, defaultValues: { answers: initial, ...(extra?.defaults ?? {}) } });
  const answers = useWatch({ control: form.control, name: 'answers' }) as unknown;
  const visible = useMemo(() => new Map(visibleFields(definition, answers).map((item) => [item.path, item])), [definition, answers]);
  // One subscription for the form's life; the latest callback is read when something changes.
  const changed = useRef(onAnswersChange);
  changed.current = onAnswersChange;
  useEffect(() => {
    const subscription = form.watch((values) => changed.current?.(values.answers));
    return () => subscription.unsubscribe();
  }, [form]);
  const context: FieldContext = { form, formId: id, visible, lang, root: 'answers', product: definition.product, uploadScope };

  const labelWords = {
    item: (n: number) => t('cases.form.item', { number: n }),
    addressPart: (part: string) =>
      (addressParts as readonly string[]).includes(part) ? t(`cases.form.address.${part as (typeof addressParts)[number]}`) : part,
  };
  const summary = flattenFieldErrors(form.formState.errors, ['requester', 'channel', 'consent', 'language', 'answers']).map((item) => {
    if (!item.path.startsWith('answers.')) return { id: extra?.target?.(item.path) ?? fieldDomId(id, item.path), message: item.message };
    const path = item.path.slice('answers.'.length);
    const label = errorFieldLabel(definition, path, lang, labelWords);
    // The engine's messages are short ("Vul dit in."): the summary names the question they belong to.
    return {
      id: fieldDomId(id, `answers.${errorTargetPath(definition, path)}`),
      message: label ? t('cases.form.summaryLine', { field: label, message: item.message }) : item.message,
    };
  });

  const extraPaths = Object.keys(extra?.shape ?? {});
  const accept = (field: string) => field.startsWith('answers.') || extraPaths.some((path) => field === path || field.startsWith(`${path}.`));

  const submit = form.handleSubmit(
    async (values) => {
      setFailure(null);
      try {
        await onSubmit(values as { answers: FormAnswers } & Values);
      } catch (error) {
        const rest = applyServerErrors(error, form.setError, accept);
        if (rest === null) {
          setFailure({ error });
          return;
        }
        setAttempt((n) => n + 1);
        if (rest.length > 0) setFailure({ messages: rest });
      }
    },
    () => {
      setFailure(null);
      setAttempt((n) => n + 1);
    },
  );

  return (
    <form className={cx('gv-form', 'gv-case-form', `gv-case-form--${surface}`)} noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary title={t('cases.form.errorTitle')} items={summary} attempt={attempt} />
      {failure && 'error' in failure ? <QueryAlert error={failure.error} /> : null}
      {failure && 'messages' in failure ? (
        <Alert type="error" heading={t('cases.form.errorTitle')}>
          {failure.messages.map((message) => (
            <Paragraph key={message}>{message}</Paragraph>
          ))}
        </Alert>
      ) : null}
      {extra ? extra.render(form) : null}
      {definition.intro ? <Paragraph>{localize(definition.intro, lang)}</Paragraph> : null}
      {definition.fields.map((field) => {
        if (!visible.has(field.id)) return null;
        return field.type === 'group' ? (
          <GroupControl key={field.id} context={context} field={field} />
        ) : (
          <LeafFieldControl key={field.id} context={context} field={field} path={field.id} />
        );
      })}
      {footer}
      <div>
        <Button type="submit" appearance="primary-action" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('cases.form.sending') : submitLabel}
        </Button>
      </div>
    </form>
  );
};
