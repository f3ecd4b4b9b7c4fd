import type { IpdcType } from '../catalog/ipdc-codes.ts';
import { type FormDefinition, visibleFields } from '../forms/index.ts';
import type { ProductFamily } from './case.schema.ts';

/**
 * What a new case needs to know about its product before anyone works on it: which status machine
 * (product family) it follows and how sure we must be of the requester's identity. Pure, from the
 * catalogue and form data, so the portal can say "log in with eID" before the resident starts typing.
 */

/**
 * The family a product's cases follow. The catalogue's IPDC type decides by default: a `Bewijs` is
 * a certificate, a `Toelating` or a `FinancieelVoordeel` a decision that may need advice (permit),
 * everything else a request handled by staff (general). The routing file can name exceptions
 * (`productFamilies`), e.g. a melding about public space is a `report` although IPDC calls it advice.
 */
export const productFamilyOf = (product: { slug: string; type: IpdcType }, overrides: Readonly<Record<string, ProductFamily>> = {}): ProductFamily => {
  const override = overrides[product.slug];
  if (override) return override;
  switch (product.type) {
    case 'Bewijs':
      return 'certificate';
    case 'Toelating':
    case 'FinancieelVoordeel':
      return 'permit';
    default:
      return 'general';
  }
};

/** The two request permissions of shared/src/identity/access.ts. */
export type RequestPermission = 'requests:create' | 'requests:create-basic';

// Answers that identify a person in the register, or prefills that only a register file can give.
const identifyingPrefills = new Set(['resident.nationalNumber', 'resident.birthDate', 'resident.address']);

/**
 * The permission an online request for this product needs:
 * - certificates and permits need `requests:create` (eID or itsme, assurance substantial or high):
 *   a certificate prints register data about the requester and a permit is a legal decision in
 *   their name, so an e-mail login (which only proves a mailbox) is not enough;
 * - so does any form that asks for a national register number or prefills register data;
 * - general questions and reports need `requests:create-basic`: an e-mail login will do.
 */
export const requiredRequestPermission = (family: ProductFamily, form?: Pick<FormDefinition, 'fields'> | null): RequestPermission => {
  if (family === 'certificate' || family === 'permit') return 'requests:create';
  const fields = (form?.fields ?? []).flatMap((field) => (field.type === 'group' ? [field, ...field.fields] : [field]));
  const identifying = fields.some((field) => field.type === 'national-number' || (field.prefill !== undefined && identifyingPrefills.has(field.prefill)));
  return identifying ? 'requests:create' : 'requests:create-basic';
};

/**
 * Whether someone without a login may submit this product (`POST /api/questions`, from the portal
 * or the kiosk at city hall): the general question `vraag`, which anyone may always ask, and a
 * report for which the city wrote a form that asks nothing identifying a person in the register.
 * An anonymous report carries no more risk than an anonymous question (which already takes "a
 * remark or tip"): the same rate limit, no register data, followed only by its secret link.
 * Certificates, permits and other requests keep their login.
 */
export const anonymousSubmissionAllowed = (product: string, family: ProductFamily, form: Pick<FormDefinition, 'fields'> | null): boolean =>
  product === 'vraag' || (family === 'report' && form !== null && requiredRequestPermission(family, form) === 'requests:create-basic');

/**
 * The e-mail address an anonymous requester gave to be answered at: the first e-mail question that
 * applies to the answers (asked only when they chose an answer by e-mail), trimmed; null otherwise.
 */
export const contactEmailOf = (form: FormDefinition, answers: unknown): string | null => {
  if (!answers || typeof answers !== 'object') return null;
  const shown = visibleFields(form, answers).find((item) => item.field.type === 'email' && !item.path.includes('.'));
  const value = shown ? (answers as Record<string, unknown>)[shown.path] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
};
