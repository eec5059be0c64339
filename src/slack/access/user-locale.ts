// Each person's language: what they read privately (command replies, help, ephemeral messages, modals, App
// Home, direct messages) follows their Slack language, from users.info (include_locale, scope users:read):
// "ja-JP" → ja, "en-US"/"en-GB"… → en, anything else → AWSCHECK_LOCALE. Channel posts stay in AWSCHECK_LOCALE.
// Answers are cached per user for a while (a burst of clicks costs one call) and the cache is bounded.
import type { webApi } from '@slack/bolt';
import type { Locale } from '../../i18n/locale.ts';
import { slackErrorCode } from '../errors.ts';

type UsersClient = Pick<webApi.WebClient, 'users'>;

export interface UserLocales {
  /** The user id must come from the signed payload (body.user.id, command.user_id, event.user). */
  of(client: UsersClient, userId: string): Promise<Locale>;
}

/** A Slack locale ("ja-JP", "en-US") as one of ours; undefined for a language awscheck does not speak. */
export function fromSlackLocale(slackLocale: unknown): Locale | undefined {
  if (typeof slackLocale !== 'string') return undefined;
  const language = slackLocale.toLowerCase().split(/[-_]/)[0];
  return language === 'ja' ? 'ja' : language === 'en' ? 'en' : undefined;
}

export interface UserLocaleCacheOptions {
  /** How long a user's language is trusted: a change in Slack shows within this. */
  ttlMs?: number;
  /** After a failed lookup, how long the fallback is used before asking again (bounds calls and log lines). */
  failureTtlMs?: number;
  /** Most users remembered; the least recently asked go first. */
  maxUsers?: number;
  /** A lookup slower than this answers with the fallback (a modal's ack must come within 3 s). */
  timeoutMs?: number;
  now?: () => number;
  /** Told the user id and Slack's error code, never a token. */
  onLookupError?: (userId: string, code: string) => void;
}

interface Entry {
  locale: Promise<Locale>;
  expires: number;
}

export class UserLocaleCache implements UserLocales {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly failureTtlMs: number;
  private readonly maxUsers: number;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private readonly onLookupError: (userId: string, code: string) => void;

  /** `fallback` is AWSCHECK_LOCALE (settings.locale). */
  constructor(
    private readonly fallback: Locale,
    options: UserLocaleCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60 * 60 * 1000;
    this.failureTtlMs = options.failureTtlMs ?? 5 * 60 * 1000;
    this.maxUsers = Math.max(1, options.maxUsers ?? 10_000);
    this.timeoutMs = options.timeoutMs ?? 1500;
    this.now = options.now ?? Date.now;
    this.onLookupError = options.onLookupError ?? (() => undefined);
  }

  of(client: UsersClient, userId: string): Promise<Locale> {
    const cached = this.entries.get(userId);
    if (cached && cached.expires > this.now()) {
      // Asked again: now the most recently used.
      this.entries.delete(userId);
      this.entries.set(userId, cached);
      return cached.locale;
    }
    const entry: Entry = { locale: this.lookup(client, userId, (ttl) => (entry.expires = this.now() + ttl)), expires: this.now() + this.ttlMs };
    this.entries.delete(userId);
    this.entries.set(userId, entry);
    while (this.entries.size > this.maxUsers) this.entries.delete(this.entries.keys().next().value as string);
    return entry.locale;
  }

  private async lookup(client: UsersClient, userId: string, keepFor: (ttlMs: number) => void): Promise<Locale> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error('users.info did not answer in time'), { code: 'timeout' })), this.timeoutMs);
    });
    try {
      const answer = await Promise.race([client.users.info({ user: userId, include_locale: true }), timeout]);
      keepFor(this.ttlMs);
      return fromSlackLocale(answer.user?.locale) ?? this.fallback;
    } catch (err) {
      keepFor(this.failureTtlMs);
      this.onLookupError(userId, slackErrorCode(err));
      return this.fallback;
    } finally {
      clearTimeout(timer);
    }
  }
}
