// Write a Dockerfile a person can read and reuse: base, unprivileged user, spec files, installs, code.
import type { SpecPlan, PlanPackage } from "./spec-plan.js";
import type { BuildLock } from "../model/build-lock.js";
import { chooseBase, type BaseChoice } from "./base-image.js";
import { hasUnsafeCharacters, printable } from "../model/printable.js";
import { isPyPIIndex } from "./egress-policy.js";

export const APP_USER = "app";
const APP_HOME = `/home/${APP_USER}`;
const APP_DIR = `${APP_HOME}/solution`;
const MAMBA_DIR = "/home/mambauser/solution";

// Names from the repo reach this file in three places, each written so it cannot start a line of its own:
// comments (control characters escaped), COPY (the JSON form, with the engine's word escapes) and RUN
// (single-quoted for the shell). A spec path with control characters is refused before any build
// (unwritableSpecPaths); it is still written escaped here, so the file on disk is safe to read.

/** One pip argument, double-quoted (markers keep single quotes). */
function pipArgument(p: PlanPackage): string {
  const requirement = `${p.name}${p.extras ? `[${p.extras}]` : ""}${p.spec.startsWith("git+") || /^https?:/.test(p.spec) ? ` @ ${p.spec}` : pipSpec(p.spec)}`;
  const full = printable(p.marker ? `${requirement}; ${p.marker}` : requirement);
  return `"${full.replace(/["\\$`]/g, (c) => (c === '"' ? "'" : `\\${c}`))}"`;
}

/** Poetry's ^ and ~ and bare versions into PEP 440 pip understands. */
export function pipSpec(spec: string): string {
  // Parts past the third (opencv-python's `4.6.0.66`) and a pre, post or dev suffix (`1.4.1.post1`) stay in the lower
  // bound as written.
  const caret = /^\^(\d+)(?:\.(\d+))?(?:\.(\d+))?((?:\.\d+)*(?:[.-]?(?:a|b|rc|post|dev)\d*)*)$/.exec(spec);
  if (caret) {
    const [major, minor = "0", patch = "0"] = caret.slice(1, 4).map((p) => p ?? undefined) as [
      string,
      string?,
      string?,
    ];
    const upper = Number(major) > 0 ? `${Number(major) + 1}.0.0` : `0.${Number(minor) + 1}.0`;
    return `>=${major}.${minor}.${patch}${caret[4]},<${upper}`;
  }
  const tilde = /^~(\d+)\.(\d+)(?:\.(\d+))?((?:\.\d+)*(?:[.-]?(?:a|b|rc|post|dev)\d*)*)$/.exec(spec);
  if (tilde) return `>=${tilde[1]}.${tilde[2]}.${tilde[3] ?? 0}${tilde[4]},<${tilde[1]}.${Number(tilde[2]) + 1}.0`;
  if (/^\d[\w.!+-]*$/.test(spec)) return `==${spec}`;
  return spec;
}

/** A path as one word of a COPY's JSON form: the engine applies its word lexer even there, so quotes,
 * `$` and the escape character are escaped for it first. */
