// Block Kit's limits, and a measure of a message against them (the renderers and the tests share it).

export const BLOCK_KIT = {
  /** Blocks in one message. */
  maxMessageBlocks: 50,
  /** Blocks in a modal or the App Home tab. */
  maxViewBlocks: 100,
  /** Characters in one section/context text. */
  maxText: 3000,
  /** Characters in a header block. */
  maxHeader: 150,
  /** Characters in a button label. */
  maxButtonText: 75,
  /** Characters in a modal title. */
  maxModalTitle: 24,
  /** Elements in an actions block. */
  maxActions: 25,
  /** Elements in a context block. */
  maxContextElements: 10,
  /** Characters of text in a whole message: Slack rejects or cuts longer ones. */
  maxMessageText: 11_000,
} as const;

export interface BlockMeasure {
  blocks: number;
  /** Sum of every text object's length. */
  totalText: number;
  /** The longest single text object. */
  longestText: number;
}

/** Walks a block tree and measures every text object in it. */
export function measureBlocks(blocks: readonly unknown[]): BlockMeasure {
  let totalText = 0;
  let longestText = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if ((record.type === 'mrkdwn' || record.type === 'plain_text') && typeof record.text === 'string') {
      totalText += record.text.length;
      longestText = Math.max(longestText, record.text.length);
      return;
    }
    for (const value of Object.values(record)) visit(value);
  };
  visit(blocks);
  return { blocks: blocks.length, totalText, longestText };
}
