import { useTranslation } from 'react-i18next';
import { Alert, Button } from '../ui/index.ts';
import { ApiError } from './api-error.ts';

/** A failed request, in words: the server's title when it sent one, a general message otherwise. */
export const QueryAlert = ({ error, onRetry }: { error: unknown; onRetry?: () => void }) => {
  const { t } = useTranslation();
  const message = error instanceof ApiError ? error.title : t('errors.generic');
  return (
    <Alert type="error" heading={t('errors.title')}>
      <p className="utrecht-paragraph">{message}</p>
      {onRetry ? (
        <Button appearance="secondary-action" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      ) : null}
    </Alert>
  );
};

/** A polite loading message, so screen readers know something is coming. */
export const Loading = () => {
  const { t } = useTranslation();
  return (
    <p className="utrecht-paragraph gv-loading" role="status">
      {t('app.loading')}
    </p>
  );
};
