import { type ReactNode, useState } from 'react';
import { type FieldError, get, type UseFormReturn, useController, useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type FormField, type GroupField, type LeafField, localize, mediaTypeAllowed, type VisibleField } from '../../../../shared/src/forms/index.ts';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { fieldDomId } from '../../app/form.ts';
import { locales } from '../../app/language.rules.ts';
import { Button, Choice, FormField as FieldBox, Fieldset, fieldIds, Heading, Select, Textbox } from '../../ui/index.ts';
import { UploadList, uploadErrorMessage } from './Attachments.tsx';
import { uploadFile } from './attachments.api.ts';
import { acceptAttribute, emptyGroupItem, formatFileSize, rendersAsOptions } from './form-renderer.rules.ts';
import { StreetInput } from './StreetInput.tsx';
import { TextArea } from './TextArea.tsx';

// biome-ignore lint/suspicious/noExplicitAny: the renderer's values follow the form definition, known only at run time.
type Values = Record<string, any>;
type Form = UseFormReturn<Values>;

/** What every field component needs: the form, its id, the visible fields by path and the reader's language. */
export type FieldContext = {
  form: Form;
  formId: string;
  visible: ReadonlyMap<string, VisibleField>;
  lang: Language;
  /** Where the answers live in the form values (`answers`). */
  root: string;
  /** The product whose form this is: a file is uploaded for its question (`POST /api/uploads?form=…&field=…`). */
  product: string;
  /** Without a login: the page's secret upload scope, sent with each upload and with the submission. */
  uploadScope?: string | undefined;
};

/** The message of the error at `name`, or of the first error under it (a file of a list, a part of an address). */
const errorAt = (form: Form, name: string): string | undefined => {
  const found = get(form.formState.errors, name) as FieldError | Record<string, unknown> | undefined;
  if (!found) return undefined;
  if (typeof found.message === 'string' && found.message) return found.message;
  for (const [key, child] of Object.entries(found)) {
    if (key === 'ref' || typeof child !== 'object' || child === null) continue;
    const message = (child as { message?: unknown }).message;
    if (typeof message === 'string' && message) return message;
  }
  return undefined;
};

/** The label with "(niet verplicht)" for optional questions, as NL Design System advises (required is the norm in short forms). */
const Label = ({ field, required, lang }: { field: FormField; required: boolean; lang: Language }) => {
  const { t } = useTranslation();
  return (
    <>
      {localize(field.label, lang)}
      {required || field.type === 'consent' ? null : <span className="gv-optional"> {t('cases.form.optional')}</span>}
    </>
  );
};

const help = (field: FormField, lang: Language) => (field.help ? localize(field.help, lang) : undefined);

