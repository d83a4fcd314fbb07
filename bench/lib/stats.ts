/** Percentile by nearest rank over ascending samples; null for no samples. */
function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? null;
}

const ascending = (samples: readonly number[]): Float64Array => Float64Array.from(samples).sort();

export function percentile(samples: readonly number[], p: number): number | null {
  return nearestRank(Array.from(ascending(samples)), p);
}

/** Sorts once (typed array: hundreds of thousands of samples are common); no spread into Math.max. */
export function summarize(
  samples: readonly number[],
): Record<'count' | 'p50' | 'p90' | 'p99' | 'max', number | null> {
  const sorted = Array.from(ascending(samples));
  return {
    count: sorted.length,
    p50: round(nearestRank(sorted, 50)),
    p90: round(nearestRank(sorted, 90)),
    p99: round(nearestRank(sorted, 99)),
    max: round(sorted.length ? (sorted[sorted.length - 1] ?? null) : null),
  };
}

function round(v: number | null): number | null {
  return v === null ? null : Math.round(v * 1000) / 1000;
}
