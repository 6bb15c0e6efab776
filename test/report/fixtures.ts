// A representative report for the renderer tests: several categories, a notebook finding, a repo-level
// finding, a category not assessed, an environment section with a failed import, and a carbon section.
import type { CarbonSection, Consumption } from "../../src/model/carbon.js";
import type { EnvironmentSection } from "../../src/model/environment.js";
import type { Finding, RuleResult } from "../../src/model/finding.js";
import type { Report } from "../../src/model/report.js";
import { score } from "../../src/evaluate/score.js";
import type { RuleMeta } from "../../src/report/rule-meta.js";

const COMMIT = "3f5c2a9e8b7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b";

/** What judging the fixture's rules came to; code-no-placeholders is left out on purpose, to show how a
 * renderer describes a finding whose rule the report does not carry. */
export const RESULTS: RuleResult[] = [
  {
    rule: "readme-commands",
    category: "instructions",
    severity: "error",
    effect: "block",
    weight: 6,
    title: "Require install, train and predict commands in the README",
    why: "A stranger reruns what the README says; without commands they must guess.",
    fix: "Add the commands to the README",
    outcome: "fail",
    findings: 1,
  },
  {
    rule: "readme-branches-exist",
    category: "instructions",
    severity: "warning",
    effect: "friction",
    weight: 2,
    title: "Require every branch the README names to exist",
    why: "Instructions that send people to a missing branch cannot be followed.",
    outcome: "fail",
    findings: 1,
  },
  {
    rule: "requirements-pinned",
    category: "requirements",
    severity: "warning",
    effect: "friction",
    weight: 1.5,
    title: "Require exact version pins for every package",
    why: "Unpinned packages resolve to newer releases whose behaviour differs.",
    fix: "Pin {name} to the version used",
    outcome: "fail",
    findings: 1,
  },
  {
    rule: "requirements-imports-resolve",
    category: "requirements",
    severity: "error",
    effect: "friction",
    weight: 2,
    title: "Require every imported module to import in the built image",
    why: "A module the requirements forget stops the code at its first import.",
    outcome: "fail",
    findings: 1,
  },
  {
    rule: "paths-portable",
    category: "paths",
    severity: "error",
    effect: "friction",
    weight: 2,
    title: "Disallow machine-specific absolute paths",
    why: "Paths from the author's machine do not exist on anyone else's.",
    helpUri: "https://repro-audit.dev/rules/paths-portable",
    outcome: "fail",
    findings: 2,
  },
  {
    rule: "options-have-help",
    category: "code",
    severity: "info",
    effect: "friction",
    weight: 0.5,
    title: "Require help text for every command-line option",
    why: "Unexplained options leave the rerunner guessing which values produced the results.",
    outcome: "fail",
    findings: 1,
  },
  {
    rule: "datasets-fetched",
    category: "datasets",
    severity: "warning",
    effect: "block",
    weight: 2,
    title: "Require data the code reads to be shipped or fetched",
    why: "Data nobody can obtain makes the training impossible to rerun.",
    outcome: "pass",
    findings: 0,
  },
  {
    rule: "environment-builds",
    category: "environment",
    severity: "error",
    effect: "block",
    weight: 10,
    title: "Require the declared environment to build",
    why: "If the image cannot be built nobody can rerun the solution.",
    outcome: "pass",
    findings: 0,
  },
  {
    rule: "execution-epoch-completes",
    category: "execution",
    severity: "error",
    effect: "block",
    weight: 10,
    title: "Require the first training epoch to complete",
    why: "A training that crashes cannot be rerun as published.",
    outcome: "pass",
    findings: 0,
  },
  {
    rule: "branches-check-out",
    category: "branches",
    severity: "error",
    effect: "friction",
    weight: 1.5,
    title: "Require every branch to check out",
    why: "A branch git cannot produce cannot be rerun.",
    outcome: "not-assessed",
    findings: 0,
    reason: "the clone was shallow: remote branches were not listed",
  },
];

type Bare = Omit<Finding, "locations"> & { locations?: Finding["locations"] };

/** A finding's own place as its only location, unless it groups several. */
const located = (f: Bare): Finding => ({
  ...f,
  locations:
    f.locations ??
    (f.file === null
      ? []
      : [
          {
            file: f.file,
            ...(f.line !== null ? { line: f.line } : {}),
            ...(f.cell !== undefined ? { cell: f.cell, cellLine: f.cellLine } : {}),
          },
        ]),
});

