import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { StaffCase } from '../../../../shared/src/cases/cases.contract.ts';
import { type CaseOutcome, minimumHandOverReasonLength, minimumReasonLength } from '../../../../shared/src/cases/index.ts';
import { useCity } from '../../app/city.ts';
import { localized } from '../../app/city-display.rules.ts';
import { applyServerErrors, fieldDomId, flattenFieldErrors, formOptions, zodFormResolver } from '../../app/form.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { QueryAlert } from '../../app/QueryAlert.tsx';
import { Alert, Button, Choice, ErrorSummary, Fieldset, FormField, fieldIds, Paragraph, Select } from '../../ui/index.ts';
import { outcomesFor, type StaffStatusEvent, staffSteps, statusStepNeeds } from './case-display.rules.ts';
import { type CaseAction, useCaseAction } from './cases.api.ts';
import { TextAreaField } from './TextArea.tsx';

type Run = (action: CaseAction) => Promise<unknown>;

type HandOverValues = { to: string; reason: string };

const handOverSchema = z.object({
  to: z.string().regex(/^(team|partner):[a-z0-9-]+$/),
  reason: z.string().trim().min(minimumHandOverReasonLength).max(2000),
});

/**
 * Hands the case to another team or a partner. The reason is required: it is the first thing the
 * next owner reads. The requester sees only who has the case now, never the reason.
 */
export const HandOverForm = ({ found, run, onDone }: { found: StaffCase; run: Run; onDone: (ownerName: string) => void }) => {
  const { t } = useTranslation();
  const { data: city } = useCity();
  const language = currentLanguage();
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const formId = 'hand-over';
  const form = useForm<HandOverValues, unknown, HandOverValues>({
    ...formOptions,
    resolver: zodFormResolver(handOverSchema, {
      messages: (_issue, path) =>
        path === 'to' ? t('cases.work.handOver.toRequired') : t('cases.work.handOver.reasonRequired', { min: minimumHandOverReasonLength }),
    }),
    defaultValues: { to: '', reason: '' },
  });
  const { errors } = form.formState;
  const summary = flattenFieldErrors(errors, ['to', 'reason']).map((item) => ({ id: fieldDomId(formId, item.path), message: item.message }));
  const teams = (city?.teams ?? []).filter((team) => !(found.owner.kind === 'team' && found.owner.id === team.id));
  const partners = (city?.partners ?? []).filter((partner) => !(found.owner.kind === 'partner' && found.owner.id === partner.id));
  const nameOf = (value: string) => {
    const [kind, id] = value.split(':');
    const list = kind === 'team' ? city?.teams : city?.partners;
    const unit = list?.find((item) => item.id === id);
    return unit ? localized(unit.name, language) : (id ?? value);
  };
  const submit = form.handleSubmit(
    async ({ to, reason }) => {
      setFailure(null);
      const [kind, id = ''] = to.split(':') as ['team' | 'partner', string];
      try {
        await run({ kind: 'hand-over', body: { to: { kind, id }, reason } });
        onDone(nameOf(to));
      } catch (error) {
        if (applyServerErrors(error, form.setError, (field) => field === 'reason' || field.startsWith('to'))) setAttempt((n) => n + 1);
        else setFailure(error);
      }
    },
    () => setAttempt((n) => n + 1),
  );
  const toId = fieldDomId(formId, 'to');
  const reasonId = fieldDomId(formId, 'reason');
  return (
    <form className="gv-form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary title={t('cases.form.errorTitle')} items={summary} attempt={attempt} headingLevel={3} />
      {failure ? <QueryAlert error={failure} /> : null}
      <FormField id={toId} label={t('cases.work.handOver.to')} error={errors.to?.message}>
        <Select id={toId} invalid={Boolean(errors.to)} describedBy={[errors.to && fieldIds(toId).error]} {...form.register('to')}>
          <option value="">{t('cases.form.choose')}</option>
          <optgroup label={t('cases.work.handOver.teams')}>
            {teams.map((team) => (
              <option key={team.id} value={`team:${team.id}`}>
                {localized(team.name, language)}
              </option>
            ))}
          </optgroup>
          {partners.length > 0 ? (
            <optgroup label={t('cases.work.handOver.partners')}>
              {partners.map((partner) => (
                <option key={partner.id} value={`partner:${partner.id}`}>
                  {localized(partner.name, language)}
                </option>
              ))}
            </optgroup>
          ) : null}
        </Select>
      </FormField>
      <TextAreaField
        id={reasonId}
        rows={3}
        label={t('cases.work.handOver.reason')}
        hint={t('cases.work.handOver.reasonHint')}
        error={errors.reason?.message}
        {...form.register('reason')}
      />
      <div>
        <Button type="submit" appearance="primary-action" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('cases.form.sending') : t('cases.work.handOver.submit')}
        </Button>
      </div>
    </form>
  );
};

