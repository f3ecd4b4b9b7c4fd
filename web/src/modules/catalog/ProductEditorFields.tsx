import type { ReactNode } from 'react';
import { Controller, type FieldErrors, type FieldValues, get, useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ipdcTargetAudiences, ipdcThemes, ipdcTypes } from '../../../../shared/src/catalog/ipdc-codes.ts';
import { lifeEvents } from '../../../../shared/src/catalog/life-events.ts';
import { type ProductChannelId, productChannelIdSchema } from '../../../../shared/src/catalog/product.schema.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { useCity } from '../../app/city.ts';
import { localized } from '../../app/city-display.rules.ts';
import { fieldDomId, flattenFieldErrors } from '../../app/form.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { Button, Choice, Fieldset, FormField, fieldIds, Heading, Select, Textbox } from '../../ui/index.ts';
import { editorFormId } from './catalog-editor.rules.ts';

/**
 * The controls of the catalogue editor's form, one per part of a product definition. They read
 * the form through react-hook-form's context; every control's id is `fieldDomId(editorFormId,
 * path)`, so the error summary can lead to it, and every group that can carry an error of its own
 * (a list, the channels) is a focusable block with its path's id.
 */

const languages: readonly Language[] = ['nl', 'fr', 'en'];

const domId = (path: string) => fieldDomId(editorFormId, path);

/** The first message at or under `path`: a list's own error or the first of its items. */
const errorAt = (errors: FieldErrors<FieldValues>, path: string): string | undefined => {
  const node: unknown = get(errors, path);
  if (!node) return undefined;
  return flattenFieldErrors(node)[0]?.message;
};

const ownError = (errors: FieldErrors<FieldValues>, path: string): string | undefined => {
  const node = get(errors, path) as { message?: unknown; root?: { message?: unknown } } | undefined;
  const message = node?.message ?? node?.root?.message;
  return typeof message === 'string' ? message : undefined;
};

const describedBy = (id: string, hint: boolean, error: boolean) => [hint && fieldIds(id).description, error && fieldIds(id).error];

/** A block an error summary line can lead to (a list, a channel): focusable without being in the tab order. */
const Target = ({ path, className, children }: { path: string; className?: string; children: ReactNode }) => (
  <div id={domId(path)} tabIndex={-1} className={className ?? 'gv-editor-group'}>
    {children}
  </div>
);

/** A text box or text area for one string field. */
export const TextField = ({
  path,
  label,
  hint,
  multiline = false,
  type = 'text',
  lang,
}: {
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  multiline?: boolean;
  type?: 'text' | 'url' | 'email' | 'tel' | 'number';
  lang?: Language;
}) => {
  const {
    register,
    formState: { errors },
  } = useFormContext();
  const id = domId(path);
  const error = ownError(errors, path);
  const described = describedBy(id, Boolean(hint), Boolean(error));
  return (
    <FormField id={id} label={label} description={hint} error={error}>
      {multiline ? (
        <textarea
          id={id}
          lang={lang}
          rows={4}
          className="utrecht-textarea utrecht-textarea--html-textarea gv-editor-textarea"
          aria-invalid={error ? true : undefined}
          aria-describedby={described.filter(Boolean).join(' ') || undefined}
          {...register(path)}
        />
      ) : (
        <Textbox
          id={id}
          type={type}
          lang={lang}
          invalid={Boolean(error)}
          describedBy={described}
          {...(type === 'number' ? { inputMode: 'decimal' as const, step: 'any' } : {})}
          {...register(path, type === 'number' ? { valueAsNumber: true } : {})}
        />
      )}
    </FormField>
  );
};

/** A text in Dutch, French and English, side by side (translators compare the three). */
export const LocalizedFields = ({ path, legend, hint, multiline = false }: { path: string; legend: ReactNode; hint?: ReactNode; multiline?: boolean }) => {
  const { t } = useTranslation();
  return (
    <Fieldset id={domId(path)} legend={legend} description={hint} className="gv-editor-languages">
      {languages.map((language) => (
        <TextField key={language} path={`${path}.${language}`} label={t(`catalogEditor.languages.${language}`)} multiline={multiline} lang={language} />
      ))}
    </Fieldset>
  );
};

/** A yes/no field. */
export const CheckboxField = ({ path, label }: { path: string; label: ReactNode }) => {
  const {
    register,
    formState: { errors },
  } = useFormContext();
  const id = domId(path);
  const error = ownError(errors, path);
  return (
    <div className="gv-editor-checkbox">
      {error ? (
        <div className="utrecht-form-field-error-message" id={fieldIds(id).error}>
          {error}
        </div>
      ) : null}
      <Choice id={id} type="checkbox" label={label} invalid={Boolean(error)} describedBy={[error && fieldIds(id).error]} {...register(path)} />
    </div>
  );
};

