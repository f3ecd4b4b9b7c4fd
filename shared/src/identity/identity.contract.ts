import { z } from 'zod';
import { languageSchema } from '../platform/language.ts';
import { addressHistoryEntrySchema, householdSchema, personSchema } from '../register/register.contract.ts';
import { assuranceSchema, permissionSchema, roleGrantSchema, staffRoleSchema, surfaceSchema } from './access.ts';
import { nationalNumberSchema } from './national-number.rules.ts';

/** Who the browser is logged in as, for the header, the menus and the CSRF token. */
export const actorViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('anonymous') }),
  z.object({
    kind: z.literal('resident'),
    name: z.string(),
    assurance: assuranceSchema,
    email: z.string().nullable(),
    surface: surfaceSchema,
    /** Whether the register knows this resident (eID/itsme login of someone living here). */
    hasRegisterFile: z.boolean(),
  }),
  z.object({
    kind: z.literal('staff'),
    name: z.string(),
    email: z.string(),
    organisation: z.string(),
    roles: z.array(roleGrantSchema),
    surface: surfaceSchema,
  }),
]);
export type ActorView = z.infer<typeof actorViewSchema>;

export const meResponseSchema = z.object({
  actor: actorViewSchema,
  permissions: z.array(permissionSchema),
  /** Teams the staff member works for (their work queues), in the order of the city profile. */
  teams: z.array(z.string()),
  /** Echo in the `x-csrf-token` header of every state-changing request; null without a session. */
  csrfToken: z.string().nullable(),
  /** Which login routes this city offers. */
  login: z.object({ resident: z.boolean(), staff: z.boolean(), email: z.boolean(), demo: z.boolean() }),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

export const loginQuerySchema = z.object({
  surface: surfaceSchema.default('portal'),
  returnTo: z.string().max(500).optional(),
  lang: languageSchema.optional(),
});

export const contactChannelSchema = z.enum(['email', 'sms', 'post']);

const phoneSchema = z
  .string()
  .trim()
  .refine((v) => /^\+?[0-9 ./()-]{8,20}$/.test(v), {
    params: {
      code: 'phone-invalid',
      messages: {
        nl: 'Vul een telefoonnummer in, bijvoorbeeld 056 73 33 11 of +32 56 73 33 11.',
        fr: 'Indiquez un numéro de téléphone, par exemple 056 73 33 11 ou +32 56 73 33 11.',
        en: 'Enter a phone number, for example 056 73 33 11 or +32 56 73 33 11.',
      },
    },
  });

const emailSchema = z
  .string()
  .trim()
  .max(254)
  .refine((v) => z.email().safeParse(v).success, {
    params: {
      code: 'email-invalid',
      messages: {
        nl: 'Vul een e-mailadres in, bijvoorbeeld naam@voorbeeld.be.',
        fr: 'Indiquez une adresse e-mail, par exemple nom@exemple.be.',
        en: 'Enter an e-mail address, for example name@example.be.',
      },
    },
  });

export const preferencesSchema = z
  .object({
    preferredLanguage: languageSchema,
    contactChannels: z
      .array(contactChannelSchema)
      .refine((list) => list.length >= 1, {
        params: {
          code: 'contact-channel-required',
          messages: {
            nl: 'Kies minstens één manier waarop we u mogen contacteren.',
            fr: 'Choisissez au moins une façon de vous contacter.',
            en: 'Choose at least one way we may contact you.',
          },
        },
      })
      .refine((list) => new Set(list).size === list.length),
    email: emailSchema.nullable(),
    phone: phoneSchema.nullable(),
  })
  .superRefine((value, ctx) => {
    if (value.contactChannels.includes('email') && !value.email) {
      ctx.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'required for e-mail',
        params: {
          code: 'email-required',
          messages: {
            nl: 'Vul uw e-mailadres in als we u per e-mail mogen contacteren.',
            fr: 'Indiquez votre adresse e-mail si nous pouvons vous contacter par e-mail.',
            en: 'Enter your e-mail address if we may contact you by e-mail.',
          },
        },
      });
    }
    if (value.contactChannels.includes('sms') && !value.phone) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'required for sms',
        params: {
          code: 'phone-required',
          messages: {
            nl: 'Vul uw gsm-nummer in als we u per sms mogen contacteren.',
            fr: 'Indiquez votre numéro de GSM si nous pouvons vous contacter par SMS.',
            en: 'Enter your mobile number if we may contact you by text message.',
          },
        },
      });
    }
  });
