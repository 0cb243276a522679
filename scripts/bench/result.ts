import type { Percentiles } from './histogram.ts';
import type { Target } from './ipc.ts';

/** The resources a phase used, from /proc. */
export interface Resources {
  serverRssMb: number;
  serverRssPeakMb: number;
  /** Percent of one core, all server processes together. */
  serverCpuPercent: number;
  redisCpuPercent: number | null;
  generatorsCpuPercent: number;
  /** Percent of one core used by everything else on the machine (PostgreSQL and other people's work). */
  othersCpuPercent: number;
}

/** The figures every scenario prints; null where the scenario has none (printed as n/a). */
export interface ScenarioResult {
  id: string;
  title: string;
  target: Target;
  connections: number;
  chatsPerHour: number | null;
  messagesPerSecond: number | null;
  deliveryVA: Percentiles | null;
  deliveryAV: Percentiles | null;
  assignment: Percentiles | null;
  statusAnswer: Percentiles | null;
  lost: number;
  duplicated: number;
  resources: Resources;
  /** Scenario-specific figures, printed after the common ones. */
  extra: [string, string][];
  /** Figures the targets are checked against, by name. */
  numbers: Record<string, number>;
}

export const mb = (bytes: number) => bytes / (1024 * 1024);