/** A leaf field (everything but a repeatable group) at `path` (`email`, `children.1.birthDate`). */
export const LeafFieldControl = ({ context, field, path }: { context: FieldContext; field: LeafField; path: string }) => {
  const { t } = useTranslation();
  const { form, formId, lang, root, visible } = context;
  const name = `${root}.${path}`;
  const id = fieldDomId(formId, name);
  const ids = fieldIds(id);
  const required = visible.get(path)?.required ?? false;
  const error = errorAt(form, name);
  const hint = help(field, lang);
  const describedBy = [hint && ids.description, error && ids.error];
  const label = <Label field={field} required={required} lang={lang} />;

  if (rendersAsOptions(field)) {
    const options =
      field.type === 'yes-no'
        ? [
            { value: 'yes', label: t('cases.form.yes') },
            { value: 'no', label: t('cases.form.no') },
          ]
        : 'options' in field
          ? field.options.map((option) => ({
              value: option.value,
              label: localize(option.label, lang),
              help: option.help ? localize(option.help, lang) : undefined,
            }))
          : [];
    return (
      <Fieldset id={id} legend={label} description={hint} error={error}>
        {options.map((option, index) => (
          <Choice
            key={option.value}
            id={`${id}-option-${index}`}
            type={field.type === 'multiple-choice' ? 'checkbox' : 'radio'}
            value={option.value}
            invalid={Boolean(error)}
            label={
              'help' in option && option.help ? (
                <>
                  {option.label}
                  <span className="gv-choice-help">{option.help}</span>
                </>
              ) : (
                option.label
              )
            }
            {...form.register(name)}
          />
        ))}
      </Fieldset>
    );
  }

  switch (field.type) {
    case 'choice':
      return (
        <FieldBox id={id} label={label} description={hint} error={error}>
          <Select id={id} invalid={Boolean(error)} describedBy={describedBy} {...form.register(name)}>
            <option value="">{t('cases.form.choose')}</option>
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>
                {localize(option.label, lang)}
              </option>
            ))}
          </Select>
        </FieldBox>
      );
    case 'long-text':
      return (
        <FieldBox id={id} label={label} description={hint} error={error}>
          <TextArea id={id} invalid={Boolean(error)} describedBy={describedBy} {...form.register(name)} />
        </FieldBox>
      );
    case 'consent':
      return (
        <div className={`utrecht-form-field gv-consent${error ? ' utrecht-form-field--invalid' : ''}`}>
          {error ? (
            <div className="utrecht-form-field-error-message" id={ids.error}>
              {error}
            </div>
          ) : null}
          <Choice id={id} type="checkbox" label={label} invalid={Boolean(error)} describedBy={describedBy} {...form.register(name)} />
          {hint ? (
            <div className="utrecht-form-field-description gv-consent__help" id={ids.description}>
              {hint}
            </div>
          ) : null}
        </div>
      );
    case 'address':
      return <AddressControl context={context} field={field} path={path} label={label} hint={hint} />;
    case 'file':
      return <FileControl context={context} field={field} path={path} label={label} hint={hint} error={error} />;
    default: {
      const input = textInputProps(field);
      return (
        <FieldBox id={id} label={label} description={hint} error={error}>
          <span className={field.type === 'number' && field.unit ? 'gv-with-unit' : undefined}>
            <Textbox id={id} invalid={Boolean(error)} describedBy={describedBy} {...input} {...form.register(name)} />
            {field.type === 'number' && field.unit ? <span className="gv-unit">{localize(field.unit, lang)}</span> : null}
          </span>
        </FieldBox>
      );
    }
  }
};

/** Input type, keyboard and autofill hint per field type (WCAG 1.3.5: the browser may fill in what it knows). */
const textInputProps = (field: LeafField) => {
  switch (field.type) {
    case 'email':
      return { type: 'email', autoComplete: field.autocomplete ?? 'email', spellCheck: false };
    case 'phone':
      return { type: 'tel', autoComplete: field.autocomplete ?? 'tel' };
    case 'number':
      return { type: 'text', inputMode: field.integer ? ('numeric' as const) : ('decimal' as const), autoComplete: 'off' };
    case 'date':
      return { type: 'date' };
    case 'national-number':
      return { type: 'text', inputMode: 'numeric' as const, autoComplete: 'off', spellCheck: false };
    case 'text':
      return { type: 'text', autoComplete: field.autocomplete ?? 'off' };
    default:
      return { type: 'text' };
  }
};

type PartProps = { context: FieldContext; path: string; label: ReactNode; hint: string | undefined; error: string | undefined };

