// A list whose joint is not a plain enumeration ("a; b" in English, "a。b" in Japanese): the joint is a
// words-file sentence of two parts, `{{first}}` and `{{rest}}`, and a list of any length is that sentence
// nested: a; (b; (c)). Plain enumerations ("a, b" / "a、b") are a list parameter instead.
import type { Message } from '../../src/i18n/message.ts';

export type ListItem = string | Message;

/** `items` joined by `joint` (a one-item list is the item itself). */
export function joined(items: readonly ListItem[], joint: (first: ListItem, rest: ListItem) => Message): ListItem {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error('joined: a sentence never lists nothing');
  return rest.length === 0 ? first : joint(first, joined(rest, joint));
}
