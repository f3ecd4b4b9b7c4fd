import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formDefinitionSchema, missingTranslations } from './form-definition.schema.ts';

const formsDir = join(import.meta.dirname, '../../../config/forms/harelbeke');
const catalogDir = join(import.meta.dirname, '../../../config/catalog/harelbeke');
const files = readdirSync(formsDir).filter((name) => name.endsWith('.yaml'));

describe('the Harelbeke form definitions', () => {
  it('include the forms issue 5 asks for', () => {
    expect(files.map((name) => name.replace(/\.yaml$/, '')).sort()).toEqual(
      expect.arrayContaining([
        'afschrift-akte',
        'attest-gezinssamenstelling',
        'attest-woonst',
        'evenement',
        'melding-openbaar-domein',
        'uittreksel-strafregister',
        'vraag',
      ]),
    );
  });

  it.each(files)('%s is a valid definition for a catalogue product, in nl, fr and en', (file) => {
    const result = formDefinitionSchema.safeParse(parse(readFileSync(join(formsDir, file), 'utf8')));
    expect(result.error?.issues ?? []).toEqual([]);
    if (!result.success) return;
    expect(`${result.data.product}.yaml`).toBe(file);
    expect(readdirSync(catalogDir)).toContain(file);
    expect(missingTranslations(result.data, ['nl', 'fr', 'en'])).toEqual([]);
  });
});
