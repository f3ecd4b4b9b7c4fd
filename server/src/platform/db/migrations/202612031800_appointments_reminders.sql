-- The reminder e-mail the day before an appointment: sent once, whichever instance sweeps.
ALTER TABLE appointments ADD COLUMN reminded_at timestamptz;
CREATE INDEX appointments_reminder_idx ON appointments (starts_at) WHERE status = 'booked' AND reminded_at IS NULL;
