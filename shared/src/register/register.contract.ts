import { z } from 'zod';
import { languageSchema } from '../platform/language.ts';

/**
 * What the population register answers, as the API returns it. The national register number is
 * always present masked (85.07.30-033.••); the full number only for callers whose role needs it
 * (civil affairs staff handling the person's case), and every such read is audited.
 */

/** A person's place in the household, as the register records it. */
export const householdRoleSchema = z.enum(['reference-person', 'partner', 'child', 'other']);
export type HouseholdRole = z.infer<typeof householdRoleSchema>;

/** Sex as registered. The register knows only these two values. */
export const sexSchema = z.enum(['female', 'male']);
export type Sex = z.infer<typeof sexSchema>;

/** ISO 3166-1 alpha-2 country code (BE, NL, FR, ...). */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/);

/** A Belgian postal address. nisCode is the municipality's statistics code (Harelbeke: 34013). */
export const registerAddressSchema = z.object({
  id: z.uuid(),
  street: z.string().min(1),
  houseNumber: z.string().min(1),
  box: z.string().min(1).nullable(),
  postcode: z.string().regex(/^[1-9]\d{3}$/),
  municipality: z.string().min(1),
  subMunicipality: z.string().min(1),
  nisCode: z.string().regex(/^\d{5}$/),
});
export type RegisterAddress = z.infer<typeof registerAddressSchema>;

/** One person as shown on a screen. */
export const personSchema = z.object({
  id: z.uuid(),
  nationalNumberMasked: z.string(),
  /** 11 digits; only present for roles that need the full number. */
  nationalNumber: z
    .string()
    .regex(/^\d{11}$/)
    .optional(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.iso.date(),
  sex: sexSchema,
  nationality: countryCodeSchema,
  preferredLanguage: languageSchema,
  householdId: z.uuid().nullable(),
  householdRole: householdRoleSchema.nullable(),
  dateOfDeath: z.iso.date().nullable(),
});
export type Person = z.infer<typeof personSchema>;

/** The household composition (gezinssamenstelling): where it lives and who belongs to it. */
export const householdSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  address: registerAddressSchema,
  members: z.array(personSchema),
});
export type Household = z.infer<typeof householdSchema>;

/** One period at one address; validTo is exclusive and null for the current address. */
export const addressHistoryEntrySchema = z.object({
  address: registerAddressSchema,
  validFrom: z.iso.date(),
  validTo: z.iso.date().nullable(),
});
export type AddressHistoryEntry = z.infer<typeof addressHistoryEntrySchema>;

/** A street suggestion for an address field. */
export const streetSchema = z.object({
  street: z.string(),
  postcode: z.string(),
  subMunicipality: z.string(),
  municipality: z.string(),
  nisCode: z.string(),
});
export type Street = z.infer<typeof streetSchema>;
