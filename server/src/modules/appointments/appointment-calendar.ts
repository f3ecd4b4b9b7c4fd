import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/**
 * The iCalendar file (RFC 5545) of one appointment, made with ical-generator: times in UTC, a UID
 * that stays the same for the appointment, and STATUS:CANCELLED with a higher SEQUENCE once it is
 * cancelled, so a calendar that imported it updates the event instead of adding a second one.
 */
export const appointmentCalendar = (input: {
  id: string;
  domain: string;
  cityName: string;
  summary: string;
  description: string;
  location: string;
  start: Date;
  end: Date;
  created: Date;
  cancelled: boolean;
  url: string;
}): string => {
  const calendar = ical({ name: input.cityName, prodId: { company: 'Gastvrij', product: 'appointments', language: 'NL' }, method: ICalCalendarMethod.PUBLISH });
  calendar.createEvent({
    id: `${input.id}@${input.domain}`,
    start: input.start,
    end: input.end,
    stamp: input.created,
    summary: input.summary,
    description: input.description,
    location: input.location,
    url: input.url,
    status: input.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    sequence: input.cancelled ? 1 : 0,
  });
  return calendar.toString();
};
