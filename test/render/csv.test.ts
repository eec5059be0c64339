import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { resultsToCsv } from '../../src/render/csv.ts';
import { ENGLISH_EVIDENCE, JAPANESE_EVIDENCE, scannedInEnglish } from '../helpers/worded.ts';
import { result } from '../report/fixtures.ts';

describe('resultsToCsv', () => {
  it('words the evidence column in the given locale; results stored without a message keep theirs', () => {
    const results = [scannedInEnglish(), result({ evidence: '=HYPERLINK("x") worded before messages' })];
    const rows = (locale: 'en' | 'ja') => parse<{ evidence: string }>(resultsToCsv(results, locale), { columns: true });
    expect(rows('ja').map((r) => r.evidence)).toEqual([JAPANESE_EVIDENCE, `'=HYPERLINK("x") worded before messages`]);
    expect(rows('en')[0]?.evidence).toBe(ENGLISH_EVIDENCE);
  });
});
