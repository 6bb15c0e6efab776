// The shape of a rule file once validated (schemas/rule.schema.json is the source of truth).
import type { Category, Severity } from "../model/finding.js";
import type { FactValue } from "../model/facts.js";

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
  weight: number;
  saturation?: number;
  reason: string;
  check: Selector & { absent?: boolean };
  applies?: Selector;
  needs?: string[];
  /** Record fields whose equal values make one finding with every record as a location. */
  group?: string[];
  message: string;
  helpUri?: string;
  /** The file it was read from, for messages. */
  source: string;
}
