-- Documents (module `documents`, issue 5): the certificates and extracts the city issues, stored
-- as the exact PDF bytes the resident downloaded, with the verification code printed on them. The
-- public verification page reads this table: it shows the SHA-256 of the bytes and what is printed
-- on the document (printed_facts), never more.
CREATE TABLE documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The case the document was issued for; null for a document issued outside a case.
  case_id uuid REFERENCES cases (id),
  -- The product it answers (`attest-gezinssamenstelling`, `uittreksel-strafregister` ...).
  kind text NOT NULL CHECK (kind ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  language text NOT NULL CHECK (language IN ('nl', 'fr', 'en')),
  -- As printed, in the document's language.
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  file_name text NOT NULL CHECK (file_name ~ '^[A-Za-z0-9][A-Za-z0-9._-]*\.pdf$'),
  -- Printed form (shared/src/documents/verification-code.rules.ts): 4 groups of 4 Crockford characters.
  verification_code text NOT NULL UNIQUE CHECK (verification_code ~ '^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$'),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  bytes bytea NOT NULL,
  issued_at timestamptz NOT NULL,
  -- The register person the document is about (who can download it, whose "who saw my data" it fills).
  subject_person_id uuid REFERENCES register_persons (id),
  -- What is printed on it (issuer, reference, sections with facts and tables), in its language:
  -- the verification page shows exactly this.
  printed_facts jsonb NOT NULL CHECK (jsonb_typeof(printed_facts) = 'object'),
  -- A revoked document still verifies, as "no longer valid" with the moment.
  revoked_at timestamptz
);

-- PDFKit already compresses the content streams: storing the bytes out of line without another
-- compression attempt saves CPU on every insert and read.
ALTER TABLE documents ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- One valid document of a kind per case: an automated step that runs twice (a retry after a crash)
-- finds the first one instead of issuing a second.
CREATE UNIQUE INDEX documents_case_kind_idx ON documents (case_id, kind) WHERE case_id IS NOT NULL AND revoked_at IS NULL;
CREATE INDEX documents_subject_person_idx ON documents (subject_person_id) WHERE subject_person_id IS NOT NULL;