type StatusValues = { event: string; outcome: string; reason: string; partner: string; message: string };

/**
 * A step of the status machine: only the steps the server says are possible now, with what each
 * needs (an outcome to decide, a reason to reject, a partner to ask for advice) and an optional
 * message to the requester that goes with it.
 */
export const StatusForm = ({ found, run }: { found: StaffCase; run: Run }) => {
  const { t } = useTranslation();
  const { data: city } = useCity();
  const language = currentLanguage();
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ done: string } | { error: unknown } | null>(null);
  const formId = 'status';
  const schema = z
    .object({ event: z.string(), outcome: z.string(), reason: z.string().trim(), partner: z.string(), message: z.string().trim().max(5000) })
    .superRefine((values, ctx) => {
      if (!values.event) ctx.addIssue({ code: 'custom', path: ['event'], message: t('cases.work.status.eventRequired') });
      const needs = statusStepNeeds(values.event);
      if (needs.outcome && !values.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: t('cases.work.status.outcomeRequired') });
      if (needs.reason && values.reason.length < minimumReasonLength)
        ctx.addIssue({ code: 'custom', path: ['reason'], message: t('cases.work.status.reasonRequired', { min: minimumReasonLength }) });
      if (needs.partner && !values.partner) ctx.addIssue({ code: 'custom', path: ['partner'], message: t('cases.work.status.partnerRequired') });
    });
  const form = useForm<StatusValues, unknown, StatusValues>({
    ...formOptions,
    resolver: zodFormResolver(schema),
    defaultValues: { event: '', outcome: '', reason: '', partner: '', message: '' },
  });
  const event = form.watch('event');
  const needs = statusStepNeeds(event);
  const { errors } = form.formState;
  const outcomes = outcomesFor(found.family);
  const controlId = (path: string) => (path === 'outcome' ? fieldDomId(formId, 'outcome-0') : fieldDomId(formId, path));
  const summary = flattenFieldErrors(errors, ['event', 'outcome', 'reason', 'partner', 'message']).map((item) => ({
    id: controlId(item.path),
    message: item.message,
  }));
  const submit = form.handleSubmit(
    async (values) => {
      setResult(null);
      const stepNeeds = statusStepNeeds(values.event);
      try {
        await run({
          kind: 'status',
          body: {
            event: values.event as StaffStatusEvent,
            ...(stepNeeds.outcome ? { outcome: values.outcome as CaseOutcome } : {}),
            ...(stepNeeds.reason ? { reason: values.reason } : {}),
            ...(stepNeeds.partner ? { partner: values.partner } : {}),
            ...(values.message ? { message: values.message } : {}),
          },
        });
        form.reset();
        setResult({ done: t(`cases.event.${values.event as StaffStatusEvent}`) });
      } catch (error) {
        if (applyServerErrors(error, form.setError, (field) => ['outcome', 'reason', 'partner', 'message', 'event'].includes(field))) setAttempt((n) => n + 1);
        else setResult({ error });
      }
    },
    () => {
      setResult(null);
      setAttempt((n) => n + 1);
    },
  );
  const steps = staffSteps(found.availableEvents);
  if (steps.length === 0) return <Paragraph>{t('cases.work.status.none')}</Paragraph>;
  const eventId = fieldDomId(formId, 'event');
  const reasonId = fieldDomId(formId, 'reason');
  const partnerId = fieldDomId(formId, 'partner');
  const messageId = fieldDomId(formId, 'message');
  return (
    <form className="gv-form" noValidate onSubmit={(submitEvent) => void submit(submitEvent)}>
      <ErrorSummary title={t('cases.form.errorTitle')} items={summary} attempt={attempt} headingLevel={3} />
      {result && 'error' in result ? <QueryAlert error={result.error} /> : null}
      {result && 'done' in result ? (
        <Alert type="ok">
          <Paragraph>{t('cases.work.status.done', { step: result.done })}</Paragraph>
        </Alert>
      ) : null}
      <FormField id={eventId} label={t('cases.work.status.event')} error={errors.event?.message}>
        <Select id={eventId} invalid={Boolean(errors.event)} describedBy={[errors.event && fieldIds(eventId).error]} {...form.register('event')}>
          <option value="">{t('cases.form.choose')}</option>
          {steps.map((name) => (
            <option key={name} value={name}>
              {t(`cases.event.${name}`)}
            </option>
          ))}
        </Select>
      </FormField>
      {needs.outcome ? (
        <Fieldset id={fieldDomId(formId, 'outcome')} legend={t('cases.work.status.outcome')} error={errors.outcome?.message}>
          {outcomes.map((outcome, index) => (
            <Choice
              key={outcome}
              id={fieldDomId(formId, `outcome-${index}`)}
              type="radio"
              value={outcome}
              label={t(`cases.outcome.${outcome}`)}
              invalid={Boolean(errors.outcome)}
              {...form.register('outcome')}
            />
          ))}
        </Fieldset>
      ) : null}
      {needs.reason ? (
        <TextAreaField
          id={reasonId}
          rows={3}
          label={t('cases.work.status.reason')}
          hint={t('cases.work.status.reasonHint')}
          error={errors.reason?.message}
          {...form.register('reason')}
        />
      ) : null}
      {needs.partner ? (
        <FormField id={partnerId} label={t('cases.work.status.partner')} error={errors.partner?.message}>
          <Select id={partnerId} invalid={Boolean(errors.partner)} describedBy={[errors.partner && fieldIds(partnerId).error]} {...form.register('partner')}>
            <option value="">{t('cases.form.choose')}</option>
            {(city?.partners ?? []).map((partner) => (
              <option key={partner.id} value={partner.id}>
                {localized(partner.name, language)}
              </option>
            ))}
          </Select>
        </FormField>
      ) : null}
      <TextAreaField
        id={messageId}
        rows={3}
        label={t('cases.work.status.message')}
        hint={t('cases.work.status.messageHint')}
        error={errors.message?.message}
        {...form.register('message')}
      />
      <div>
        <Button type="submit" appearance="primary-action" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? t('cases.form.sending') : t('cases.work.status.submit')}
        </Button>
      </div>
    </form>
  );
};

