-- Case attachments (module `cases`, issue 5): files a resident, an employee or someone asking a
-- question without a login uploaded. An upload is stored first on its own (case_id null) and
-- handed back as an id; a form submission or an "add a document" step then attaches it to a case,
-- in the same transaction as the change. Kept in PostgreSQL like `documents`: backups cover it and
-- every instance behind the load balancer reads the same bytes.
CREATE TABLE case_attachments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Null until attached; an upload is attached once and never moves to another case.
  case_id uuid REFERENCES cases (id),
  attached_at timestamptz,
  CHECK ((case_id IS NULL) = (attached_at IS NULL)),
  -- `internal` attachments (an employee's working file) are never shown to the requester.
  visibility text NOT NULL DEFAULT 'resident' CHECK (visibility IN ('resident', 'internal')),
  -- The form question it answers (`sitePlan`, `children.0.photo`); null when added to the case later.
  form_field text CHECK (form_field IS NULL OR length(form_field) BETWEEN 1 AND 200),

  -- The name the person gave it, cleaned (no path, no control characters) and with the extension of
  -- what the content is.
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 120 AND file_name !~ '[/\\[:cntrl:]]'),
  -- Detected from the bytes, never from the name or the browser's declaration.
  media_type text NOT NULL CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  -- Images re-encoded without their metadata (EXIF location, camera serial); PDFs as sent.
  bytes bytea NOT NULL,

  -- Who uploaded it: only they can attach it. Someone without a login is known by the SHA-256 of the
  -- secret upload scope their browser made for one form (sent again with the question).
  uploaded_by_kind text NOT NULL CHECK (uploaded_by_kind IN ('resident', 'staff', 'anonymous')),
  uploaded_by_account_id uuid REFERENCES resident_accounts (id),
  uploaded_by_staff_id uuid REFERENCES staff_members (id),
  uploaded_by_scope_hash bytea CHECK (octet_length(uploaded_by_scope_hash) = 32),
  CHECK (
    (uploaded_by_kind = 'resident' AND uploaded_by_account_id IS NOT NULL AND uploaded_by_staff_id IS NULL AND uploaded_by_scope_hash IS NULL)
    OR (uploaded_by_kind = 'staff' AND uploaded_by_staff_id IS NOT NULL AND uploaded_by_account_id IS NULL AND uploaded_by_scope_hash IS NULL)
    OR (uploaded_by_kind = 'anonymous' AND uploaded_by_scope_hash IS NOT NULL AND uploaded_by_account_id IS NULL AND uploaded_by_staff_id IS NULL)
  ),
  created_at timestamptz NOT NULL
);

-- Images and PDFs are already compressed: store them out of line without another attempt.
ALTER TABLE case_attachments ALTER COLUMN bytes SET STORAGE EXTERNAL;

CREATE INDEX case_attachments_case_idx ON case_attachments (case_id, created_at) WHERE case_id IS NOT NULL;
-- Uploads nobody attached (an abandoned form) are removed after a day.
CREATE INDEX case_attachments_unattached_idx ON case_attachments (created_at) WHERE case_id IS NULL;
