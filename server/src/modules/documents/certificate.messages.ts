import type { Language } from '../../../../shared/src/platform/language.ts';
import type { HouseholdRole } from '../../../../shared/src/register/index.ts';

/**
 * The printed texts of the certificates, in the three languages a resident can choose for the
 * document (plain language, as a Flemish city writes its certificates). Placeholders are filled by
 * the builders in certificates.rules.ts.
 */
type CertificateMessages = {
  labels: {
    name: string;
    birthDate: string;
    nationality: string;
    address: string;
    since: string;
    from: string;
    until: string;
    relation: string;
    purpose: string;
    actType: string;
    eventDate: string;
    familyName: string;
    givenNames: string;
    model: string;
  };
  box: string;
  relations: Record<HouseholdRole, string>;
  electronic: string;
  demoHeading: string;
  household: {
    title: string;
    subject: string;
    intro: (city: string) => string;
    addressHeading: string;
    membersHeading: string;
    purposes: Record<string, string>;
  };
  residence: {
    title: string;
    subject: string;
    intro: (city: string) => string;
    personHeading: string;
    historyHeading: string;
    historyIntro: (from: string) => string;
  };
  criminalRecord: {
    title: string;
    subject: string;
    intro: string;
    personHeading: string;
    convictionsHeading: string;
    none: string;
    modelValue: string;
    demo: string;
  };
  act: {
    title: (kind: 'extract' | 'copy', act: string) => string;
    subject: string;
    intro: (city: string) => string;
    actHeading: string;
    personsHeading: string;
    acts: Record<string, string>;
    demo: string;
  };
};

