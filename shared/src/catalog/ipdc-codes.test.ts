import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ipdcTargetAudiences, ipdcThemes, ipdcTypes } from './ipdc-codes.ts';

// The published IPDC-LPDC code lists, copied unchanged into the shared standards folder.
const standards = join(import.meta.dirname, '../../../../shared/standards/ipdc-lpdc');

/** Concepts of a SKOS code list: local id, full IRI and the Dutch and English prefLabels. */
const readConcepts = (file: string) => {
  const ttl = readFileSync(join(standards, file), 'utf8');
  const base = /@prefix dvc:\s+<([^>]+)>/.exec(ttl)?.[1] ?? '';
  return [...ttl.matchAll(/^dvc:(\w+)\s*\n\s+a\s+skos:Concept\s*;([\s\S]*?)\.\s*$/gm)].map(([, id = '', body = '']) => ({
    id,
    iri: `${base}${id}`,
    nl: /skos:prefLabel\s+"([^"]+)"@nl/.exec(body)?.[1],
    en: /skos:prefLabel\s+"([^"]+)"@en/.exec(body)?.[1],
  }));
};

type CodeList = Record<string, { iri: string; label: { nl: string; en: string } }>;

describe.each<{ file: string; codes: CodeList }>([
  { file: 'codelijst-type.ttl', codes: ipdcTypes },
  { file: 'codelijst-thema.ttl', codes: ipdcThemes },
  { file: 'codelijst-doelgroep.ttl', codes: ipdcTargetAudiences },
])('$file', ({ file, codes }) => {
  const concepts = readConcepts(file);

  it('has the same concepts as the published code list', () => {
    expect(concepts.length).toBeGreaterThan(0);
    expect(Object.keys(codes).sort()).toEqual(concepts.map((concept) => concept.id).sort());
  });

  it('uses the published IRIs and Dutch and English labels', () => {
    for (const concept of concepts) {
      const code = codes[concept.id];
      expect({ iri: code?.iri, nl: code?.label.nl, en: code?.label.en }).toEqual({ iri: concept.iri, nl: concept.nl, en: concept.en });
    }
  });
});
