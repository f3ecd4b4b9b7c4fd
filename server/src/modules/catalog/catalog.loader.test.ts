import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildProduct } from '../../../../shared/src/catalog/product.factory.ts';
import { CatalogLoadError, loadCatalogFromDirectory, productChecksum } from './catalog.loader.ts';

const dirs: string[] = [];
const catalogWith = async (files: Record<string, unknown>) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gastvrij-catalog-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), typeof content === 'string' ? content : stringify(content));
  return dir;
};
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('loadCatalogFromDirectory', () => {
  it('reads and validates every product, with a checksum that ignores key order', async () => {
    const product = buildProduct({ slug: 'grofvuil' });
    const reordered = Object.fromEntries(Object.entries(product).reverse());
    const dir = await catalogWith({ 'grofvuil.yaml': reordered, 'README.md': '# not a product' });
    const [loaded] = await loadCatalogFromDirectory(dir);
    expect(loaded?.product.slug).toBe('grofvuil');
    expect(loaded?.checksum).toBe(productChecksum(product));
  });

  it('lists every problem at once: invalid YAML, schema errors, a file named after another slug, unknown related products', async () => {
    const dir = await catalogWith({
      'kapot.yaml': 'slug: [unclosed',
      'leeg.yaml': { slug: 'leeg' },
      'verkeerd.yaml': buildProduct({ slug: 'juist' }),
      'relatie.yaml': buildProduct({ slug: 'relatie', relatedProducts: ['bestaat-niet'] }),
    });
    const error = await loadCatalogFromDirectory(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogLoadError);
    const files = (error as CatalogLoadError).issues.map((issue) => issue.file);
    expect(new Set(files)).toEqual(new Set(['kapot.yaml', 'leeg.yaml', 'verkeerd.yaml', 'relatie.yaml']));
    expect((error as CatalogLoadError).issues).toContainEqual(expect.objectContaining({ file: 'verkeerd.yaml', field: 'slug' }));
    expect((error as Error).message).toContain('kapot.yaml: (file): is not valid YAML');
  });

  it('a missing directory is a CatalogLoadError, not a crash', async () => {
    await expect(loadCatalogFromDirectory('/nonexistent/catalog')).rejects.toBeInstanceOf(CatalogLoadError);
  });
});
