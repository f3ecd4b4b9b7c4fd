import { decodePDFRawStream, PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, type PDFRef, PDFStream, PDFString } from 'pdf-lib';

/**
 * A structure check of a PDF for tests (unit tests of the renderer, the certificate journey): reads
 * the catalog with pdf-lib and reports what an accessibility or archiving checker looks at first.
 * Also extracts the text, decoding the content streams through each font's ToUnicode map, so a test
 * can assert what a screen reader would read. Test support only: pdf-lib is a devDependency.
 */

export type PdfStructureReport = {
  pages: number;
  /** Catalog /StructTreeRoot present: the document is tagged. */
  hasStructTree: boolean;
  /** Catalog /MarkInfo << /Marked true >>. */
  marked: boolean;
  /** Catalog /Lang. */
  lang: string | null;
  /** Info dictionary /Title. */
  title: string | null;
  /** Catalog /ViewerPreferences << /DisplayDocTitle true >>. */
  displayDocTitle: boolean;
  /** `pdfaid:part` + `pdfaid:conformance` from the XMP metadata, e.g. `2A`. */
  pdfa: string | null;
  /** XMP dc:title. */
  xmpTitle: string | null;
  hasOutputIntent: boolean;
  /** Every font used on the pages is embedded (FontFile, FontFile2 or FontFile3). */
  fontsEmbedded: boolean;
  /** Structure element types in document order (Document, H1, P, Table, TR, TH …). */
  structureTypes: string[];
  /** Alt texts of Figure elements. */
  figureAlts: string[];
  /** Scope attributes of TH elements (Row, Column). */
  headerScopes: string[];
  /** The page text, one string per text-showing operator, in content order. */
  text: string[];
};

const name = (value: string) => PDFName.of(value);

const decodeText = (value: unknown): string | null => (value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null);

const streamBytes = (stream: unknown): Uint8Array => {
  if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
  if (stream instanceof PDFStream) return stream.getContents();
  throw new Error('not a stream');
};

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** Code → text from a ToUnicode CMap as PDFKit writes it (bfrange with arrays, bfchar). */
const parseToUnicode = (cmap: string): Map<number, string> => {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/[0-9a-fA-F]{4}/g) ?? []).map((unit) => Number.parseInt(unit, 16)));
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, start, end, target] of (block ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const from = Number.parseInt(start ?? '0', 16);
      const to = Number.parseInt(end ?? '0', 16);
      if (target?.startsWith('[')) {
        [...target.matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((entry, index) => {
          map.set(from + index, utf16((entry[1] ?? '').replace(/\s/g, '')));
        });
      } else {
        const base = Number.parseInt((target ?? '<0>').slice(1, -1), 16);
        for (let code = from; code <= to; code++) map.set(code, String.fromCharCode(base + code - from));
      }
    }
  }
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, target] of (block ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(Number.parseInt(code ?? '0', 16), utf16(target ?? ''));
  }
  return map;
};

