// Results are stored language-neutral: a message key and its parameters. The words are chosen when a
// person reads them, from the words files (checks' words.{en,ja}.json, checks/<service>/lib/ and
// checks/lib/), through one i18next instance: JSON v4 plurals (`_one`/`_other` with `count`) and
// `{{param}}` interpolation. Nothing is escaped here: the renderers escape for their own medium.
import { createInstance, type i18n } from 'i18next';
import { WORDS } from '../../checks/words.ts';
import type { Locale } from './locale.ts';

/**
 * A parameter: AWS's names and ids as strings, numbers (`count` picks the plural), a message worded in the
 * same locale (a clause), or a list of names or messages, joined the locale's way (Intl.ListFormat).
 */
export type MessageParam = string | number | Message | readonly (string | Message)[];
export type MessageParams = Record<string, MessageParam>;

export interface Message {
  /** `<namespace>:evidence.<name>`: the namespace is a check id, a service (`ec2`) or `common`. */
  key: string;
  params?: MessageParams;
}

/** A message's key from the name a check gives it: `name` is its own, `ns:name` another namespace's. */
export function messageKey(namespace: string, name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? `${namespace}:evidence.${name}` : `${name.slice(0, colon)}:evidence.${name.slice(colon + 1)}`;
}

/** `ctx.say` for one namespace: what a check calls to describe a result. */
export function sayIn(namespace: string): (name: string, params?: MessageParams) => Message {
  return (name, params) => (params ? { key: messageKey(namespace, name), params } : { key: messageKey(namespace, name) });
}

let instance: i18n | undefined;

// Built on first use: the catalogue imports every check, and checks import the engine that imports this.
function translator(): i18n {
  if (instance) return instance;
  const resources = WORDS();
  const created = createInstance();
  void created.init({
    resources,
    ns: Object.keys(resources.en),
    lng: 'en',
    // A missing sentence falls back to the stored text, never to the other language or the raw key.
    fallbackLng: false,
    initAsync: false,
    returnNull: false,
    interpolation: { escapeValue: false },
  });
  instance = created;
  return created;
}

// Both read as a plain enumeration, as the sentences did before they were data: "a, b, c" and "a、b、c".
const LIST_TYPE: Record<Locale, Intl.ListFormatType> = { en: 'unit', ja: 'conjunction' };

const listFormats = new Map<Locale, Intl.ListFormat>();

// Built once per locale: a scan words tens of thousands of results.
function listFormat(locale: Locale): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: LIST_TYPE[locale] })));
  return format;
}

const isList = (value: MessageParam): value is readonly (string | Message)[] => Array.isArray(value);

function flatten(locale: Locale, params: MessageParams | undefined): Record<string, string | number> {
  const flat: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    flat[name] =
      typeof value === 'string' || typeof value === 'number'
        ? value
        : isList(value)
          ? listFormat(locale).format(
              value.map((item) => (typeof item === 'string' ? item : formatMessage(locale, item))),
            )
          : formatMessage(locale, value);
  }
  return flat;
}

/** Which sentence: the language, and the plural form when the message counts something. */
function selector(locale: Locale, params: MessageParams | undefined): { lng: Locale; count?: number } {
  const count = params?.['count'];
  return typeof count === 'number' ? { lng: locale, count } : { lng: locale };
}

/** Whether the words for this message exist in this locale. */
export function hasWords(locale: Locale, message: Message): boolean {
  return translator().exists(message.key, selector(locale, message.params));
}

/**
 * The message in the locale's words. When they are missing, `fallback` (the text stored with the result);
 * without one it throws rather than show a raw key.
 */
export function formatMessage(locale: Locale, message: Message, fallback?: string): string {
  try {
    if (!hasWords(locale, message)) throw new Error(`no ${locale} words for ${message.key}`);
    // Parameters go in `replace`, so one named like an i18next option (ns, lng, context) stays a parameter.
    return translator().t(message.key, { ...selector(locale, message.params), replace: flatten(locale, message.params) });
  } catch (err) {
    // Also when a clause inside is missing its words (a message stored by another version).
    if (fallback !== undefined) return fallback;
    throw err;
  }
}

/** A result's evidence for a reader of this locale: its message when it has one, else the stored text. */
export function evidenceIn(locale: Locale, result: { evidence: string; message?: Message | undefined }): string {
  return result.message ? formatMessage(locale, result.message, result.evidence) : result.evidence;
}

/**
 * Adds (or refreshes) a check's words: the engine calls it for each check it runs, so a check outside the
 * catalogue (a test's) is worded too.
 */
export function registerWords(namespace: string, words: Record<Locale, Record<string, unknown>>): void {
  if (registered.has(words)) return;
  const t = translator();
  for (const locale of Object.keys(words) as Locale[]) t.addResourceBundle(locale, namespace, words[locale], true, true);
  registered.add(words);
}

const registered = new WeakSet<object>();
