// The lock the build installs: the pins `repro-audit lock` computes for a spec, and the wheel URLs it states.

export interface BuildLock {
  /** The spec file the lock pins. */
  specFile: string;
  /** The Python it was resolved for; the build uses the same. */
  python: { version: string; source: string };
  /** Only releases uploaded before this moment were chosen (the audited commit's date), or null for today's. */
  asOf: string | null;
  /** Every distribution the resolver pinned. */
  pins: Array<{ name: string; version: string }>;
  /** The spec's URL-pinned wheels: installed from the URL when it answers, else `name==version` from the index. */
  wheels: Array<{ name: string; url: string; version: string }>;
}

/** The Python the build uses for a spec that states none when no lock pins one, and why that one. */
export interface ChosenPython {
  version: string;
  source: string;
}
