// Small timing and memory helpers for the benchmark: wall time, throughput and peak RSS, printed as figures.
export interface Figure {
  name: string;
  count: number;
  ms: number;
  /** Peak resident set size seen while the step ran, in MiB. */
  peakRssMiB: number;
}

export async function measure(name: string, count: number, fn: () => Promise<void>): Promise<Figure> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20);
  const start = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  const ms = performance.now() - start;
  peak = Math.max(peak, process.memoryUsage.rss());
  return { name, count, ms, peakRssMiB: peak / 2 ** 20 };
}

export function report(figures: readonly Figure[]): string {
  const rows = figures.map((f) => {
    const rate = f.count / (f.ms / 1000);
    return `${f.name.padEnd(44)} ${String(f.count).padStart(6)} msgs ${f.ms.toFixed(0).padStart(7)} ms ${rate.toFixed(0).padStart(7)} msg/s${Number.isNaN(f.peakRssMiB) ? '' : `  peak RSS ${f.peakRssMiB.toFixed(0)} MiB`}`;
  });
  return rows.join('\n');
}

export function ratio(label: string, a: Figure, b: Figure): string {
  return `${label}: ${(a.ms / b.ms).toFixed(2)}×`;
}
