import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCity } from './city.ts';
import { localized } from './city-display.rules.ts';
import { currentLanguage } from './i18n.ts';

/** Sets document.title to "<page> - <city>" and follows language changes (WCAG 2.4.2). */
export const usePageTitle = (title: string): void => {
  const { data: city } = useCity();
  // Subscribes to language changes, so the title follows the switch.
  useTranslation();
  const language = currentLanguage();
  useEffect(() => {
    const cityName = city ? localized(city.name, language) : 'Gastvrij';
    document.title = title ? `${title} - ${cityName}` : cityName;
  }, [title, city, language]);
};
