// Asserts a message stays inside Block Kit's documented limits.
import { expect } from 'vitest';
import type { StoredMessage } from '../../src/store/store.ts';

interface AnyBlock {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { text?: string }[];
}

export function expectWithinBlockKit(message: StoredMessage): void {
  const blocks = message.blocks as unknown as AnyBlock[];
  expect(blocks.length).toBeLessThanOrEqual(50);
  expect(message.text.length).toBeLessThanOrEqual(3000);
  for (const block of blocks) {
    if (block.type === 'header') expect(block.text!.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'section') {
      expect(block.text!.text.length).toBeLessThanOrEqual(3000);
      expect(block.fields?.length ?? 0).toBeLessThanOrEqual(10);
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
    }
    if (block.type === 'context') {
      expect(block.elements!.length).toBeLessThanOrEqual(10);
      for (const element of block.elements!) expect(element.text!.length).toBeLessThanOrEqual(3000);
    }
  }
}

/** Every text of the message, joined, for content assertions. */
export function allText(message: StoredMessage): string {
  const blocks = message.blocks as unknown as AnyBlock[];
  return blocks
    .flatMap((b) => [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text), ...(b.elements ?? []).map((e) => e.text ?? '')])
    .join('\n');
}