/** A choice from a short list; `empty` adds a first option that leaves the field out. */
export const SelectField = ({
  path,
  label,
  options,
  empty,
}: {
  path: string;
  label: ReactNode;
  options: { value: string; label: string }[];
  empty?: string;
}) => {
  const {
    register,
    formState: { errors },
  } = useFormContext();
  const id = domId(path);
  const error = ownError(errors, path);
  return (
    <FormField id={id} label={label} error={error}>
      <Select id={id} invalid={Boolean(error)} describedBy={[error && fieldIds(id).error]} {...register(path)}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </FormField>
  );
};

/** A list of words or notes, one per line, in one text area. */
export const LinesField = ({ path, label, hint, lang }: { path: string; label: ReactNode; hint?: ReactNode; lang?: Language }) => {
  const {
    control,
    formState: { errors },
  } = useFormContext();
  const id = domId(path);
  const error = errorAt(errors, path);
  const described = describedBy(id, Boolean(hint), Boolean(error));
  return (
    <Controller
      control={control}
      name={path}
      render={({ field }) => (
        <FormField id={id} label={label} description={hint} error={error}>
          <textarea
            id={id}
            lang={lang}
            rows={5}
            className="utrecht-textarea utrecht-textarea--html-textarea gv-editor-textarea"
            aria-invalid={error ? true : undefined}
            aria-describedby={described.filter(Boolean).join(' ') || undefined}
            name={field.name}
            ref={field.ref}
            onBlur={field.onBlur}
            // Lines are kept as typed (also empty ones) until the form is checked, so typing never jumps.
            value={((field.value as string[] | undefined) ?? []).join('\n')}
            onChange={(event) => field.onChange(event.target.value.split('\n'))}
          />
        </FormField>
      )}
    />
  );
};

/** Checkboxes for a list of codes (themes, target audiences, life events, related products). */
export const ChoiceListField = ({ path, legend, options }: { path: string; legend: ReactNode; options: { value: string; label: string }[] }) => {
  const {
    control,
    formState: { errors },
  } = useFormContext();
  const error = errorAt(errors, path);
  return (
    <Target path={path}>
      <Controller
        control={control}
        name={path}
        render={({ field }) => {
          const chosen = (field.value as string[] | undefined) ?? [];
          return (
            <Fieldset id={`${domId(path)}-group`} legend={legend} error={error} className="gv-editor-choices">
              {options.map((option) => (
                <Choice
                  key={option.value}
                  id={`${domId(path)}-${option.value}`}
                  type="checkbox"
                  label={option.label}
                  checked={chosen.includes(option.value)}
                  onChange={(event) => field.onChange(event.target.checked ? [...chosen, option.value] : chosen.filter((value) => value !== option.value))}
                />
              ))}
            </Fieldset>
          );
        }}
      />
    </Target>
  );
};

/**
 * A repeated group (a procedure step, a cost, a legal basis): each item in its own fieldset with
 * buttons to move it up and to remove it, and one button to add an item at the end.
 */
export const ListField = ({
  path,
  legend,
  itemLegend,
  addLabel,
  empty,
  children,
}: {
  path: string;
  legend: string;
  itemLegend: (position: number) => string;
  addLabel: string;
  empty: Record<string, unknown>;
  children: (itemPath: string) => ReactNode;
}) => {
  const { t } = useTranslation();
  const {
    control,
    formState: { errors },
  } = useFormContext();
  const { fields, append, remove, move } = useFieldArray({ control, name: path });
  const error = ownError(errors, path);
  return (
    <Target path={path}>
      <Heading level={3}>{legend}</Heading>
      {error ? (
        <div className="utrecht-form-field-error-message" id={fieldIds(domId(path)).error}>
          {error}
        </div>
      ) : null}
      {fields.length === 0 ? <p className="utrecht-paragraph">{t('catalogEditor.form.noItems')}</p> : null}
      {fields.map((item, index) => (
        <Fieldset key={item.id} id={domId(`${path}.${index}`)} legend={itemLegend(index + 1)} className="gv-editor-item">
          {children(`${path}.${index}`)}
          <div className="gv-editor-item__actions">
            {index > 0 ? (
              <Button appearance="subtle" onClick={() => move(index, index - 1)}>
                {t('catalogEditor.form.moveUp', { item: itemLegend(index + 1) })}
              </Button>
            ) : null}
            <Button appearance="subtle" onClick={() => remove(index)}>
              {t('catalogEditor.form.remove', { item: itemLegend(index + 1) })}
            </Button>
          </div>
        </Fieldset>
      ))}
      <div>
        <Button onClick={() => append(structuredClone(empty))}>{addLabel}</Button>
      </div>
    </Target>
  );
};

const emptyText = { nl: '', fr: '', en: '' };

/** Requirements, evidence or procedure: a list of texts in three languages. */
export const TextListField = ({ path, legend, itemLegend, addLabel }: { path: string; legend: string; itemLegend: string; addLabel: string }) => (
  <ListField path={path} legend={legend} itemLegend={(position) => `${itemLegend} ${position}`} addLabel={addLabel} empty={emptyText}>
    {(itemPath) => <LocalizedFieldsInline path={itemPath} multiline />}
  </ListField>
);