function copyWord(path: string): string {
  return JSON.stringify(printable(path).replace(/[\\$"']/g, (c) => `\\${c}`));
}

function copyLine(owner: string, source: string, destination: string): string {
  return `COPY --chown=${owner} [${copyWord(source)}, ${copyWord(destination)}]`;
}

/** A path as one shell word: bare when plain, else single-quoted. */
function shellWord(path: string): string {
  const shown = printable(path);
  return /^[A-Za-z0-9_./+@=,-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, "'\\''")}'`;
}

/** Spec paths the audit will not write into a Dockerfile, one sentence each: a control character in a
 * name could end a comment or an instruction and start the repo's own. */
export function unwritableSpecPaths(plan: SpecPlan): string[] {
  const paths = [...new Set([...(plan.primary ? [plan.primary] : []), ...plan.specFiles])];
  return paths
    .filter(hasUnsafeCharacters)
    .map(
      (p) =>
        `the spec file ${JSON.stringify(printable(p))} has control characters in its name, which the audit does not write into a Dockerfile (rename it)`,
    );
}

function header(plan: SpecPlan, base: BaseChoice): string[] {
  const from = plan.reconstructed ? "the code's imports (no spec file found)" : plan.specFiles.join(", ");
  return [
    `# Environment for this solution, written by repro-audit from ${printable(from)}.`,
    `# Base: ${printable(base.image)} (${printable(base.reason)}).`,
    "# Build it from the repository's root folder:  docker build -f Dockerfile -t my-solution <repo>",
    ...plan.notes.map((n) => `# Note: ${printable(n)}.`),
  ];
}

function micromamba(plan: SpecPlan, base: BaseChoice): string[] {
  return [
    `FROM ${base.image}`,
    "",
    "# micromamba's image runs as the unprivileged $MAMBA_USER; the conda spec installs into its base env.",
    copyLine("$MAMBA_USER:$MAMBA_USER", plan.primary!, "/tmp/environment.yml"),
    "RUN micromamba install --yes --name base --file /tmp/environment.yml \\",
    "    && micromamba clean --all --yes",
    "ARG MAMBA_DOCKERFILE_ACTIVATE=1",
    "",
    `RUN mkdir -p ${MAMBA_DIR}`,
    `WORKDIR ${MAMBA_DIR}`,
    "COPY --chown=$MAMBA_USER:$MAMBA_USER . .",
  ];
}

/** Where the wheel steps write what the lock's install reads: the URL, or the index version in its place.
 * It stays in the image (outside /tmp, which the probe covers), so a reused image still says which. */
export const WHEELS_FILE = `${APP_HOME}/.repro-audit-wheels.txt`;
/** The line a wheel step prints when its URL did not answer; the build stage reads it back from the log. */
const WHEEL_SUBSTITUTED = "repro-audit: wheel URL did not answer:";
const URL_ANSWERS = 'import sys, urllib.request as u; u.urlopen(u.Request(sys.argv[1], method="HEAD"), timeout=60)';

const shellQuote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
const norm = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "-");

/** The lock's install: each wheel URL when it answers (else the same version from the index, printed),
 * then every pin. Names, versions and URLs were checked against plain patterns when the lock was read. */
function lockInstallLines(lock: BuildLock): string[] {
  const lines = [
    `# The lock of ${printable(lock.specFile)}: every pin the resolver chose for Python ${lock.python.version}${lock.asOf ? `, from releases before ${lock.asOf}` : ""} (repro-audit lock).`,
  ];
  for (const w of lock.wheels) {
    const fallback = `${w.name}==${w.version}`;
    lines.push(
      `# ${w.name}: the spec's wheel URL when it answers, else ${fallback} from the index (the build log says so).`,
      `RUN if python -c ${shellQuote(URL_ANSWERS)} ${shellQuote(w.url)} 2>/dev/null; \\`,
      `    then echo ${shellQuote(`${w.name} @ ${w.url}`)} >> ${WHEELS_FILE}; \\`,
      `    else echo ${shellQuote(`${WHEEL_SUBSTITUTED} ${w.url} -> ${fallback}`)} && echo ${shellQuote(fallback)} >> ${WHEELS_FILE}; fi`,
    );
  }
  const fromUrls = new Set(lock.wheels.map((w) => norm(w.name)));
  const args = [
    ...(lock.wheels.length ? [`-r ${WHEELS_FILE}`] : []),
    ...lock.pins.filter((p) => !fromUrls.has(norm(p.name))).map((p) => `"${p.name}==${p.version}"`),
  ];
  lines.push("RUN pip install --no-cache-dir \\", ...args.map((a, i) => `    ${a}${i < args.length - 1 ? " \\" : ""}`));
  return lines;
}

function installLines(plan: SpecPlan): string[] {
  if (plan.locked) return lockInstallLines(plan.locked);
  if (plan.format === "requirements" && plan.primary) {
    return [`RUN pip install --no-cache-dir -r ${shellWord(plan.primary)}`];
  }
  if (plan.packages.length === 0) return ["# No third-party packages to install."];
  // Options were checked against a plain URL pattern when read (conda-as-pip.ts); quoted all the same.
  const args = [...(plan.pipOptions ?? []).map((o) => `"${o}"`), ...plan.packages.map(pipArgument)];
  return ["RUN pip install --no-cache-dir \\", ...args.map((a, i) => `    ${a}${i < args.length - 1 ? " \\" : ""}`)];
}

/** The user's index for pip, when it is not PyPI and is a plain http(s) URL (anything else is not written). */
function indexLines(indexUrl: string | undefined): string[] {
  if (!indexUrl || isPyPIIndex(indexUrl)) return [];
  if (!/^https?:\/\/[A-Za-z0-9._~:/%+@=,-]+$/.test(indexUrl)) return [];
  const host = new URL(indexUrl).host;
  // pip ignores an index over plain http unless its host is trusted; the user named it.
  const trusted = indexUrl.startsWith("http:") ? ` PIP_TRUSTED_HOST=${host}` : "";
  return [`# The package index given with --index-url.`, `ENV PIP_INDEX_URL=${indexUrl}${trusted}`];
}

function pipImage(plan: SpecPlan, base: BaseChoice, indexUrl?: string): string[] {
  const python = base.flavor === "cuda-ubuntu" ? "python3" : "python";
  // Images whose Python already holds packages (PyTorch, Kaggle) keep them visible in the venv.
  const systemSite = base.flavor === "conda-python" ? " --system-site-packages" : "";
  const lines = [`FROM ${base.image}`, ""];
  if (base.flavor === "cuda-ubuntu") {
    lines.push(
      "RUN apt-get update \\",
      "    && apt-get install -y --no-install-recommends python3 python3-pip python3-venv \\",
      "    && rm -rf /var/lib/apt/lists/*",
    );
  }
  lines.push(
    "ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1",
    ...indexLines(indexUrl),
    "",
    "# Everything below runs as an unprivileged user, installing into a virtual environment it owns.",
    `RUN useradd --create-home --uid 1000 --shell /bin/sh ${APP_USER} || useradd --create-home --shell /bin/sh ${APP_USER}`,
    `USER ${APP_USER}`,
    `RUN ${python} -m venv${systemSite} ${APP_HOME}/venv && mkdir -p ${APP_DIR}`,
    `ENV VIRTUAL_ENV=${APP_HOME}/venv PATH=${APP_HOME}/venv/bin:$PATH`,
    `WORKDIR ${APP_DIR}`,
    "",
  );
  if (plan.needsCode) {
    lines.push(
      "# The requirements name local paths, so the code goes in first.",
      `COPY --chown=${APP_USER}:${APP_USER} . .`,
      ...installLines(plan),
    );
    return lines;
  }
  if (plan.format === "requirements" && !plan.locked) {
    lines.push("# Spec files first: a change to the code alone reuses the installed layer.");
    for (const file of plan.specFiles) lines.push(copyLine(`${APP_USER}:${APP_USER}`, file, file));
  }
  lines.push(...installLines(plan), "", `COPY --chown=${APP_USER}:${APP_USER} . .`);
  return lines;
}

/** The Dockerfile's text (pure), on the base given or the one chooseBase picks. The repo's own Dockerfile is
 * returned as it is. */
export function writeDockerfile(
  plan: SpecPlan,
  options: { baseImage?: string; base?: BaseChoice; indexUrl?: string } = {},
): string {
  const base = options.base ?? chooseBase(plan, options.baseImage ?? []);
  if (base.flavor === "own") return plan.ownDockerfile!;
  const body = base.flavor === "micromamba" ? micromamba(plan, base) : pipImage(plan, base, options.indexUrl);
  return [...header(plan, base), ...body].join("\n") + "\n";
}
