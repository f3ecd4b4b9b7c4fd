import type { Language } from '../../../../shared/src/platform/language.ts';
import { AppError, defineProblems } from '../../platform/http/problem.ts';

/** Problem codes of the catalogue module. */
export const catalogProblems = defineProblems({
  /** The search question is empty, or nothing but punctuation or symbols. */
  'search-query-empty': {
    status: 400,
    title: { nl: 'Typ een paar woorden om te zoeken.', fr: 'Tapez quelques mots pour chercher.', en: 'Type a few words to search.' },
  },
  /** The search question is longer than 500 characters. */
  'search-query-too-long': {
    status: 400,
    title: {
      nl: 'Uw zoekvraag is te lang. Gebruik minder dan 500 tekens.',
      fr: 'Votre recherche est trop longue. Utilisez moins de 500 caractères.',
      en: 'Your search is too long. Use fewer than 500 characters.',
    },
  },
  /** The search question contains control characters, undecodable bytes or markup. */
  'search-query-invalid': {
    status: 400,
    title: {
      nl: 'Uw zoekvraag bevat tekens die we niet kunnen lezen.',
      fr: 'Votre recherche contient des caractères que nous ne pouvons pas lire.',
      en: 'Your search contains characters we cannot read.',
    },
  },
  /** No published product has this slug. */
  'catalog-product-not-found': {
    status: 404,
    title: { nl: 'Deze dienst bestaat niet.', fr: "Ce service n'existe pas.", en: 'This service does not exist.' },
  },
  /** The product has no version with this number. */
  'catalog-version-not-found': {
    status: 404,
    title: { nl: 'Deze versie bestaat niet.', fr: "Cette version n'existe pas.", en: 'This version does not exist.' },
  },
  /** Someone saved the product after the version the write was based on (If-Match). */
  'catalog-version-conflict': {
    status: 409,
    title: {
      nl: 'Iemand anders heeft deze dienst intussen gewijzigd. Open de nieuwste versie en doe uw wijziging opnieuw.',
      fr: "Quelqu'un d'autre a modifié ce service entre-temps. Ouvrez la dernière version et refaites votre modification.",
      en: 'Someone else changed this product in the meantime. Open the latest version and make your change again.',
    },
  },
  /** A save must say which version it changes (If-Match), so it cannot silently overwrite someone else's. */
  'catalog-version-required': {
    status: 428,
    title: {
      nl: 'Zeg welke versie u wijzigt (If-Match).',
      fr: 'Indiquez la version que vous modifiez (If-Match).',
      en: 'Say which version you are changing (If-Match).',
    },
  },
});

/** Invalid fields of a product definition: `validation-failed` with one entry per field, in every language. */
export const catalogValidationError = (fields: { field: string; code: string; message: Record<Language, string> }[]): AppError =>
  new AppError('validation-failed', { fields });

/** A catalogue failure as problem+json. Importing it (a value) also registers the codes above before any is thrown. */
export const catalogError = (code: keyof typeof catalogProblems, options?: ConstructorParameters<typeof AppError>[1]): AppError => new AppError(code, options);
