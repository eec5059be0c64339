// The trend chart of the daily report: posture score (line, top) and failing findings by severity (stacked
// bars, bottom) for the last 30 days, drawn as SVG and rasterised to PNG by resvg on the server. Text uses
// Noto Sans JP from @expo-google-fonts/noto-sans-jp (SIL OFL 1.1), which covers Latin and Japanese; system
// fonts are not loaded, so the picture is the same on every machine.
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { SeverityCounts } from '../engine/score.ts';
import type { Severity } from '../engine/types.ts';
import { type Locale, t } from '../i18n/locale.ts';
import { SEVERITY_NAMES } from '../i18n/severity.ts';
import { CHART_TEXT } from './chart-text.ts';
import { localDay } from '../i18n/format.ts';
import { TERMS } from '../i18n/terms.ts';

export const CHART_DAYS = 30;
export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 540;

export interface ChartDay {
  /** YYYY-MM-DD in the report's time zone. */
  day: string;
  /** Undefined for a day without a scan, or a scan with nothing evaluated. */
  score?: number;
  /** Undefined for a day without a scan. */
  failing?: SeverityCounts;
}

/** One entry per calendar day, oldest first, ending today; each day shows its last scan. */
export function chartDays(
  scans: readonly { finishedAt: string; score: number | undefined; failing: SeverityCounts }[],
  now: Date,
  timeZone: string,
  days = CHART_DAYS,
): ChartDay[] {
  const byDay = new Map<string, { score: number | undefined; failing: SeverityCounts }>();
  for (const scan of [...scans].sort((a, b) => a.finishedAt.localeCompare(b.finishedAt))) {
    byDay.set(localDay(new Date(scan.finishedAt), timeZone), scan);
  }
  const [year, month, day] = localDay(now, timeZone).split('-').map(Number) as [number, number, number];
  const out: ChartDay[] = [];
  for (let back = days - 1; back >= 0; back -= 1) {
    const key = new Date(Date.UTC(year, month - 1, day - back)).toISOString().slice(0, 10);
    const scan = byDay.get(key);
    out.push({ day: key, ...(scan?.score !== undefined ? { score: scan.score } : {}), ...(scan ? { failing: scan.failing } : {}) });
  }
  return out;
}

const STACKED: readonly Severity[] = ['critical', 'high', 'medium', 'low'];
const COLOURS: Record<Severity | 'score', string> = {
  critical: '#c62828',
  high: '#ef6c00',
  medium: '#f9a825',
  low: '#1565c0',
  info: '#9e9e9e',
  score: '#2e7d32',
};
const FONT = 'Noto Sans JP';
const LEFT = 72;
const RIGHT = 28;
const SCORE_TOP = 116;
const SCORE_HEIGHT = 160;
const BARS_TOP = 330;
const BARS_HEIGHT = 150;
const AXIS_Y = BARS_TOP + BARS_HEIGHT + 4;

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function label(x: number, y: number, text: string, options: { size?: number; anchor?: 'start' | 'middle' | 'end'; weight?: number; fill?: string } = {}): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${FONT}" font-size="${options.size ?? 13}" font-weight="${options.weight ?? 400}" fill="${options.fill ?? '#37474f'}" text-anchor="${options.anchor ?? 'start'}">${xml(text)}</text>`;
}

/** A round axis maximum at or above `value` (1, 2, 5 × 10^n). */
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

