// A list inside a sentence, language-neutral: each language joins it its own way ("a, b" in English,
// "a、b" in Japanese), so the joint is a words-file sentence of two parts, `{{first}}` and `{{rest}}`,
// and a list of any length is that sentence nested: a, (b, (c)).
import type { EvaluateContext } from '../../src/engine/types.ts';
import type { Message } from '../../src/i18n/message.ts';

export type ListItem = string | Message;

/** `items` joined by the words-file sentence `pair` (a one-item list is the item itself). */
export function listOf(ctx: Pick<EvaluateContext, 'say'>, pair: string, items: readonly ListItem[]): ListItem {
  const [first, ...rest] = items;
  if (first === undefined) throw new Error(`listOf(${pair}): a sentence never lists nothing`);
  return rest.length === 0 ? first : ctx.say(pair, { first, rest: listOf(ctx, pair, rest) });
}
