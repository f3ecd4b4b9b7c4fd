import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateVerificationCode } from '../../../../shared/src/documents/index.ts';
import { type CertificatePdfInput, renderCertificatePdf, verificationUrl } from './certificate-pdf.ts';
import { inspectPdf } from './pdf-structure.test-support.ts';

const input = (overrides: Partial<CertificatePdfInput> = {}): CertificatePdfInput => ({
  lang: 'nl',
  title: 'Attest van gezinssamenstelling',
  subject: 'Wie er op een adres in Harelbeke ingeschreven is',
  issuer: { name: 'Stad Harelbeke', addressLines: ['Marktstraat 29', '8530 Harelbeke'] },
  reference: 'HB-2026-000123',
  issuedAt: new Date('2026-11-25T10:00:00Z'),
  timeZone: 'Europe/Brussels',
  sections: [
    { paragraphs: ['De burgemeester verklaart dat volgens het bevolkingsregister de volgende personen op dit adres ingeschreven zijn.'] },
    { heading: 'Adres', facts: [{ label: 'Adres', value: 'Kerkstraat 12, 8530 Harelbeke' }] },
    {
      heading: 'Gezinsleden',
      table: {
        columns: ['Naam', 'Geboortedatum', 'Relatie'],
        rows: [
          ['Peeters, An', '12 mei 1985', 'Referentiepersoon'],
          ['Wiśniewski, Łukasz', '3 januari 1983', 'Partner'],
          ['Peeters, Zoë', '8 augustus 2015', 'Kind'],
        ],
      },
    },
  ],
  signatory: { name: 'Jan Jansen', role: 'Voor de burgemeester, de ambtenaar van de burgerlijke stand' },
  verification: { code: '7KQM-2HX4-RN8D-3PWC', publicUrl: 'https://gastvrij.harelbeke.be/' },
  ...overrides,
});

