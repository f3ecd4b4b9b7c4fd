import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Language } from '../../../../shared/src/platform/language.ts';

/**
 * Renders an official document (an attest, an extract) as an accessible PDF: tagged (headings,
 * paragraphs, real tables with header cells, a figure with alternative text for the QR code), the
 * language and title set and shown, PDF/A-2a metadata with embedded fonts and an sRGB output intent.
 * Platform code: it knows layout, not households or registers; the caller passes the content.
 *
 * Fonts: PDF/A needs every font embedded, and the standard PDF fonts are not. DejaVu Sans (the npm
 * package `dejavu-fonts-ttf`, free licence, covering Latin, Greek and Cyrillic names) is embedded as
 * a subset, so the renderer works on a machine with nothing but npm.
 *
 * PDF/UA: the document follows its rules as far as PDFKit lets us (every content tagged or marked as
 * an artifact, table header scopes, figure alt text and bounding box, DisplayDocTitle), but it has
 * not been through a PDF/UA validator, so it does not claim PDF/UA conformance in its metadata.
 */

/** One block of the document body: an optional heading, then paragraphs, label-value facts and a table. */
export type CertificateSection = {
  heading?: string;
  paragraphs?: string[];
  /** Shown as a two-column table with the labels as row headers ("Naam" | "An Peeters"). */
  facts?: { label: string; value: string }[];
  /** A data table with column headers (the members of a household). */
  table?: { columns: string[]; rows: string[][] };
};

export type CertificatePdfInput = {
  lang: Language;
  /** The document's title: the first heading and the title viewers show. No <, > or &. */
  title: string;
  /** One sentence on what the document is, for the metadata. */
  subject?: string;
  /** Who issues it: the city. */
  issuer: { name: string; addressLines: string[] };
  /** The case reference, printed under the title. */
  reference?: string;
  issuedAt: Date;
  /** The city's time zone, for the printed issue date. */
  timeZone: string;
  sections: CertificateSection[];
  signatory?: { name: string; role: string };
  /** The code from `generateVerificationCode` and the public base URL of the platform. */
  verification: { code: string; publicUrl: string };
};

export type RenderedPdf = { bytes: Buffer; sha256: string };

/** Where anyone checks a document: `<publicUrl>/verify/<code>`. */
export const verificationUrl = (publicUrl: string, code: string): string => `${publicUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(code)}`;

const texts: Record<
  Language,
  {
    reference: string;
    issuedOn: string;
    verifyHeading: string;
    verifyText: string;
    code: string;
    qrAlt: (url: string) => string;
    seal: string;
  }
> = {
  nl: {
    reference: 'Dossiernummer',
    issuedOn: 'Uitgereikt op',
    verifyHeading: 'Is dit document echt?',
    verifyText: 'Open de link hieronder of scan de QR-code. U ziet dan of het document echt is en wanneer het werd uitgereikt.',
    code: 'Verificatiecode',
    qrAlt: (url) => `QR-code met de link ${url}`,
    seal: 'Zegel',
  },
  fr: {
    reference: 'Numéro de dossier',
    issuedOn: 'Délivré le',
    verifyHeading: 'Ce document est-il authentique ?',
    verifyText: 'Ouvrez le lien ci-dessous ou scannez le code QR. Vous verrez si le document est authentique et quand il a été délivré.',
    code: 'Code de vérification',
    qrAlt: (url) => `Code QR avec le lien ${url}`,
    seal: 'Sceau',
  },
  en: {
    reference: 'Case reference',
    issuedOn: 'Issued on',
    verifyHeading: 'Is this document genuine?',
    verifyText: 'Open the link below or scan the QR code. You will see whether the document is genuine and when it was issued.',
    code: 'Verification code',
    qrAlt: (url) => `QR code with the link ${url}`,
    seal: 'Seal',
  },
};

const languageTags: Record<Language, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en' };

type Fonts = { regular: string; bold: string };
let fonts: Fonts | undefined;

const fontPaths = (): Fonts => {
  if (!fonts) {
    const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fonts = { regular: join(dir, 'DejaVuSans.ttf'), bold: join(dir, 'DejaVuSans-Bold.ttf') };
  }
  return fonts;
};

