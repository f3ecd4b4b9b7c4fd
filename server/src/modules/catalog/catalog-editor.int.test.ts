import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditorProduct, ProductVersionListResponse } from '../../../../shared/src/catalog/catalog-editor.contract.ts';
import type { Product } from '../../../../shared/src/catalog/product.schema.ts';
import { loginAsStaff, type TestLogin } from '../../../test/login-as.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { createAuditLog } from '../../platform/audit/audit.ts';
import { createCatalogEditorService, loadCatalogFromDirectory, syncCatalog } from './index.ts';

const catalogDir = path.resolve(import.meta.dirname, '../../../../config/catalog/harelbeke');

let t: TestApp;
let editor: TestLogin;
let colleague: TestLogin;

beforeAll(async () => {
  t = await createTestApp({ workers: false });
  await syncCatalog(t.db, await loadCatalogFromDirectory(catalogDir), { source: 'directory' });
  editor = await loginAsStaff(t, [{ role: 'catalogue-editor' }], 'city', 'Els Editor');
  colleague = await loginAsStaff(t, [{ role: 'catalogue-editor' }], 'city', 'Karel Collega');
});

afterAll(async () => {
  await t?.close();
});

type Method = 'GET' | 'POST' | 'PUT';

const call = (method: Method, url: string, options: { as?: TestLogin | null; body?: unknown; ifMatch?: string; lang?: string } = {}) =>
  t.app.inject({
    method,
    url,
    headers: {
      ...(options.as === null ? {} : (options.as ?? editor).headers),
      ...(options.ifMatch ? { 'if-match': options.ifMatch } : {}),
      ...(options.lang ? { 'accept-language': options.lang } : {}),
    },
    ...(options.body === undefined ? {} : { payload: options.body as Record<string, unknown> }),
  });

