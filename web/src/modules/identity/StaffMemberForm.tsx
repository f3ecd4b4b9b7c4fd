import { useEffect, useRef, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { StaffRole } from '../../../../shared/src/identity/access.ts';
import { type StaffMemberInput, type StaffMemberView, staffMemberInputSchema } from '../../../../shared/src/identity/identity.contract.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { ApiError } from '../../app/api.ts';
import { useCity } from '../../app/city.ts';
import { applyServerErrors, fieldDomId, flattenFieldErrors, formOptions, zodFormResolver } from '../../app/form.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { languageNames, languages } from '../../app/language.rules.ts';
import { QueryAlert } from '../../app/QueryAlert.tsx';
import { Button, Choice, ErrorSummary, Fieldset, FormField, fieldIds, Heading, Select, Textbox } from '../../ui/index.ts';
import { useSaveStaffMember } from './identity.api.ts';
import { organisationName, roleOrder, teamName } from './identity-display.rules.ts';

type RoleRow = { role: StaffRole | ''; team: string };
type StaffFormValues = {
  email: string;
  displayName: string;
  organisation: string;
  active: boolean;
  preferredLanguage: Language;
  roles: RoleRow[];
};

const formId = 'staff-member';
const fields = ['email', 'displayName', 'organisation', 'preferredLanguage', 'active', 'roles'] as const;

const toFormValues = (member: StaffMemberView | null): StaffFormValues => ({
  email: member?.email ?? '',
  displayName: member?.displayName ?? '',
  organisation: member?.organisation ?? 'city',
  active: member?.active ?? true,
  preferredLanguage: member?.preferredLanguage ?? 'nl',
  roles: member ? member.roles.map((grant) => ({ role: grant.role, team: grant.team ?? '' })) : [{ role: '', team: '' }],
});

// An empty choice stays undefined, so the shared schema names what is missing.
const toInput = (values: StaffFormValues) => ({
  ...values,
  roles: values.roles.map((row) => ({ role: row.role || undefined, team: row.team || undefined })),
});

/**
 * Adds or changes a staff member: name, work e-mail, organisation (the city or a partner of the
 * profile), roles as rows of role and team. The server checks the roles against the city profile
 * (back-office needs a team, partners hold only the partner role) and answers per field.
 */
export const StaffMemberForm = ({ member, onDone }: { member: StaffMemberView | null; onDone: (saved: StaffMemberView | null) => void }) => {
  const { t } = useTranslation();
  const { data: city } = useCity();
  const language = currentLanguage();
  const save = useSaveStaffMember();
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useForm<StaffFormValues, unknown, StaffMemberInput>({
    ...formOptions,
    resolver: zodFormResolver(staffMemberInputSchema, {
      prepare: toInput,
      messages: (issue, path) => {
        if (path === 'displayName') return t('identity.staffDirectory.displayNameInvalid');
        if (path === 'organisation') return t('identity.staffDirectory.organisationRequired');
        if (/^roles\.\d+\.role$/.test(path)) return t('identity.staffDirectory.roleRequired');
        if (path === 'roles' && issue.code === 'too_big') return t('identity.staffDirectory.tooManyRoles');
        return undefined;
      },
    }),
    defaultValues: toFormValues(member),
  });
  const roles = useFieldArray({ control: form.control, name: 'roles' });
  const { errors } = form.formState;
  const summary = flattenFieldErrors(errors, fields).map((item) => ({ id: fieldDomId(formId, item.path), message: item.message }));

  // Opening the form moves focus to it (it appears above the table the person was in).
  useEffect(() => heading.current?.focus(), []);

  const submit = form.handleSubmit(
    (input) =>
      save.mutate(
        { id: member?.id ?? null, input },
        {
          onSuccess: (saved) => onDone(saved),
          onError: (failure) => {
            const accept = (field: string) => (fields as readonly string[]).includes(field) || /^roles\.\d+\.(role|team)$/.test(field);
            if (applyServerErrors(failure, form.setError, accept)) setAttempt((n) => n + 1);
          },
        },
      ),
    () => {
      save.reset();
      setAttempt((n) => n + 1);
    },
  );

  const generalError = save.isError && !(save.error instanceof ApiError && save.error.fieldErrors.length > 0) ? save.error : null;
  const id = (path: string) => fieldDomId(formId, path);
  const textField = (name: 'email' | 'displayName', type: 'email' | 'text', autoComplete: string) => (
    <FormField id={id(name)} label={t(`identity.staffDirectory.${name}`)} error={errors[name]?.message}>
      <Textbox
        id={id(name)}
        type={type}
        autoComplete={autoComplete}
        spellCheck={false}
        invalid={Boolean(errors[name])}
        describedBy={[errors[name] && fieldIds(id(name)).error]}
        {...form.register(name)}
      />
    </FormField>
  );

  return (
    <section aria-labelledby={`${formId}-title`} className="gv-panel gv-stack">
      <Heading level={2} id={`${formId}-title`} ref={heading} tabIndex={-1}>
        {member ? t('identity.staffDirectory.editTitle', { name: member.displayName }) : t('identity.staffDirectory.addTitle')}
      </Heading>
      <form className="gv-form" noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary title={t('identity.form.errorTitle')} items={summary} attempt={attempt} headingLevel={3} />
        {generalError ? <QueryAlert error={generalError} /> : null}
        {textField('displayName', 'text', 'off')}
        {textField('email', 'email', 'off')}

        <FormField id={id('organisation')} label={t('identity.staffDirectory.organisation')} error={errors.organisation?.message}>
          <Select
            id={id('organisation')}
            invalid={Boolean(errors.organisation)}
            describedBy={[errors.organisation && fieldIds(id('organisation')).error]}
            {...form.register('organisation')}
          >
            <option value="city">{organisationName(city, 'city', language)}</option>
            {city?.partners.map((partner) => (
              <option key={partner.id} value={partner.id}>
                {organisationName(city, partner.id, language)}
              </option>
            ))}
          </Select>
        </FormField>

        <FormField id={id('preferredLanguage')} label={t('identity.staffDirectory.language')} error={errors.preferredLanguage?.message}>
          <Select id={id('preferredLanguage')} invalid={Boolean(errors.preferredLanguage)} {...form.register('preferredLanguage')}>
            {languages.map((lang) => (
              <option key={lang} value={lang} lang={lang}>
                {languageNames[lang]}
              </option>
            ))}
          </Select>
        </FormField>

        <Choice id={id('active')} type="checkbox" label={t('identity.staffDirectory.activeLabel')} {...form.register('active')} />

        <Fieldset
          id={id('roles')}
          legend={t('identity.staffDirectory.roles')}
          description={t('identity.staffDirectory.rolesHint')}
          error={errors.roles?.message ?? errors.roles?.root?.message}
        >
          <ol className="gv-role-rows">
            {roles.fields.map((row, index) => {
              const roleError = errors.roles?.[index]?.role?.message;
              const teamError = errors.roles?.[index]?.team?.message;
              return (
                <li key={row.id} className="gv-role-row">
                  <Fieldset id={id(`roles.${index}`)} legend={t('identity.staffDirectory.roleRow', { number: index + 1 })} className="gv-role-row__fields">
                    <div className="gv-role-row__grid">
                      <FormField id={id(`roles.${index}.role`)} label={t('identity.staffDirectory.role')} error={roleError}>
                        <Select
                          id={id(`roles.${index}.role`)}
                          invalid={Boolean(roleError)}
                          describedBy={[roleError && fieldIds(id(`roles.${index}.role`)).error]}
                          {...form.register(`roles.${index}.role`)}
                        >
                          <option value="">{t('identity.staffDirectory.chooseRole')}</option>
                          {roleOrder.map((role) => (
                            <option key={role} value={role}>
                              {t(`identity.roles.${role}`)}
                            </option>
                          ))}
                        </Select>
                      </FormField>
                      <FormField id={id(`roles.${index}.team`)} label={t('identity.staffDirectory.team')} error={teamError}>
                        <Select
                          id={id(`roles.${index}.team`)}
                          invalid={Boolean(teamError)}
                          describedBy={[teamError && fieldIds(id(`roles.${index}.team`)).error]}
                          {...form.register(`roles.${index}.team`)}
                        >
                          <option value="">{t('identity.staffDirectory.noTeam')}</option>
                          {city?.teams.map((team) => (
                            <option key={team.id} value={team.id}>
                              {teamName(city, team.id, language)}
                            </option>
                          ))}
                        </Select>
                      </FormField>
                      <div className="gv-role-row__remove">
                        <Button appearance="subtle" onClick={() => roles.remove(index)}>
                          {t('identity.staffDirectory.removeRole', { number: index + 1 })}
                        </Button>
                      </div>
                    </div>
                  </Fieldset>
                </li>
              );
            })}
          </ol>
          <div>
            <Button appearance="secondary-action" onClick={() => roles.append({ role: '', team: '' }, { focusName: `roles.${roles.fields.length}.role` })}>
              {t('identity.staffDirectory.addRole')}
            </Button>
          </div>
        </Fieldset>

        <div className="gv-button-row">
          <Button type="submit" appearance="primary-action" disabled={save.isPending}>
            {save.isPending ? t('identity.staffDirectory.saving') : t('identity.staffDirectory.save')}
          </Button>
          <Button appearance="secondary-action" onClick={() => onDone(null)}>
            {t('identity.staffDirectory.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
};
