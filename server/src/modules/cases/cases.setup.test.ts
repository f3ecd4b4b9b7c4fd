import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { route } from '../../../../shared/src/cases/index.ts';
import { loadCityProfile } from '../../platform/city/city-profile.loader.ts';
import { genericForm, subMunicipalityOf } from './case-intake.rules.ts';
import { CasesSetupError, loadCasesSetup, parseRoutingFile, parseTemplatesFile } from './cases.setup.ts';

const profilePath = path.resolve(import.meta.dirname, '../../../../config/cities/harelbeke.yaml');

describe('the Harelbeke case setup', () => {
  it('loads the routing rules and every form definition', async () => {
    const city = await loadCityProfile(profilePath);
    const setup = await loadCasesSetup({ cityProfilePath: profilePath, city });
    expect(setup.routing.defaultTeam).toBe('contactcenter');
    expect(setup.productFamilies['melding-openbaar-domein']).toBe('report');
    expect([...setup.forms.keys()]).toEqual(expect.arrayContaining(['vraag', 'attest-gezinssamenstelling', 'melding-openbaar-domein']));
    expect(route(setup.routing, { product: { slug: 'vraag', family: 'general' }, channel: 'counter' }).team).toBe('onthaal');
  });

  it('refuses rules that name a team or sub-municipality the city does not have, naming the field', async () => {
    const city = await loadCityProfile(profilePath);
    expect(() => parseRoutingFile({ defaultTeam: 'contactcenter', rules: [{ id: 'x', product: 'vraag', team: 'brandweer' }] }, city, 'routing.yaml')).toThrow(
      /routing\.yaml: rules\[0\]\.team team brandweer is not in the city profile/,
    );
    expect(() =>
      parseRoutingFile({ defaultTeam: 'contactcenter', rules: [{ id: 'x', family: 'report', subMunicipality: 'Kortrijk', team: 'omgeving' }] }, city, 'r.yaml'),
    ).toThrow(CasesSetupError);
    expect(() => parseRoutingFile({ defaultTeam: 'contactcenter', productFamilies: { vraag: 'question' } }, city, 'r.yaml')).toThrow(/productFamilies\.vraag/);
  });

  it('loads the message templates, each in three languages with known placeholders only', async () => {
    const city = await loadCityProfile(profilePath);
    const { templates } = await loadCasesSetup({ cityProfilePath: profilePath, city });
    expect(templates.map((template) => template.id)).toEqual([
      'ontbrekend-document',
      'afspraak-eid',
      'antwoord-vraag',
      'doorgegeven',
      'beslissing-positief',
      'beslissing-negatief',
      'wacht-op-u',
      'afsluiten',
    ]);
  });

  it('refuses a template with an unknown placeholder or team in one line naming the field', async () => {
    const city = await loadCityProfile(profilePath);
    const text = { nl: 'Dossier {{reference}}', fr: 'Dossier {{reference}}', en: 'Case {{reference}}' };
    const template = { id: 'x', title: text, body: text };
    const unknown = () => parseTemplatesFile({ templates: [{ ...template, body: { ...text, nl: 'Dossier {{referentie}}' } }] }, city, 't.yaml');
    expect(unknown).toThrow(CasesSetupError);
    expect(unknown).toThrow(/^Invalid message templates t\.yaml: templates\[0\]\.body\.nl uses the unknown placeholder \{\{referentie\}\}/);
    expect(() => parseTemplatesFile({ templates: [{ ...template, scope: { teams: ['brandweer'] } }] }, city, 't.yaml')).toThrow(
      /templates\[0\]\.scope\.teams\[0\] team brandweer is not in the city profile/,
    );
    expect(parseTemplatesFile(null, city, 'empty.yaml')).toEqual([]);
  });

  it('places an address in its sub-municipality by name or by a postcode only one of them has', async () => {
    const city = await loadCityProfile(profilePath);
    expect(subMunicipalityOf(city, { postcode: '8530' })).toBe('Harelbeke');
    expect(subMunicipalityOf(city, { postcode: '8531' })).toBeUndefined();
    expect(subMunicipalityOf(city, { postcode: '8531', municipality: 'hulste' })).toBe('Hulste');
  });

  it('gives a product without a form one free question', () => {
    expect(genericForm('grofvuil').fields.map((field) => [field.id, field.type, field.required])).toEqual([['description', 'long-text', true]]);
  });
});
