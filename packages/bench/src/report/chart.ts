import type { Kind } from '../subjects/subject';
import type { Measurement } from '../suites/result';
import { COLUMNS } from './columns';
import { formatN } from './format-n';
import { yardsticksFor } from './yardsticks';

const WIDTH = 760;
const LABEL_X = 16;
const PLOT_LEFT = 190;
const PLOT_RIGHT = 690;
const CENTER = (PLOT_LEFT + PLOT_RIGHT) / 2;
const OCTAVES = 3; // the axis runs from 1/8x to 8x
const ROW = 26;
const BAR = 9;
const TITLE = 30;
const HEADER = 64;
const COLORS = { floor: '#3b82f6', peer: '#f59e0b' } as const;
const SUITES: Kind[] = ['value-map', 'key-map', 'set', 'ref'];

/**
 * An SVG chart of our subjects at size `n`: per operation, ours divided by the floor and by
 * the best peer, on a log scale around 1x (a bar to the left of the line is faster or smaller).
 */
export function renderChart(measurements: readonly Measurement[], n: number): string {
  const body: string[] = [];
  let y = HEADER;
  for (const suite of SUITES) {
    const rows = measurements.filter((m) => m.suite === suite && m.n === n);
    for (const ours of new Set(rows.filter((m) => m.role === 'ours').map((m) => m.subject))) {
      body.push(text(LABEL_X, y + 20, ours, 'font-weight="bold"'));
      y += TITLE;
      for (const { op, label } of COLUMNS[suite]) {
        const mine = rows.find((m) => m.subject === ours && m.op === op);
        if (mine === undefined || Number.isNaN(mine.value)) continue;
        const { floor, bestPeer } = yardsticksFor(rows, op, ours);
        body.push(text(LABEL_X + 12, y + ROW / 2 + 4, label));
        if (floor) body.push(...bar(y + 3, mine.value / floor.value, COLORS.floor));
        if (bestPeer) body.push(...bar(y + 4 + BAR, mine.value / bestPeer.value, COLORS.peer));
        y += ROW;
      }
    }
  }
  const height = y + 16;
  const title = `Ours ÷ yardstick at N = ${formatN(n)}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="12">`,
    `<title>${title}: per operation, ours divided by the hand-written floor and by the best npm peer</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    text(LABEL_X, 20, `${title} (log scale; left of 1x is better)`, 'font-weight="bold"'),
    legend(LABEL_X, 40, COLORS.floor, 'the hand-written floor'),
    legend(LABEL_X + 200, 40, COLORS.peer, 'the best correct npm peer'),
    ...axis(HEADER - 6, height - 8),
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

function xOf(ratio: number): number {
  const octaves = Math.max(-OCTAVES, Math.min(OCTAVES, Math.log2(ratio)));
  return CENTER + (octaves / OCTAVES) * (CENTER - PLOT_LEFT);
}

function bar(y: number, ratio: number, color: string): string[] {
  if (!Number.isFinite(ratio) || ratio <= 0) return [];
  const end = xOf(ratio);
  const left = Math.min(end, CENTER);
  const clipped = Math.abs(Math.log2(ratio)) > OCTAVES ? '›' : '';
  const labelX = ratio >= 1 ? end + 4 : end - 4;
  const anchor = ratio >= 1 ? 'start' : 'end';
  return [
    `<rect x="${left.toFixed(1)}" y="${y}" width="${Math.abs(end - CENTER).toFixed(1)}" height="${BAR}" fill="${color}"/>`,
    text(
      labelX,
      y + BAR - 1,
      `${ratio.toFixed(2)}x${clipped}`,
      `text-anchor="${anchor}" font-size="10"`,
    ),
  ];
}

function axis(top: number, bottom: number): string[] {
  const lines: string[] = [];
  for (let octave = -OCTAVES; octave <= OCTAVES; octave++) {
    const x = xOf(2 ** octave).toFixed(1);
    const stroke = octave === 0 ? 'stroke="#111" stroke-width="1.5"' : 'stroke="#ddd"';
    const label = octave < 0 ? `1/${2 ** -octave}x` : `${2 ** octave}x`;
    lines.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" ${stroke}/>`);
    lines.push(text(Number(x), top - 4, label, 'text-anchor="middle" font-size="10" fill="#555"'));
  }
  return lines;
}

function legend(x: number, y: number, color: string, label: string): string {
  return `<rect x="${x}" y="${y - 9}" width="12" height="10" fill="${color}"/>${text(x + 18, y, `ours ÷ ${label}`)}`;
}

function text(x: number, y: number, content: string, attributes = ''): string {
  const escaped = content.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<text x="${x.toFixed(1)}" y="${y}" ${attributes}>${escaped}</text>`;
}
