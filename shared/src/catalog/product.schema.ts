import { z } from 'zod';
import type { ChannelId } from '../city/index.ts';
import { ipdcTargetAudienceSchema, ipdcThemeSchema, ipdcTypeSchema } from './ipdc-codes.ts';
import { lifeEventIdSchema } from './life-events.ts';
import { localizedKeywordsSchema, localizedTextSchema } from './localized-text.schema.ts';

/**
 * A product or service of the city's catalogue, shaped after the IPDC-LPDC implementation model
 * (what a Flemish municipality publishes to the Flemish product catalogue) and CPSV-AP 3.2, with
 * what Gastvrij needs on top: a short answer, life events, search terms and how each channel serves it.
 */

// No message here: a schema's own message would outrank the caller's error map (catalogErrorMap).
const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** Stable identifier in URLs, search results and cases; never renamed once published. */
export const productSlugSchema = kebabId;
export type ProductSlug = z.infer<typeof productSlugSchema>;

const httpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain });

/**
 * The ways a resident can get a product. `quickDesk` is the counter without appointment for short
 * errands (snelbalie); `partner` means another organisation delivers it (police zone, intermunicipal
 * waste company, hospital). Opening hours are not stored here: see `cityChannelIdByProductChannel`.
 */
export const productChannelIdSchema = z.enum(['online', 'phone', 'counter', 'quickDesk', 'kiosk', 'home', 'partner']);
export type ProductChannelId = z.infer<typeof productChannelIdSchema>;

/**
 * Which city-profile channel holds the opening hours of a product channel. The partner channel has no
 * city hours: the partner's own hours apply. Kept as data so display code never guesses the mapping.
 */
export const cityChannelIdByProductChannel: Record<ProductChannelId, ChannelId | null> = {
  online: 'online',
  phone: 'phone',
  counter: 'counter',
  quickDesk: 'quick-desk',
  kiosk: 'kiosk',
  home: 'home',
  partner: null,
};

export const appointmentPolicySchema = z.enum(['required', 'optional', 'none']);
export type AppointmentPolicy = z.infer<typeof appointmentPolicySchema>;

export const productChannelSchema = z.strictObject({
  available: z.boolean(),
  /** Who may use this channel and under which conditions, or why it is not available. */
  conditions: localizedTextSchema.optional(),
  appointment: appointmentPolicySchema.optional(),
  /** Served without staff at any hour (an online certificate), so the channel's opening hours do not apply. */
  automated24x7: z.boolean().optional(),
  /** How long before the desired date the resident must start ("at least 3 months before the event"). */
  leadTime: localizedTextSchema.optional(),
  /** External place where this channel is served (a federal or Flemish portal, a partner's site). */
  url: httpsUrl.optional(),
  /** The partner organisation (id in the city profile's partners) that delivers the product on this channel. */
  partnerId: kebabId.optional(),
});
export type ProductChannel = z.infer<typeof productChannelSchema>;

export const productChannelsSchema = z.strictObject({
  online: productChannelSchema.optional(),
  phone: productChannelSchema.optional(),
  counter: productChannelSchema.optional(),
  quickDesk: productChannelSchema.optional(),
  kiosk: productChannelSchema.optional(),
  home: productChannelSchema.optional(),
  partner: productChannelSchema.optional(),
});
export type ProductChannels = z.infer<typeof productChannelsSchema>;

/** IPDC Cost. `example: true` marks an amount the city still has to confirm (see `exampleNotes`). */
export const productCostSchema = z.strictObject({
  label: localizedTextSchema,
  amountEur: z.number().nonnegative().multipleOf(0.01),
  /** Set when the amount only applies on one channel (a certificate is free online, paid at the counter). */
  channel: productChannelIdSchema.optional(),
  example: z.boolean(),
});
export type ProductCost = z.infer<typeof productCostSchema>;

