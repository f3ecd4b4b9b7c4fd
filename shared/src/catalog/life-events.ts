import { z } from 'zod';
import type { LocalizedKeywords, LocalizedText } from './localized-text.schema.ts';

/**
 * Life events ("levensgebeurtenissen"): the situation a resident is in, not the product they need.
 * Residents search in these words ("ik ga verhuizen", "ons kindje is geboren"), so each event carries
 * its own search terms; the search matches an event and then offers every product tagged with it.
 */
export const lifeEventIdSchema = z.enum([
  'verhuizen',
  'kind-krijgen',
  'trouwen-samenwonen',
  'overlijden',
  'op-reis',
  'iets-organiseren',
  'melding-maken',
  'bouwen-verbouwen',
  'ouder-worden-zorg',
  'vereniging',
  'leren-rijden',
  'verlies-diefstal',
  'geldzorgen',
]);
export type LifeEventId = z.infer<typeof lifeEventIdSchema>;

export type LifeEvent = { id: LifeEventId; label: LocalizedText; keywords: LocalizedKeywords };

export const lifeEvents: Record<LifeEventId, LifeEvent> = {
  verhuizen: {
    id: 'verhuizen',
    label: { nl: 'Ik verhuis', fr: 'Je déménage', en: 'I am moving house' },
    keywords: {
      nl: [
        'verhuizen',
        'verhuis',
        'verhuisd',
        'verhuizing',
        'nieuw adres',
        'nieuwe woning',
        'ander adres',
        'gaan wonen',
        'komen wonen',
        'nieuwe inwoner',
        'huis gekocht',
        'appartement huren',
      ],
      fr: ['déménager', 'déménagement', 'nouvelle adresse', "changement d'adresse", 'nouveau logement', "s'installer"],
      en: ['moving', 'move house', 'moved', 'new address', 'relocating', 'new home', 'new resident'],
    },
  },
  'kind-krijgen': {
    id: 'kind-krijgen',
    label: { nl: 'Ik krijg een kind', fr: "J'ai un enfant", en: 'I am having a baby' },
    keywords: {
      nl: [
        'baby',
        'kindje',
        'geboren',
        'geboorte',
        'bevallen',
        'bevalling',
        'zwanger',
        'zwangerschap',
        'pasgeboren',
        'adoptie',
        'erkenning',
        'vader worden',
        'mama worden',
        'papa worden',
      ],
      fr: ['bébé', 'naissance', 'né', 'née', 'accouchement', 'enceinte', 'grossesse', 'adoption'],
      en: ['baby', 'birth', 'born', 'newborn', 'pregnant', 'pregnancy', 'giving birth', 'adoption'],
    },
  },
  'trouwen-samenwonen': {
    id: 'trouwen-samenwonen',
    label: { nl: 'Ik trouw of ga samenwonen', fr: 'Je me marie ou je cohabite', en: 'I am getting married or moving in together' },
    keywords: {
      nl: ['trouwen', 'huwen', 'huwelijk', 'getrouwd', 'bruiloft', 'samenwonen', 'samenwoning', 'partner', 'verloofd', 'scheiden', 'uit elkaar'],
      fr: ['mariage', 'se marier', 'noces', 'cohabitation', 'cohabiter', 'partenaire', 'divorce'],
      en: ['marriage', 'married', 'wedding', 'getting married', 'cohabitation', 'living together', 'partner', 'divorce'],
    },
  },
  overlijden: {
    id: 'overlijden',
    label: { nl: 'Iemand is overleden', fr: 'Un proche est décédé', en: 'Someone has died' },
    keywords: {
      nl: [
        'overleden',
        'overlijden',
        'gestorven',
        'sterven',
        'sterfgeval',
        'dood',
        'begrafenis',
        'uitvaart',
        'crematie',
        'rouw',
        'nabestaanden',
        'weduwe',
        'weduwnaar',
      ],
      fr: ['décès', 'décédé', 'décédée', 'mort', 'funérailles', 'enterrement', 'crémation', 'deuil'],
      en: ['death', 'died', 'passed away', 'deceased', 'funeral', 'burial', 'cremation', 'bereavement'],
    },
  },
  'op-reis': {
    id: 'op-reis',
    label: { nl: 'Ik ga op reis', fr: 'Je pars en voyage', en: 'I am going abroad' },
    keywords: {
      nl: ['op reis', 'reizen', 'vakantie', 'reis', 'buitenland', 'vliegen', 'vliegtuig', 'weg op vakantie', 'citytrip'],
      fr: ['voyage', 'voyager', 'vacances', 'étranger', 'partir en vacances', 'avion'],
      en: ['travel', 'travelling', 'holiday', 'vacation', 'trip', 'abroad', 'flying'],
    },
  },
  'iets-organiseren': {
    id: 'iets-organiseren',
    label: { nl: 'Ik organiseer iets', fr: "J'organise un événement", en: 'I am organising something' },
    keywords: {
      nl: ['organiseren', 'evenement', 'feest', 'fuif', 'buurtfeest', 'straatfeest', 'optreden', 'activiteit', 'rommelmarkt'],
      fr: ['organiser', 'événement', 'fête', 'soirée', 'fête de quartier', 'brocante', 'activité'],
      en: ['organise', 'organize', 'event', 'party', 'street party', 'festival', 'activity', 'flea market'],
    },
  },
  'melding-maken': {
    id: 'melding-maken',
    label: { nl: 'Ik wil iets melden', fr: 'Je veux signaler quelque chose', en: 'I want to report something' },
    keywords: {
      nl: ['melden', 'melding', 'probleem', 'kapot', 'stuk', 'defect', 'overlast', 'klagen', 'signaleren', 'doorgeven'],
      fr: ['signaler', 'signalement', 'problème', 'cassé', 'nuisance', 'plainte'],
      en: ['report', 'reporting', 'problem', 'broken', 'damaged', 'nuisance', 'complain'],
    },
  },
  'bouwen-verbouwen': {
    id: 'bouwen-verbouwen',
    label: { nl: 'Ik bouw of verbouw', fr: 'Je construis ou je rénove', en: 'I am building or renovating' },
    keywords: {
      nl: ['bouwen', 'verbouwen', 'verbouwing', 'renoveren', 'renovatie', 'aanbouw', 'slopen', 'afbreken', 'werken aan huis', 'nieuwbouw', 'aannemer'],
      fr: ['construire', 'construction', 'rénover', 'rénovation', 'transformer', 'travaux', 'démolir'],
      en: ['build', 'building', 'renovate', 'renovation', 'extension', 'demolish', 'construction works'],
    },
  },
  'ouder-worden-zorg': {
    id: 'ouder-worden-zorg',
    label: { nl: 'Ik word ouder of heb zorg nodig', fr: "Je vieillis ou j'ai besoin de soins", en: 'I am getting older or need care' },
    keywords: {
      nl: [
        'ouder worden',
        'senior',
        'gepensioneerd',
        'pensioen',
        'zorg',
        'ziek',
        'minder mobiel',
        'rolstoel',
        'handicap',
        'beperking',
        'mantelzorg',
        'levenseinde',
        'rusthuis',
        'woonzorgcentrum',
      ],
      fr: ['âgé', 'senior', 'pension', 'soins', 'malade', 'mobilité réduite', 'handicap', 'fin de vie', 'maison de repos'],
      en: ['elderly', 'older', 'senior', 'retired', 'care', 'ill', 'disabled', 'disability', 'reduced mobility', 'end of life', 'nursing home'],
    },
  },
  vereniging: {
    id: 'vereniging',
    label: { nl: 'Ik ben actief in een vereniging', fr: 'Je suis actif dans une association', en: 'I am active in an association' },
    keywords: {
      nl: ['vereniging', 'club', 'vzw', 'jeugdbeweging', 'sportclub', 'sportvereniging', 'vrijwilliger', 'bestuur', 'erkenning vereniging'],
      fr: ['association', 'club', 'asbl', 'mouvement de jeunesse', 'bénévole'],
      en: ['association', 'club', 'non-profit', 'youth movement', 'sports club', 'volunteer'],
    },
  },
  'leren-rijden': {
    id: 'leren-rijden',
    label: { nl: 'Ik leer autorijden', fr: "J'apprends à conduire", en: 'I am learning to drive' },
    keywords: {
      nl: ['leren rijden', 'rijles', 'rijschool', 'theorie-examen', 'praktijkexamen', 'rijexamen', 'examencentrum', '17 jaar', '18 jaar', 'begeleider'],
      fr: ['apprendre à conduire', 'auto-école', 'examen théorique', 'examen pratique', 'permis de conduire'],
      en: ['learning to drive', 'driving lessons', 'driving school', 'theory test', 'driving test', 'driving exam'],
    },
  },
  'verlies-diefstal': {
    id: 'verlies-diefstal',
    label: { nl: 'Ik ben iets kwijt of iets is gestolen', fr: "J'ai perdu quelque chose ou on me l'a volé", en: 'I lost something or it was stolen' },
    keywords: {
      nl: ['kwijt', 'verloren', 'verlies', 'gestolen', 'diefstal', 'vergeten', 'zoek', 'gevonden', 'portefeuille', 'handtas', 'inbraak'],
      fr: ['perdu', 'perte', 'volé', 'vol', 'oublié', 'trouvé', 'portefeuille'],
      en: ['lost', 'missing', 'stolen', 'theft', 'found', 'wallet', 'forgot'],
    },
  },
  geldzorgen: {
    id: 'geldzorgen',
    label: { nl: 'Ik heb geldzorgen of hulp nodig', fr: "J'ai des soucis d'argent ou besoin d'aide", en: 'I have money worries or need help' },
    keywords: {
      nl: [
        'geldzorgen',
        'schulden',
        'rondkomen',
        'geen geld',
        'armoede',
        'hulp nodig',
        'werkloos',
        'ontslagen',
        'rekeningen betalen',
        'huur betalen',
        'energiefactuur',
      ],
      fr: ["soucis d'argent", 'dettes', 'pauvreté', "besoin d'aide", 'chômage', 'factures', 'loyer'],
      en: ['money problems', 'debt', 'debts', 'poverty', 'need help', 'unemployed', 'bills', 'rent'],
    },
  },
};
