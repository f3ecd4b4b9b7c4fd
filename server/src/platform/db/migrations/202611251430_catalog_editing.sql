-- Catalogue editing by staff (issue 4, item 5): the version history says who changed what.
-- changed_by keeps the staff id (or 'catalog-sync:<source>'); the name is kept as it was at the
-- time, because the history must still read right after a colleague leaves or is renamed.
ALTER TABLE catalog_product_versions
  ADD COLUMN changed_by_name text,
  ADD COLUMN change_kind text CHECK (change_kind IN ('sync', 'create', 'edit', 'publish', 'unpublish', 'restore')),
  ADD COLUMN restored_from integer CHECK (restored_from >= 1);

-- Versions written before this migration all came from the catalogue files.
UPDATE catalog_product_versions SET change_kind = 'sync' WHERE change_kind IS NULL AND changed_by LIKE 'catalog-sync:%';
UPDATE catalog_product_versions SET change_kind = 'edit' WHERE change_kind IS NULL;
ALTER TABLE catalog_product_versions ALTER COLUMN change_kind SET NOT NULL;
