// The shape of a rule file once validated (schemas/rule.schema.json is the source of truth).
import type { Category, Effect, Evidence, Severity } from "../model/finding.js";
import type { FactValue } from "../model/facts.js";
import type { FirstLook } from "./first-look-gate.js";

export type Matcher =
  | FactValue
  | { in: FactValue[] }
  | { not: FactValue }
  | { matches: string }
  | { exists: boolean }
  | { gt: number }
  | { lt: number };

export type Where = Record<string, Matcher>;

export interface Selector {
  family: string;
  where?: Where;
}

export interface Rule {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  /** block: a finding caps the rule's area at a third (docs/scoring.md); friction (default): it costs points. */
  effect?: Effect;
  /** A friction rule's finding blocks when its record also matches this. */
  blockWhen?: Where;
  /** Its first-look figures on repos read blind; below the gate it may not be an error or block. */
  firstLook?: FirstLook;
  /** What the first-look gate took away (the file's own severity and effect), when it did. */
  heldBack?: { severity: Severity; effect: Effect; blockWhen?: Where };
  /** How sure its findings are (default conclusive): an unconfirmed finding is a warning at most and never blocks. */
  evidence?: Evidence;
  /** A record matching this makes its finding unconfirmed (e.g. a data file no step we can see writes). */
  unconfirmedWhen?: Where;
  /** A finding all of whose records match this is a note (info): the record shows the case harmless. */
  noteWhen?: Where;
  /** Points of its area the first finding costs; n findings cost weight x log2(1 + n). */
  weight: number;
  reason: string;
  /** One line telling what to do, a template like `message`. */
  fix?: string;
  check: Selector & { absent?: boolean };
  /** Where no record matches, the rule is not applicable; an `absent` finding fills its words from the first that does. */
  applies?: Selector;
  /** When a record matches, the rule is not applicable. */
  unless?: Selector;
  needs?: string[];
  /** Record fields whose equal values make one finding with every record as a location. */
  group?: string[];
  message: string;
  helpUri?: string;
  /** The file it was read from, for messages. */
  source: string;
}
