import { useEffect } from 'react';
import { themeTokens } from '../ui/theme.rules.ts';
import { useCity } from './city.ts';

/** Puts the city's colours on the document root once the profile is loaded. */
export const useCityTheme = (): void => {
  const { data: city } = useCity();
  useEffect(() => {
    if (!city) return;
    const style = document.documentElement.style;
    for (const [name, value] of Object.entries(themeTokens(city.theme))) style.setProperty(name, value);
  }, [city]);
};