export const certificateMessages: Record<Language, CertificateMessages> = {
  nl: {
    labels: {
      name: 'Naam',
      birthDate: 'Geboortedatum',
      nationality: 'Nationaliteit',
      address: 'Adres',
      since: 'Ingeschreven sinds',
      from: 'Van',
      until: 'Tot',
      relation: 'Relatie tot de referentiepersoon',
      purpose: 'Gevraagd voor',
      actType: 'Soort akte',
      eventDate: 'Datum van de gebeurtenis',
      familyName: 'Familienaam',
      givenNames: 'Voornamen',
      model: 'Model',
    },
    box: 'bus',
    relations: { 'reference-person': 'Referentiepersoon', partner: 'Partner', child: 'Kind', other: 'Ander gezinslid' },
    electronic: 'Dit document werd elektronisch uitgereikt en is geldig zonder handtekening. Of het echt is, controleert u met de verificatiecode hieronder.',
    demoHeading: 'Demonstratiegegevens',
    household: {
      title: 'Attest van gezinssamenstelling',
      subject: 'Wie er volgens het bevolkingsregister samen op een adres ingeschreven is',
      intro: (city) =>
        `De burgemeester van ${city} verklaart dat volgens het bevolkingsregister de volgende personen op de datum van dit attest samen ingeschreven zijn op het adres hieronder.`,
      addressHeading: 'Adres',
      membersHeading: 'Gezinsleden',
      purposes: {
        school: 'School of studiebeurs',
        work: 'Werk of uitkering',
        housing: 'Huren of sociale woning',
        insurance: 'Verzekering of ziekenfonds',
      },
    },
    residence: {
      title: 'Attest van woonst',
      subject: 'Waar iemand volgens het bevolkingsregister ingeschreven is',
      intro: (city) => `De burgemeester van ${city} verklaart dat de persoon hieronder volgens het bevolkingsregister ingeschreven is op dit adres.`,
      personHeading: 'Persoon en adres',
      historyHeading: 'Vorige adressen',
      historyIntro: (from) => `Adressen waar de persoon sinds ${from} ingeschreven was.`,
    },
    criminalRecord: {
      title: 'Uittreksel uit het strafregister (model 595)',
      subject: 'Uittreksel uit het strafregister volgens artikel 595 van het Wetboek van strafvordering',
      intro: 'Uittreksel uit het strafregister volgens artikel 595 van het Wetboek van strafvordering, voor de persoon hieronder.',
      personHeading: 'Persoon',
      convictionsHeading: 'Veroordelingen',
      none: 'Geen veroordelingen.',
      modelValue: '595 (gewoon uittreksel)',
      demo: 'Dit is een demonstratie-uittreksel. Het bevolkingsregister van deze demo is verzonnen en bevat geen strafregister. In werkelijkheid komt de inhoud uit het Centraal Strafregister van de FOD Justitie.',
    },
    act: {
      title: (kind, act) => `${kind === 'copy' ? 'Afschrift' : 'Uittreksel'} van de ${act}`,
      subject: 'Afschrift of uittreksel van een akte van de burgerlijke stand',
      intro: (city) => `De ambtenaar van de burgerlijke stand van ${city} levert dit document af op basis van de akte hieronder.`,
      actHeading: 'Akte',
      personsHeading: 'Personen in de akte',
      acts: {
        birth: 'geboorteakte',
        marriage: 'huwelijksakte',
        divorce: 'echtscheidingsakte',
        death: 'overlijdensakte',
        recognition: 'akte van erkenning',
        'name-change': 'akte van naamswijziging',
      },
      demo: 'Dit is een demonstratie-akte, opgemaakt uit de gegevens van de aanvraag. In werkelijkheid komt de akte uit de Databank van de Akten van de Burgerlijke Stand (DABS).',
    },
  },
  fr: {
    labels: {
      name: 'Nom',
      birthDate: 'Date de naissance',
      nationality: 'Nationalité',
      address: 'Adresse',
      since: 'Inscrit depuis le',
      from: 'Du',
      until: 'Au',
      relation: 'Lien avec la personne de référence',
      purpose: 'Demandé pour',
      actType: "Type d'acte",
      eventDate: "Date de l'événement",
      familyName: 'Nom de famille',
      givenNames: 'Prénoms',
      model: 'Modèle',
    },
    box: 'boîte',
    relations: { 'reference-person': 'Personne de référence', partner: 'Partenaire', child: 'Enfant', other: 'Autre membre du ménage' },
    electronic:
      "Ce document a été délivré par voie électronique et est valable sans signature. Vérifiez son authenticité à l'aide du code de vérification ci-dessous.",
    demoHeading: 'Données de démonstration',
    household: {
      title: 'Certificat de composition de ménage',
      subject: 'Les personnes inscrites ensemble à une adresse selon le registre de la population',
      intro: (city) =>
        `Le bourgmestre de ${city} certifie que, selon le registre de la population, les personnes suivantes sont inscrites ensemble à l'adresse ci-dessous à la date du présent certificat.`,
      addressHeading: 'Adresse',
      membersHeading: 'Membres du ménage',
      purposes: {
        school: "École ou bourse d'études",
        work: 'Travail ou allocation',
        housing: 'Location ou logement social',
        insurance: 'Assurance ou mutuelle',
      },
    },
    residence: {
      title: 'Certificat de résidence',
      subject: "L'adresse où une personne est inscrite selon le registre de la population",
      intro: (city) => `Le bourgmestre de ${city} certifie que la personne ci-dessous est inscrite à cette adresse selon le registre de la population.`,
      personHeading: 'Personne et adresse',
      historyHeading: 'Adresses précédentes',
      historyIntro: (from) => `Adresses où la personne était inscrite depuis le ${from}.`,
    },
    criminalRecord: {
      title: 'Extrait de casier judiciaire (modèle 595)',
      subject: "Extrait de casier judiciaire selon l'article 595 du Code d'instruction criminelle",
      intro: "Extrait de casier judiciaire selon l'article 595 du Code d'instruction criminelle, pour la personne ci-dessous.",
      personHeading: 'Personne',
      convictionsHeading: 'Condamnations',
      none: 'Aucune condamnation.',
      modelValue: '595 (extrait ordinaire)',
      demo: 'Ceci est un extrait de démonstration. Le registre de la population de cette démo est fictif et ne contient pas de casier judiciaire. En réalité, le contenu provient du Casier judiciaire central du SPF Justice.',
    },
    act: {
      title: (kind, act) => `${kind === 'copy' ? 'Copie' : 'Extrait'} d'${act}`,
      subject: "Copie ou extrait d'un acte de l'état civil",
      intro: (city) => `L'officier de l'état civil de ${city} délivre ce document sur la base de l'acte ci-dessous.`,
      actHeading: 'Acte',
      personsHeading: "Personnes mentionnées dans l'acte",
      acts: {
        birth: 'acte de naissance',
        marriage: 'acte de mariage',
        divorce: 'acte de divorce',
        death: 'acte de décès',
        recognition: 'acte de reconnaissance',
        'name-change': 'acte de changement de nom',
      },
      demo: "Ceci est un acte de démonstration, établi à partir des données de la demande. En réalité, l'acte provient de la Banque de données des actes de l'état civil (BAEC).",
    },
  },
  en: {
    labels: {
      name: 'Name',
      birthDate: 'Date of birth',
      nationality: 'Nationality',
      address: 'Address',
      since: 'Registered since',
      from: 'From',
      until: 'Until',
      relation: 'Relation to the reference person',
      purpose: 'Requested for',
      actType: 'Type of record',
      eventDate: 'Date of the event',
      familyName: 'Family name',
      givenNames: 'Given names',
      model: 'Model',
    },
    box: 'box',
    relations: { 'reference-person': 'Reference person', partner: 'Partner', child: 'Child', other: 'Other household member' },
    electronic: 'This document was issued electronically and is valid without a signature. Check that it is genuine with the verification code below.',
    demoHeading: 'Demonstration data',
    household: {
      title: 'Household composition certificate',
      subject: 'Who is registered together at an address according to the population register',
      intro: (city) =>
        `The mayor of ${city} certifies that, according to the population register, the following people are registered together at the address below on the date of this certificate.`,
      addressHeading: 'Address',
      membersHeading: 'Household members',
      purposes: {
        school: 'School or study grant',
        work: 'Work or benefits',
        housing: 'Renting or social housing',
        insurance: 'Insurance or health fund',
      },
    },
    residence: {
      title: 'Certificate of residence',
      subject: 'Where someone is registered according to the population register',
      intro: (city) => `The mayor of ${city} certifies that the person below is registered at this address according to the population register.`,
      personHeading: 'Person and address',
      historyHeading: 'Previous addresses',
      historyIntro: (from) => `Addresses where the person was registered since ${from}.`,
    },
    criminalRecord: {
      title: 'Extract from the criminal record (model 595)',
      subject: 'Extract from the criminal record under article 595 of the Belgian Code of Criminal Procedure',
      intro: 'Extract from the criminal record under article 595 of the Belgian Code of Criminal Procedure, for the person below.',
      personHeading: 'Person',
      convictionsHeading: 'Convictions',
      none: 'No convictions.',
      modelValue: '595 (standard extract)',
      demo: 'This is a demonstration extract. The population register of this demo is made up and holds no criminal records. In reality, the contents come from the Central Criminal Register of the Federal Public Service Justice.',
    },
    act: {
      title: (kind, act) => `${kind === 'copy' ? 'Copy' : 'Extract'} of the ${act}`,
      subject: 'Copy or extract of a civil status record',
      intro: (city) => `The civil registrar of ${city} issues this document on the basis of the record below.`,
      actHeading: 'Record',
      personsHeading: 'People named in the record',
      acts: {
        birth: 'birth record',
        marriage: 'marriage record',
        divorce: 'divorce record',
        death: 'death record',
        recognition: 'record of recognition',
        'name-change': 'record of a change of name',
      },
      demo: 'This is a demonstration record, drawn up from the details of the request. In reality, the record comes from the Belgian database of civil status records (DABS).',
    },
  },
};