/** Three language fields without their own fieldset (inside an item's fieldset). */
const LocalizedFieldsInline = ({ path, multiline = false }: { path: string; multiline?: boolean }) => {
  const { t } = useTranslation();
  return (
    <div className="gv-editor-languages">
      {languages.map((language) => (
        <TextField key={language} path={`${path}.${language}`} label={t(`catalogEditor.languages.${language}`)} multiline={multiline} lang={language} />
      ))}
    </div>
  );
};

const channelStatuses = ['none', 'available', 'unavailable'] as const;
type ChannelStatus = (typeof channelStatuses)[number];

/**
 * One channel: not mentioned, available (with appointment, hours, lead time, web address) or not
 * available (with why, which the product page shows to residents).
 */
export const ChannelFields = ({ id }: { id: ProductChannelId }) => {
  const { t } = useTranslation();
  const { watch, setValue, getValues, control } = useFormContext();
  const city = useCity();
  const path = `channels.${id}`;
  const channel = watch(path) as { available?: boolean } | undefined;
  const status: ChannelStatus = channel ? (channel.available ? 'available' : 'unavailable') : 'none';
  const statusId = domId(`${path}.available`);
  const change = (next: ChannelStatus) => {
    const current = getValues(path) as Record<string, unknown> | undefined;
    setValue(path, next === 'none' ? undefined : { ...(current ?? {}), available: next === 'available' }, { shouldDirty: true });
  };
  return (
    <Target path={path} className="gv-editor-channel">
      <Heading level={4}>{t(`catalogEditor.channels.${id}`)}</Heading>
      <FormField id={statusId} label={t('catalogEditor.form.channelStatus', { channel: t(`catalogEditor.channels.${id}`) })}>
        <Select id={statusId} value={status} onChange={(event) => change(event.target.value as ChannelStatus)}>
          {channelStatuses.map((value) => (
            <option key={value} value={value}>
              {t(`catalogEditor.form.channelStatuses.${value}`)}
            </option>
          ))}
        </Select>
      </FormField>
      {status !== 'none' ? (
        <LocalizedFields
          path={`${path}.conditions`}
          legend={t('catalogEditor.fields.conditions')}
          hint={t(status === 'available' ? 'catalogEditor.form.conditionsHint' : 'catalogEditor.form.unavailableHint')}
        />
      ) : null}
      {status === 'available' ? (
        <>
          <SelectField
            path={`${path}.appointment`}
            label={t('catalogEditor.fields.appointment')}
            empty={t('catalogEditor.form.notSaid')}
            options={(['required', 'optional', 'none'] as const).map((value) => ({ value, label: t(`catalog.product.appointment.${value}`) }))}
          />
          <Controller
            control={control}
            name={`${path}.automated24x7`}
            render={({ field }) => (
              <Choice
                id={domId(`${path}.automated24x7`)}
                type="checkbox"
                label={t('catalogEditor.fields.automated24x7')}
                name={field.name}
                onBlur={field.onBlur}
                checked={field.value === true}
                onChange={(event) => field.onChange(event.target.checked)}
              />
            )}
          />
          <LocalizedFields path={`${path}.leadTime`} legend={t('catalogEditor.fields.leadTime')} hint={t('catalogEditor.form.optional')} />
          <TextField path={`${path}.url`} label={t('catalogEditor.fields.url')} hint={t('catalogEditor.form.urlHint')} type="url" />
          {id === 'partner' ? (
            <SelectField
              path={`${path}.partnerId`}
              label={t('catalogEditor.fields.partnerId')}
              empty={t('catalogEditor.form.noPartner')}
              options={(city.data?.partners ?? []).map((partner) => ({ value: partner.id, label: localized(partner.name, currentLanguage()) }))}
            />
          ) : null}
        </>
      ) : null}
    </Target>
  );
};

/** Every channel, in the order residents are pointed to them. */
export const ChannelsField = () => {
  const { t } = useTranslation();
  const {
    formState: { errors },
  } = useFormContext();
  const error = ownError(errors, 'channels');
  return (
    <Target path="channels">
      <Heading level={3}>{t('catalogEditor.fields.channels')}</Heading>
      {error ? (
        <div className="utrecht-form-field-error-message" id={fieldIds(domId('channels')).error}>
          {error}
        </div>
      ) : null}
      {productChannelIdSchema.options.map((id) => (
        <ChannelFields key={id} id={id} />
      ))}
    </Target>
  );
};

/** The code lists as checkbox options in the reader's language. */
export const useCodeOptions = () => {
  const language = currentLanguage();
  const city = useCity();
  const options = <T extends string>(table: Record<T, { label: Record<Language, string> }>) =>
    (Object.keys(table) as T[]).map((value) => ({ value, label: table[value].label[language] }));
  return {
    types: options(ipdcTypes),
    themes: options(ipdcThemes),
    audiences: options(ipdcTargetAudiences),
    lifeEvents: options(lifeEvents),
    teams: (city.data?.teams ?? []).map((team) => ({ value: team.id, label: localized(team.name, language) })),
  };
};
