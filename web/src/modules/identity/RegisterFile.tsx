import { useTranslation } from 'react-i18next';
import type { AddressHistoryEntry, Household, Person } from '../../../../shared/src/register/register.contract.ts';
import { formatLocalDate } from '../../app/city-display.rules.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { Heading, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '../../ui/index.ts';
import { formatAddress, isNationalNumberRevealed, shownNationalNumber } from './identity-display.rules.ts';

type RegisterFileProps = {
  person: Person;
  household: Household | null;
  addressHistory: AddressHistoryEntry[];
  /** 'self' on "Mijn gegevens" (the resident reads about themself), 'staff' after a look-up. */
  reader: 'self' | 'staff';
  /** The heading level of the file's parts, to fit the page outline. */
  headingLevel: 2 | 3;
  idPrefix: string;
};

const longDate = { dateStyle: 'long' } as const;

/** A person's file from the population register: who, where, with whom, and where before. */
export const RegisterFile = ({ person, household, addressHistory, reader, headingLevel, idPrefix }: RegisterFileProps) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  const current = addressHistory.find((entry) => entry.validTo === null)?.address ?? household?.address ?? null;
  const others = household?.members ?? [];
  const sub = (headingLevel + 1) as 3 | 4;
  return (
    <div className="gv-stack">
      <dl className="gv-facts">
        <div>
          <dt>{t('identity.register.name')}</dt>
          <dd>
            {person.givenName} {person.familyName}
          </dd>
        </div>
        <div>
          <dt>{t('identity.register.birthDate')}</dt>
          <dd>{formatLocalDate(person.birthDate, language, longDate)}</dd>
        </div>
        {person.dateOfDeath ? (
          <div>
            <dt>{t('identity.register.dateOfDeath')}</dt>
            <dd>{formatLocalDate(person.dateOfDeath, language, longDate)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('identity.register.nationalNumber')}</dt>
          <dd>
            <span className="gv-number">{shownNationalNumber(person)}</span>
            {reader === 'staff' && !isNationalNumberRevealed(person) ? <span className="gv-facts__note">{t('identity.register.numberMasked')}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('identity.register.address')}</dt>
          <dd>{current ? formatAddress(current, language) : t('identity.register.noAddress')}</dd>
        </div>
      </dl>

      <section aria-labelledby={`${idPrefix}-household`} className="gv-stack">
        <Heading level={sub} id={`${idPrefix}-household`}>
          {t(reader === 'self' ? 'identity.register.householdSelf' : 'identity.register.household')}
        </Heading>
        {others.length === 0 ? (
          <Paragraph>{t('identity.register.noHousehold')}</Paragraph>
        ) : (
          <>
            <Table label={t('identity.register.householdCaption')}>
              <TableCaption>{t('identity.register.householdCaption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('identity.register.name')}</TableHeaderCell>
                  <TableHeaderCell>{t('identity.register.role')}</TableHeaderCell>
                  <TableHeaderCell>{t('identity.register.birthDate')}</TableHeaderCell>
                  <TableHeaderCell>{t('identity.register.nationalNumber')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {others.map((member) => (
                  <TableRow key={member.id}>
                    <TableHeaderCell scope="row">
                      {member.givenName} {member.familyName}
                      {member.id === person.id ? ` ${t(reader === 'self' ? 'identity.register.you' : 'identity.register.thisPerson')}` : ''}
                    </TableHeaderCell>
                    <TableCell>{member.householdRole ? t(`identity.householdRoles.${member.householdRole}`) : ''}</TableCell>
                    <TableCell>{formatLocalDate(member.birthDate, language, longDate)}</TableCell>
                    <TableCell className="gv-number">{shownNationalNumber(member)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {others.some((member) => !isNationalNumberRevealed(member)) ? (
              <Paragraph className="gv-muted">{t('identity.register.householdMasked')}</Paragraph>
            ) : null}
          </>
        )}
      </section>

      <section aria-labelledby={`${idPrefix}-history`} className="gv-stack">
        <Heading level={sub} id={`${idPrefix}-history`}>
          {t(reader === 'self' ? 'identity.register.historySelf' : 'identity.register.history')}
        </Heading>
        {addressHistory.length === 0 ? (
          <Paragraph>{t('identity.register.noHistory')}</Paragraph>
        ) : (
          <Table label={t('identity.register.historyCaption')}>
            <TableCaption>{t('identity.register.historyCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('identity.register.address')}</TableHeaderCell>
                <TableHeaderCell>{t('identity.register.from')}</TableHeaderCell>
                <TableHeaderCell>{t('identity.register.until')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {addressHistory.map((entry) => (
                <TableRow key={`${entry.address.id}-${entry.validFrom}`}>
                  <TableHeaderCell scope="row">{formatAddress(entry.address, language)}</TableHeaderCell>
                  <TableCell>{formatLocalDate(entry.validFrom, language, longDate)}</TableCell>
                  <TableCell>{entry.validTo ? formatLocalDate(entry.validTo, language, longDate) : t('identity.register.now')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
};
