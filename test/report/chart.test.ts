// The trend chart: real PNGs from resvg, decoded and looked at, for 0, 1 and 30 days, in English and Japanese.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SeverityCounts } from '../../src/engine/score.ts';
import { CHART_HEIGHT, CHART_WIDTH, chartDays, rasterize, renderTrendPng, renderTrendSvg } from '../../src/report/chart.ts';
import { chartHistory } from '../../src/report/chart-data.ts';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { result, scanReport } from './fixtures.ts';
import { darkPixels, decodePng } from './png.ts';

const now = new Date('2026-11-30T09:00:00Z');
const counts = (critical: number, high: number, medium = 0, low = 0): SeverityCounts => ({ critical, high, medium, low, info: 0 });
const day = (back: number) => new Date(now.getTime() - back * 86_400_000).toISOString();

describe('trend chart', () => {
  it('draws 0, 1 and 30 days as a PNG of the expected size that decodes', () => {
    const histories = {
      none: [],
      one: [{ finishedAt: day(0), score: 72, failing: counts(1, 3, 5, 2) }],
      thirty: Array.from({ length: 30 }, (_, i) => ({ finishedAt: day(i), score: 50 + i, failing: counts(i % 3, 4, 6, 8) })),
    };
    const ink: Record<string, number> = {};
    for (const [name, scans] of Object.entries(histories)) {
      const days = chartDays(scans, now, 'UTC');
      expect(days).toHaveLength(30);
      const image = decodePng(renderTrendPng(days, 'en'));
      expect([image.width, image.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
      ink[name] = darkPixels(image);
    }
    // More history, more ink: the bars and the line are drawn.
    expect(ink.none).toBeGreaterThan(1000);
    expect(ink.thirty).toBeGreaterThan(ink.one ?? 0);
  });

  it('puts the failing counts in the bars: a day with critical findings has red in its bar', () => {
    const image = decodePng(renderTrendPng(chartDays([{ finishedAt: day(0), score: 10, failing: counts(40, 0) }], now, 'UTC'), 'en'));
    // The last day's slot is at the right edge; count the critical red there.
    let red = 0;
    for (let y = 330; y < 480; y += 1) {
      const i = (y * image.width + 915) * 4;
      if ((image.pixels[i] ?? 0) > 180 && (image.pixels[i + 1] ?? 255) < 80) red += 1;
    }
    expect(red).toBeGreaterThan(100);
  });

  it('labels in Japanese with a font that has the glyphs', () => {
    const svg = renderTrendSvg(chartDays([{ finishedAt: day(0), score: 80, failing: counts(1, 1) }], now, 'UTC'), 'ja');
    expect(svg).toContain('セキュリティスコア');
    expect(svg).toContain('重大');
    const image = decodePng(renderTrendPng(chartDays([{ finishedAt: day(0), score: 80, failing: counts(1, 1) }], now, 'UTC'), 'ja'));
    expect([image.width, image.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    // Japanese text alone: without a font that covers it, resvg would draw nothing at all.
    const japanese = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="#fff"/><text x="4" y="30" font-size="24" fill="#000">重大な不合格</text></svg>';
    expect(darkPixels(decodePng(rasterize(japanese)))).toBeGreaterThan(300);
    const withoutFont = new Resvg(japanese, { font: { loadSystemFonts: false, fontFiles: [] } }).render().asPng();
    expect(darkPixels(decodePng(withoutFont))).toBe(0);
  });

  it('breaks the score line on a day without a scan instead of inventing a value', () => {
    const svg = renderTrendSvg(
      chartDays(
        [0, 1, 2, 4, 5].map((back) => ({ finishedAt: day(back), score: 70, failing: counts(0, 1) })),
        now,
        'UTC',
      ),
      'en',
    );
    expect(svg.match(/<polyline/g)).toHaveLength(2);
  });
});

describe('chart history from the store', () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'awscheck-chart-'));
    store = openSqliteStore(join(dir, 'awscheck.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes each day\'s last scan of the same selection, with its failing counts by severity', async () => {
    const older = scanReport([result({ severity: 'high' })], { finishedAt: day(3) });
    const sameDayEarlier = scanReport([result({ severity: 'critical' }), result({ severity: 'critical', resourceId: 'sg-2' })], { finishedAt: day(1) });
    const sameDayLater = scanReport([result({ severity: 'critical' })], { finishedAt: new Date(Date.parse(day(1)) + 3_600_000).toISOString() });
    const other = scanReport([result({ severity: 'low' })], { finishedAt: day(2), selection: { services: ['s3'] } });
    for (const report of [older, sameDayEarlier, sameDayLater, other]) await store.saveScan(report);
    const current = scanReport([result({ status: 'PASS' })], { finishedAt: day(0) });
    const { id } = await store.saveScan(current);
    const days = await chartHistory(store, { scanId: id, scan: current, now, timeZone: 'UTC' });
    expect(days).toHaveLength(30);
    const last = days.slice(-4);
    expect(last.map((d) => d.failing?.critical)).toEqual([0, undefined, 1, 0]);
    expect(last[0]?.failing?.high).toBe(1);
    expect(last[3]?.score).toBe(100);
  });
});