/** An address: street with suggestions from the register, house number, box, postcode and municipality. */
const AddressControl = ({ context, field, path, label, hint }: Omit<PartProps, 'error'> & { field: Extract<LeafField, { type: 'address' }> }) => {
  const { t } = useTranslation();
  const { form, formId, root } = context;
  const name = `${root}.${path}`;
  // The parts carry their own errors; the group shows only an error about the address as a whole.
  const own = get(form.formState.errors, name) as FieldError | undefined;
  const ownError = typeof own?.message === 'string' && own.message ? own.message : undefined;
  const id = fieldDomId(formId, name);
  const street = useController({ control: form.control, name: `${name}.street` });
  const submitted = form.formState.isSubmitted;
  const part = (key: 'number' | 'box' | 'postcode' | 'municipality', autoComplete: string, extra: { inputMode?: 'numeric' } = {}) => {
    const partId = fieldDomId(formId, `${name}.${key}`);
    const partError = errorAt(form, `${name}.${key}`);
    return (
      <FieldBox id={partId} label={t(`cases.form.address.${key}`)} error={partError}>
        <Textbox
          id={partId}
          autoComplete={autoComplete}
          invalid={Boolean(partError)}
          describedBy={[partError && fieldIds(partId).error]}
          {...extra}
          {...form.register(`${name}.${key}`)}
        />
      </FieldBox>
    );
  };
  const streetId = fieldDomId(formId, `${name}.street`);
  const streetError = errorAt(form, `${name}.street`);
  const postcodes = field.postcodes;
  return (
    <Fieldset id={id} legend={label} description={hint} error={ownError}>
      <div className="gv-address">
        <div className="gv-address__street">
          <FieldBox id={streetId} label={t('cases.form.address.street')} description={t('cases.form.address.streetHint')} error={streetError}>
            <StreetInput
              id={streetId}
              value={String(street.field.value ?? '')}
              onChange={street.field.onChange}
              onBlur={street.field.onBlur}
              inputRef={street.field.ref}
              invalid={Boolean(streetError)}
              describedBy={[fieldIds(streetId).description, streetError && fieldIds(streetId).error].filter(Boolean).join(' ')}
              onPick={(picked) => {
                street.field.onChange(picked.street);
                const options = { shouldValidate: submitted, shouldDirty: true };
                form.setValue(`${name}.postcode`, picked.postcode, options);
                form.setValue(`${name}.municipality`, picked.subMunicipality, options);
              }}
            />
          </FieldBox>
        </div>
        {part('number', 'off')}
        {part('box', 'off')}
        {part('postcode', 'postal-code', { inputMode: 'numeric' })}
        {part('municipality', 'address-level2')}
      </div>
      {postcodes ? <p className="utrecht-form-field-description gv-address__note">{t('cases.form.address.onlyIn', { list: postcodes.join(', ') })}</p> : null}
    </Fieldset>
  );
};

/** A file answer in the form: the stored file once uploaded (with its id), or the chosen one while it uploads. */
type FileValue = { name: string; size: number; type: string; id?: string; key?: string };

/**
 * Files: the browser's own file picker (keyboard and screen reader friendly). A chosen file that
 * fits the question's declared size and types (checked at once by the shared engine) is uploaded
 * straight away, with its progress; the answer then holds the stored file with its id, which the
 * submission sends. The server checks the content and says why it refuses a file, on this field.
 */
