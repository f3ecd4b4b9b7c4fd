-- Cases (module `cases`, issue 5): every request, question or report becomes one case with a human
-- reference, one owner from first contact to closure, a status, a due date and a timeline.

-- The last sequence number handed out per reference prefix and year (HB-2026-000123). A submission
-- takes its number with one short INSERT … ON CONFLICT DO UPDATE … RETURNING outside the case's own
-- transaction, so the row lock lasts one statement, not a whole submission. Numbers are unique and
-- grow; one lost to a failed submission leaves a gap, which is allowed (residents never count them).
CREATE TABLE case_reference_counters (
  prefix text NOT NULL CHECK (prefix ~ '^[A-Z]{2,4}$'),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
  last_sequence bigint NOT NULL CHECK (last_sequence >= 1),
  PRIMARY KEY (prefix, year)
);

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE CHECK (reference ~ '^[A-Z]{2,4}-[0-9]{4}-[0-9]{6,}$'),
  product_slug text NOT NULL CHECK (product_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  family text NOT NULL CHECK (family IN ('certificate', 'general', 'permit', 'report')),
  -- The form definition version the answers follow (null for the generic form of a product without one).
  form_version integer CHECK (form_version >= 1),
  -- Answers as the form engine normalised them (hidden and unknown fields dropped).
  answers jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(answers) = 'object'),
  language text NOT NULL CHECK (language IN ('nl', 'fr', 'en')),

  -- Who asked. A logged-in resident (account, and the register person when known), the register
  -- person a case is about (a minor of the resident's household, or a resident served at the desk),
  -- an organisation by its KBO number, or someone without a login who follows the case by a secret
  -- link (only the SHA-256 of that link's token is kept).
  requester_account_id uuid REFERENCES resident_accounts (id),
  requester_person_id uuid REFERENCES register_persons (id),
  requester_kbo text CHECK (requester_kbo ~ '^[01][0-9]{9}$'),
  requester_organisation_name text,
  -- Where notifications go when the requester has no account (anonymous question, assisted case).
  contact_email text CHECK (contact_email IS NULL OR contact_email ~ '^[^@\s]+@[^@\s]+$'),
  access_token_hash bytea UNIQUE CHECK (octet_length(access_token_hash) = 32),
  CHECK (requester_account_id IS NOT NULL OR requester_person_id IS NOT NULL OR requester_kbo IS NOT NULL OR access_token_hash IS NOT NULL),

  -- How it came in. Assisted submissions name the employee and how the resident consented.
  channel text NOT NULL CHECK (channel IN ('online', 'phone', 'counter', 'quick-desk', 'kiosk', 'home', 'partner', 'api', 'email')),
  sub_municipality text,
  submitted_by_staff_id uuid REFERENCES staff_members (id),
  consent jsonb,
  CHECK (submitted_by_staff_id IS NULL OR consent IS NOT NULL),

  -- The owner: always a team of the city or a partner organisation (never none), and once claimed
  -- or assigned an employee of it. Partners may also be asked for advice without owning the case.
  owner_kind text NOT NULL CHECK (owner_kind IN ('team', 'partner')),
  owner_id text NOT NULL CHECK (owner_id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  assignee_staff_id uuid REFERENCES staff_members (id),
  -- The assignee's name as it was when assigned, so a queue page needs no look-up per line.
  assignee_name text,
  CHECK ((assignee_staff_id IS NULL) = (assignee_name IS NULL)),
  hand_over_count integer NOT NULL DEFAULT 0 CHECK (hand_over_count >= 0),
  shared_with_partners text[] NOT NULL DEFAULT '{}',

  -- The status machine's state (shared/src/cases/case-status.rules.ts) and the deadline.
  status text NOT NULL CHECK (status IN ('received', 'in-progress', 'waiting-for-resident', 'waiting-for-advice', 'decided', 'closed', 'rejected', 'withdrawn')),
  handling text NOT NULL CHECK (handling IN ('automated', 'human')),
  status_changed_at timestamptz NOT NULL,
  pauses jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(pauses) = 'array'),
  -- Working days given back for finished pauses (waiting for the resident); due_date includes them.
  paused_days integer NOT NULL DEFAULT 0 CHECK (paused_days >= 0),
  service_norm_days integer NOT NULL CHECK (service_norm_days >= 0),
  due_date date NOT NULL,
  outcome text CHECK (outcome IN ('issued', 'refused', 'answered', 'referred', 'granted', 'granted-with-conditions', 'resolved', 'planned', 'not-city-competence')),
  decided_at timestamptz,
  closed_at timestamptz,

  -- A retried submission (same requester, same Idempotency-Key) returns this case; a different body
  -- under the same key is refused (request_hash). The receipt is the answer the first call gave.
  idempotency_scope text,
  idempotency_key text CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 200),
  request_hash text,
  receipt jsonb,
  CHECK ((idempotency_key IS NULL) = (idempotency_scope IS NULL)),

  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);

CREATE UNIQUE INDEX cases_idempotency_idx ON cases (idempotency_scope, idempotency_key) WHERE idempotency_key IS NOT NULL;
-- "Mijn dossiers": a resident's cases (by account, and by register person for the household's
-- minors and cases registered at the desk), most recently changed first.
CREATE INDEX cases_requester_account_idx ON cases (requester_account_id, updated_at DESC) WHERE requester_account_id IS NOT NULL;
CREATE INDEX cases_requester_person_idx ON cases (requester_person_id, updated_at DESC) WHERE requester_person_id IS NOT NULL;
-- Work queues: a team's (or partner's) cases that are not final, soonest due first. Final cases
-- pile up over the years and are left out of the index.
CREATE INDEX cases_queue_idx ON cases (owner_kind, owner_id, due_date, created_at)
  WHERE status NOT IN ('closed', 'rejected', 'withdrawn');
CREATE INDEX cases_assignee_idx ON cases (assignee_staff_id) WHERE assignee_staff_id IS NOT NULL AND status NOT IN ('closed', 'rejected', 'withdrawn');
CREATE INDEX cases_shared_with_idx ON cases USING gin (shared_with_partners) WHERE shared_with_partners <> '{}';

-- The timeline: status changes, messages to and from the resident, internal notes, hand-overs,
-- documents, automated steps. Resident-visible entries are what "Mijn dossiers" shows; internal
-- ones only staff. Never updated except to mark that the notification about it went out.
CREATE TABLE case_events (
  -- Insertion order is timeline order, also for entries written in the same transaction.
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type ~ '^[a-z]+(-[a-z]+)*$'),
  visibility text NOT NULL CHECK (visibility IN ('resident', 'internal')),
  actor_kind text NOT NULL CHECK (actor_kind IN ('resident', 'staff', 'system', 'anonymous')),
  actor_id text,
  -- As it was at the time: the timeline must still read right after a colleague leaves.
  actor_name text,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(payload) = 'object'),
  at timestamptz NOT NULL,
  -- Set when the resident was notified by e-mail about this entry (the job is then a no-op on retry).
  notified_at timestamptz
);
CREATE INDEX case_events_case_idx ON case_events (case_id, id);
