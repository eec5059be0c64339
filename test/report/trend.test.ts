import { describe, expect, it } from 'vitest';
import { postureScore } from '../../src/engine/score.ts';
import { localDay } from '../../src/i18n/format.ts';
import { dailyScores, sparkline } from '../../src/report/trend.ts';
import { formatDelta } from '../../src/report/lines.ts';
import { result } from './fixtures.ts';

describe('score', () => {
  it('weights passing checks by severity and leaves out unknown and accepted results', () => {
    const score = postureScore([
      result({ severity: 'critical', status: 'PASS' }),
      result({ severity: 'high', status: 'FAIL' }),
      result({ severity: 'low', status: 'ERROR' }),
      result({ severity: 'medium', status: 'MUTED' }),
    ]);
    expect(score).toBe(66.7); // 10 of 15
    expect(postureScore([result({ status: 'ERROR' })])).toBeUndefined();
  });

  it('shows the change since the last report', () => {
    expect(formatDelta(82.4, 81.1)).toBe('▲ +1.3');
    expect(formatDelta(70, 72.5)).toBe('▼ −2.5');
    expect(formatDelta(70, 70)).toBe('±0.0');
    expect(formatDelta(70, undefined)).toBeUndefined();
  });
});

describe('trend', () => {
  it('keeps the last scan of each local day over 14 days', () => {
    const now = new Date('2026-11-25T01:00:00Z'); // 10:00 on the 25th in Tokyo
    const points = dailyScores(
      [
        { finishedAt: '2026-11-24T14:00:00Z', score: 40 }, // 23:00 on the 24th in Tokyo
        { finishedAt: '2026-11-24T16:00:00Z', score: 60 }, // 01:00 on the 25th in Tokyo
        { finishedAt: '2026-11-25T00:30:00Z', score: 70 },
        { finishedAt: '2026-11-01T00:00:00Z', score: 10 }, // too old
      ],
      now,
      'Asia/Tokyo',
    );
    expect(points).toHaveLength(14);
    expect(points[0]?.day).toBe('2026-11-12');
    expect(points.at(-1)).toEqual({ day: '2026-11-25', score: 70 });
    expect(points.at(-2)).toEqual({ day: '2026-11-24', score: 40 });
    expect(localDay(now, 'America/Los_Angeles')).toBe('2026-11-24');
  });

  it('draws a sparkline, with a dot for days without a scan', () => {
    const points = [10, undefined, 50, 90].map((score, i) => ({ day: `d${i}`, score }));
    expect(sparkline(points)).toBe('▁·▅█');
    // A spread under ten points is not blown up to full height.
    expect(sparkline([80, 80.5, 81].map((score, i) => ({ day: `d${i}`, score })))).toBe('▄▅▅');
    expect(sparkline([{ day: 'a', score: undefined }])).toBe('·');
  });
});
