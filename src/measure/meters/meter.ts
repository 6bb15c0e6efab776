// What every meter yields: gauges give watts now, counters give joules so far; labelled measured or estimated.
import type { MeterSeries } from "../../model/carbon.js";

interface MeterLabel {
  meter: string;
  kind: MeterSeries["kind"];
  component: MeterSeries["component"];
  scope: string;
}

/** A meter read as power at an instant (memory in use x W/GB). */
export interface GaugeMeter extends MeterLabel {
  type: "gauge";
  /** Watts now, or null (gone, unreadable). */
  read(unixSeconds: number): number | null;
}

/** A cumulative meter (RAPL energy, CPU time x watts per thread): any window's energy is a difference of readings. */
export interface CounterMeter extends MeterLabel {
  type: "counter";
  /** Joules since the counter's origin, or null (gone, unreadable). */
  read(unixSeconds: number): number | null;
  /** The counter was zero when the run was launched (a cgroup or process tree born with the run). */
  zeroAtLaunch?: boolean;
}

export type PolledMeter = GaugeMeter | CounterMeter;

export interface RawSeries {
  meter: string;
  kind: MeterSeries["kind"];
  component: MeterSeries["component"];
  scope: string;
  /** Absolute unix seconds; counters: the mean power between two readings, stamped at their middle. */
  samples: Array<{ unix: number; watts: number }>;
  /** Counters only: joules since the origin at each reading (absolute unix seconds), never decreasing. */
  cumulative?: Array<{ unix: number; joules: number }>;
}