describe('renderCertificatePdf', () => {
  it('produces a tagged PDF/A-2a document with language, title and embedded fonts', async () => {
    const started = performance.now();
    const { bytes, sha256 } = await renderCertificatePdf(input());
    // Measured, not asserted (GUIDE §4): printed so a run shows the cost of one render.
    console.info(`renderCertificatePdf: ${(performance.now() - started).toFixed(0)} ms (first in this process), ${bytes.length} bytes`);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
    expect(sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

    const report = await inspectPdf(bytes);
    expect(report).toMatchObject({
      pages: 1,
      hasStructTree: true,
      marked: true,
      lang: 'nl-BE',
      title: 'Attest van gezinssamenstelling',
      displayDocTitle: true,
      pdfa: '2A',
      xmpTitle: 'Attest van gezinssamenstelling',
      hasOutputIntent: true,
      fontsEmbedded: true,
    });
  });

  it('tags headings, paragraphs, tables with scoped header cells, the link and the QR figure with its alt text', async () => {
    const report = await inspectPdf((await renderCertificatePdf(input())).bytes);
    expect(report.structureTypes[0]).toBe('Document');
    expect(report.structureTypes.filter((type) => type === 'H1')).toHaveLength(1);
    expect(report.structureTypes.filter((type) => type === 'H2')).toHaveLength(3);
    expect(report.structureTypes.filter((type) => type === 'Table')).toHaveLength(2);
    // Facts: one row header per row; members: three column headers and four rows.
    expect(report.headerScopes).toEqual(['Row', 'Column', 'Column', 'Column']);
    expect(report.structureTypes.filter((type) => type === 'TR')).toHaveLength(5);
    expect(report.structureTypes.filter((type) => type === 'TD')).toHaveLength(10);
    expect(report.structureTypes).toContain('Link');
    expect(report.figureAlts).toEqual(['QR-code met de link https://gastvrij.harelbeke.be/verify/7KQM-2HX4-RN8D-3PWC']);
  });

  it('prints the verification code, the verification link, the reference and the issue date in the document’s language', async () => {
    const text = (await inspectPdf((await renderCertificatePdf(input())).bytes)).text.join('\n');
    expect(text).toContain('7KQM-2HX4-RN8D-3PWC');
    expect(text).toContain('https://gastvrij.harelbeke.be/verify/7KQM-2HX4-RN8D-3PWC');
    expect(text).toContain('Dossiernummer: HB-2026-000123');
    expect(text).toContain('Uitgereikt op 25 november 2026');
    expect(text).toContain('Wiśniewski, Łukasz');

    const french = (await inspectPdf((await renderCertificatePdf(input({ lang: 'fr', title: 'Certificat de composition de ménage' }))).bytes)).text.join('\n');
    expect(french).toContain('Délivré le 25 novembre 2026');
    expect(french).toContain('Code de vérification');
  });

  it('prints the issue date in the city’s time zone (late evening in Brussels is already the next day in UTC+1)', async () => {
    const text = (await inspectPdf((await renderCertificatePdf(input({ issuedAt: new Date('2026-12-31T23:30:00Z') }))).bytes)).text.join('\n');
    expect(text).toContain('Uitgereikt op 1 januari 2027');
  });

  it('renders the same bytes for the same input, and different bytes for another code', async () => {
    const first = await renderCertificatePdf(input());
    const again = await renderCertificatePdf(input());
    expect(again.sha256).toBe(first.sha256);
    const other = await renderCertificatePdf(input({ verification: { code: generateVerificationCode(), publicUrl: 'https://gastvrij.harelbeke.be' } }));
    expect(other.sha256).not.toBe(first.sha256);
  });

  it('prints each document’s own names when its font subset was built before, also with a letter outside the common set', async () => {
    const withName = (name: string) =>
      input({ sections: [{ heading: 'Gezinsleden', table: { columns: ['Naam', 'Geboortedatum', 'Relatie'], rows: [[name, '1 januari 2000', 'Kind']] } }] });
    for (const name of ['Janssens, Noor', 'Dupont, Émile', 'Nguyễn, Thị Ánh', 'Janssens, Noor']) {
      const report = await inspectPdf((await renderCertificatePdf(withName(name))).bytes);
      expect(report.text.join('\n')).toContain(name);
      expect(report).toMatchObject({ fontsEmbedded: true, pdfa: '2A' });
    }
  });

  it('continues a long household table on a second page under its column headers and keeps the verification block whole', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [`Persoon ${i + 1}`, '1 januari 2000', 'Kind']);
    const report = await inspectPdf(
      (await renderCertificatePdf(input({ sections: [{ heading: 'Gezinsleden', table: { columns: ['Naam', 'Geboortedatum', 'Relatie'], rows } }] }))).bytes,
    );
    expect(report.pages).toBeGreaterThan(1);
    expect(report.text).toContain('Persoon 40');
    expect(report.fontsEmbedded).toBe(true);
    // The column headers are printed again on the next page, as an artifact: tagged once.
    expect(report.text.filter((text) => text === 'Naam')).toHaveLength(2);
    expect(report.headerScopes).toEqual(['Column', 'Column', 'Column']);
    expect(report.structureTypes.filter((type) => type === 'TR')).toHaveLength(41);
  });

  it('refuses a title that would break the XMP metadata', async () => {
    await expect(renderCertificatePdf(input({ title: 'Attest <test> & meer' }))).rejects.toThrow(RangeError);
  });
});

describe('verificationUrl', () => {
  it('joins the public URL and the code without a double slash', () => {
    expect(verificationUrl('https://gastvrij.harelbeke.be/', 'ABCD-EFGH-JKMN-PQR5')).toBe('https://gastvrij.harelbeke.be/verify/ABCD-EFGH-JKMN-PQR5');
    expect(verificationUrl('http://localhost:3000', 'X')).toBe('http://localhost:3000/verify/X');
  });
});
