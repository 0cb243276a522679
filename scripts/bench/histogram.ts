import {
  build,
  decodeFromCompressedBase64,
  encodeIntoCompressedBase64,
  type Histogram,
} from 'hdr-histogram-js';

/** Latencies are recorded in microseconds, up to two minutes, to three significant digits. */
export function newHistogram(): Histogram {
  return build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 120_000_000,
    numberOfSignificantValueDigits: 3,
  });
}

/** The latencies every generator records, by name; merged across generators by the parent. */
export const HISTOGRAM_NAMES = [
  /** A visitor's message, from its sending to the advisor's socket. */
  'deliveryVA',
  /** An advisor's message, from its sending to the visitor's socket. */
  'deliveryAV',
  /** `chat:send` to its ack. */
  'ack',
  /** `chat:request` to the visitor's `chat:assigned`. */
  'assignment',
  /** `chat:request` to its ack. */
  'requestAck',
  /** Conversation opened (server clock, ms) to the advisor's `chat:assigned`. */
  'assignmentAdvisor',
  /** An advisor's `chat:closed` to its next `chat:assigned` while chats wait (surge). */
  'reassignment',
  /** Socket accepted (`connect`) to the `claims:status` push. */
  'statusAnswer',
  /** `claims:get` to its ack. */
  'claimsGet',
  /** `io()` to `connect`: the handshake, token verification included. */
  'connect',
] as const;
export type HistogramName = (typeof HISTOGRAM_NAMES)[number];

export type Histograms = Record<HistogramName, Histogram>;
export type EncodedHistograms = Record<HistogramName, string>;

export function newHistograms(): Histograms {
  return Object.fromEntries(HISTOGRAM_NAMES.map((name) => [name, newHistogram()])) as Histograms;
}

export function encodeHistograms(histograms: Histograms): EncodedHistograms {
  return Object.fromEntries(
    HISTOGRAM_NAMES.map((name) => [name, encodeIntoCompressedBase64(histograms[name])]),
  ) as EncodedHistograms;
}

export function mergeHistograms(into: Histograms, encoded: EncodedHistograms): void {
  for (const name of HISTOGRAM_NAMES) into[name].add(decodeFromCompressedBase64(encoded[name]));
}

/** Percentiles in milliseconds, or null when nothing was recorded. */
export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(histogram: Histogram): Percentiles | null {
  if (histogram.totalCount === 0) return null;
  const ms = (us: number) => us / 1000;
  return {
    count: histogram.totalCount,
    p50: ms(histogram.getValueAtPercentile(50)),
    p95: ms(histogram.getValueAtPercentile(95)),
    p99: ms(histogram.getValueAtPercentile(99)),
    max: ms(histogram.maxValue),
  };
}

/** Both directions of delivery together, for a single p99 against a threshold. */
export function combined(a: Histogram, b: Histogram): Histogram {
  const both = newHistogram();
  both.add(a);
  both.add(b);
  return both;
}
