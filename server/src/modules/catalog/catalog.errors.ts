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
});

/** A catalogue failure as problem+json. Importing it (a value) also registers the codes above before any is thrown. */
export const catalogError = (code: keyof typeof catalogProblems, options?: ConstructorParameters<typeof AppError>[1]): AppError => new AppError(code, options);
