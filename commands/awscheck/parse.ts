// Turns the text after `/awscheck` into words, key=value options and the `public` flag. What the words mean
// is up to the subcommand; this only tokenises.
import { splitList } from '../../src/config/list.ts';

export interface CommandOption {
  key: string;
  values: string[];
}

export interface ParsedCommand {
  /** Positional words, lower-cased, in order. */
  words: string[];
  /** `key=a,b` pairs in order; keys lower-cased, values as typed. */
  options: CommandOption[];
  /** `public`: show the answer to the channel, not only to the requester. */
  public: boolean;
}

/** Slack escapes &, < and > in command text; undo it so words compare as typed (output escapes again). */
function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function parseCommandText(text: string | undefined): ParsedCommand {
  const parsed: ParsedCommand = { words: [], options: [], public: false };
  // \s covers the ideographic space (U+3000) a Japanese keyboard types.
  for (const token of unescapeSlack(text ?? '').split(/\s+/u).filter(Boolean)) {
    const eq = token.indexOf('=');
    if (eq > 0) {
      const values = splitList(token.slice(eq + 1));
      parsed.options.push({ key: token.slice(0, eq).toLowerCase(), values });
    } else if (token.toLowerCase() === 'public') {
      parsed.public = true;
    } else {
      parsed.words.push(token.toLowerCase());
    }
  }
  return parsed;
}
