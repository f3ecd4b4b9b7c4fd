import type { CityProfile } from '../../../../shared/src/city/index.ts';
import { type AddressAnswer, type FormAnswers, type FormDefinition, formDefinitionSchema } from '../../../../shared/src/forms/index.ts';

/**
 * Pure helpers for a new case: the generic form of a product without its own, and the place a case
 * is about (the sub-municipality routing rules look at).
 */

/**
 * The form for a product the city has not written a form for: one free question. Every request,
 * whatever the product, can then become a case (at the desk, on the phone) instead of being refused.
 */
export const genericForm = (product: string): FormDefinition =>
  formDefinitionSchema.parse({
    product,
    version: 1,
    title: { nl: 'Uw aanvraag', fr: 'Votre demande', en: 'Your request' },
    fields: [
      {
        id: 'description',
        type: 'long-text',
        required: true,
        maxLength: 5000,
        label: { nl: 'Wat wilt u aanvragen of vragen?', fr: 'Que souhaitez-vous demander ?', en: 'What would you like to request or ask?' },
        help: {
          nl: 'Schrijf zo volledig mogelijk wat u nodig hebt. Geef geen rijksregisternummer of medische gegevens.',
          fr: 'Décrivez le plus complètement possible ce dont vous avez besoin. Ne donnez pas de numéro de registre national ni de données médicales.',
          en: 'Describe as fully as you can what you need. Do not give a national register number or medical details.',
        },
      },
    ],
  });

const sameName = (a: string, b: string) => a.localeCompare(b, 'nl', { sensitivity: 'base' }) === 0;

/** The first address answered in the form, in form order (the place an event or a report is about). */
export const firstAddressAnswer = (definition: FormDefinition, answers: FormAnswers): AddressAnswer | undefined => {
  for (const field of definition.fields) {
    if (field.type !== 'address') continue;
    const value = answers[field.id];
    if (value && typeof value === 'object' && !Array.isArray(value) && 'street' in value) return value as AddressAnswer;
  }
  return undefined;
};

/**
 * The sub-municipality of an address by what it says: its municipality part when that names one,
 * else its postcode when only one sub-municipality has it. Undefined when it cannot tell (Bavikhove
 * and Hulste share 8531: the caller may ask the register's streets).
 */
export const subMunicipalityOf = (city: CityProfile, address: Pick<AddressAnswer, 'postcode' | 'municipality'>): string | undefined => {
  const places = city.subMunicipalities;
  const byName = address.municipality ? places.find((place) => sameName(place.name, address.municipality ?? '')) : undefined;
  if (byName) return byName.name;
  const byPostcode = places.filter((place) => place.postcode === address.postcode);
  return byPostcode.length === 1 ? byPostcode[0]?.name : undefined;
};
