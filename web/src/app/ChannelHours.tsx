import { useTranslation } from 'react-i18next';
import type { ChannelToday } from '../../../shared/src/city/index.ts';
import { channelTodayView, formatTime, localized } from './city-display.rules.ts';
import { currentLanguage } from './i18n.ts';

/** Today's hours of one channel in words: "8.30 tot 12.00 uur en 13.30 tot 16.30 uur", "gesloten (Kerstmis)". */
export const ChannelHours = ({ today }: { today: ChannelToday }) => {
  const { t } = useTranslation();
  const language = currentLanguage();
  const view = channelTodayView(today);
  const reason = 'reason' in view && view.reason ? ` (${localized(view.reason, language)})` : '';
  switch (view.kind) {
    case 'unavailable':
      return <>{t('hours.unavailable')}</>;
    case 'always-open':
      return <>{t('hours.alwaysOpen')}</>;
    case 'closed':
      return <>{`${t('hours.closed')}${reason}`}</>;
    case 'open':
      return (
        <>
          {view.intervals
            .map((interval) => t('hours.range', { from: formatTime(interval.from, language), to: formatTime(interval.to, language) }))
            .join(t('hours.and'))}
          {reason}
        </>
      );
  }
};