/** IPDC FinancialAdvantage: what the resident receives (a premium, a subsidy). */
export const financialAdvantageSchema = z.strictObject({
  label: localizedTextSchema,
  amountEur: z.number().nonnegative().multipleOf(0.01).optional(),
  example: z.boolean(),
});
export type FinancialAdvantage = z.infer<typeof financialAdvantageSchema>;

export const processingTimeSchema = z.strictObject({
  text: localizedTextSchema,
  /** Service norm in working days, for reporting and for the promise shown to the resident. */
  workingDays: z.number().int().nonnegative().optional(),
});
export type ProcessingTime = z.infer<typeof processingTimeSchema>;

/** IPDC LegalResource: the regulation the product rests on. */
export const legalBasisSchema = z.strictObject({
  label: localizedTextSchema,
  url: httpsUrl,
});
export type LegalBasis = z.infer<typeof legalBasisSchema>;

/**
 * Where residents ask about this product when it is not the responsible team itself (a partner, a
 * Flemish portal). Missing fields fall back to the responsible team's contact in the city profile.
 */
export const contactPointSchema = z.strictObject({
  label: localizedTextSchema.optional(),
  email: z.email().optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ./]{6,20}$/)
    .optional(),
  url: httpsUrl.optional(),
});
export type ContactPoint = z.infer<typeof contactPointSchema>;

const productObjectSchema = z.strictObject({
  slug: productSlugSchema,
  published: z.boolean(),
  /** True when any fact in the product is an example the city must still confirm. */
  exampleValues: z.boolean(),
  /** For the city's editors, not for residents: which facts are examples and what to check. */
  exampleNotes: z.array(z.string().trim().min(1)).default([]),
  type: ipdcTypeSchema,
  themes: z.array(ipdcThemeSchema).min(1),
  targetAudiences: z.array(ipdcTargetAudienceSchema).min(1),
  lifeEvents: z.array(lifeEventIdSchema).default([]),
  /** Team id from the city profile; validateCatalog checks it when given the profile's teams. */
  responsibleTeam: kebabId,
  title: localizedTextSchema,
  /** One or two sentences that answer "how do I get or do this?" directly. */
  shortAnswer: localizedTextSchema,
  description: localizedTextSchema,
  /** Conditions: who can apply and when (IPDC Requirement). */
  requirements: z.array(localizedTextSchema).default([]),
  /** What to bring or upload (IPDC Evidence). */
  evidence: z.array(localizedTextSchema).default([]),
  /** Procedure steps in the order the resident takes them. */
  procedure: z.array(localizedTextSchema).min(1),
  costs: z.array(productCostSchema).default([]),
  financialAdvantages: z.array(financialAdvantageSchema).default([]),
  processingTime: processingTimeSchema,
  channels: productChannelsSchema,
  legalBasis: z.array(legalBasisSchema).default([]),
  contactPoint: contactPointSchema.optional(),
  relatedProducts: z.array(productSlugSchema).default([]),
  /** Synonyms, colloquial and old names, abbreviations and phrases, per language, for search. */
  keywords: localizedKeywordsSchema,
});

type Messages = { nl: string; fr: string; en: string };

/**
 * A cross-field issue with its text in every language in `params.messages`. No `message`: zod would
 * prefer it over the error map a caller passes, and the editor wants the reader's language (see
 * catalogErrorMap in product-editor.rules.ts).
 */
const crossFieldIssue = (path: (string | number)[], code: string, messages: Messages) => ({ code: 'custom', path, params: { code, messages } }) as const;

