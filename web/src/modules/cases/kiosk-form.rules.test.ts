import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formDefinitionSchema } from '../../../../shared/src/forms/index.ts';
import { kioskFormOf } from './kiosk-form.rules.ts';

const label = (nl: string) => ({ nl });
const form = (fields: unknown[]) => formDefinitionSchema.parse({ product: 'test', version: 1, title: label('Test'), fields });
const photos = { id: 'photos', type: 'file', accept: ['image/png'], maxSizeBytes: 1000, label: label("Foto's") };
const what = { id: 'what', type: 'long-text', required: true, label: label('Wat?') };
const ids = (definition: { fields: { id: string }[] }) => definition.fields.map((field) => field.id);

describe('kioskFormOf', () => {
  it('leaves out optional file questions, and says so', () => {
    const kiosk = kioskFormOf(form([what, photos]));
    expect(kiosk && ids(kiosk.form)).toEqual(['what']);
    expect(kiosk?.withoutFiles).toBe(true);
  });

  it('keeps a form without files as it is', () => {
    const definition = form([what]);
    expect(kioskFormOf(definition)).toEqual({ form: definition, withoutFiles: false });
  });

  it('leaves out file questions inside a group, and a group that held only files', () => {
    const kiosk = kioskFormOf(
      form([
        what,
        { id: 'items', type: 'group', label: label('Stukken'), fields: [{ id: 'note', type: 'text', label: label('Uitleg') }, photos] },
        { id: 'scans', type: 'group', label: label('Scans'), fields: [{ ...photos, id: 'scan' }] },
      ]),
    );
    expect(kiosk && ids(kiosk.form)).toEqual(['what', 'items']);
    const group = kiosk?.form.fields[1];
    expect(group?.type === 'group' ? ids(group) : null).toEqual(['note']);
  });

  it('refuses a form that needs a file, or asks something depending on one', () => {
    expect(kioskFormOf(form([what, { ...photos, required: true }]))).toBeNull();
    expect(
      kioskFormOf(
        form([
          { id: 'send', type: 'yes-no', label: label('Sturen?') },
          { ...photos, requiredIf: { field: 'send', op: 'is-yes' } },
        ]),
      ),
    ).toBeNull();
    expect(kioskFormOf(form([photos, { ...what, required: false, visibleIf: { field: 'photos', op: 'not-empty' } }]))).toBeNull();
    expect(kioskFormOf(form([photos]))).toBeNull();
  });

  it.each(['vraag', 'melding-openbaar-domein'])('takes the city’s %s form at the kiosk', (product) => {
    const file = path.resolve(import.meta.dirname, `../../../../config/forms/harelbeke/${product}.yaml`);
    const kiosk = kioskFormOf(formDefinitionSchema.parse(parse(readFileSync(file, 'utf8'))));
    expect(kiosk).not.toBeNull();
    expect(kiosk?.form.fields.some((field) => field.type === 'file')).toBe(false);
  });
});
