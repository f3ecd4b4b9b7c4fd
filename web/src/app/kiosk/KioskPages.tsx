import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Language } from '../../../../shared/src/platform/language.ts';
import { ButtonLink, Heading, Icon, type IconName, Paragraph } from '../../ui/index.ts';
import { currentLanguage } from '../i18n.ts';
import { languageNames, languages } from '../language.rules.ts';
import { usePageTitle } from '../page-title.ts';

type TileKey = 'certificate' | 'appointment' | 'question' | 'report' | 'language';
const tiles: { key: TileKey; to: string; icon: IconName }[] = [
  { key: 'certificate', to: '/kiosk/attest', icon: 'document' },
  { key: 'appointment', to: '/kiosk/afspraak', icon: 'calendar' },
  { key: 'question', to: '/kiosk/vraag', icon: 'question' },
  { key: 'report', to: '/kiosk/melding', icon: 'pin' },
  { key: 'language', to: '/kiosk/taal', icon: 'globe' },
];

/** The other languages, each named in itself, so someone who does not read this one finds the tile. */
const OtherLanguages = () => {
  const current = currentLanguage();
  return languages
    .filter((language) => language !== current)
    .map((language, index) => (
      <span key={language} lang={language}>
        {index > 0 ? ' · ' : ''}
        {languageNames[language]}
      </span>
    ));
};

/** `/kiosk`: big tiles, one for each thing the PC does (or will do), and the language. */
export const KioskStartPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('kiosk.title'));
  return (
    <div className="gv-stack">
      <Heading level={1}>{t('kiosk.welcome')}</Heading>
      <Paragraph lead>{t('kiosk.choose')}</Paragraph>
      <ul className="gv-tiles">
        {tiles.map((tile) => (
          <li key={tile.key}>
            <Link className="gv-tile" to={tile.to}>
              <Icon name={tile.icon} className="gv-tile__icon" />
              <span className="gv-tile__label">{t(`kiosk.tiles.${tile.key}`)}</span>
              <span className="gv-tile__hint">{tile.key === 'language' ? <OtherLanguages /> : t(`kiosk.tiles.${tile.key}Hint`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
};

const Back = () => {
  const { t } = useTranslation();
  return (
    <p>
      <ButtonLink to="/kiosk" appearance="secondary-action" className="gv-kiosk__back">
        {t('kiosk.back')}
      </ButtonLink>
    </p>
  );
};

/** `/kiosk/taal`: the language choice, as three big buttons each in its own language. */
export const KioskLanguagePage = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const current = currentLanguage();
  usePageTitle(t('kiosk.languageTitle'));
  const choose = (language: Language) => {
    // Not stored: the next person at this PC starts in the city's language again.
    void i18n.changeLanguage(language).then(() => navigate('/kiosk'));
  };
  return (
    <div className="gv-stack">
      <Heading level={1}>{t('kiosk.languageTitle')}</Heading>
      <ul className="gv-tiles gv-tiles--languages">
        {languages.map((language) => (
          <li key={language}>
            <button type="button" className="gv-tile" lang={language} aria-current={language === current ? 'true' : undefined} onClick={() => choose(language)}>
              <span className="gv-tile__label">{languageNames[language]}</span>
            </button>
          </li>
        ))}
      </ul>
      <Back />
    </div>
  );
};

/** `/kiosk/attest`, `/kiosk/afspraak`: not there yet; says so plainly and offers the way back. */
export const KioskSoonPage = ({ tile }: { tile: 'certificate' | 'appointment' }) => {
  const { t } = useTranslation();
  usePageTitle(t(`kiosk.tiles.${tile}`));
  return (
    <div className="gv-stack">
      <Heading level={1}>{t(`kiosk.tiles.${tile}`)}</Heading>
      <Paragraph lead>{t('kiosk.soon')}</Paragraph>
      <Back />
    </div>
  );
};
