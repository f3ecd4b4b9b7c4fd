import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type CatalogReferences, validateCatalog } from '../../../../shared/src/catalog/catalog.rules.ts';
import { type Product, productSchema } from '../../../../shared/src/catalog/product.schema.ts';
import { catalogErrorMap } from '../../../../shared/src/catalog/product-editor.rules.ts';

/** A product as read from its file, with the checksum the sync uses to see whether the file changed. */
export type LoadedProduct = { product: Product; file: string; checksum: string };

/** One problem in the catalogue directory: the file, the field and what is wrong. */
export type CatalogLoadIssue = { file: string; field: string; message: string };

/**
 * A catalogue directory that cannot be loaded. Lists every problem at once (an editor fixing files
 * wants all of them, not one per start), each as `file: field: message`.
 */
export class CatalogLoadError extends Error {
  override name = 'CatalogLoadError';
  readonly issues: CatalogLoadIssue[];
  constructor(dir: string, issues: CatalogLoadIssue[]) {
    const shown = issues.slice(0, 10).map((issue) => `${issue.file}: ${issue.field}: ${issue.message}`);
    const more = issues.length > 10 ? ` (and ${issues.length - 10} more)` : '';
    super(`Invalid catalogue in ${dir}: ${shown.join('; ')}${more}`);
    this.issues = issues;
  }
}

/** The same product always gives the same checksum, whatever the key order in its file. */
export const productChecksum = (product: Product): string => {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(product)))
    .digest('hex');
};

/**
 * Reads every `*.yaml` / `*.yml` in `dir` (the city's catalogue, `config/catalog/<city slug>/`),
 * validates each with the product schema and the whole with validateCatalog (unique slugs, existing
 * related products, and teams/partners when `references` are given). Each file must be named after
 * its product's slug. Throws a CatalogLoadError listing every problem; returns the products in file
 * order otherwise.
 */
export const loadCatalogFromDirectory = async (dir: string, references: CatalogReferences = {}): Promise<LoadedProduct[]> => {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    throw new CatalogLoadError(dir, [{ file: dir, field: '(directory)', message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
  const issues: CatalogLoadIssue[] = [];
  const loaded: LoadedProduct[] = [];
  for (const name of names) {
    let data: unknown;
    try {
      data = parseYaml(await readFile(path.join(dir, name), 'utf8'));
    } catch (error) {
      issues.push({ file: name, field: '(file)', message: `is not valid YAML: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    const result = productSchema.safeParse(data, { error: catalogErrorMap('en') });
    if (!result.success) {
      for (const issue of result.error.issues) issues.push({ file: name, field: issue.path.map(String).join('.') || '(root)', message: issue.message });
      continue;
    }
    const expected = name.replace(/\.ya?ml$/, '');
    if (result.data.slug !== expected)
      issues.push({ file: name, field: 'slug', message: `is "${result.data.slug}"; the file must be named after the slug (${result.data.slug}.yaml)` });
    loaded.push({ product: result.data, file: name, checksum: productChecksum(result.data) });
  }
  for (const issue of validateCatalog(
    loaded.map((item) => item.product),
    references,
  )) {
    issues.push({ file: loaded[issue.productIndex]?.file ?? '?', field: issue.field, message: issue.message });
  }
  if (issues.length > 0) throw new CatalogLoadError(dir, issues);
  return loaded;
};