/** Reads the structure and text of a PDF. */
export const inspectPdf = async (bytes: Uint8Array): Promise<PdfStructureReport> => {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const { catalog, context } = pdf;
  const lookup = (dict: PDFDict | undefined, key: string) => (dict ? context.lookup(dict.get(name(key))) : undefined);

  const markInfo = catalog.lookupMaybe(name('MarkInfo'), PDFDict);
  const viewer = catalog.lookupMaybe(name('ViewerPreferences'), PDFDict);
  const metadata = catalog.lookup(name('Metadata'));
  const xmp = metadata ? latin1(streamBytes(metadata)) : '';
  const part = /<pdfaid:part>(\d)<\/pdfaid:part>/.exec(xmp)?.[1];
  const conformance = /<pdfaid:conformance>([A-Z])<\/pdfaid:conformance>/.exec(xmp)?.[1];

  const structureTypes: string[] = [];
  const figureAlts: string[] = [];
  const headerScopes: string[] = [];
  const walk = (node: unknown) => {
    const value = node instanceof PDFDict || node instanceof PDFArray ? node : context.lookup(node as PDFRef);
    if (value instanceof PDFArray) {
      for (let i = 0; i < value.size(); i++) walk(value.get(i));
      return;
    }
    if (!(value instanceof PDFDict)) return;
    const type = value.get(name('S'));
    if (type instanceof PDFName) {
      const tag = type.decodeText();
      structureTypes.push(tag);
      if (tag === 'Figure') figureAlts.push(decodeText(value.get(name('Alt'))) ?? '');
      const attributes = context.lookup(value.get(name('A')));
      if (tag === 'TH' && attributes instanceof PDFDict) {
        const scope = attributes.get(name('Scope'));
        if (scope instanceof PDFName) headerScopes.push(scope.decodeText());
      }
    }
    const kids = value.get(name('K'));
    if (kids) walk(kids);
  };
  const structTreeRoot = catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
  if (structTreeRoot) walk(structTreeRoot.get(name('K')));

  let fontsEmbedded = true;
  const text: string[] = [];
  for (const page of pdf.getPages()) {
    const fonts = lookup(page.node.Resources(), 'Font');
    const maps = new Map<string, Map<number, string>>();
    if (fonts instanceof PDFDict) {
      for (const [key, ref] of fonts.entries()) {
        const font = context.lookup(ref);
        if (!(font instanceof PDFDict)) continue;
        const descendant = lookup(font, 'DescendantFonts');
        const cidFont = descendant instanceof PDFArray ? context.lookup(descendant.get(0)) : font;
        const descriptor = cidFont instanceof PDFDict ? lookup(cidFont, 'FontDescriptor') : undefined;
        const embedded = descriptor instanceof PDFDict && ['FontFile', 'FontFile2', 'FontFile3'].some((file) => descriptor.has(name(file)));
        fontsEmbedded &&= embedded;
        const toUnicode = font.get(name('ToUnicode'));
        maps.set(key.decodeText(), toUnicode ? parseToUnicode(latin1(streamBytes(context.lookup(toUnicode)))) : new Map());
      }
    }
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? Array.from({ length: contents.size() }, (_, i) => context.lookup(contents.get(i))) : [contents];
    for (const stream of streams) {
      if (!stream) continue;
      let current = new Map<number, string>();
      const source = latin1(streamBytes(stream));
      for (const [, fontName, array, single] of source.matchAll(/\/(\S+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g)) {
        if (fontName !== undefined) {
          current = maps.get(fontName) ?? new Map();
          continue;
        }
        const hexes = array !== undefined ? [...array.matchAll(/<([0-9a-fA-F]*)>/g)].map((match) => match[1] ?? '') : [single ?? ''];
        const decoded = hexes
          .flatMap((hex) => hex.match(/[0-9a-fA-F]{4}/g) ?? [])
          .map((code) => current.get(Number.parseInt(code, 16)) ?? '\uFFFD')
          .join('');
        if (decoded !== '') text.push(decoded);
      }
    }
  }

  return {
    pages: pdf.getPageCount(),
    hasStructTree: structTreeRoot !== undefined,
    marked: markInfo?.get(name('Marked')) === PDFBool.True,
    lang: decodeText(catalog.get(name('Lang'))),
    title: pdf.getTitle() ?? null,
    displayDocTitle: viewer?.get(name('DisplayDocTitle')) === PDFBool.True,
    pdfa: part && conformance ? `${part}${conformance}` : null,
    xmpTitle: /<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>([^<]*)<\/rdf:li>/.exec(xmp)?.[1] ?? null,
    hasOutputIntent: catalog.lookupMaybe(name('OutputIntents'), PDFArray) !== undefined,
    fontsEmbedded,
    structureTypes,
    figureAlts,
    headerScopes,
    text,
  };
};
