import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { logoSource } from '../ui/theme.rules.ts';
import { useCity } from './city.ts';
import { localized } from './city-display.rules.ts';
import { currentLanguage } from './i18n.ts';

/** The city logo (or its name while the profile loads) and the name of this site, linking home. */
export const CityBrand = ({ to, siteName }: { to: string; siteName: string }) => {
  const { t } = useTranslation();
  const { data: city } = useCity();
  const language = currentLanguage();
  const source = city ? logoSource(city.theme.logo) : undefined;
  const cityName = city ? localized(city.name, language) : '';
  return (
    <Link to={to} className="gv-brand">
      {source && city ? (
        <img className="gv-brand__logo" src={source} alt={localized(city.theme.logo.alt, language)} height={48} />
      ) : (
        <span className="gv-brand__name">{cityName || 'Gastvrij'}</span>
      )}
      <span className="gv-brand__site">{siteName}</span>
      {cityName ? <span className="gv-visually-hidden">{`, ${t('app.homeLink', { city: cityName })}`}</span> : null}
    </Link>
  );
};