/*
 * Parsing DejaVu's layout tables (GSUB/GPOS) costs about 40 ms per font and document, most of a
 * render. PDFKit has no public way to reuse a parsed font, so after the first document we keep the
 * parsed fontkit fonts and hand each new document its own PDFKit font object around them (its own
 * subset, ids and layout cache; the parsed tables are read-only). This reaches into PDFKit internals
 * (`_fontFamilies`, `_fontCount`), pinned by the exact version in package.json and covered by the
 * renderer's tests; if they change, `useParsedFonts` does nothing and PDFKit parses as before.
 */
type PdfKitInternals = {
  _fontFamilies?: Record<string, { font: unknown; name: string; constructor: new (doc: unknown, font: unknown, id: string) => { name: string } }>;
  _fontCount?: number;
};
let parsedFonts:
  | { embeddedFont: new (doc: unknown, font: unknown, id: string) => { name: string }; fonts: Map<string, unknown>; caches: Map<string, object> }
  | undefined;

/**
 * The layout cache every document shares, per font (words as laid out: the fixed texts repeat, and
 * so do the street names, first names and months). Names keep adding words, so it is started anew
 * when it grows past this many; it is looked at every few hundred renders.
 */
const layoutCacheLimit = 20_000;
let rendersSinceCacheCheck = 0;
const boundLayoutCaches = () => {
  if (!parsedFonts || ++rendersSinceCacheCheck < 500) return;
  rendersSinceCacheCheck = 0;
  for (const [path, cache] of parsedFonts.caches) if (Object.keys(cache).length > layoutCacheLimit) parsedFonts.caches.set(path, Object.create(null));
};

const keepParsedFonts = (doc: PDFKit.PDFDocument, paths: string[]) => {
  const families = (doc as unknown as PdfKitInternals)._fontFamilies;
  if (parsedFonts || !families) return;
  const first = families[paths[0] ?? ''];
  if (!first) return;
  parsedFonts = {
    embeddedFont: first.constructor,
    fonts: new Map(paths.flatMap((path) => (families[path] ? [[path, families[path].font]] : []))),
    caches: new Map(paths.map((path) => [path, Object.create(null)])),
  };
};

type LayoutRun = { glyphs: unknown[]; positions: unknown[]; advanceWidth: number };
type LayoutFont = { layoutCache?: Record<string, LayoutRun>; layoutCached?: (text: string) => LayoutRun };

/*
 * Each document has a few texts no earlier one had: its case reference, its verification code and
 * the link that carries it. A word new to the layout cache costs a full shaping pass (fontkit's
 * GSUB/GPOS lookups), which made those few words a sixth of a render. Words out of those texts (plain
 * ASCII) are therefore put together from their characters' cached layouts, and kept for this
 * document only: no later one meets them again. The one difference: no kerning inside them, which
 * a code is better off without. Every other word is shaped as before.
 */
const plainWord = /^[\x21-\x7e]+\s?$/;
const composeOneOffWords = (font: LayoutFont, oneOff: string[]) => {
  const shared = font.layoutCache;
  const layoutCached = font.layoutCached?.bind(font);
  if (!shared || !layoutCached) return;
  const composed = new Map<string, LayoutRun>();
  font.layoutCached = (text) => {
    const known = shared[text] ?? composed.get(text);
    if (known) return known;
    const word = text.trimEnd();
    if (word.length < 2 || !plainWord.test(text) || !oneOff.some((one) => one.includes(word))) return layoutCached(text);
    const run: LayoutRun = { glyphs: [], positions: [], advanceWidth: 0 };
    for (const character of text) {
      const part = layoutCached(character);
      run.glyphs.push(...part.glyphs);
      run.positions.push(...part.positions);
      run.advanceWidth += part.advanceWidth;
    }
    composed.set(text, run);
    return run;
  };
};

const useParsedFonts = (doc: PDFKit.PDFDocument, paths: string[], oneOff: string[]) => {
  const internals = doc as unknown as PdfKitInternals;
  if (!parsedFonts || !internals._fontFamilies || typeof internals._fontCount !== 'number') return;
  boundLayoutCaches();
  for (const path of paths) {
    const parsed = parsedFonts.fonts.get(path);
    if (!parsed) continue;
    internals._fontCount += 1;
    const font = new parsedFonts.embeddedFont(doc, parsed, `F${internals._fontCount}`);
    (font as unknown as { layoutCache: unknown }).layoutCache = parsedFonts.caches.get(path);
    composeOneOffWords(font as unknown as LayoutFont, oneOff);
    internals._fontFamilies[path] = font as never;
    internals._fontFamilies[font.name] = font as never;
  }
};

