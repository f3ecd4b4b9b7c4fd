import { AppError, defineProblems } from '../../platform/http/problem.ts';

/** Problem codes of the register module. */
export const registerProblems = defineProblems({
  /** The register knows no one with this national register number. */
  'person-not-found': {
    status: 404,
    title: {
      nl: 'Het bevolkingsregister kent niemand met dit rijksregisternummer.',
      fr: 'Le registre de la population ne connaît personne avec ce numéro de registre national.',
      en: 'The population register knows no one with this national register number.',
    },
  },
});

/** A register failure as problem+json; importing it also registers the codes above. */
export const registerError = (code: keyof typeof registerProblems): AppError => new AppError(code);
