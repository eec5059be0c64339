// The UI's words files (src/**/<name>.en.json beside <name>.ja.json): what a translator edits. Both languages
// hold the same sections and keys, each sentence keeps the {placeholders} the code fills, and counted entries
// give English both forms; catalogue() refuses two languages that differ.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/i18n/locale.ts';

const srcRoot = fileURLToPath(new URL('../../src/', import.meta.url));
const pairs = readdirSync(srcRoot, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.en.json'))
  .map((f) => f.slice(0, -'.en.json'.length));

type Words = Record<string, Record<string, string | { one?: string; other: string }>>;
const read = (base: string, language: string) => JSON.parse(readFileSync(`${srcRoot}${base}.${language}.json`, 'utf8')) as Words;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const forms = (entry: string | { one?: string; other: string }) => (typeof entry === 'string' ? [entry] : Object.values(entry));

describe('UI words files', () => {
  it('exist', () => {
    expect(pairs.length).toBeGreaterThan(5);
  });

  it.each(pairs)('%s has the same sentences and placeholders in English and Japanese', (base) => {
    const [en, ja] = [read(base, 'en'), read(base, 'ja')];
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const [section, entries] of Object.entries(en)) {
      expect(Object.keys(ja[section]!).sort(), section).toEqual(Object.keys(entries).sort());
      for (const [key, entry] of Object.entries(entries)) {
        const jaEntry = ja[section]![key]!;
        expect(typeof jaEntry, `${section}.${key}`).toBe(typeof entry);
        if (typeof entry !== 'string') expect(Object.keys(entry).sort(), `${section}.${key}`).toEqual(['one', 'other']);
        for (const text of [...forms(entry), ...forms(jaEntry)]) {
          expect(text.trim().length, `${section}.${key}`).toBeGreaterThan(0);
          expect(placeholders(text), `${section}.${key}`).toEqual(placeholders(forms(entry).at(-1)!));
        }
      }
    }
  });
});

describe('catalogue', () => {
  it('pairs each key’s English and Japanese', () => {
    expect(catalogue({ yes: 'Yes', n: { one: '{count} item', other: '{count} items' } }, { yes: 'はい', n: { other: '{count} 件' } })).toEqual({
      yes: { en: 'Yes', ja: 'はい' },
      n: { en: { one: '{count} item', other: '{count} items' }, ja: { other: '{count} 件' } },
    });
  });

  it('refuses languages whose keys differ, naming them', () => {
    expect(() => catalogue({ yes: 'Yes', no: 'No' }, { yes: 'はい', maybe: 'たぶん' })).toThrow(/no, maybe/);
  });
});