export type Preferences = z.infer<typeof preferencesSchema>;

/** "Mijn gegevens": what the register knows, and the resident's own preferences. */
export const profileResponseSchema = z.object({
  /** Null for an e-mail login (no register data is shown without eID or itsme). */
  person: personSchema.nullable(),
  household: householdSchema.nullable(),
  addressHistory: z.array(addressHistoryEntrySchema),
  preferences: z.object({
    preferredLanguage: languageSchema,
    contactChannels: z.array(contactChannelSchema),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
});
export type ProfileResponse = z.infer<typeof profileResponseSchema>;

const localizedName = z.object({ nl: z.string(), fr: z.string(), en: z.string() });

/** One look at, or change of, the resident's data by someone working for the city or a partner. */
export const dataAccessEntrySchema = z.object({
  at: z.string(),
  organisation: z.object({ id: z.string(), name: localizedName }),
  team: z.object({ id: z.string(), name: localizedName }).nullable(),
  /** The action code, e.g. `register.person.read`. */
  action: z.string(),
  purpose: z.string().nullable(),
  /** The employee's name, when the city's policy shows it. */
  employee: z.string().nullable(),
});
export const dataAccessResponseSchema = z.object({ items: z.array(dataAccessEntrySchema), employeeNamesShown: z.boolean() });
export type DataAccessResponse = z.infer<typeof dataAccessResponseSchema>;

export const emailLinkRequestSchema = z.object({
  email: emailSchema,
  returnTo: z.string().max(500).optional(),
  lang: languageSchema.optional(),
});

export const emailLoginRequestSchema = z.object({ token: z.string().min(20).max(100) });
export const redirectResponseSchema = z.object({ redirectTo: z.string() });

/** The staff directory, for admins. */
export const staffMemberSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  organisation: z.string(),
  active: z.boolean(),
  preferredLanguage: languageSchema,
  roles: z.array(roleGrantSchema),
  hasLoggedIn: z.boolean(),
});
export type StaffMemberView = z.infer<typeof staffMemberSchema>;
export const staffListResponseSchema = z.object({ items: z.array(staffMemberSchema) });

export const staffMemberInputSchema = z.object({
  email: emailSchema,
  displayName: z.string().trim().min(2).max(120),
  organisation: z.string().regex(/^[a-z0-9-]+$/),
  active: z.boolean().default(true),
  preferredLanguage: languageSchema.default('nl'),
  roles: z
    .array(
      z.object({
        role: staffRoleSchema,
        team: z
          .string()
          .regex(/^[a-z0-9-]+$/)
          .optional(),
      }),
    )
    .max(30),
});
export type StaffMemberInput = z.infer<typeof staffMemberInputSchema>;

/** A staff look-up of a person in the register: always with a purpose, always audited. */
export const personLookupRequestSchema = z.object({
  nationalNumber: nationalNumberSchema,
  purpose: z
    .string()
    .trim()
    .refine((v) => v.length >= 5, {
      params: {
        code: 'purpose-required',
        messages: {
          nl: 'Schrijf kort waarom u dit dossier opent (minstens 5 tekens).',
          fr: 'Indiquez brièvement pourquoi vous ouvrez ce dossier (au moins 5 caractères).',
          en: 'Say briefly why you open this file (at least 5 characters).',
        },
      },
    })
    .max(300),
});
export const personFileResponseSchema = z.object({
  person: personSchema,
  household: householdSchema.nullable(),
  addressHistory: z.array(addressHistoryEntrySchema),
});
export type PersonFileResponse = z.infer<typeof personFileResponseSchema>;

/** Audit log search, for staff with `audit:search`. */
export const auditSearchQuerySchema = z.object({
  nationalNumber: nationalNumberSchema.optional(),
  actorId: z.uuid().optional(),
  action: z
    .string()
    .regex(/^[a-z.-]+$/)
    .max(60)
    .optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const auditRecordSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRoles: z.array(z.string()),
  organisation: z.string().nullable(),
  team: z.string().nullable(),
  action: z.string(),
  subjectPersonId: z.string().nullable(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  purpose: z.string().nullable(),
  requestId: z.string().nullable(),
});
export const auditSearchResponseSchema = z.object({ items: z.array(auditRecordSchema) });