/*
 * Embedding a font means building a TrueType subset of the glyphs the document uses, about a third
 * of a render. Each document therefore starts its subsets with the same characters in the same
 * order (the letters, digits and signs of Dutch, French and English text and of most European
 * names), so that almost every certificate has the same subset, which is built once and reused.
 * A name with a rarer letter adds it at the end: that document builds its own subset, as before.
 * The PDF gets larger (all those glyphs: about 75 kB instead of 39 kB): a fair price for a quarter of the CPU.
 */
const commonCharacters = [
  ...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).filter((c) => c !== ' '),
  ...'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿ',
  ...'ĀāĂăĄąĆćČčĎďĐđĒēĖėĘęĚěĞğĪīĮįİıĽľŁłŃńŇňŌōŐőŒœŔŕŘřŚśŞşŠšŢţŤťŪūŮůŰűŲųŸŹźŻżŽžȘșȚț',
  ...'ßÞþÐð«»‹›‘’‚“”„–—…•·°§€£¥©®™×÷±µ¹²³¼½¾ªº¿¡',
].join(' ');

type EmbeddedFontInternals = {
  subset?: { glyphs: number[]; mapping?: Record<number, number> | number[]; includeGlyph: (glyphId: number) => number; encode: () => Uint8Array };
  layout?: (text: string) => { glyphs: { id: number; advanceWidth: number; codePoints: number[] }[] };
  scale?: number;
  widths?: number[];
  unicode?: number[][];
  embed?: () => void;
  toUnicodeCmap?: () => PdfReferenceInternals;
  document?: { ref: (data?: object) => PdfReferenceInternals };
};
type PdfReferenceInternals = { data: Record<string, unknown>; compress: boolean; end: (chunk?: Uint8Array) => void };

/** Per font file: the common characters' glyphs (id, width in PDF units, code points), laid out once. */
const commonGlyphs = new Map<string, { id: number; width: number; codePoints: number[] }[]>();
/** Per font file: a subset, widths and code points with just the common glyphs, for new documents to copy. */
const primedSubsets = new Map<string, { glyphs: number[]; mapping: number[]; widths: number[]; unicode: number[][] }>();
/** Subsets already built, by font and glyph list: the font program and its compressed stream. */
const encodedSubsets = new Map<string, { program: Uint8Array; compressed: Buffer }>();
/** The compressed ToUnicode map of those subsets (the same glyphs map to the same characters). */
const encodedCmaps = new Map<string, Buffer>();

/** Makes the next reference the document creates write `stream` (already deflated) instead of compressing what it is given. */
const nextStreamFrom = (owner: NonNullable<EmbeddedFontInternals['document']>, stream: (given: Uint8Array | string | undefined) => Buffer | null) => {
  const ref = owner.ref;
  owner.ref = (data?: object) => {
    owner.ref = ref;
    const made = ref.call(owner, data);
    const end = made.end.bind(made);
    made.end = (given?: Uint8Array | string) => {
      const compressed = stream(given);
      if (!compressed) return end(given as Uint8Array | undefined);
      made.compress = false;
      made.data.Filter = 'FlateDecode';
      end(compressed);
    };
    return made;
  };
};

