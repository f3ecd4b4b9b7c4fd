-- Extensions the modules rely on: trigram similarity and accent folding for search,
-- btree_gist for exclusion constraints (appointments that must not overlap).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Outgoing e-mail. The row is the truth; the job only delivers it. With no SMTP server configured
-- (the demo), mail stays here with status 'kept' and staff read it on the "sent mail" page.
CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address text NOT NULL,
  subject text NOT NULL,
  text_body text NOT NULL,
  html_body text,
  language text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'fr', 'en')),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'kept', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  message_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX mail_outbox_created_at_idx ON mail_outbox (created_at DESC);