const BARE: Bare[] = [
  {
    rule: "paths-portable",
    category: "paths",
    severity: "error",
    file: "notebooks/eda.ipynb",
    line: 17,
    cell: 2,
    cellLine: 4,
    message: "Machine-specific path '/kaggle/input/siim-isic/train.csv'",
    values: { literal: "/kaggle/input/siim-isic/train.csv", pattern: "kaggle-input" },
  },
  {
    rule: "readme-branches-exist",
    category: "instructions",
    severity: "warning",
    file: "README.md",
    line: 14,
    message: "README names branch 'gpu-training' that does not exist",
    values: { branch: "gpu-training" },
  },
  {
    rule: "readme-commands",
    category: "instructions",
    severity: "error",
    file: null,
    line: null,
    message: "README gives no command to predict",
    values: { kind: "predict" },
    fix: "Add the commands to the README",
  },
  {
    rule: "requirements-pinned",
    category: "requirements",
    severity: "warning",
    file: "requirements.txt",
    line: 3,
    message: "torch is not pinned to an exact version (found 'torch>=2.0')",
    values: { name: "torch", spec: "torch>=2.0" },
    fix: "Pin torch to the version used",
  },
  {
    rule: "requirements-imports-resolve",
    category: "requirements",
    severity: "error",
    file: "src/train.py",
    line: 5,
    message: "cv2 does not import in the built image (No module named 'cv2')",
    values: { module: "cv2" },
  },
  {
    rule: "paths-portable",
    category: "paths",
    severity: "error",
    file: "src/config.py",
    line: 8,
    message: "Machine-specific path '/home/alice/data'",
    values: { literal: "/home/alice/data", pattern: "home", count: 3 },
    locations: [
      { file: "src/config.py", line: 8 },
      { file: "src/config.py", line: 12 },
      { file: "src/infer.py", line: 3 },
    ],
  },
  {
    rule: "options-have-help",
    category: "code",
    severity: "info",
    file: "src/train.py",
    line: 31,
    message: "Option --fold has no help text",
    values: { option: "--fold" },
  },
  {
    rule: "code-no-placeholders",
    category: "code",
    severity: "warning",
    file: "src/model.py",
    line: null,
    message: "src/model.py raises NotImplementedError in a reached function",
    values: { name: "forward" },
  },
];

export const FINDINGS: Finding[] = BARE.map(located);

export const ENVIRONMENT: EnvironmentSection = {
  specKind: "requirements",
  specFiles: ["requirements.txt"],
  reconstructed: false,
  python: { version: "3.10", source: ".python-version" },
  cuda: { needed: false, version: null, source: null },
  baseImage: "python:3.10-slim",
  baseImageReason: "official slim image for Python 3.10",
  dockerfile: "out/Dockerfile",
  engine: "docker",
  image: "repro-audit/env:9c1e0f",
  build: { status: "built", seconds: 84.2, cacheHit: false },
  probe: {
    ran: true,
    modules: [
      { module: "numpy", ok: true, files: ["src/train.py"] },
      { module: "torch", ok: true, files: ["src/train.py", "src/model.py"] },
      { module: "cv2", ok: false, error: "ModuleNotFoundError: No module named 'cv2'", files: ["src/train.py"] },
    ],
    pipCheck: { ok: true, output: "No broken requirements found." },
  },
};

function consumption(epochs: number, seconds: number, energyKWh: number): Consumption {
  const co2g = energyKWh * 475;
  return { epochs, seconds, energyKWh, co2g, kmByCar: co2g / 107.5 };
}