const primeSubsets = (doc: PDFKit.PDFDocument, paths: string[]) => {
  const families = (doc as unknown as PdfKitInternals)._fontFamilies;
  for (const path of paths) {
    const font = families?.[path] as unknown as EmbeddedFontInternals | undefined;
    const subset = font?.subset;
    if (!font?.layout || !font.widths || !font.unicode || !font.embed || !font.document || !subset || typeof subset.includeGlyph !== 'function') continue;
    let glyphs = commonGlyphs.get(path);
    if (!glyphs) {
      const scale = font.scale ?? 1;
      glyphs = font.layout(commonCharacters).glyphs.map((glyph) => ({ id: glyph.id, width: glyph.advanceWidth * scale, codePoints: glyph.codePoints }));
      commonGlyphs.set(path, glyphs);
    }
    // What EmbeddedFont.encode does for each glyph, without laying the text out again: done once
    // per font, then every new document starts from copies of the result (its glyph list, its
    // glyph-id mapping, as an array rather than fontkit's object, and the widths and code points).
    const primed = primedSubsets.get(path);
    if (primed && subset.glyphs.length === 1) {
      subset.glyphs = primed.glyphs.slice();
      subset.mapping = primed.mapping.slice();
      font.widths = primed.widths.slice();
      font.unicode = primed.unicode.slice();
    } else {
      for (const glyph of glyphs) {
        const gid = subset.includeGlyph(glyph.id);
        font.widths[gid] ??= glyph.width;
        font.unicode[gid] ??= glyph.codePoints;
      }
      if (!primed && subset.mapping && !Array.isArray(subset.mapping)) {
        const mapping: number[] = [];
        for (const [id, gid] of Object.entries(subset.mapping)) mapping[Number(id)] = gid;
        primedSubsets.set(path, { glyphs: subset.glyphs.slice(), mapping, widths: font.widths.slice(), unicode: font.unicode.slice() });
      }
    }
    // The key is taken before encoding: fontkit's encode appends the parts of composite glyphs.
    let key = '';
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      key = `${path}:${subset.glyphs.join(',')}`;
      return encodedSubsets.get(key)?.program ?? encode();
    };
    // The font program is the first object `embed` makes; a known subset gets its stream as built before.
    const embed = font.embed.bind(font);
    const owner = font.document;
    font.embed = () => {
      nextStreamFrom(owner, (program) => {
        let known = encodedSubsets.get(key);
        if (!known && program instanceof Uint8Array) {
          known = { program, compressed: deflateSync(program) };
          // The common subset, and a few with a rarer letter; not an unbounded cache.
          if (encodedSubsets.size < 64) encodedSubsets.set(key, known);
        }
        return known?.compressed ?? null;
      });
      embed();
    };
    // The ToUnicode map follows from the same glyphs: made and compressed once per subset too.
    const toUnicodeCmap = font.toUnicodeCmap?.bind(font);
    if (toUnicodeCmap) {
      font.toUnicodeCmap = () => {
        const known = encodedCmaps.get(key);
        nextStreamFrom(owner, (text) => {
          if (known) return known;
          if (typeof text !== 'string') return null;
          // As PDFReference.write turns a string into bytes.
          const compressed = deflateSync(Buffer.from(`${text}\n`, 'binary'));
          if (encodedCmaps.size < 64) encodedCmaps.set(key, compressed);
          return compressed;
        });
        if (!known) return toUnicodeCmap();
        // The cached stream stands in for the map: the reference is made and ended without building the text.
        const cmap = owner.ref();
        cmap.end();
        return cmap;
      };
    }
  }
};

/**
 * PDF/A's output intent embeds PDFKit's sRGB profile, which PDFKit reads from disk and compresses
 * again for every document. Here it is read and compressed once; the object written is the same.
 */
let colourProfile: Buffer | undefined;
type OutputIntentInternals = {
  ref: (data: object) => PdfReferenceInternals & { write: (chunk: Uint8Array) => void };
  _root: { data: Record<string, unknown> };
  _addColorOutputIntent?: () => void;
};
const reuseColourProfile = (doc: PDFKit.PDFDocument) => {
  const internals = doc as unknown as OutputIntentInternals;
  if (typeof internals._addColorOutputIntent !== 'function') return;
  internals._addColorOutputIntent = () => {
    if (!colourProfile) {
      const icc = readFileSync(join(dirname(createRequire(import.meta.url).resolve('pdfkit')), 'data', 'sRGB_IEC61966_2_1.icc'));
      colourProfile = deflateSync(icc);
    }
    const profile = internals.ref({ N: 3, Filter: 'FlateDecode' });
    profile.write(colourProfile);
    profile.end();
    const intent = internals.ref({
      Type: 'OutputIntent',
      S: 'GTS_PDFA1',
      Info: new String('sRGB IEC61966-2.1'),
      OutputConditionIdentifier: new String('sRGB IEC61966-2.1'),
      DestOutputProfile: profile,
    });
    intent.end();
    internals._root.data.OutputIntents = [intent];
  };
};

const colours = { text: '#1A1A1A', muted: '#4D4D4D', rule: '#8C8C8C', header: '#F2F2F2', link: '#00566B' };

// PDFKit writes the title and author into the XMP packet without escaping them.
const assertXmlSafe = (label: string, value: string | undefined) => {
  if (value !== undefined && /[<>&]/.test(value)) throw new RangeError(`${label} may not contain <, > or & (it goes into the XMP metadata as is)`);
};