export function renderTrendSvg(days: readonly ChartDay[], locale: Locale): string {
  const width = CHART_WIDTH - LEFT - RIGHT;
  const slot = width / Math.max(1, days.length);
  const x = (i: number) => LEFT + slot * (i + 0.5);
  const parts: string[] = [
    `<rect width="${CHART_WIDTH}" height="${CHART_HEIGHT}" fill="#ffffff"/>`,
    label(LEFT, 38, t(locale, CHART_TEXT.title, { days: days.length }), { size: 22, weight: 700, fill: '#263238' }),
  ];

  // Legend: the score line, then each stacked severity.
  let legendX = LEFT;
  const legend: [string, string][] = [
    [COLOURS.score, t(locale, TERMS.score)],
    ...STACKED.map((s): [string, string] => [COLOURS[s], t(locale, SEVERITY_NAMES[s])]),
  ];
  for (const [colour, text] of legend) {
    parts.push(`<rect x="${legendX}" y="56" width="14" height="14" rx="2" fill="${colour}"/>`, label(legendX + 20, 68, text));
    legendX += 20 + text.length * (locale === 'ja' ? 14 : 8) + 24;
  }

  // Score panel, 0–100.
  parts.push(label(LEFT, SCORE_TOP - 16, t(locale, TERMS.score), { weight: 700 }));
  for (const value of [0, 50, 100]) {
    const y = SCORE_TOP + SCORE_HEIGHT * (1 - value / 100);
    parts.push(`<line x1="${LEFT}" y1="${y}" x2="${LEFT + width}" y2="${y}" stroke="#e0e0e0"/>`, label(LEFT - 8, y + 4, String(value), { anchor: 'end' }));
  }
  const scoreY = (score: number) => SCORE_TOP + SCORE_HEIGHT * (1 - score / 100);
  // A day without a scan breaks the line rather than inventing a value.
  let run: string[] = [];
  const flush = () => {
    if (run.length > 1) parts.push(`<polyline points="${run.join(' ')}" fill="none" stroke="${COLOURS.score}" stroke-width="3" stroke-linejoin="round"/>`);
    run = [];
  };
  days.forEach((d, i) => {
    if (d.score === undefined) return flush();
    run.push(`${x(i).toFixed(1)},${scoreY(d.score).toFixed(1)}`);
    parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${scoreY(d.score).toFixed(1)}" r="3.5" fill="${COLOURS.score}"/>`);
  });
  flush();
  const lastScore = [...days].reverse().find((d) => d.score !== undefined)?.score;
  if (lastScore !== undefined) {
    const i = days.map((d) => d.score).lastIndexOf(lastScore);
    parts.push(label(Math.min(x(i) + 8, LEFT + width - 4), scoreY(lastScore) - 8, String(lastScore), { weight: 700, fill: COLOURS.score, anchor: x(i) + 40 > LEFT + width ? 'end' : 'start' }));
  }

  // Failing counts, stacked worst at the bottom.
  parts.push(label(LEFT, BARS_TOP - 16, t(locale, CHART_TEXT.failing), { weight: 700 }));
  const totals = days.map((d) => (d.failing ? STACKED.reduce((sum, s) => sum + (d.failing?.[s] ?? 0), 0) : 0));
  const top = niceMax(Math.max(0, ...totals));
  for (const value of [0, top / 2, top]) {
    const y = BARS_TOP + BARS_HEIGHT * (1 - value / top);
    parts.push(`<line x1="${LEFT}" y1="${y}" x2="${LEFT + width}" y2="${y}" stroke="#e0e0e0"/>`, label(LEFT - 8, y + 4, String(value), { anchor: 'end' }));
  }
  const barWidth = Math.max(2, slot * 0.7);
  days.forEach((d, i) => {
    if (!d.failing) return;
    let base = BARS_TOP + BARS_HEIGHT;
    for (const severity of STACKED) {
      const h = (BARS_HEIGHT * (d.failing[severity] ?? 0)) / top;
      if (h <= 0) continue;
      base -= h;
      parts.push(`<rect x="${(x(i) - barWidth / 2).toFixed(1)}" y="${base.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${h.toFixed(1)}" fill="${COLOURS[severity]}"/>`);
    }
  });

  // Dates: about six labels, always the last day.
  const every = Math.max(1, Math.ceil(days.length / 6));
  days.forEach((d, i) => {
    if ((days.length - 1 - i) % every !== 0) return;
    parts.push(label(x(i), AXIS_Y + 16, `${d.day.slice(5, 7)}/${d.day.slice(8, 10)}`, { anchor: 'middle', size: 12 }));
  });
  parts.push(`<line x1="${LEFT}" y1="${AXIS_Y}" x2="${LEFT + width}" y2="${AXIS_Y}" stroke="#90a4ae"/>`);

  if (days.every((d) => !d.failing)) {
    parts.push(label(CHART_WIDTH / 2, SCORE_TOP + SCORE_HEIGHT / 2, t(locale, CHART_TEXT.noScans, { days: days.length }), { anchor: 'middle', size: 18, fill: '#78909c' }));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}">${parts.join('')}</svg>`;
}

const require = createRequire(import.meta.url);

/** The font files the chart draws with, from the npm package (no system fonts). */
export function chartFontFiles(): string[] {
  return ['400Regular/NotoSansJP_400Regular.ttf', '700Bold/NotoSansJP_700Bold.ttf'].map((file) => require.resolve(`@expo-google-fonts/noto-sans-jp/${file}`));
}

/** SVG → PNG at the SVG's own size, with the bundled font only. */
export function rasterize(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { fontFiles: chartFontFiles(), loadSystemFonts: false, defaultFontFamily: FONT },
  });
  return resvg.render().asPng();
}

export function renderTrendPng(days: readonly ChartDay[], locale: Locale): Buffer {
  return rasterize(renderTrendSvg(days, locale));
}
