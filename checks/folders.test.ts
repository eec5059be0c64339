// Every check keeps its metadata in meta.json and its words in words.en.json and words.ja.json beside it:
// meta.json names the check after its folder; the words have the same keys in both languages, none empty,
// nothing else in the folder's language files. A translator works from these files.
// The sentences of results (`evidence`) have the same names and {{params}} in both languages, and every
// `ctx.say('name')` in the code has its sentence in both, so a missing word is caught here, not by a reader.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnyCollector } from '../src/engine/types.ts';
import { ALL_CHECKS } from './index.ts';

const root = fileURLToPath(new URL('./', import.meta.url));
const LANGUAGES = ['en', 'ja'] as const;
const KEYS = ['cli', 'steps', 'title', 'why'];
const srcRoot = fileURLToPath(new URL('../src/', import.meta.url));

function folderOf(id: string): string {
  const [service, name] = id.split('.') as [string, string];
  return `${root}${service}/${name}/`;
}

function readWords(folder: string, language: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${folder}words.${language}.json`, 'utf8')) as Record<string, unknown>;
}

/** Every check folder on disk, as [service, folder name]: checks/<service>/<check>/, but lib/ and fixes/. */
function checkFolders(): [string, string][] {
  const services = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'lib');
  return services.flatMap((service) =>
    readdirSync(`${root}${service.name}`, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== 'lib' && e.name !== 'fixes')
      .map((e): [string, string] => [service.name, e.name]),
  );
}

describe('check folders', () => {
  it('hold every check of the catalogue, and nothing else but lib/ and fixes/', () => {
    const folders = checkFolders().map(([service, name]) => `${service}.${name}`);
    expect(folders.sort()).toEqual(ALL_CHECKS.map((c) => c.id).sort());
    for (const check of ALL_CHECKS) expect(existsSync(`${folderOf(check.id)}check.ts`), check.id).toBe(true);
  });

  it.each(checkFolders())('%s/%s has a meta.json naming it <service>.<folder>, and the check takes its service from there', (service, name) => {
    const file = `${root}${service}/${name}/meta.json`;
    expect(existsSync(file), file).toBe(true);
    const meta = JSON.parse(readFileSync(file, 'utf8')) as { id?: unknown };
    expect(meta.id).toBe(`${service}.${name}`);
    expect(ALL_CHECKS.find((c) => c.id === meta.id)?.service).toBe(service);
  });

  // meta.json declares the scope apart from the collectors the code needs: a global check runs once, with no region to read.
  it.each(ALL_CHECKS.filter((c) => c.scope === 'global').map((c) => [c.id, c] as const))('%s is global and reads no regional collector', (_id, check) => {
    const regional = (collector: AnyCollector): boolean => collector.scope === 'regional' || (collector.dependsOn ?? []).some(regional);
    expect(check.needs.filter(regional).map((c) => c.id)).toEqual([]);
  });

  it.each(ALL_CHECKS.map((c) => [c.id] as const))('%s has the same non-empty words in English and Japanese', (id) => {
    const folder = folderOf(id);
    const [en, ja] = LANGUAGES.map((language) => readWords(folder, language));
    expect(Object.keys(en!).filter((k) => k !== 'evidence').sort(), `${id} words.en.json`).toEqual(KEYS);
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

/** Every words file with sentences, by namespace: each check's, each service's lib/ and checks/lib/ (`common`). */
function namespaces(): Map<string, string> {
  const found = new Map<string, string>([['common', `${root}lib/`]]);
  for (const service of readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'lib')) {
    if (existsSync(`${root}${service.name}/lib/words.en.json`)) found.set(service.name, `${root}${service.name}/lib/`);
  }
  for (const check of ALL_CHECKS) found.set(check.id, folderOf(check.id));
  return found;
}

function evidenceOf(folder: string, language: string): Record<string, string> {
  const words = readWords(folder, language)['evidence'];
  return (words ?? {}) as Record<string, string>;
}

/** A sentence's name without its plural suffix: `days_one` and `days_other` are both `days`. */
const baseName = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const paramsOf = (template: string) => [...template.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!);

/** name → the {{params}} of all its plural forms. */
function sentences(evidence: Record<string, string>): Map<string, Set<string>> {
  const byName = new Map<string, Set<string>>();
  for (const [key, template] of Object.entries(evidence)) {
    const params = byName.get(baseName(key)) ?? new Set<string>();
    for (const param of paramsOf(template)) params.add(param);
    byName.set(baseName(key), params);
  }
  return byName;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => `${e.parentPath}/${e.name}`);
}

/** Every `ctx.say('name')` (and the engine's own) in checks/ and src/, as [namespace, name, file]; a file in a check's folder speaks for that check. */
function usedSentences(): { used: [string, string, string][]; dynamic: string[] } {
  const used: [string, string, string][] = [];
  const dynamic: string[] = [];
  const ids = new Map(ALL_CHECKS.map((c) => [folderOf(c.id), c.id]));
  for (const file of [...sourceFiles(root), ...sourceFiles(srcRoot)]) {
    // Comments show examples; only code says anything.
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
    const own = [...ids].find(([folder]) => file.startsWith(folder))?.[1];
    for (const call of text.matchAll(/\b(ctx\.say|engineSays)\(\s*(.)/g)) {
      const literal = /^'([^']+)'/.exec(text.slice(call.index + call[0].length - 1));
      if (!literal) {
        dynamic.push(`${file}: ${text.slice(call.index, call.index + 40)}`);
        continue;
      }
      const name = literal[1]!;
      const colon = name.indexOf(':');
      if (call[1] === 'engineSays') used.push(['common', name, file]);
      else if (colon >= 0) used.push([name.slice(0, colon), name.slice(colon + 1), file]);
      else used.push([own ?? '(no check folder)', name, file]);
    }
  }
  return { used, dynamic };
}

describe('result sentences', () => {
  const spaces = namespaces();

  it.each([...spaces].map(([ns, folder]) => [ns, folder] as const))('%s has the same sentences and {{params}} in English and Japanese', (ns, folder) => {
    const en = sentences(evidenceOf(folder, 'en'));
    const ja = sentences(evidenceOf(folder, 'ja'));
    expect([...ja.keys()].sort(), ns).toEqual([...en.keys()].sort());
    for (const [name, params] of en) expect([...(ja.get(name) ?? [])].sort(), `${ns}:${name}`).toEqual([...params].sort());
    // English names both plural forms where it counts; Japanese has only _other.
    const enKeys = Object.keys(evidenceOf(folder, 'en'));
    for (const key of enKeys.filter((k) => k.endsWith('_one'))) expect(enKeys, `${ns}:${key}`).toContain(key.replace(/_one$/, '_other'));
    for (const [key, template] of [...Object.entries(evidenceOf(folder, 'en')), ...Object.entries(evidenceOf(folder, 'ja'))]) {
      expect(template.trim().length, `${ns}:${key}`).toBeGreaterThan(0);
    }
  });

  it('are named literally in the code, so this test can see them', () => {
    expect(usedSentences().dynamic).toEqual([]);
  });

  it('exist in both languages for every say() in the code, and every sentence is said somewhere', () => {
    const { used } = usedSentences();
    const missing: string[] = [];
    for (const [ns, name, file] of used) {
      const folder = spaces.get(ns);
      for (const language of LANGUAGES) {
        if (!folder || !sentences(evidenceOf(folder, language)).has(name)) missing.push(`${ns}:${name} (${language}) in ${file}`);
      }
    }
    expect(missing).toEqual([]);
    const said = new Set(used.map(([ns, name]) => `${ns}:${name}`));
    const unsaid = [...spaces].flatMap(([ns, folder]) => [...sentences(evidenceOf(folder, 'en')).keys()].map((name) => `${ns}:${name}`).filter((key) => !said.has(key)));
    expect(unsaid).toEqual([]);
  });
});
