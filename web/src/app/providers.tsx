import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { meKey } from '../modules/identity/index.ts';
import { ApiError } from './api-error.ts';
import { i18n } from './i18n.ts';
import { useCityTheme } from './use-theme.ts';

export const createQueryClient = () => {
  // A 401 means the session ended (idle timeout, logout in another tab): ask again who is logged in,
  // so the header and the page guards follow and send the person to the login page.
  const sessionEnded = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401) void client.invalidateQueries({ queryKey: meKey });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: sessionEnded }),
    mutationCache: new MutationCache({ onError: sessionEnded }),
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again; a network hiccup or a 5xx might.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
};

const Theme = ({ children }: { children: ReactNode }) => {
  useCityTheme();
  return children;
};

/** Data fetching, translations and the city theme, around every surface. */
export const Providers = ({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) => (
  <QueryClientProvider client={queryClient}>
    <I18nextProvider i18n={i18n}>
      <Theme>{children}</Theme>
    </I18nextProvider>
  </QueryClientProvider>
);
