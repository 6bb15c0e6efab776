// The fact families the build and epoch stages add (the static ones are documented by their extractors).
export interface FamilyDoc {
  id: string;
  description: string;
  fields: Record<string, string>;
}

export const STAGE_FAMILIES: readonly FamilyDoc[] = [
  {
    id: "environment-build",
    description: "The image build of the declared environment (build stage).",
    fields: {
      kind: "build",
      status: "built | cached | failed",
      failureClass: "package-not-found | version-conflict | compile-error | network | timeout | other, or null",
      package: "the offending package when known, else null",
      detail: "the build log's line that gave the class",
      seconds: "build seconds (0 on a cache hit)",
      image: "the image tag",
      file: "the spec file that declares the failing package, when known",
      line: "its line",
    },
  },
  {
    id: "import-probe",
    description: "Each module the code imports, imported inside the built image with no network (build stage).",
    fields: {
      module: "top-level module name, or (pip check)",
      ok: "whether it imported",
      files: "the files that import it, comma-joined",
      file: "the first importing file",
      line: "the first import's line",
      error: "the import error's words",
    },
  },
  {
    id: "train-plan",
    description: "Whether a train plan (command, epochs, runs) was found, and from where.",
    fields: {
      kind: "plan",
      found: "whether a train command was found",
      what: "when not found: what to add",
      file: "where the epochs came from, when a file",
      line: "its line",
    },
  },
  {
    id: "epoch-run",
    description: "What became of the instrumented run (epoch stage).",
    fields: {
      status: "completed | failed | timeout | missing-data | skipped",
      reason: "why, in words (failed: out of memory, the engine's start error, or the output's last line, scrubbed)",
      seconds: "seconds from the launch to the end of the measured part",
      epochs: "epochs measured whole",
      batches: "batches seen in the measured part",
      boundaries: "hook | stdout | host-timing | none: where the epoch boundaries came from",
      untrustedEvents: "when the hook's events were set aside: what in them disagreed with the host (boundaries are then host-timing)",
      path: "missing-data: the path the program could not open",
      file: "the last traceback frame in the repo, when any",
      line: "its line",
    },
  },
];
