-- Identity and access (module `identity`) and the audit log (platform): who is logged in, who works
-- for the city or a partner and in which roles, and an append-only record of who did or saw what.

-- The staff directory: employees of the city and of partner organisations (police zone, fire zone …).
-- Roles may also come from the identity provider's claims; this table is where the city keeps them
-- when its identity provider does not (and where partner accounts are invited).
CREATE TABLE staff_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The identity provider's subject once the person has logged in; matched by e-mail before that.
  oidc_subject text UNIQUE,
  email text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
  display_name text NOT NULL CHECK (display_name <> ''),
  -- 'city', or the id of a partner organisation in the city profile (e.g. politiezone-gavers).
  organisation text NOT NULL DEFAULT 'city' CHECK (organisation ~ '^[a-z0-9-]+$'),
  active boolean NOT NULL DEFAULT true,
  preferred_language text NOT NULL DEFAULT 'nl' CHECK (preferred_language IN ('nl', 'fr', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_members_email_idx ON staff_members (lower(email));

-- One row per role a staff member holds; back-office (and others) per team of the city profile.
CREATE TABLE staff_roles (
  staff_id uuid NOT NULL REFERENCES staff_members (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('reception', 'counter', 'contact-centre', 'back-office', 'coordinator', 'manager', 'catalogue-editor', 'admin', 'partner')),
  -- A team id of the city profile, or '' for a role that is not tied to a team.
  team text NOT NULL DEFAULT '' CHECK (team ~ '^[a-z0-9-]*$'),
  PRIMARY KEY (staff_id, role, team)
);

-- Residents who log in with an e-mail link (lower assurance) and their preferences; residents who
-- log in with eID/itsme are linked to the register person.
CREATE TABLE resident_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  register_person_id uuid UNIQUE REFERENCES register_persons (id),
  email text CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+$'),
  phone text,
  preferred_language text NOT NULL DEFAULT 'nl' CHECK (preferred_language IN ('nl', 'fr', 'en')),
  -- How the resident wants to hear from the city, in order of preference.
  contact_channels text[] NOT NULL DEFAULT '{email}' CHECK (contact_channels <@ ARRAY['email', 'sms', 'post']::text[]),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (register_person_id IS NOT NULL OR email IS NOT NULL)
);
-- An e-mail-only account is found by its address; eID accounts may share an address (a family).
CREATE UNIQUE INDEX resident_accounts_email_only_idx ON resident_accounts (lower(email)) WHERE register_person_id IS NULL;

-- Server-side sessions. The cookie holds a random token; only its SHA-256 is stored, so a copy of
-- this table does not let anyone log in.
CREATE TABLE sessions (
  token_hash bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
  kind text NOT NULL CHECK (kind IN ('resident', 'staff')),
  surface text NOT NULL CHECK (surface IN ('portal', 'werk', 'kiosk')),
  resident_account_id uuid REFERENCES resident_accounts (id) ON DELETE CASCADE,
  staff_id uuid REFERENCES staff_members (id) ON DELETE CASCADE,
  assurance text NOT NULL CHECK (assurance IN ('low', 'substantial', 'high')),
  csrf_token text NOT NULL,
  -- Which identity provider (configuration name) and its ID token, for RP-initiated logout.
  idp text,
  id_token text,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  idle_timeout_seconds integer NOT NULL CHECK (idle_timeout_seconds > 0),
  absolute_expires_at timestamptz NOT NULL,
  CHECK ((kind = 'resident') = (resident_account_id IS NOT NULL)),
  CHECK ((kind = 'staff') = (staff_id IS NOT NULL))
);
CREATE INDEX sessions_expiry_idx ON sessions (absolute_expires_at);

-- An OpenID Connect login under way: state, nonce and PKCE verifier between the redirect to the
-- identity provider and its answer. Deleted when used, so a replayed answer finds nothing.
CREATE TABLE login_transactions (
  state_hash bytea PRIMARY KEY CHECK (octet_length(state_hash) = 32),
  -- Binds the answer to the browser that started the login (a cookie), against login CSRF.
  browser_binding_hash bytea NOT NULL,
  idp text NOT NULL,
  surface text NOT NULL CHECK (surface IN ('portal', 'werk', 'kiosk')),
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL,
  expires_at timestamptz NOT NULL
);

-- E-mail links for the light login: only the hash of the token is kept; one use.
CREATE TABLE email_login_tokens (
  token_hash bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
  email text NOT NULL,
  return_to text NOT NULL,
  language text NOT NULL CHECK (language IN ('nl', 'fr', 'en')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX email_login_tokens_email_idx ON email_login_tokens (lower(email), created_at);

-- Attempts at the e-mail login, counted per address and per IP address across all instances.
CREATE TABLE email_login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  ip text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX email_login_attempts_email_idx ON email_login_attempts (lower(email), at);
CREATE INDEX email_login_attempts_ip_idx ON email_login_attempts (ip, at);

-- The audit log: one row per state change and per read of a person's file by staff. Append-only:
-- a trigger refuses UPDATE, DELETE and TRUNCATE for every role (superusers included, unless they
-- deliberately switch triggers off), and the privileges are revoked as well.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_kind text NOT NULL CHECK (actor_kind IN ('anonymous', 'resident', 'staff', 'system')),
  -- staff_members.id, resident_accounts.id, or null for anonymous and system.
  actor_id uuid,
  actor_name text,
  -- The roles the actor held at that moment, e.g. {back-office:burgerzaken}.
  actor_roles text[] NOT NULL DEFAULT '{}',
  -- 'city', a partner organisation id, or null for residents and the system.
  organisation text,
  team text,
  action text NOT NULL CHECK (action ~ '^[a-z-]+\.[a-z-]+(\.[a-z-]+)?$'),
  -- Whose personal data was read or changed, when any (register person id).
  subject_person_id uuid,
  resource_type text,
  resource_id text,
  -- Why: required for reads of a person's file by staff.
  purpose text,
  request_id text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_person_id, at DESC) WHERE subject_person_id IS NOT NULL;
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
CREATE INDEX audit_log_action_idx ON audit_log (action, at DESC);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM CURRENT_USER;
