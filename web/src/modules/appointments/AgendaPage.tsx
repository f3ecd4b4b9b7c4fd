import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { appointmentChannelSchema } from '../../../../shared/src/appointments/index.ts';
import { cityDateOf, formatLocalDate } from '../../app/city-display.rules.ts';
import { currentLanguage } from '../../app/i18n.ts';
import { usePageTitle } from '../../app/page-title.ts';
import { Loading, QueryAlert } from '../../app/QueryAlert.tsx';
import {
  Button,
  ButtonLink,
  FormField,
  Heading,
  Paragraph,
  Select,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '../../ui/index.ts';
import { AppointmentStatusBadge } from './AppointmentParts.tsx';
import { type AppointmentChannel, addDays, dateParam, formatClock } from './appointment-display.rules.ts';
import { useAgenda } from './appointments.api.ts';
import './appointments.css';

const channelOf = (value: string | null): AppointmentChannel | null => {
  const parsed = appointmentChannelSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/**
 * `/werk/afspraken`: the appointments of one day (`?date=`, today by default), all channels or one
 * (`?channel=`), soonest first, with who comes and what they wrote. The day and the channel live in
 * the address, so Back and a shared link keep them.
 */
export const AgendaPage = () => {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [params, setParams] = useSearchParams();
  const [today] = useState(() => cityDateOf(Date.now()));
  const date = dateParam(params.get('date')) ?? today;
  const channel = channelOf(params.get('channel'));
  const agenda = useAgenda(date, channel);
  usePageTitle(t('appointments.agenda.title'));

  const show = (next: { date?: string; channel?: AppointmentChannel | null }, replace = false) => {
    const copy = new URLSearchParams(params);
    const nextDate = next.date ?? date;
    if (nextDate === today) copy.delete('date');
    else copy.set('date', nextDate);
    const nextChannel = next.channel === undefined ? channel : next.channel;
    if (nextChannel) copy.set('channel', nextChannel);
    else copy.delete('channel');
    setParams(copy, { replace });
  };

  const day = formatLocalDate(date, language);
  const items = agenda.data?.date === date ? agenda.data.items : [];
  const booked = items.filter((item) => item.status === 'booked').length;

  return (
    <div className="gv-stack gv-stack--loose">
      <div className="gv-stack">
        <Heading level={1}>{t('appointments.agenda.title')}</Heading>
        <Paragraph lead>{t('appointments.agenda.intro')}</Paragraph>
        <div>
          <ButtonLink to="/werk/afspraken/nieuw" appearance="secondary-action">
            {t('appointments.bookFor.action')}
          </ButtonLink>
        </div>
      </div>
      <form className="gv-agenda-tools" aria-label={t('appointments.agenda.toolsLabel')} onSubmit={(event) => event.preventDefault()}>
        <div className="gv-agenda-tools__fields">
          <FormField id="agenda-date" label={t('appointments.agenda.date')}>
            <Textbox
              id="agenda-date"
              type="date"
              value={date}
              required
              onChange={(event) => {
                const picked = dateParam(event.target.value);
                if (picked) show({ date: picked }, true);
              }}
            />
          </FormField>
          <FormField id="agenda-channel" label={t('appointments.agenda.channel')}>
            <Select id="agenda-channel" value={channel ?? ''} onChange={(event) => show({ channel: channelOf(event.target.value) })}>
              <option value="">{t('appointments.agenda.allChannels')}</option>
              {appointmentChannelSchema.options.map((option) => (
                <option key={option} value={option}>
                  {t(`appointments.agenda.channelName.${option}`)}
                </option>
              ))}
            </Select>
          </FormField>
        </div>
        <div className="gv-button-row">
          <Button appearance="secondary-action" onClick={() => show({ date: addDays(date, -1) })}>
            {t('appointments.agenda.previousDay')}
          </Button>
          {date !== today ? (
            <Button appearance="secondary-action" onClick={() => show({ date: today })}>
              {t('appointments.agenda.today')}
            </Button>
          ) : null}
          <Button appearance="secondary-action" onClick={() => show({ date: addDays(date, 1) })}>
            {t('appointments.agenda.nextDay')}
          </Button>
        </div>
      </form>

      <section aria-labelledby="agenda-day" className="gv-stack">
        <Heading level={2} id="agenda-day" aria-live="polite">
          {date === today ? t('appointments.agenda.todayHeading', { date: day }) : day}
        </Heading>
        {agenda.isPending ? <Loading /> : null}
        {agenda.isError ? <QueryAlert error={agenda.error} onRetry={() => void agenda.refetch()} /> : null}
        {agenda.data && agenda.data.date === date && items.length === 0 ? (
          <Paragraph>
            {channel ? t('appointments.agenda.emptyChannel', { channel: t(`appointments.agenda.channelName.${channel}`) }) : t('appointments.agenda.empty')}
          </Paragraph>
        ) : null}
        {items.length > 0 ? (
          <Table label={t('appointments.agenda.caption', { date: day })} className="gv-agenda-table">
            <TableCaption>{t('appointments.agenda.captionCount', { date: day, count: booked })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('appointments.agenda.time')}</TableHeaderCell>
                <TableHeaderCell>{t('appointments.agenda.product')}</TableHeaderCell>
                <TableHeaderCell>{t('appointments.agenda.person')}</TableHeaderCell>
                <TableHeaderCell>{t('appointments.agenda.channel')}</TableHeaderCell>
                <TableHeaderCell>{t('appointments.field.status')}</TableHeaderCell>
                <TableHeaderCell>{t('appointments.agenda.note')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item) => (
                <TableRow key={item.id} className={item.status === 'cancelled' ? 'gv-agenda-table__cancelled' : undefined}>
                  <TableHeaderCell scope="row">
                    <time dateTime={item.start}>{formatClock(item.start, language)}</time>
                    {' – '}
                    <time dateTime={item.end}>{formatClock(item.end, language)}</time>
                  </TableHeaderCell>
                  <TableCell>{item.product.title}</TableCell>
                  <TableCell>{item.person.name}</TableCell>
                  <TableCell>{t(`appointments.agenda.channelName.${item.channel}`)}</TableCell>
                  <TableCell>
                    <AppointmentStatusBadge appointment={item} />
                  </TableCell>
                  <TableCell>{item.note ? <span className="gv-appointment__note">{item.note}</span> : null}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </section>
    </div>
  );
};