const open = async (slug: string): Promise<EditorProduct & { definition: Product }> => {
  const response = await call('GET', `/api/catalog/editor/products/${slug}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

const save = (slug: string, definition: unknown, version: number, as: TestLogin = editor) =>
  call('PUT', `/api/catalog/editor/products/${slug}`, { as, body: definition, ifMatch: `"${version}"` });

const publicProduct = (slug: string) => t.app.inject({ method: 'GET', url: `/api/catalog/products/${slug}?lang=nl` });
const publicSearch = async (q: string) =>
  ((await t.app.inject({ method: 'GET', url: `/api/catalog/search?q=${encodeURIComponent(q)}` })).json() as { results: { slug: string }[] }).results.map(
    (result) => result.slug,
  );

const auditRows = async (slug: string) =>
  (
    await sql<{ action: string; actor_name: string; request_id: string | null; details: Record<string, unknown> }>`
      SELECT action, actor_name, request_id, details FROM audit_log WHERE resource_type = 'product' AND resource_id = ${slug} ORDER BY id`.execute(t.db)
  ).rows;

const storedVersion = async (slug: string) =>
  (
    await sql<{ version: number; versions: number }>`
      SELECT p.version, (SELECT count(*)::int FROM catalog_product_versions v WHERE v.product_id = p.id) AS versions
      FROM catalog_products p WHERE p.slug = ${slug}`.execute(t.db)
  ).rows[0];

type Problem = { code: string; title: string; errors?: { field: string; code: string; message: string }[] };

describe('who may edit the catalogue', () => {
  const routes: [Method, string][] = [
    ['GET', '/api/catalog/editor/products'],
    ['POST', '/api/catalog/editor/products'],
    ['GET', '/api/catalog/editor/products/grofvuil'],
    ['PUT', '/api/catalog/editor/products/grofvuil'],
    ['POST', '/api/catalog/editor/products/grofvuil/publish'],
    ['POST', '/api/catalog/editor/products/grofvuil/unpublish'],
    ['GET', '/api/catalog/editor/products/grofvuil/versions'],
    ['POST', '/api/catalog/editor/products/grofvuil/versions/1/restore'],
    ['POST', '/api/catalog/editor/preview'],
  ];

  it.each(routes)('%s %s: 401 without a login, 403 for staff without catalog:edit', async (method, url) => {
    const counter = await loginAsStaff(t, [{ role: 'counter', team: 'burgerzaken' }]);
    const body = method === 'GET' ? undefined : {};
    const anonymous = await call(method, url, { as: null, body });
    expect(anonymous.statusCode).toBe(401);
    expect((anonymous.json() as Problem).code).toBe('unauthenticated');
    const forbidden = await call(method, url, { as: counter, body });
    expect(forbidden.statusCode).toBe(403);
    expect((forbidden.json() as Problem).code).toBe('forbidden');
  });

  it('refuses a change without the CSRF token of the session', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/catalog/editor/products/grofvuil/unpublish',
      headers: { cookie: editor.headers.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect((response.json() as Problem).code).toBe('csrf-token-invalid');
    expect((await publicProduct('grofvuil')).statusCode).toBe(200);
  });
});

describe('GET /api/catalog/editor/products', () => {
  it('lists every product with its status and last change, filtered by status and text', async () => {
    const response = await call('GET', '/api/catalog/editor/products');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { items } = response.json() as { items: EditorProduct[] };
    expect(items.length).toBeGreaterThanOrEqual(37);
    expect(items.find((item) => item.slug === 'identiteitskaart')).toMatchObject({
      published: true,
      version: 1,
      updatedBy: { kind: 'sync', name: 'directory' },
      title: { nl: expect.stringContaining('Identiteitskaart') },
    });
    const found = (await call('GET', '/api/catalog/editor/products?q=identite')).json() as { items: { slug: string }[] };
    expect(found.items.map((item) => item.slug)).toContain('identiteitskaart');
    expect(found.items.map((item) => item.slug)).not.toContain('grofvuil');
    expect(((await call('GET', '/api/catalog/editor/products?status=unpublished')).json() as { items: unknown[] }).items).toEqual([]);
  });
});

describe('GET /api/catalog/editor/products/:slug', () => {
  it('answers the whole definition in every language, as the catalogue file has it, with the version as ETag', async () => {
    const [loaded] = (await loadCatalogFromDirectory(catalogDir)).filter((item) => item.product.slug === 'reispas');
    const response = await call('GET', '/api/catalog/editor/products/reispas');
    expect(response.headers.etag).toBe('"1"');
    const product = response.json() as EditorProduct;
    expect(product.definition).toEqual(loaded?.product);
    expect(product.version).toBe(1);
  });

  it('answers 404 for an unknown product', async () => {
    const response = await call('GET', '/api/catalog/editor/products/bestaat-niet');
    expect(response.statusCode).toBe(404);
    expect((response.json() as Problem).code).toBe('catalog-product-not-found');
  });
});

describe('PUT /api/catalog/editor/products/:slug', () => {
  it('saves a new version in one go: product, history, search index and audit log', async () => {
    const before = await open('grofvuil');
    const definition: Product = {
      ...before.definition,
      title: { ...before.definition.title, nl: 'Grofvuil laten ophalen aan huis' },
      keywords: { ...before.definition.keywords, nl: [...before.definition.keywords.nl, 'zeteltransport'] },
    };
    const response = await save('grofvuil', definition, before.version);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.etag).toBe(`"${before.version + 1}"`);
    expect(response.json()).toMatchObject({ version: before.version + 1, updatedBy: { kind: 'staff', name: 'Els Editor' } });

    expect((await publicProduct('grofvuil')).json()).toMatchObject({ title: 'Grofvuil laten ophalen aan huis' });
    expect((await publicSearch('zeteltransport'))[0]).toBe('grofvuil');

    const versions = (await call('GET', '/api/catalog/editor/products/grofvuil/versions')).json() as ProductVersionListResponse;
    expect(versions.items[0]).toMatchObject({
      version: before.version + 1,
      change: 'edit',
      changedBy: { kind: 'staff', name: 'Els Editor' },
      changedFields: ['title.nl', 'keywords.nl'],
    });
    expect(versions.items.at(-1)).toMatchObject({ version: 1, change: 'sync', changedBy: { kind: 'sync' }, changedFields: [] });

    const audit = await auditRows('grofvuil');
    expect(audit.at(-1)).toMatchObject({
      action: 'catalog.product.update',
      actor_name: 'Els Editor',
      request_id: expect.any(String),
      details: { version: before.version + 1, changedFields: ['title.nl', 'keywords.nl'] },
    });
  });

  it('writes no version when nothing changed', async () => {
    const before = await open('grofvuil');
    const response = await save('grofvuil', before.definition, before.version);
    expect(response.statusCode).toBe(200);
    expect((response.json() as EditorProduct).version).toBe(before.version);
    expect((await storedVersion('grofvuil'))?.versions).toBe(before.version);
  });

  describe('bad input: field errors in the caller language, and nothing saved', () => {
    it.each([
      ['a missing Dutch title', (p: Product) => ({ ...p, title: { fr: p.title.fr, en: p.title.en } }), 'title.nl', 'Vul de Nederlandse tekst in.'],
      [
        'a negative cost',
        (p: Product) => ({ ...p, costs: [{ label: { nl: 'Ophaling', fr: 'Collecte', en: 'Collection' }, amountEur: -10, example: false }] }),
        'costs.0.amountEur',
        expect.stringContaining('niet negatief'),
      ],
      [
        'a broken URL',
        (p: Product) => ({
          ...p,
          legalBasis: [
            { label: { nl: 'Decreet', fr: 'Décret', en: 'Decree' }, url: 'https://codex.vlaanderen.be/' },
            { label: { nl: 'Reglement', fr: 'Règlement', en: 'Regulation' }, url: 'https//www.harelbeke.be' },
          ],
        }),
        'legalBasis.1.url',
        expect.stringContaining('https://'),
      ],
      ['a related product that does not exist', (p: Product) => ({ ...p, relatedProducts: ['bestaat-niet'] }), 'relatedProducts.0', expect.any(String)],
      ['another slug', (p: Product) => ({ ...p, slug: 'reispas' }), 'slug', expect.stringContaining('grofvuil')],
    ])('%s', async (_case, change, field, dutch) => {
      const before = await open('grofvuil');
      const auditBefore = (await auditRows('grofvuil')).length;
      const response = await save('grofvuil', change(before.definition), before.version);
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
      const problem = response.json() as Problem;
      expect(problem.code).toBe('validation-failed');
      expect(problem.errors?.find((error) => error.field === field)?.message).toEqual(dutch);

      expect(await open('grofvuil')).toEqual(before);
      expect((await storedVersion('grofvuil'))?.versions).toBe(before.version);
      expect(await auditRows('grofvuil')).toHaveLength(auditBefore);
    });

    it('names every invalid field at once, in French for a French reader', async () => {
      const before = await open('grofvuil');
      const definition = {
        ...before.definition,
        title: { fr: before.definition.title.fr, en: before.definition.title.en },
        costs: [{ label: { nl: 'Ophaling', fr: 'Collecte', en: 'Collection' }, amountEur: -10, example: false }],
      };
      const response = await call('PUT', '/api/catalog/editor/products/grofvuil', { body: definition, ifMatch: `"${before.version}"`, lang: 'fr' });
      const problem = response.json() as Problem;
      expect(problem.title).toBe('Certaines données ne sont pas correctes.');
      expect(problem.errors?.map((error) => error.field).sort()).toEqual(['costs.0.amountEur', 'title.nl']);
      expect(problem.errors?.find((error) => error.field === 'title.nl')?.message).toBe('Indiquez le texte en néerlandais.');
    });

    it('refuses a body that is not an object', async () => {
      const response = await t.app.inject({
        method: 'PUT',
        url: '/api/catalog/editor/products/grofvuil',
        headers: { ...editor.headers, 'if-match': '"1"', 'content-type': 'application/json' },
        payload: '[1,2]',
      });
      expect(response.statusCode).toBe(400);
    });
  });

  it('needs If-Match (428), and refuses a save based on an older version (409) without changing anything', async () => {
    const before = await open('attest-woonst');
    const missing = await call('PUT', '/api/catalog/editor/products/attest-woonst', { body: before.definition });
    expect(missing.statusCode).toBe(428);
    expect((missing.json() as Problem).code).toBe('catalog-version-required');

    // Two editors open version N; the colleague saves first.
    const mine = { ...before.definition, shortAnswer: { ...before.definition.shortAnswer, nl: 'Mijn versie van het antwoord.' } };
    const theirs = { ...before.definition, shortAnswer: { ...before.definition.shortAnswer, nl: 'De versie van mijn collega.' } };
    expect((await save('attest-woonst', theirs, before.version, colleague)).statusCode).toBe(200);
    const conflict = await save('attest-woonst', mine, before.version);
    expect(conflict.statusCode).toBe(409);
    expect((conflict.json() as Problem).code).toBe('catalog-version-conflict');
    const after = await open('attest-woonst');
    expect(after.definition.shortAnswer.nl).toBe('De versie van mijn collega.');
    expect(after.updatedBy).toEqual({ kind: 'staff', name: 'Karel Collega' });
  });

  it('keeps the previous version intact when a step of the save fails (here: the audit log)', async () => {
    const failingAudit = {
      ...createAuditLog(),
      record: async () => {
        throw new Error('audit log unavailable');
      },
    };
    const service = createCatalogEditorService({ db: t.db, clock: { now: () => new Date() }, audit: failingAudit });
    const staffActor = {
      kind: 'staff' as const,
      staffId: editor.id,
      name: 'Els Editor',
      email: 'els@test.example',
      organisation: 'city',
      roles: [{ role: 'catalogue-editor' as const }],
      surface: 'werk' as const,
      sessionId: 'x',
    };
    const before = await open('reispas');
    const changed = { ...before.definition, keywords: { ...before.definition.keywords, nl: [...before.definition.keywords.nl, 'hypotenusa'] } };
    await expect(service.update({ actor: staffActor }, 'reispas', changed, before.version)).rejects.toThrow('audit log unavailable');
    expect(await open('reispas')).toEqual(before);
    expect((await storedVersion('reispas'))?.versions).toBe(before.version);
    expect(await publicSearch('hypotenusa')).toEqual([]);
  });
});

describe('publish and unpublish', () => {
  it('hides a product from search, its page and its schema.org description, and brings it back', async () => {
    expect(await publicSearch('bewonerskaart')).toContain('bewonerskaart');
    const before = await open('bewonerskaart');
    const hidden = await call('POST', '/api/catalog/editor/products/bewonerskaart/unpublish', { ifMatch: `"${before.version}"` });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json()).toMatchObject({ published: false, version: before.version + 1 });
    expect(await publicSearch('bewonerskaart')).not.toContain('bewonerskaart');
    expect((await publicProduct('bewonerskaart')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/catalog/products/bewonerskaart/schema-org.jsonld' })).statusCode).toBe(404);
    const list = (await call('GET', '/api/catalog/editor/products?status=unpublished')).json() as { items: { slug: string }[] };
    expect(list.items.map((item) => item.slug)).toEqual(['bewonerskaart']);

    const shown = await call('POST', '/api/catalog/editor/products/bewonerskaart/publish');
    expect(shown.json()).toMatchObject({ published: true, version: before.version + 2 });
    expect(await publicSearch('bewonerskaart')).toContain('bewonerskaart');
    expect((await publicProduct('bewonerskaart')).statusCode).toBe(200);
    expect((await auditRows('bewonerskaart')).map((row) => row.action)).toEqual(['catalog.product.unpublish', 'catalog.product.publish']);
  });

  it('refuses to publish a product without an available channel', async () => {
    const before = await open('verloren-voorwerpen');
    const noChannels = { ...before.definition, published: false, channels: { online: { available: false } } };
    expect((await save('verloren-voorwerpen', noChannels, before.version)).statusCode).toBe(200);
    const response = await call('POST', '/api/catalog/editor/products/verloren-voorwerpen/publish');
    expect(response.statusCode).toBe(400);
    expect((response.json() as Problem).errors?.[0]).toMatchObject({ field: 'channels', code: 'catalog.no-available-channel' });
    expect((await open('verloren-voorwerpen')).published).toBe(false);
  });

  it('answers 409 for a publish based on an older version', async () => {
    const response = await call('POST', '/api/catalog/editor/products/identiteitskaart/unpublish', { ifMatch: '"99"' });
    expect(response.statusCode).toBe(409);
    expect((await publicProduct('identiteitskaart')).statusCode).toBe(200);
  });
});

describe('POST /api/catalog/editor/products/:slug/versions/:version/restore', () => {
  it('creates a new version equal to the restored one', async () => {
    const original = await open('attest-leven');
    const edited = { ...original.definition, description: { ...original.definition.description, en: 'A shorter description.' } };
    expect((await save('attest-leven', edited, original.version)).statusCode).toBe(200);
    const response = await call('POST', `/api/catalog/editor/products/attest-leven/versions/${original.version}/restore`, {
      ifMatch: `"${original.version + 1}"`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const restored = response.json() as EditorProduct;
    expect(restored.version).toBe(original.version + 2);
    expect(restored.definition).toEqual(original.definition);
    const versions = (await call('GET', '/api/catalog/editor/products/attest-leven/versions')).json() as ProductVersionListResponse;
    expect(versions.items[0]).toMatchObject({ change: 'restore', restoredFrom: original.version, changedFields: ['description.en'] });
    expect((await auditRows('attest-leven')).at(-1)).toMatchObject({ action: 'catalog.product.restore', details: { restoredFrom: original.version } });
  });

  it('answers 404 for a version that does not exist, and 400 for one that is not a number', async () => {
    const missing = await call('POST', '/api/catalog/editor/products/attest-leven/versions/999/restore');
    expect((missing.json() as Problem).code).toBe('catalog-version-not-found');
    expect((await call('POST', '/api/catalog/editor/products/attest-leven/versions/abc/restore')).statusCode).toBe(400);
  });
});

describe('POST /api/catalog/editor/products', () => {
  it('creates a product, and refuses a slug that is taken with a field error', async () => {
    const template = (await open('attest-woonst')).definition;
    const definition = { ...template, slug: 'attest-nieuw', published: false, relatedProducts: ['attest-woonst'] };
    const created = await call('POST', '/api/catalog/editor/products', { body: definition });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ slug: 'attest-nieuw', version: 1, published: false });
    expect((await auditRows('attest-nieuw')).map((row) => row.action)).toEqual(['catalog.product.create']);

    const duplicate = await call('POST', '/api/catalog/editor/products', { body: { ...definition, slug: 'reispas' } });
    expect(duplicate.statusCode).toBe(400);
    expect((duplicate.json() as Problem).errors).toContainEqual(expect.objectContaining({ field: 'slug', code: 'catalog.duplicate-slug' }));
  });
});

describe('POST /api/catalog/editor/preview', () => {
  it('renders the product page view of an unsaved definition without saving it', async () => {
    const before = await open('rijbewijs');
    const draft = { ...before.definition, title: { ...before.definition.title, fr: 'Permis (brouillon)' } };
    const response = await call('POST', '/api/catalog/editor/preview?lang=fr', { body: draft });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ slug: 'rijbewijs', lang: 'fr', title: 'Permis (brouillon)', version: before.version + 1 });
    expect(await open('rijbewijs')).toEqual(before);
  });

  it('names the invalid fields of a draft', async () => {
    const before = await open('rijbewijs');
    const response = await call('POST', '/api/catalog/editor/preview', {
      body: { ...before.definition, costs: [{ label: before.definition.title, amountEur: -1, example: false }] },
    });
    expect(response.statusCode).toBe(400);
    expect((response.json() as Problem).errors?.map((error) => error.field)).toEqual(['costs.0.amountEur']);
  });
});

describe('staff edits and the start-up sync', () => {
  it('keeps an edit when the catalogue file is unchanged, and also when the file changed since', async () => {
    const before = await open('geboortepremie');
    const edited = { ...before.definition, shortAnswer: { ...before.definition.shortAnswer, nl: 'Door de stad aangepast antwoord.' } };
    expect((await save('geboortepremie', edited, before.version)).statusCode).toBe(200);

    const files = await loadCatalogFromDirectory(catalogDir);
    const again = await syncCatalog(t.db, files, { source: 'directory' });
    expect(again.unchanged).toContain('geboortepremie');
    expect(again.updated).toEqual([]);
    expect((await open('geboortepremie')).definition.shortAnswer.nl).toBe('Door de stad aangepast antwoord.');

    const fileChanged = files.map(({ product }) =>
      product.slug === 'geboortepremie' ? { ...product, description: { ...product.description, nl: 'Nieuwe tekst in het bestand.' } } : product,
    );
    const afterFileChange = await syncCatalog(t.db, fileChanged, { source: 'directory' });
    expect(afterFileChange.keptEdits).toEqual(['geboortepremie']);
    expect(afterFileChange.updated).toEqual([]);
    const kept = await open('geboortepremie');
    expect(kept.definition.shortAnswer.nl).toBe('Door de stad aangepast antwoord.');
    expect(kept.definition.description.nl).toBe(before.definition.description.nl);
    expect(kept.updatedBy).toEqual({ kind: 'staff', name: 'Els Editor' });
  });
});

describe('GET /api/catalog/products/:slug/schema-org.jsonld', () => {
  it('describes a published product as a schema.org GovernmentService of the city', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/catalog/products/identiteitskaart/schema-org.jsonld?lang=en' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    const body = response.json() as { '@type': string; name: string; provider: { name: string }; url: string };
    expect(body['@type']).toBe('GovernmentService');
    expect(body.name).toMatch(/identity card/i);
    expect(body.provider.name).toBe(t.city.name.en ?? t.city.name.nl);
    expect(body.url).toMatch(/\/producten\/identiteitskaart$/);
  });
});
