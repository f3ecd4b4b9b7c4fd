import { useTranslation } from 'react-i18next';
import { useCity } from '../../app/city.ts';
import { localized } from '../../app/city-display.rules.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { Alert, Paragraph } from '../../ui/index.ts';
import { type LoginFailure, loginFailureKeys, loginFailureSeverity } from './login.rules.ts';

const alertType = { info: 'info', warning: 'warning', error: 'error' } as const;

/** Why the last login did not go through, politely, with what to do next. */
export const LoginFailureAlert = ({ failure }: { failure: LoginFailure }) => {
  const { t } = useTranslation();
  const { data: city } = useCity();
  const keys = loginFailureKeys(failure);
  const cityName = city ? localized(city.name, currentLanguage()) : '';
  return (
    <Alert type={alertType[loginFailureSeverity(failure)]} heading={t(keys.title, { city: cityName })}>
      <Paragraph>{t(keys.text, { city: cityName })}</Paragraph>
    </Alert>
  );
};