const FileControl = ({ context, field, path, label, hint, error }: PartProps & { field: Extract<LeafField, { type: 'file' }> }) => {
  const { t } = useTranslation();
  const { form, formId, lang, root, product, uploadScope } = context;
  const name = `${root}.${path}`;
  const id = fieldDomId(formId, name);
  const ids = fieldIds(id);
  const files = useController({ control: form.control, name });
  const [pending, setPending] = useState<{ key: string; name: string; progress: number }[]>([]);
  const [announce, setAnnounce] = useState('');
  const chosen = Array.isArray(files.field.value) ? (files.field.value as FileValue[]) : [];
  const current = (): FileValue[] => {
    const value = form.getValues(name) as unknown;
    return Array.isArray(value) ? (value as FileValue[]) : [];
  };
  const set = (next: FileValue[]) => form.setValue(name, next, { shouldDirty: true, shouldValidate: form.formState.isSubmitted });

  const upload = async (file: File, key: string) => {
    setPending((list) => [...list, { key, name: file.name, progress: 0 }]);
    setAnnounce(t('cases.attachments.uploading', { name: file.name }));
    try {
      const stored = await uploadFile(file, {
        question: { form: product, field: path },
        scope: uploadScope,
        onProgress: (fraction) => setPending((list) => list.map((item) => (item.key === key ? { ...item, progress: fraction } : item))),
      });
      set(current().map((item) => (item.key === key ? { name: stored.name, size: stored.size, type: stored.type, id: stored.id } : item)));
      setAnnounce(t('cases.attachments.uploaded', { name: stored.name }));
    } catch (failure) {
      set(current().filter((item) => item.key !== key));
      form.setError(name, { type: 'server', message: uploadErrorMessage(failure, t('errors.generic')) });
      setAnnounce('');
    } finally {
      setPending((list) => list.filter((item) => item.key !== key));
    }
  };

  const pick = (picked: File[]) => {
    form.clearErrors(name);
    const added = picked.map((file) => ({
      file,
      value: { name: file.name, size: file.size, type: file.type, key: `${file.name}:${file.size}:${Math.random()}` },
    }));
    set([...(field.maxFiles > 1 ? current() : []), ...added.map((entry) => entry.value)]);
    // What the browser declares is checked here first: a file that is too large or of the wrong type is not sent.
    const fits = (file: File) => file.size <= field.maxSizeBytes && mediaTypeAllowed(file.type, field.accept);
    if (added.some((entry) => !fits(entry.file))) void form.trigger(name);
    for (const entry of added) if (fits(entry.file)) void upload(entry.file, entry.value.key);
  };

  const uploading = new Set(pending.map((item) => item.key));
  return (
    <FieldBox id={id} label={label} description={hint} error={error}>
      <div className="gv-files">
        <input
          id={id}
          ref={files.field.ref}
          type="file"
          className="gv-file-input"
          accept={acceptAttribute(field.accept)}
          multiple={field.maxFiles > 1}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hint && ids.description, error && ids.error].filter(Boolean).join(' ') || undefined}
          onChange={(event) => {
            const picked = Array.from(event.target.files ?? []);
            // The list below shows the files; the empty picker lets the person add more.
            event.target.value = '';
            pick(picked);
          }}
          onBlur={files.field.onBlur}
        />
        <UploadList
          uploaded={chosen
            .filter((file) => !(file.key && uploading.has(file.key)))
            .map((file, index) => ({ key: file.id ?? file.key ?? String(index), name: file.name, size: formatFileSize(file.size, locales[lang]) }))}
          pending={pending}
          remove={(key) => set(current().filter((file, index) => (file.id ?? file.key ?? String(index)) !== key))}
          announce={announce}
        />
      </div>
    </FieldBox>
  );
};

/** A repeatable group: one fieldset per item with its own heading, a remove button each, and an add button. */
export const GroupControl = ({ context, field }: { context: FieldContext; field: GroupField }) => {
  const { t } = useTranslation();
  const { form, formId, lang, root, visible } = context;
  const name = `${root}.${field.id}`;
  const id = fieldDomId(formId, name);
  const items = useFieldArray({ control: form.control, name });
  const required = visible.get(field.id)?.required ?? false;
  const min = Math.max(field.minItems, required ? 1 : 0);
  const groupError = (get(form.formState.errors, name) as FieldError | undefined)?.message;
  const itemLabel = (index: number) =>
    field.itemLabel ? localize(field.itemLabel, lang).replace('{n}', String(index + 1)) : t('cases.form.item', { number: index + 1 });
  return (
    <Fieldset id={id} legend={<Label field={field} required={required} lang={lang} />} description={help(field, lang)} error={groupError}>
      <ol className="gv-group-items">
        {items.fields.map((item, index) => (
          <li key={item.id} className="gv-group-item">
            <section aria-labelledby={`${id}-${index}-title`} className="gv-stack">
              <Heading level={3} id={`${id}-${index}-title`} appearance={4}>
                {itemLabel(index)}
              </Heading>
              {field.fields.map((child) => {
                const childPath = `${field.id}.${index}.${child.id}`;
                return visible.has(childPath) ? <LeafFieldControl key={child.id} context={context} field={child} path={childPath} /> : null;
              })}
              {items.fields.length > min ? (
                <div>
                  <Button appearance="subtle" onClick={() => items.remove(index)}>
                    {t('cases.form.removeItem', { item: itemLabel(index) })}
                  </Button>
                </div>
              ) : null}
            </section>
          </li>
        ))}
      </ol>
      {items.fields.length < field.maxItems ? (
        <div>
          <Button
            id={fieldDomId(formId, `${name}.add`)}
            appearance="secondary-action"
            onClick={() => items.append(emptyGroupItem(field), { focusName: `${name}.${items.fields.length}.${field.fields[0]?.id ?? ''}` })}
          >
            {t('cases.form.addItem', { item: itemLabel(items.fields.length) })}
          </Button>
        </div>
      ) : null}
    </Fieldset>
  );
};
