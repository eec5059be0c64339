// Checks written inside tests say whatever their test needs: one sentence, the text itself, in both
// languages, under the namespace `test` (the real checks' words are data files, tested in checks/).
import { type Message, registerWords } from '../../src/i18n/message.ts';

registerWords('test', { en: { evidence: { text: '{{text}}' } }, ja: { evidence: { text: '{{text}}' } } });

/** A test check's evidence: `text` as it is. */
export function testEvidence(text: string): Message {
  return { key: 'test:evidence.text', params: { text } };
}
