// The few named errors. Each has a code the bin maps to an exit status; the user-facing words live here.
import { printable } from "./printable.js";

export type ErrorCode =
  | "BAD_INPUT" // exit 2: the user's input (url, path, ref, config, rule file, flag) is wrong
  | "ENGINE" // exit 3: a container engine is missing or not running when one was asked for
  | "INTERNAL" // exit 3: something broke that is not the user's fault
  | "INTERRUPTED"; // exit 130: Ctrl-C, SIGTERM or SIGHUP; the containers and processes it started were removed

export class AuditError extends Error {
  readonly code: ErrorCode;
  /** What the user can do about it, one short sentence. */
  readonly hint: string;
  constructor(code: ErrorCode, message: string, hint: string, options?: { cause?: unknown }) {
    super(oneLineText(message), options);
    this.name = "AuditError";
    this.code = code;
    this.hint = oneLineText(hint);
  }
}

/** Control and bidi characters shown escaped ("\x0a", "\u202e"): an error names the user's input on one line, whatever it holds. */
function oneLineText(text: string): string {
  return printable(text);
}

export function badInput(message: string, hint: string, cause?: unknown): AuditError {
  return new AuditError("BAD_INPUT", message, hint, { cause });
}

export function engineError(message: string, hint: string, cause?: unknown): AuditError {
  return new AuditError("ENGINE", message, hint, { cause });
}

export function internalError(message: string, hint: string, cause?: unknown): AuditError {
  return new AuditError("INTERNAL", message, hint, { cause });
}

/** An interrupt, saying where it landed and only what was undone there (a static stage starts no container). */
export function interrupted(during: string, undone: string): AuditError {
  return new AuditError("INTERRUPTED", `interrupted during ${during}; ${undone}`, "Rerun the audit when you are ready");
}

export const EXIT = { ok: 0, belowThreshold: 1, badInput: 2, engine: 3, internal: 3, interrupted: 130 } as const;

export function exitCodeOf(error: unknown): number {
  if (error instanceof AuditError) {
    if (error.code === "BAD_INPUT") return EXIT.badInput;
    if (error.code === "INTERRUPTED") return EXIT.interrupted;
    return EXIT.engine;
  }
  return EXIT.internal;
}

/** One line for the terminal: what went wrong, then what to do. */
export function oneLine(error: unknown): string {
  if (error instanceof AuditError) return `repro-audit: ${error.message}. ${error.hint}`.replace(/\.\. /g, ". ");
  const message = error instanceof Error ? error.message : String(error);
  return `repro-audit: internal error: ${message.split("\n")[0]}. Rerun with --debug and report it.`;
}
