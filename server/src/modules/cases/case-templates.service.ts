import type { CaseMessageTemplatesResponse } from '../../../../shared/src/cases/cases.contract.ts';
import { type ProductFamily, renderTemplate, type TemplateFacts, type TextPerLanguage, templatesFor } from '../../../../shared/src/cases/index.ts';
import type { LocalizedText } from '../../../../shared/src/city/index.ts';
import type { Actor } from '../../../../shared/src/identity/access.ts';
import { type Language, languageSchema } from '../../../../shared/src/platform/language.ts';
import { type CaseCore, factsOf } from './case-core.ts';
import { casesError } from './cases.errors.ts';
import { canStaff, staffCaseAccess } from './cases.policy.ts';
import { ownerOf, ownerView } from './cases.presenter.ts';
import { type CaseRow, createCasesRepository } from './cases.repository.ts';

const languages = languageSchema.options;

const perLanguage = (text: (language: Language) => string): TextPerLanguage =>
  Object.fromEntries(languages.map((language) => [language, text(language)])) as Record<Language, string>;

const pick = (text: LocalizedText | undefined, language: Language, fallback: string) => (text ? (text[language] ?? text.nl) : fallback);

/**
 * Message templates for a case (config/templates/<city>.yaml): those whose scope fits the case,
 * rendered in the case's language (the resident's) with the facts the resident already sees, for the
 * employee to put in the message box and adapt. Only for who may send the case a message.
 */
export const createCaseTemplatesService = (core: CaseCore) => {
  const { db, city, setup, policy, presentContext, auditDenied } = core;

  const factsFor = async (row: CaseRow, employee: string): Promise<TemplateFacts> => {
    const context = await presentContext('nl');
    const product = context.productTitle(row.product_slug);
    return {
      reference: row.reference,
      product: perLanguage((language) => pick(product, language, row.product_slug)),
      team: perLanguage((language) => ownerView(city, ownerOf(row), language).name),
      employee,
      dueDate: row.due_date,
      city: perLanguage((language) => city.name[language] ?? city.name.nl),
    };
  };

  return {
    /** The templates that fit the case, in its language; `all` adds the other languages. 404 for a case the caller cannot see. */
    async messageTemplates(actor: Actor, caseId: string, options: { lang: Language; all: boolean }): Promise<CaseMessageTemplatesResponse> {
      if (actor.kind !== 'staff') throw casesError('case-not-found');
      const row = await createCasesRepository(db).findById(caseId);
      if (!row || staffCaseAccess(actor, factsOf(row), policy) === null) {
        await auditDenied(actor, { caseId, exists: row !== undefined, purpose: 'message-templates' });
        throw casesError('case-not-found');
      }
      if (!canStaff(actor, 'message', factsOf(row), policy)) throw casesError('case-action-not-allowed');
      const caseLanguage = row.language as Language;
      const facts = await factsFor(row, actor.name);
      const applicable = templatesFor(setup.templates, { product: row.product_slug, family: row.family as ProductFamily, team: row.owner_id });
      return {
        caseLanguage,
        items: applicable.map((template) => {
          const rendered = renderTemplate(template, facts, caseLanguage);
          return {
            id: template.id,
            // The picker speaks the employee's language; the text is in the resident's.
            title: template.title[options.lang],
            language: caseLanguage,
            text: rendered.text,
            ...(options.all ? { translations: languages.map((language) => ({ language, text: renderTemplate(template, facts, language).text })) } : {}),
          };
        }),
      };
    },
  };
};