/** Claim the case, or (coordinators) take it over from a colleague. */
export const ClaimButtons = ({ found, myName, mayAssign, run }: { found: StaffCase; myName: string | null; mayAssign: boolean; run: Run }) => {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (found.owner.kind !== 'team') return null;
  // /api/me names the employee but gives no staff id; the name is only used to word the page, the server decides.
  const mine = found.assignee !== null && found.assignee.name === myName;
  if (mine) return <Paragraph>{t('cases.work.claim.mine')}</Paragraph>;
  const takeOver = found.assignee !== null;
  if (takeOver && !mayAssign) return <Paragraph>{t('cases.work.claim.taken', { name: found.assignee?.name ?? '' })}</Paragraph>;
  const go = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await run({ kind: 'claim', takeOver });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="gv-stack">
      {failure ? <QueryAlert error={failure} /> : null}
      {takeOver ? <Paragraph>{t('cases.work.claim.taken', { name: found.assignee?.name ?? '' })}</Paragraph> : null}
      <div>
        <Button appearance="primary-action" disabled={busy} onClick={() => void go()}>
          {takeOver ? t('cases.work.claim.takeOver') : t('cases.work.claim.claim')}
        </Button>
      </div>
    </div>
  );
};

/** The case's actions run through one mutation, so every step refreshes the case and the queues alike. */
export const useRun = (caseId: string): Run => {
  const action = useCaseAction(caseId);
  return (step) => action.mutateAsync(step);
};