// The issue date's formatter per language and time zone: building one costs far more than using it.
const issueDateFormats = new Map<string, Intl.DateTimeFormat>();
const issueDateFormat = (lang: Language, timeZone: string): Intl.DateTimeFormat => {
  const key = `${lang} ${timeZone}`;
  let format = issueDateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(`${lang}-BE`, { dateStyle: 'long', timeZone });
    issueDateFormats.set(key, format);
  }
  return format;
};

/** Renders the document and returns its bytes with their SHA-256 (hex), which the verification page shows. */
export const renderCertificatePdf = async (input: CertificatePdfInput): Promise<RenderedPdf> => {
  assertXmlSafe('title', input.title);
  assertXmlSafe('subject', input.subject);
  assertXmlSafe('issuer name', input.issuer.name);
  const t = texts[input.lang];
  const { regular, bold } = fontPaths();
  const url = verificationUrl(input.verification.publicUrl, input.verification.code);

  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    pdfVersion: '1.7',
    subset: 'PDF/A-2a',
    tagged: true,
    lang: languageTags[input.lang],
    displayTitle: true,
    // No default font: PDFKit would load Helvetica, which is not embedded (PDF/A forbids that).
    font: null as unknown as string,
    info: {
      Title: input.title,
      Author: input.issuer.name,
      Subject: input.subject ?? input.title,
      Creator: 'Gastvrij',
      Producer: 'Gastvrij (PDFKit)',
      // The issue moment, not the render moment: the same input renders the same bytes.
      CreationDate: input.issuedAt,
      ModDate: input.issuedAt,
    },
  });
  useParsedFonts(doc, [regular, bold], [input.verification.code, url, ...(input.reference ? [input.reference] : [])]);
  // Each font is registered under its own path: PDFKit caches a font by the name it was selected
  // with, and a table cell switching back selects by path. Under any other name every cell would
  // parse the font file again (measured: half the render time).
  doc.registerFont(regular, regular);
  doc.registerFont(bold, bold);
  // Both selected once before they are kept: PDFKit loads a font only when it is first selected.
  doc.font(bold);
  doc.font(regular);
  keepParsedFonts(doc, [regular, bold]);
  primeSubsets(doc, [regular, bold]);
  reuseColourProfile(doc);

  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const firstPage = doc.page;
  const root = doc.struct('Document');
  doc.addStructure(root);

  // The seal area sits top right; text beside it is kept narrower so it never runs into the seal.
  const sealRadius = 42;
  const sealX = left + width - sealRadius;
  const sealY = doc.page.margins.top + sealRadius;
  const lineWidth = () => (doc.page === firstPage && doc.y < sealY + sealRadius ? width - 2 * sealRadius - 16 : width);

  const block = (type: string, draw: () => void) => {
    root.add(doc.struct(type, {}, draw));
  };
  /*
   * Writes `text` from (x, doc.y) within `width`, in the current font, and leaves doc.y under it.
   * Most texts here (names, dates, headings, the address) fit on one line: those are measured with
   * the layout cache and written as one line, without PDFKit's line wrapper (the line breaker runs
   * over every character, about half of a render's text cost). Longer texts wrap as before.
   */
  const write = (text: string, x: number, width: number) => {
    if (text.includes('\n') || doc.widthOfString(text) > width) {
      doc.text(text, x, doc.y, { width });
      return;
    }
    const lineHeight = doc.currentLineHeight(true);
    if (doc.y + lineHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.text(text, x, doc.y, { lineBreak: false });
    doc.x = x;
    doc.y += lineHeight;
  };
  const paragraph = (text: string, options: { font?: 'regular' | 'bold'; size?: number; colour?: string; gap?: number } = {}) => {
    block('P', () => {
      doc
        .font(options.font === 'bold' ? bold : regular)
        .fontSize(options.size ?? 11)
        .fillColor(options.colour ?? colours.text);
      write(text, left, lineWidth());
    });
    doc.moveDown(options.gap ?? 0.5);
  };
  const heading = (level: 'H1' | 'H2', text: string) => {
    doc.moveDown(level === 'H1' ? 0.6 : 0.8);
    block(level, () => {
      doc
        .font(bold)
        .fontSize(level === 'H1' ? 20 : 13)
        .fillColor(colours.text);
      write(text, left, lineWidth());
    });
    doc.moveDown(0.4);
  };

  /*
   * A tagged table (Table > TR > TH/TD, header cells with their Scope), drawn here rather than with
   * PDFKit's doc.table: that one measures and lays out every cell twice and gives each cell its own
   * attribute object, a third of a render for two small tables. Cell backgrounds and borders are
   * artifacts (decoration); a row that does not fit goes to the next page, where a column header
   * row is drawn again as an artifact so the columns stay readable.
   */
  const padding = { top: 4, right: 6, bottom: 4, left: 6 };
  type TableCell = { text: string; header?: 'Row' | 'Column' };
  const table = (rows: TableCell[][], columnWidths: number[], fontSize: number) => {
    const tableStruct = doc.struct('Table');
    root.add(tableStruct);
    const inner = (columnWidth: number) => columnWidth - padding.left - padding.right;
    const cellHeight = (cell: TableCell, columnWidth: number) => {
      doc.font(cell.header ? bold : regular).fontSize(fontSize);
      const text =
        doc.widthOfString(cell.text) <= inner(columnWidth) ? doc.currentLineHeight(true) : doc.heightOfString(cell.text, { width: inner(columnWidth) });
      return text + padding.top + padding.bottom;
    };
    const rowHeight = (row: TableCell[]) => Math.max(...row.map((cell, column) => cellHeight(cell, columnWidths[column] ?? 0)));
    const drawCellBox = (x: number, y: number, width: number, height: number, header: boolean) => {
      doc.markContent('Artifact', { type: 'Layout' });
      if (header) doc.save().fillColor(colours.header).rect(x, y, width, height).fill().restore();
      doc.save().lineWidth(0.5).strokeColor(colours.rule).rect(x, y, width, height).stroke().restore();
      doc.endMarkedContent();
    };
    const drawCellText = (cell: TableCell, x: number, top: number, columnWidth: number) => {
      doc
        .font(cell.header ? bold : regular)
        .fontSize(fontSize)
        .fillColor(colours.text);
      doc.y = top + padding.top;
      write(cell.text, x + padding.left, inner(columnWidth));
    };
    const columnHeaders = rows[0]?.every((cell) => cell.header === 'Column') ? rows[0] : null;
    rows.forEach((row, index) => {
      const height = rowHeight(row);
      if (doc.y + height > doc.page.height - doc.page.margins.bottom && doc.y > doc.page.margins.top) {
        doc.addPage();
        doc.y = doc.page.margins.top;
        if (columnHeaders && index > 0) {
          // The header row again, for the eye only: the tagged header cells are those of the first page.
          const top = doc.y;
          const repeated = rowHeight(columnHeaders);
          let x = left;
          columnHeaders.forEach((cell, column) => {
            const columnWidth = columnWidths[column] ?? 0;
            drawCellBox(x, top, columnWidth, repeated, true);
            doc.markContent('Artifact', { type: 'Pagination' });
            drawCellText(cell, x, top, columnWidth);
            doc.endMarkedContent();
            x += columnWidth;
          });
          doc.y = top + repeated;
        }
      }
      const rowStruct = doc.struct('TR');
      tableStruct.add(rowStruct);
      const top = doc.y;
      let x = left;
      row.forEach((cell, column) => {
        const columnWidth = columnWidths[column] ?? 0;
        drawCellBox(x, top, columnWidth, height, Boolean(cell.header));
        const cellX = x;
        const cellStruct = doc.struct(cell.header ? 'TH' : 'TD', {}, () => drawCellText(cell, cellX, top, columnWidth));
        if (cell.header) (cellStruct as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A = { O: 'Table', Scope: cell.header };
        rowStruct.add(cellStruct);
        cellStruct.end();
        x += columnWidth;
      });
      rowStruct.end();
      doc.x = left;
      doc.y = top + height;
    });
    tableStruct.end();
  };

  // The seal is decoration (the issuer is in the text), so it is an artifact that screen readers skip.
  doc.markContent('Artifact', { type: 'Layout' });
  doc
    .save()
    .lineWidth(1.2)
    .strokeColor(colours.rule)
    .circle(sealX, sealY, sealRadius)
    .stroke()
    .circle(sealX, sealY, sealRadius - 5)
    .stroke()
    .restore();
  doc
    .font(bold)
    .fontSize(7)
    .fillColor(colours.muted)
    .text(input.issuer.name.toUpperCase(), sealX - sealRadius + 10, sealY - 10, { width: 2 * sealRadius - 20, align: 'center' })
    .font(regular)
    .text(t.seal, { width: 2 * sealRadius - 20, align: 'center' });
  doc.endMarkedContent();

  doc.x = left;
  doc.y = doc.page.margins.top;
  paragraph(input.issuer.name, { font: 'bold', size: 13, gap: 0.1 });
  for (const line of input.issuer.addressLines) paragraph(line, { size: 10, colour: colours.muted, gap: 0 });
  doc.y = Math.max(doc.y, sealY + sealRadius) + 12;
  doc.markContent('Artifact', { type: 'Layout' });
  doc
    .save()
    .lineWidth(0.8)
    .strokeColor(colours.rule)
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .stroke()
    .restore();
  doc.endMarkedContent();

  heading('H1', input.title);
  const issued = issueDateFormat(input.lang, input.timeZone).format(input.issuedAt);
  paragraph([input.reference ? `${t.reference}: ${input.reference}` : null, `${t.issuedOn} ${issued}`].filter(Boolean).join(' · '), {
    size: 10,
    colour: colours.muted,
    gap: 0.8,
  });

  for (const section of input.sections) {
    if (section.heading) heading('H2', section.heading);
    for (const text of section.paragraphs ?? []) paragraph(text);
    if (section.facts && section.facts.length > 0) {
      table(
        section.facts.map((fact) => [{ text: fact.label, header: 'Row' as const }, { text: fact.value }]),
        [width * 0.35, width * 0.65],
        10.5,
      );
      doc.moveDown(0.8);
    }
    if (section.table && section.table.rows.length > 0) {
      const columns = section.table.columns.length;
      table(
        [
          section.table.columns.map((column) => ({ text: column, header: 'Column' as const })),
          ...section.table.rows.map((row) => row.map((text) => ({ text }))),
        ],
        section.table.columns.map(() => width / columns),
        10,
      );
      doc.moveDown(0.8);
    }
  }

  if (input.signatory) {
    doc.moveDown(0.6);
    paragraph(input.signatory.role, { size: 10, colour: colours.muted, gap: 0 });
    paragraph(input.signatory.name, { font: 'bold', gap: 1 });
  }

  // Verification block: kept together on one page with its QR code.
  const qrSize = 96;
  if (doc.y + qrSize + 60 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  heading('H2', t.verifyHeading);
  const blockTop = doc.y;
  const textWidth = width - qrSize - 16;
  block('P', () => {
    doc.font(regular).fontSize(10.5).fillColor(colours.text).text(t.verifyText, left, blockTop, { width: textWidth });
  });
  doc.moveDown(0.3);
  // A real link, tagged as Link so screen readers announce it (PDF/UA 7.18.5).
  root.add(
    doc.struct('P', {}, [
      doc.struct('Link', {}, () => {
        doc.font(regular).fontSize(10.5).fillColor(colours.link).text(url, left, doc.y, { width: textWidth, link: url, underline: true });
      }),
    ]),
  );
  doc.moveDown(0.3);
  block('P', () => {
    doc
      .font(regular)
      .fontSize(10.5)
      .fillColor(colours.text)
      .text(`${t.code}: `, left, doc.y, { width: textWidth, continued: true })
      .font(bold)
      .text(input.verification.code);
  });

  // One byte-mode segment: a URL is mostly lower case, so the search for a cheaper mix of modes
  // (a shortest-path search per code) finds nothing shorter, at twice the time.
  const qr = QRCode.create([{ data: Buffer.from(url, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const moduleSize = qrSize / modules;
  const qrX = left + width - qrSize;
  root.add(
    doc.struct(
      'Figure',
      { alt: t.qrAlt(url), bbox: [qrX, blockTop, qrX + qrSize, blockTop + qrSize], placement: 'Block' } as PDFKit.Mixins.StructureElementOptions,
      () => {
        // Drawn as vector shapes: sharp at any zoom, and no image with transparency for PDF/A to worry
        // about. One rectangle per run of dark modules in a row: a third of the drawing operators.
        doc.save();
        for (let row = 0; row < modules; row++) {
          for (let column = 0; column < modules; column++) {
            if (!qr.modules.get(row, column)) continue;
            const start = column;
            while (column + 1 < modules && qr.modules.get(row, column + 1)) column++;
            doc.rect(qrX + start * moduleSize, blockTop + row * moduleSize, (column - start + 1) * moduleSize, moduleSize);
          }
        }
        doc.fillColor('#000000').fill().restore();
      },
    ),
  );
  doc.y = Math.max(doc.y, blockTop + qrSize);

  root.end();
  doc.end();
  const bytes = await finished;
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
};