export const CARBON: CarbonSection = {
  plan: {
    commands: [{ value: "python src/train.py --epochs 30 --fold 0", origin: "code", source: "README line 22" }],
    epochs: { value: 30, origin: "code", source: "README line 22" },
    folds: { value: 5, origin: "code", source: "argparse default in src/train.py:31" },
    models: { value: 1, origin: "default", source: "default" },
    seeds: { value: 1, origin: "default", source: "default" },
    runs: 5,
  },
  measurement: {
    runtime: "container",
    status: "measured",
    energyMeasured: true,
    complete: false,
    actual: {
      ...consumption(1, 130.4, 0.0123),
      batches: 120,
      idleWatts: 14.5,
      setupSeconds: 12,
      warmupSeconds: 6.2,
      boundaries: "hook",
    },
    meters: [
      {
        meter: "cpu-share-tdp",
        kind: "estimated",
        component: "cpu",
        samples: [
          { t: 0, watts: 40 },
          { t: 1, watts: 42 },
        ],
        energyKWh: 0.0101,
      },
      { meter: "memory", kind: "estimated", component: "memory", samples: [{ t: 0, watts: 6 }], energyKWh: 0.0022 },
    ],
  },
  prediction: {
    basis: "measured",
    from: "epochs",
    epochs: 30,
    runs: 5,
    total: consumption(150, 19560, 1.845),
    interval: { low: consumption(150, 18000, 1.7), high: consumption(150, 21300, 2.01) },
    perEpoch: { seconds: 128, energyKWh: 0.0121 },
    factors: [{ name: "steady epoch", value: 128, unit: "s", origin: "measured", source: "measured epoch(s)" }],
  },
  assumptions: {
    pue: { value: 1.58, origin: "default", source: "default" },
    intensity: {
      value: 475,
      origin: "table",
      source: "Ember 2023, WORLD, the table's default",
      region: "WORLD",
      year: 2023,
    },
    gCO2PerKm: { value: 107.5, origin: "table", source: "EEA 2020" },
    memoryWattsPerGB: 0.3725,
    cpu: {
      model: "Intel(R) Xeon(R) CPU",
      tdpWatts: 65,
      wattsPerThread: 8.1,
      source: "data/cpu-tdp.json",
      fallback: null,
    },
  },
};

export function sampleReport(): Report {
  return {
    schemaVersion: 1,
    tool: { name: "repro-audit", version: "0.1.0" },
    generatedAt: "2025-01-15T10:30:00.000Z",
    repo: {
      url: "https://github.com/acme/melanoma-solution.git",
      kind: "git",
      commit: COMMIT,
      ref: "main",
      webUrl: "https://github.com/acme/melanoma-solution",
      anchor: "README.md",
      branches: [
        { name: "main", commit: COMMIT, current: true },
        { name: "experiment", commit: "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", current: false },
      ],
    },
    stages: {
      static: { status: "ran", seconds: 1.25 },
      build: { status: "ran", seconds: 84.2 },
      epoch: { status: "ran", seconds: 142.9 },
    },
    score: score(RESULTS),
    findings: FINDINGS.map((f) => ({ ...f, values: { ...f.values }, locations: f.locations.map((at) => ({ ...at })) })),
    rules: RESULTS.map((r) => ({ ...r })),
    environment: structuredClone(ENVIRONMENT),
    carbon: structuredClone(CARBON),
    suppressions: {
      inline: [
        {
          file: "src/config.py",
          line: 11,
          target: 12,
          rules: ["paths-portable"],
          reason: "our cluster's data root",
          matched: 1,
          honoured: false,
        },
      ],
      repoTrusted: false,
      suppressed: 0,
      excluded: { globs: ["vendor/**"], source: "--exclude", files: 2, paths: ["vendor/yolov5", "vendor/timm"] },
    },
    notes: ["Dockerfile written to out/Dockerfile", "the train plan came from the README"],
  };
}

export const RULES: RuleMeta[] = [
  {
    id: "readme-commands",
    title: "Require install, train and predict commands in the README",
    reason: "A stranger reruns what the README says; without commands they must guess.",
    category: "instructions",
    severity: "error",
  },
  {
    id: "readme-branches-exist",
    title: "Require every branch the README names to exist",
    reason: "Instructions that send people to a missing branch cannot be followed.",
    category: "instructions",
    severity: "warning",
  },
  {
    id: "requirements-pinned",
    title: "Require exact version pins for every package",
    reason: "Unpinned packages resolve to newer releases whose behaviour differs.",
    category: "requirements",
    severity: "warning",
  },
  {
    id: "requirements-imports-resolve",
    title: "Require every imported module to import in the built image",
    reason: "A module the requirements forget stops the code at its first import.",
    category: "requirements",
    severity: "error",
  },
  {
    id: "paths-portable",
    title: "Disallow machine-specific absolute paths",
    reason: "Paths from the author's machine do not exist on anyone else's.",
    category: "paths",
    severity: "error",
    helpUri: "https://repro-audit.dev/rules/paths-portable",
  },
  {
    id: "options-have-help",
    title: "Require help text for every command-line option",
    reason: "Unexplained options leave the rerunner guessing which values produced the results.",
    category: "code",
    severity: "info",
  },
  {
    id: "datasets-fetched",
    title: "Require data the code reads to be shipped or fetched",
    reason: "Data nobody can obtain makes the training impossible to rerun.",
    category: "datasets",
    severity: "warning",
  },
];
