-- Drafts of request forms (module `cases`, issue 5: "Drafts are saved"): the answers a logged-in
-- resident, or an employee doing an assisted intake, has given so far. One draft per person and
-- product; it is replaced on every save, deleted in the same transaction as the submission that
-- uses it, and purged 30 days after its last save (shared/src/cases/case-draft.rules.ts).
--
-- The owner is a resident account or a staff member: `(owner_kind, owner_id)` rather than two
-- foreign keys, because a draft is disposable — when an account goes, its drafts expire with the rest.
CREATE TABLE case_drafts (
  owner_kind text NOT NULL CHECK (owner_kind IN ('resident', 'staff')),
  owner_id uuid NOT NULL,
  product_slug text NOT NULL CHECK (product_slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  -- Partial answers keyed by the form's question ids; never checked for completeness. The service
  -- limits them to 64 KiB; the check here is the last line (the JSON text, a little more than jsonb).
  answers jsonb NOT NULL CHECK (jsonb_typeof(answers) = 'object' AND octet_length(answers::text) <= 98304),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (owner_kind, owner_id, product_slug)
);

-- The purge deletes by age.
CREATE INDEX case_drafts_updated_at_idx ON case_drafts (updated_at);
