import { describe, expect, it } from 'vitest';
import en from './locales/en.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import nl from './locales/nl.json' with { type: 'json' };

const keys = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key)) : [prefix];

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

const flat = (value: unknown, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, child]) => Object.entries(flat(child, prefix ? `${prefix}.${key}` : key)))
      : [[prefix, String(value)]],
  );

describe('translations', () => {
  it.each([
    ['fr', fr],
    ['en', en],
  ])('%s has exactly the Dutch keys', (_language, resource) => {
    expect(keys(resource).sort()).toEqual(keys(nl).sort());
  });

  it.each([
    ['fr', fr],
    ['en', en],
  ])('%s uses the same placeholders as Dutch', (_language, resource) => {
    const dutch = flat(nl);
    for (const [key, text] of Object.entries(flat(resource))) expect([key, placeholders(text)]).toEqual([key, placeholders(dutch[key] ?? '')]);
  });

  it('has no empty texts', () => {
    for (const resource of [nl, fr, en]) expect(Object.values(flat(resource)).filter((text) => text.trim() === '')).toEqual([]);
  });
});
