const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234567 -> "1,234,567". */
export function count(n: number): string {
  return grouped.format(Math.round(n));
}

/** A rate with its unit, three significant digits: "412,000 events/s". */
export function rate(perSecond: number, unit: string): string {
  const digits = Math.max(0, 3 - Math.floor(Math.log10(Math.max(1, perSecond))) - 1);
  const rounded = Number(perSecond.toPrecision(3));
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(rounded)} ${unit}/s`;
}

/** Milliseconds as "850 ms" or "12.4 s". */
export function duration(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toPrecision(3)} µs`;
  if (ms < 1000) return `${ms.toPrecision(3)} ms`;
  return `${(ms / 1000).toPrecision(3)} s`;
}

/** A ratio as "1.42x". */
export function times(ratio: number): string {
  return `${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(1)}x`;
}

/** Megabytes as "212 MB". */
export function megabytes(mb: number): string {
  return `${Math.round(mb)} MB`;
}
