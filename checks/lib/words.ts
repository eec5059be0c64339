// A check's words live beside it as data (words.en.json, words.ja.json), one file per language with the
// same keys, so a translator can review every sentence without reading TypeScript.
import type { Locale, Localized } from '../../src/i18n/locale.ts';
import type { FixWords } from '../../src/remediation/fix.ts';

export interface CheckWords {
  title: string;
  /** Why it matters: the risk, in two or three sentences. */
  why: string;
  /** How to fix it in the console, as numbered steps. */
  steps: string;
  /** The one AWS CLI line that fixes (or verifies) it. */
  cli: string;
  /** The sentences of its results, by name (`ctx.say('name', params)`), with `{{param}}` placeholders. */
  evidence?: Record<string, string>;
  /** The sentences of the check's fix, when its fix lives in this folder (`ctx.say` in fix.ts), and its `title`. */
  fix?: Record<string, string>;
}

/** One words file's contents, as rendering reads it (a check's, a service's or the common one). */
export type WordsFile = Record<string, unknown>;

/** The check's texts in the shape the engine and the renderers read. */
export function checkTexts(
  en: CheckWords,
  ja: CheckWords,
): { title: Localized; why: Localized; guide: Localized; words: Record<Locale, WordsFile> } {
  return {
    title: { en: en.title, ja: ja.title },
    why: { en: en.why, ja: ja.why },
    guide: { en: `${en.steps}\n${en.cli}`, ja: `${ja.steps}\n${ja.cli}` },
    words: { en: { ...en }, ja: { ...ja } },
  };
}

/** A fix's sentences: the `fix` section of the words files beside it (its `title` and what ctx.say names). */
export function fixWords(
  en: { fix: Record<string, string> & { title: string } },
  ja: { fix: Record<string, string> & { title: string } },
): FixWords {
  return { en: en.fix, ja: ja.fix };
}
