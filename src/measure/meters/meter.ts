// What every power meter yields: timestamped watts, labelled measured or estimated, for one component.
import type { MeterSeries } from "../../model/carbon.js";

/** A meter polled by the sampler: `read` returns watts since its previous read, or null (first read, gone). */
export interface PolledMeter {
  meter: string;
  kind: MeterSeries["kind"];
  component: MeterSeries["component"];
  scope: string;
  /** true: a reading is the mean since the previous read (counters), so it is stamped at the interval's middle. */
  averaged?: boolean;
  read(unixSeconds: number): number | null;
}

export interface RawSeries {
  meter: string;
  kind: MeterSeries["kind"];
  component: MeterSeries["component"];
  scope: string;
  /** Absolute unix seconds. */
  samples: Array<{ unix: number; watts: number }>;
}
