-- Appointments at the city hall's counter or at home (module appointments). A booking holds its
-- place from starts_at to ends_at; how many may overlap on a channel is the city profile's
-- capacity, checked by the service while it holds the channel's advisory lock.
CREATE TABLE appointments (
  id uuid PRIMARY KEY,
  product_slug text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('counter', 'home')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled')),
  account_id uuid NOT NULL REFERENCES resident_accounts (id),
  -- The register person, when the resident logged in with eID or itsme and the register knows them.
  person_id uuid REFERENCES register_persons (id),
  language text NOT NULL CHECK (language IN ('nl', 'fr', 'en')),
  note text CHECK (note IS NULL OR length(note) <= 500),
  idempotency_key text CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 200),
  request_hash text,
  created_at timestamptz NOT NULL,
  cancelled_at timestamptz,
  cancelled_by text CHECK (cancelled_by IN ('resident', 'staff')),
  CHECK (ends_at > starts_at),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);

-- What is booked on a channel around a time (availability, the staff agenda).
CREATE INDEX appointments_channel_time_idx ON appointments (channel, starts_at) WHERE status = 'booked';
-- "Mijn afspraken" and the 360° strip.
CREATE INDEX appointments_account_idx ON appointments (account_id, starts_at);
CREATE INDEX appointments_person_idx ON appointments (person_id, starts_at) WHERE person_id IS NOT NULL;
-- A retried booking with the same Idempotency-Key finds the first one.
CREATE UNIQUE INDEX appointments_idempotency_idx ON appointments (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