/** Checks that need several fields of one product; a catalogue-wide check is in validateCatalog. */
export const productSchema = productObjectSchema.superRefine((product, ctx) => {
  const channels = product.channels;
  const channelEntries = Object.entries(channels) as [ProductChannelId, ProductChannel | undefined][];
  if (product.published && !channelEntries.some(([, channel]) => channel?.available)) {
    ctx.addIssue(
      crossFieldIssue(['channels'], 'catalog.no-available-channel', {
        nl: 'Een gepubliceerde dienst heeft minstens één beschikbaar kanaal nodig.',
        fr: 'Un service publié a besoin d’au moins un canal disponible.',
        en: 'A published product needs at least one available channel.',
      }),
    );
  }
  for (const [id, channel] of channelEntries) {
    // A specific organisation (the police zone) is named by id; "any hospital" is explained in words.
    if (channel?.available && id === 'partner' && !channel.partnerId && !channel.conditions) {
      ctx.addIssue(
        crossFieldIssue(['channels', id, 'partnerId'], 'catalog.partner-unnamed', {
          nl: 'Noem de partner, of leg in de voorwaarden uit wie het is.',
          fr: 'Indiquez le partenaire, ou expliquez dans les conditions de qui il s’agit.',
          en: 'An available partner channel names its partner or explains who it is.',
        }),
      );
    }
    if (channel?.automated24x7 && channel.appointment === 'required') {
      ctx.addIssue(
        crossFieldIssue(['channels', id, 'appointment'], 'catalog.automated-with-appointment', {
          nl: 'Een kanaal dat dag en nacht automatisch werkt, kan geen afspraak vragen.',
          fr: 'Un canal automatique disponible jour et nuit ne peut pas exiger de rendez-vous.',
          en: 'A channel served automatically at any hour cannot require an appointment.',
        }),
      );
    }
  }
  product.costs.forEach((cost, index) => {
    if (cost.channel && !channels[cost.channel]?.available) {
      ctx.addIssue(
        crossFieldIssue(['costs', index, 'channel'], 'catalog.cost-channel-unavailable', {
          nl: `Deze kost geldt voor het kanaal "${cost.channel}", maar dat kanaal is niet beschikbaar voor deze dienst.`,
          fr: `Ce coût s’applique au canal « ${cost.channel} », qui n’est pas disponible pour ce service.`,
          en: `Cost applies to channel "${cost.channel}", which is not available for this product.`,
        }),
      );
    }
  });
  const hasExample = [...product.costs, ...product.financialAdvantages].some((item) => item.example) || product.exampleNotes.length > 0;
  if (hasExample !== product.exampleValues) {
    ctx.addIssue(
      crossFieldIssue(
        ['exampleValues'],
        'catalog.example-values-mismatch',
        hasExample
          ? {
              nl: 'De dienst bevat voorbeeldgegevens (een voorbeeldbedrag of notities over voorbeelden): vink "bevat voorbeelden" aan.',
              fr: 'Le service contient des exemples (un montant d’exemple ou des notes) : cochez « contient des exemples ».',
              en: 'The product contains example facts (an example cost or exampleNotes): set exampleValues to true.',
            }
          : {
              nl: '"Bevat voorbeelden" staat aan, maar niets is als voorbeeld gemarkeerd: markeer het bedrag of voeg een notitie toe.',
              fr: '« Contient des exemples » est coché, mais rien n’est marqué comme exemple : marquez le montant ou ajoutez une note.',
              en: 'exampleValues is true but nothing is marked as an example: flag the cost or add exampleNotes.',
            },
      ),
    );
  }
  product.relatedProducts.forEach((slug, index) => {
    if (slug === product.slug)
      ctx.addIssue(
        crossFieldIssue(['relatedProducts', index], 'catalog.related-to-itself', {
          nl: 'Een dienst kan niet aan zichzelf verwant zijn.',
          fr: 'Un service ne peut pas être lié à lui-même.',
          en: 'A product cannot be related to itself.',
        }),
      );
    if (product.relatedProducts.indexOf(slug) !== index)
      ctx.addIssue(
        crossFieldIssue(['relatedProducts', index], 'catalog.related-twice', {
          nl: `"${slug}" staat er twee keer in.`,
          fr: `« ${slug} » figure deux fois.`,
          en: `"${slug}" is listed twice.`,
        }),
      );
  });
});
export type Product = z.infer<typeof productSchema>;
/** What a YAML file may leave out (defaults fill in empty lists). */
export type ProductInput = z.input<typeof productSchema>;
