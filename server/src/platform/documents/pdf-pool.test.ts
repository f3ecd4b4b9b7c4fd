import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { CertificatePdfInput } from './certificate-pdf.ts';
import { createPdfRenderPool } from './pdf-pool.ts';
import { inspectPdf } from './pdf-structure.test-support.ts';

const input = (overrides: Partial<CertificatePdfInput> = {}): CertificatePdfInput => ({
  lang: 'fr',
  title: 'Certificat de résidence',
  issuer: { name: 'Ville de Harelbeke', addressLines: ['Marktstraat 29', '8530 Harelbeke'] },
  reference: 'HB-2026-000042',
  issuedAt: new Date('2026-12-03T09:00:00Z'),
  timeZone: 'Europe/Brussels',
  sections: [{ heading: 'Adresse', facts: [{ label: 'Adresse', value: 'Kerkstraat 12, 8530 Harelbeke' }] }],
  verification: { code: '7KQM-2HX4-RN8D-3PWC', publicUrl: 'https://gastvrij.harelbeke.be' },
  ...overrides,
});

describe('the PDF render pool', () => {
  const pool = createPdfRenderPool({ threads: 1 });
  afterAll(() => pool.close());

  it('renders in a worker thread the same document as in process, as a Buffer with its SHA-256', async () => {
    const rendered = await pool.render(input());
    expect(Buffer.isBuffer(rendered.bytes)).toBe(true);
    expect(rendered.sha256).toBe(createHash('sha256').update(rendered.bytes).digest('hex'));
    const report = await inspectPdf(rendered.bytes);
    expect(report).toMatchObject({ lang: 'fr-BE', title: 'Certificat de résidence', pdfa: '2A', fontsEmbedded: true });
    expect(report.text.join('\n')).toContain('Délivré le 3 décembre 2026');
  });

  it('keeps renders apart when many run at once', async () => {
    const references = Array.from({ length: 12 }, (_, i) => `HB-2026-${String(100 + i).padStart(6, '0')}`);
    const reports = await Promise.all(references.map(async (reference) => inspectPdf((await pool.render(input({ reference }))).bytes)));
    expect(reports.map((report, i) => report.text.join('\n').includes(references[i] as string))).toEqual(references.map(() => true));
  });

  it('rejects with the renderer’s own error', async () => {
    await expect(pool.render(input({ title: 'Attest <x>' }))).rejects.toThrow(/may not contain/);
  });
});
