-- The local population register (module `register`): addresses, households, persons and where each
-- person lived. In the demo it holds a synthetic population; in production it can stay empty when a
-- MAGDA adapter answers the same port (docs/register.md).

CREATE TABLE register_addresses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  street text NOT NULL CHECK (street <> ''),
  house_number text NOT NULL CHECK (house_number ~ '^[0-9]+[A-Za-z]{0,3}$'),
  box text CHECK (box <> ''),
  postcode text NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3}$'),
  municipality text NOT NULL,
  sub_municipality text NOT NULL,
  -- The NIS code of the municipality (Harelbeke: 34013); earlier addresses may lie elsewhere.
  nis_code text NOT NULL CHECK (nis_code ~ '^[0-9]{5}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);
-- One row per address, so a household that moves into a former address reuses its row.
CREATE UNIQUE INDEX register_addresses_unique_idx ON register_addresses (nis_code, postcode, street, house_number, coalesce(box, ''));
-- Street suggestions match a typed prefix of the name or of one of its words, case-insensitively.
CREATE INDEX register_addresses_street_prefix_idx ON register_addresses (lower(street) text_pattern_ops);

CREATE TABLE register_households (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The human reference staff read out on the phone; never used as a key.
  reference text NOT NULL UNIQUE,
  address_id uuid NOT NULL REFERENCES register_addresses (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX register_households_address_idx ON register_households (address_id);

CREATE TABLE register_persons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- HMAC-SHA256 of the 11 digits under a key derived from GASTVRIJ_SECRET_KEY: equality lookups
  -- without keeping the number in clear. A plain hash would not do: 11 digits with a checksum are
  -- enumerated in minutes.
  national_number_hash bytea NOT NULL UNIQUE CHECK (octet_length(national_number_hash) = 32),
  -- AES-256-GCM: 12-byte IV, 16-byte tag, then the ciphertext (11 bytes for 11 digits).
  national_number_encrypted bytea NOT NULL CHECK (octet_length(national_number_encrypted) > 28),
  given_name text NOT NULL,
  family_name text NOT NULL,
  birth_date date NOT NULL,
  sex text NOT NULL CHECK (sex IN ('female', 'male')),
  -- ISO 3166-1 alpha-2.
  nationality text NOT NULL CHECK (nationality ~ '^[A-Z]{2}$'),
  preferred_language text NOT NULL DEFAULT 'nl' CHECK (preferred_language IN ('nl', 'fr', 'en')),
  -- Null for someone the city still knows but who no longer lives in a household here.
  household_id uuid REFERENCES register_households (id),
  household_role text CHECK (household_role IN ('reference-person', 'partner', 'child', 'other')),
  date_of_death date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((household_id IS NULL) = (household_role IS NULL)),
  CHECK (date_of_death IS NULL OR date_of_death >= birth_date)
);
CREATE INDEX register_persons_household_idx ON register_persons (household_id);
-- Staff search people by (part of) the family name; pg_trgm also serves ILIKE '%...%'.
CREATE INDEX register_persons_family_name_trgm_idx ON register_persons USING gin (family_name gin_trgm_ops);

CREATE TABLE register_address_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL REFERENCES register_persons (id) ON DELETE CASCADE,
  address_id uuid NOT NULL REFERENCES register_addresses (id),
  valid_from date NOT NULL,
  -- Exclusive; null while the person still lives there.
  valid_to date,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  -- A person lives at one address at a time.
  EXCLUDE USING gist (person_id WITH =, daterange(valid_from, valid_to, '[)') WITH &&)
);
CREATE INDEX register_address_history_person_idx ON register_address_history (person_id, valid_from DESC);
