// Every check keeps its metadata in meta.json and its words in words.en.json and words.ja.json beside it:
// meta.json names the check after its folder; the words have the same keys in both languages, none empty,
// nothing else in the folder's language files. A translator works from these files.
// The sentences of results (`evidence`) and of fixes (`fix`) have the same names and {{params}} in both
// languages, and every `ctx.say('name')` in the code has its sentence in both, so a missing word is caught
// here, not by a reader. A check or fix writes no sentence in TypeScript.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnyCollector } from '../src/engine/types.ts';
import { ALL_CHECKS } from './index.ts';

const root = fileURLToPath(new URL('./', import.meta.url));
const LANGUAGES = ['en', 'ja'] as const;
const KEYS = ['cli', 'steps', 'title', 'why'];
/** The sentences a words file may hold: results' (`ctx.say` in a check) and fixes' (`ctx.say` in fix code). */
const SECTIONS = ['evidence', 'fix'] as const;
type Section = (typeof SECTIONS)[number];
/** Fix code: a check's fix.ts, a shared fix under <service>/fixes/, a service's fix helpers (lib/fix-*.ts). */
const isFixCode = (file: string) => /\/(fix\.ts|fixes\/[^/]+\.ts|lib\/fix-[^/]+\.ts)$/.test(file);
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
    expect(Object.keys(en!).filter((k) => !SECTIONS.includes(k as Section)).sort(), `${id} words.en.json`).toEqual(KEYS);
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

/** Every words file with sentences, by namespace: each check's, each service's lib/, checks/lib/ (`common`) and each shared fix's. */
function namespaces(): Map<string, string> {
  const found = new Map<string, string>([['common', `${root}lib/words`]]);
  for (const service of readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'lib')) {
    if (existsSync(`${root}${service.name}/lib/words.en.json`)) found.set(service.name, `${root}${service.name}/lib/words`);
    const shared = `${root}${service.name}/fixes/`;
    if (!existsSync(shared)) continue;
    for (const file of readdirSync(shared).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
      found.set(`${service.name}/fixes/${file.slice(0, -3)}`, `${shared}${file.slice(0, -3)}.words`);
    }
  }
  for (const check of ALL_CHECKS) found.set(check.id, `${folderOf(check.id)}words`);
  return found;
}

/** One section of a words file (`<base>.en.json`); a missing file or section has no sentences. */
function sectionOf(base: string, section: Section, language: string): Record<string, string> {
  if (!existsSync(`${base}.${language}.json`)) return {};
  const words = (JSON.parse(readFileSync(`${base}.${language}.json`, 'utf8')) as Record<string, unknown>)[section];
  return (words ?? {}) as Record<string, string>;
}

/** A sentence's name without its plural suffix: `days_one` and `days_other` are both `days`. */
const baseName = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const paramsOf = (template: string) => [...template.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!);

/** name → the {{params}} of all its plural forms. */
function sentences(words: Record<string, string>): Map<string, Set<string>> {
  const byName = new Map<string, Set<string>>();
  for (const [key, template] of Object.entries(words)) {
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

/** Code without comments: comments show examples; only code says anything. */
const codeOf = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');

/** The namespace a file's own `ctx.say('name')` speaks in: its check folder's, or its shared fix's. */
function ownNamespace(file: string): string | undefined {
  const shared = /\/(\w+)\/fixes\/([^/]+)\.ts$/.exec(file);
  if (shared) return `${shared[1]}/fixes/${shared[2]}`;
  return ALL_CHECKS.find((c) => file.startsWith(folderOf(c.id)))?.id;
}

/**
 * Every `ctx.say('name')` / `ctx.localized('name')` (and the engine's own) in checks/ and src/, as
 * [section, namespace, name, file].
 */
function usedSentences(): { used: [Section, string, string, string][]; dynamic: string[] } {
  const used: [Section, string, string, string][] = [];
  const dynamic: string[] = [];
  for (const file of [...sourceFiles(root), ...sourceFiles(srcRoot)]) {
    const text = codeOf(file);
    const section: Section = isFixCode(file) ? 'fix' : 'evidence';
    for (const call of text.matchAll(/\b(ctx\.say|ctx\.localized|engineSays)\(\s*(.)/g)) {
      const literal = /^'([^']+)'/.exec(text.slice(call.index + call[0].length - 1));
      if (!literal) {
        dynamic.push(`${file}: ${text.slice(call.index, call.index + 40)}`);
        continue;
      }
      const name = literal[1]!;
      const colon = name.indexOf(':');
      if (call[1] === 'engineSays') used.push(['evidence', 'common', name, file]);
      else if (colon >= 0) used.push([section, name.slice(0, colon), name.slice(colon + 1), file]);
      else used.push([section, ownNamespace(file) ?? '(no check folder or shared fix)', name, file]);
    }
  }
  return { used, dynamic };
}

describe('sentences of results and fixes', () => {
  const spaces = [...namespaces()].flatMap(([ns, base]) => SECTIONS.map((section) => [ns, section, base] as const));

  it.each(spaces)('%s (%s) has the same sentences and {{params}} in English and Japanese', (ns, section, base) => {
    const [enWords, jaWords] = [sectionOf(base, section, 'en'), sectionOf(base, section, 'ja')];
    const [en, ja] = [sentences(enWords), sentences(jaWords)];
    expect([...ja.keys()].sort(), ns).toEqual([...en.keys()].sort());
    for (const [name, params] of en) expect([...(ja.get(name) ?? [])].sort(), `${ns}:${name}`).toEqual([...params].sort());
    // English names both plural forms where it counts; Japanese has only _other.
    const enKeys = Object.keys(enWords);
    for (const key of enKeys.filter((k) => k.endsWith('_one'))) expect(enKeys, `${ns}:${key}`).toContain(key.replace(/_one$/, '_other'));
    for (const [key, template] of [...Object.entries(enWords), ...Object.entries(jaWords)]) {
      expect(template.trim().length, `${ns}:${key}`).toBeGreaterThan(0);
    }
  });

  it('are named literally in the code, so this test can see them', () => {
    expect(usedSentences().dynamic).toEqual([]);
  });

  it('exist in both languages for every say() in the code, and every sentence is said somewhere', () => {
    const { used } = usedSentences();
    const bases = namespaces();
    const missing: string[] = [];
    for (const [section, ns, name, file] of used) {
      const base = bases.get(ns);
      for (const language of LANGUAGES) {
        if (!base || !sentences(sectionOf(base, section, language)).has(name)) missing.push(`${ns}:${section}.${name} (${language}) in ${file}`);
      }
    }
    expect(missing).toEqual([]);
    const said = new Set(used.map(([section, ns, name]) => `${ns}:${section}.${name}`));
    // A fix's title is read by defineFix, not said.
    const unsaid = spaces.flatMap(([ns, section, base]) =>
      [...sentences(sectionOf(base, section, 'en')).keys()]
        .filter((name) => !(section === 'fix' && name === 'title'))
        .map((name) => `${ns}:${section}.${name}`)
        .filter((key) => !said.has(key)),
    );
    expect(unsaid).toEqual([]);
  });

  it('are never written in TypeScript: no inline English/Japanese pair in checks/ outside tests', () => {
    // lib/words.ts joins a check's own words (steps and CLI line) into its guide: no sentence of its own.
    const inline = sourceFiles(root).filter((file) => file !== `${root}lib/words.ts` && /\ben:\s*[`'"]/.test(codeOf(file)));
    expect(inline.map((file) => file.slice(root.length))).toEqual([]);
  });
});
