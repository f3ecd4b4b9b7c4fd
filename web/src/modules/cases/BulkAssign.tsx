import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkAssignResponse, QueueItem } from '../../../../shared/src/cases/cases.contract.ts';
import { selectableForBulkAssign } from '../../../../shared/src/cases/index.ts';
import { rolePermissions } from '../../../../shared/src/identity/access.ts';
import type { MeResponse } from '../../../../shared/src/identity/identity.contract.ts';
import { QueryAlert } from '../../app/QueryAlert.tsx';
import { Button, cx, FormField, fieldIds, Heading, Paragraph, Select, VisuallyHidden } from '../../ui/index.ts';
import { useAssignees, useBulkAssign } from './case-work-tools.api.ts';

/** The teams for which the logged-in employee may assign cases (a coordinator of Burgerzaken: Burgerzaken). */
export const coordinatedTeams = (me: MeResponse | undefined): string[] =>
  me?.actor.kind === 'staff' ? me.actor.roles.flatMap((grant) => (grant.team && rolePermissions[grant.role].includes('cases:assign') ? [grant.team] : [])) : [];

/** Which queue lines are ticked; lines that cannot be assigned here never are. */
export const useBulkSelection = (items: readonly QueueItem[], teams: readonly string[]) => {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selectable = items.filter((item) => selectableForBulkAssign(item, teams)).map((item) => item.id);
  const chosen = selectable.filter((id) => selected.has(id));
  return {
    selectable,
    chosen,
    isSelectable: (id: string) => selectable.includes(id),
    isChosen: (id: string) => selected.has(id),
    toggle: (id: string, on: boolean) =>
      setSelected((previous) => {
        const next = new Set(previous);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    toggleAll: (on: boolean) => setSelected(on ? new Set(selectable) : new Set()),
    clear: () => setSelected(new Set()),
  };
};

export type BulkSelection = ReturnType<typeof useBulkSelection>;

/** The "choose all on this page" checkbox in the table's header. */
export const SelectAllCheckbox = ({ selection }: { selection: BulkSelection }) => {
  const { t } = useTranslation();
  const all = selection.selectable.length > 0 && selection.chosen.length === selection.selectable.length;
  return (
    <>
      <input
        id="bulk-select-all"
        type="checkbox"
        className="utrecht-checkbox utrecht-checkbox--html-input gv-bulk__checkbox"
        checked={all}
        disabled={selection.selectable.length === 0}
        onChange={(event) => selection.toggleAll(event.target.checked)}
      />
      <label htmlFor="bulk-select-all">
        <VisuallyHidden>{t('cases.work.bulk.selectAll')}</VisuallyHidden>
      </label>
    </>
  );
};

/** One line's checkbox, named by the case reference. */
export const SelectCaseCheckbox = ({ selection, item }: { selection: BulkSelection; item: QueueItem }) => {
  const { t } = useTranslation();
  if (!selection.isSelectable(item.id)) return null;
  const id = `bulk-select-${item.id}`;
  return (
    <>
      <input
        id={id}
        type="checkbox"
        className="utrecht-checkbox utrecht-checkbox--html-input gv-bulk__checkbox"
        checked={selection.isChosen(item.id)}
        onChange={(event) => selection.toggle(item.id, event.target.checked)}
      />
      <label htmlFor={id}>
        <VisuallyHidden>{t('cases.work.bulk.selectCase', { reference: item.reference })}</VisuallyHidden>
      </label>
    </>
  );
};

/** What the last assignment did, as the status region reads it out. */
const Outcome = ({ result, items }: { result: BulkAssignResponse; items: readonly QueueItem[] }) => {
  const { t } = useTranslation();
  const refused = result.results.filter((line) => line.result === 'refused');
  return (
    <div className="utrecht-alert__content">
      {result.assigned > 0 ? <Paragraph>{t('cases.work.bulk.done', { count: result.assigned, name: result.assignee.name })}</Paragraph> : null}
      {refused.length > 0 ? (
        <>
          <Paragraph>{t('cases.work.bulk.refused', { count: refused.length })}</Paragraph>
          <ul>
            {refused.map((line) => {
              const reference = line.reference ?? items.find((item) => item.id === line.caseId)?.reference ?? t('cases.work.bulk.hiddenCase');
              return <li key={line.caseId}>{t('cases.work.bulk.refusedLine', { reference, reason: line.result === 'refused' ? line.title : '' })}</li>;
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
};

/**
 * "Assign the chosen cases to …" for a coordinator of the team: one request for all ticked lines;
 * the server assigns each on its own and says per case what happened, which the status region
 * below announces (assigned, and each refusal with its reason).
 */
export const BulkAssignForm = ({ team, selection, items }: { team: string; selection: BulkSelection; items: readonly QueueItem[] }) => {
  const { t } = useTranslation();
  const assignees = useAssignees(team, true);
  const assign = useBulkAssign();
  const [assignee, setAssignee] = useState('');
  const [errors, setErrors] = useState<{ cases?: string; assignee?: string }>({});
  const [result, setResult] = useState<BulkAssignResponse | null>(null);
  const id = 'bulk-assignee';
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      ...(selection.chosen.length === 0 ? { cases: t('cases.work.bulk.noneSelected') } : {}),
      ...(assignee === '' ? { assignee: t('cases.work.bulk.assigneeRequired') } : {}),
    };
    setErrors(found);
    if (found.cases || found.assignee) {
      setResult(null);
      if (found.assignee) document.getElementById(id)?.focus();
      return;
    }
    const answer = await assign.mutateAsync({ caseIds: selection.chosen, staffId: assignee }).catch(() => null);
    if (answer) {
      setResult(answer);
      selection.clear();
    }
  };
  return (
    <section aria-labelledby="bulk-title" className="gv-panel gv-stack gv-bulk">
      <Heading level={2} id="bulk-title">
        {t('cases.work.bulk.title')}
      </Heading>
      <Paragraph>{t('cases.work.bulk.intro')}</Paragraph>
      <form className="gv-form gv-bulk__form" noValidate onSubmit={(event) => void submit(event)}>
        <p className="gv-form-note" id="bulk-count">
          {errors.cases ? <span className="gv-bulk__error">{errors.cases}</span> : t('cases.work.bulk.selected', { count: selection.chosen.length })}
        </p>
        <FormField id={id} label={t('cases.work.bulk.assignee')} error={errors.assignee}>
          <Select
            id={id}
            value={assignee}
            invalid={Boolean(errors.assignee)}
            describedBy={[errors.assignee && fieldIds(id).error]}
            onChange={(event) => {
              setAssignee(event.target.value);
              setErrors(({ cases }) => (cases ? { cases } : {}));
            }}
          >
            <option value="">{t('cases.form.choose')}</option>
            {(assignees.data?.items ?? []).map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </Select>
        </FormField>
        <div>
          <Button type="submit" appearance="primary-action" disabled={assign.isPending} aria-describedby="bulk-count">
            {assign.isPending ? t('cases.work.bulk.sending') : t('cases.work.bulk.submit')}
          </Button>
        </div>
      </form>
      {assign.isError ? <QueryAlert error={assign.error} /> : null}
      {/* Always there, so that screen readers announce what comes into it; styled as an alert once it has something to say. */}
      <div
        role="status"
        className={result ? cx('utrecht-alert', result.refused === 0 ? 'utrecht-alert--ok' : 'utrecht-alert--warning', 'gv-alert') : undefined}
      >
        {result ? <Outcome result={result} items={items} /> : null}
      </div>
    </section>
  );
};
