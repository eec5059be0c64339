// Every check keeps its words in words.en.json and words.ja.json beside it: the same keys in both
// languages, none empty, nothing else in the folder's language files. A translator works from these files.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from './index.ts';

const root = fileURLToPath(new URL('./', import.meta.url));
const LANGUAGES = ['en', 'ja'] as const;
const KEYS = ['cli', 'steps', 'title', 'why'];

function folderOf(id: string): string {
  const [service, name] = id.split('.') as [string, string];
  return `${root}${service}/${name}/`;
}

function readWords(folder: string, language: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${folder}words.${language}.json`, 'utf8')) as Record<string, unknown>;
}

describe('check folders', () => {
  it('hold every check of the catalogue, and nothing else but lib/ and fixes/', () => {
    const services = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'lib');
    const folders = services.flatMap((service) =>
      readdirSync(`${root}${service.name}`, { withFileTypes: true })
        .filter((e) => e.isDirectory() && e.name !== 'lib' && e.name !== 'fixes')
        .map((e) => `${service.name}.${e.name}`),
    );
    expect(folders.sort()).toEqual(ALL_CHECKS.map((c) => c.id).sort());
    for (const check of ALL_CHECKS) expect(existsSync(`${folderOf(check.id)}check.ts`), check.id).toBe(true);
  });

  it.each(ALL_CHECKS.map((c) => [c.id] as const))('%s has the same non-empty words in English and Japanese', (id) => {
    const folder = folderOf(id);
    const [en, ja] = LANGUAGES.map((language) => readWords(folder, language));
    expect(Object.keys(en!).sort(), `${id} words.en.json`).toEqual(KEYS);
    expect(Object.keys(ja!).sort(), `${id} words.ja.json`).toEqual(Object.keys(en!).sort());
    for (const words of [en!, ja!]) {
      for (const key of KEYS) {
        expect(typeof words[key], `${id} ${key}`).toBe('string');
        expect((words[key] as string).trim().length, `${id} ${key}`).toBeGreaterThan(0);
      }
      // The CLI line is one line with one AWS CLI command in backticks.
      expect(words['cli'] as string, id).toMatch(/^[^\n]*`aws [^`]+`[^\n]*$/);
    }
  });
});
