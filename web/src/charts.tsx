// Charts (Chart.js, bundled): bar and doughnut charts, each with its data as a table for
// screen readers and for readers who want the numbers.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { formatNumber } from './i18n';
import { useLang } from './lang';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend);
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font').trim() || 'sans-serif';
Chart.defaults.color = '#1f2937';
// Keep charts still for printing and for people who ask for less motion.
Chart.defaults.animation = false;

// Colour-blind-safe palette (Okabe–Ito), dark enough on white.
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C6D1F', '#6B7280', '#000000', '#B2182B'];

export interface Point {
  label: string;
  value: number;
}

export function ChartBox(props: {
  id: string;
  title: string;
  kind: 'bar' | 'hbar' | 'doughnut';
  data: Point[];
  valueLabel: string;
}) {
  const { t, lang } = useLang();
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  const key = JSON.stringify(props.data) + props.kind + lang;

  useEffect(() => {
    if (!canvas.current) return;
    chart.current?.destroy();
    const labels = props.data.map((d) => d.label);
    const values = props.data.map((d) => d.value);
    const doughnut = props.kind === 'doughnut';
    chart.current = new Chart(canvas.current, {
      type: doughnut ? 'doughnut' : 'bar',
      data: {
        labels,
        datasets: [
          {
            label: props.valueLabel,
            data: values,
            backgroundColor: doughnut ? labels.map((_, i) => PALETTE[i % PALETTE.length]) : PALETTE[0],
            borderWidth: doughnut ? 1 : 0,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: props.kind === 'hbar' ? 'y' : 'x',
        plugins: {
          legend: { display: doughnut, position: 'bottom', labels: { boxWidth: 12 } },
          tooltip: { enabled: true },
        },
        scales: doughnut
          ? {}
          : {
              x: {
                ticks: { autoSkip: props.kind !== 'hbar', maxRotation: 0, precision: 0 },
                grid: { display: props.kind === 'hbar' },
                beginAtZero: true,
              },
              y: { ticks: { autoSkip: false, precision: 0 }, grid: { display: props.kind !== 'hbar' }, beginAtZero: true },
            },
      },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [key]);

  const total = props.data.reduce((s, d) => s + d.value, 0) || 1;
  const height =
    props.kind === 'hbar' ? Math.max(160, 28 * props.data.length + 40) : props.kind === 'doughnut' ? 300 + 18 * Math.ceil(props.data.length / 2) : 260;
  return (
    <figure class="chart card" aria-labelledby={`${props.id}-cap`} data-chart={props.id}>
      <figcaption id={`${props.id}-cap`}>{props.title}</figcaption>
      <div class="chart-canvas" style={{ height: `${height}px` }}>
        <canvas ref={canvas} role="img" aria-label={props.title} />
      </div>
      <details class="chart-data">
        <summary>{t('charts.table')}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('charts.value')}</th>
              <th scope="col">{props.valueLabel}</th>
              {props.kind === 'doughnut' && <th scope="col">{t('charts.share')}</th>}
            </tr>
          </thead>
          <tbody>
            {props.data.map((d) => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td class="num">{formatNumber(lang, d.value)}</td>
                {props.kind === 'doughnut' && <td class="num">{((100 * d.value) / total).toFixed(1)}%</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
