// Fact family `training-setup`: what a training trains and on how much: architectures, input sizes, dataset
// sizes (argparse defaults, CSV rows shipped in the repo, sizes a README states), mixed precision, frozen layers.
import type { FactRecord } from "../../../model/facts.js";
import type { ExtractContext, Extractor } from "../../extractor.js";
import { configValues, scannableConfig } from "../../python/config-lines.js";
import { configArg } from "../../python/hints.js";
import { recordAt } from "../../python/locate.js";
import { preparePythonIndex } from "../../python/repo-index.js";
import { architectureFromCall, inputSizeFromCall, switchesFromCall, type SetupFields } from "./setup-calls.js";
import { setupKind } from "../../python/setup-hints.js";
import { setupFromValue } from "./setup-values.js";
import { cliOption } from "../../python/cli-option.js";
import { countInRange } from "../../../model/count-ranges.js";
import { filesWithRole, roleOf } from "../../view/file-roles.js";
import { tileGrid } from "./tile-grid.js";
import { helperBodies, layerStack, type LayerStack } from "./layer-stack.js";
import { pythonGpuIds, shellGpuIds } from "./gpu-ids.js";
import { gpuOptionUnused } from "./gpu-option-set.js";
import { parserFilledFields } from "../../python/parser-filled-fields.js";
import { configGpuCount, pythonGpuCounts, shellGpuCounts } from "./gpu-counts.js";
import { readmeResources } from "./resources.js";
import { trainingsOf } from "./trainings.js";
import { OFFLINE_SWITCH, trackerStarts } from "./trackers.js";
import { callSitesOf } from "./call-sites.js";
import { switchOnForPlan, type PlanSwitchInputs } from "./tracker-switches.js";
import { promptCalls } from "./prompts.js";
import { promptReaches } from "./prompt-guards.js";
import { tpuUse } from "./tpu-only.js";
import { classDebugSwitches, debugSwitches } from "./debug-switch.js";
import { configDebugSwitches } from "./config-debug-switch.js";
import { containerGpuRecords } from "./container-gpu-records.js";

/** CSV files whose rows may be the training examples: train.csv, train_folds.csv, folds.csv, train_labels.csv... */
const TRAIN_TABLE = /(?:^|\/)(?:[\w-]*train[\w-]*|folds?|[\w-]*_folds?)\.(?:csv|tsv)$/i;
/** Where a repo may document running its tracker offline (`WANDB_MODE=offline`, `wandb offline`). */
const TRACKER_DOCS = ["readme", "docs", "shell", "makefile", "config", "python", "notebook", "dockerfile"] as const;
const NOT_TRAIN = /test|submission|sample_sub|valid|pred/i;
/** "2,000-row extract", "6,334 training images", "54k images", "1.2 million DICOM scans"; one qualifier at most. */
const STATED_SIZE =
  /(?<![\dx×.,-]\s?)(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|m|thousand|million)?[\s-]+(?:(?:training|train|labell?ed|annotated|unique|original|additional|external|extra|dicom|ct|mri|chest|fundus|retinal|tissue|histology)[\s-]+)?(images?|pictures?|photos?|scans?|slides?|radiographs?|x-rays?|studies|study|patients?|slices?|samples?|examples?|rows?|tiles?|crops?|frames?|videos?|volumes?|cells?)\b(?![\s-]*(?:sizes?|resolution|res|shape)\b)/gi;

function statedSizes(text: string): Array<{ line: number; value: number; name: string }> {
  const out: Array<{ line: number; value: number; name: string }> = [];
  text.split("\n").forEach((line, i) => {
    for (const m of line.matchAll(STATED_SIZE)) {
      const before = line.slice(Math.max(0, (m.index ?? 0) - 24), m.index).toLowerCase();
      if (/test|valid|hold-?out|public|private|between|size/.test(before + m[0].toLowerCase())) continue;
      const scale = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6 }[(m[2] ?? "").toLowerCase()] ?? 1;
      const value = Math.round(Number(m[1]!.replace(/,/g, "")) * scale);
      if (value >= 10 && countInRange("images", value)) out.push({ line: i + 1, value, name: m[3]!.toLowerCase() });
    }
  });
  return out;
}

export const extractor: Extractor = {
  id: "training-setup",
  reads: ["rerun-plan", "readme"],
  roles: ["python", "notebook", "config", "conda", "readme", "text", "shell"],
  async extract(ctx) {
    const records: FactRecord[] = [];
    for (const file of (await preparePythonIndex(ctx.view)).files) {
      const imports = new Set(file.imports.map((i) => i.module.split(".")[0]!));
      const add = (line: number, fields: SetupFields | null) => fields && records.push(recordAt(file, line, fields));
      for (const a of file.assigns) {
        const kind = setupKind(a.target);
        if (kind) for (const r of setupFromValue(kind, a.value, "assignment", a.target)) add(a.line, r);
      }
      for (const k of file.kwargs) {
        const kind = setupKind(k.arg.name!);
        // A crop or patch transform's `num_samples` is crops per image (MONAI's RandCropByPosNegLabeld), no dataset size.
        if (kind === "images" && /crop|patch/i.test(k.callee)) continue;
        if (kind)
          for (const r of setupFromValue(kind, k.arg, "call-argument", `${k.callee}(${k.arg.name})`)) add(k.line, r);
      }
      for (const call of file.calls) {
        const opt = cliOption(call);
        if (opt) {
          const kind = setupKind(opt.option);
          const def = call.args.find((a) => a.name === "default");
          if (kind && def) for (const r of setupFromValue(kind, def, "argparse-default", opt.option)) add(call.line, r);
          continue;
        }
        add(call.line, architectureFromCall(call, imports));
        for (const r of inputSizeFromCall(call)) add(call.line, r);
        add(call.line, switchesFromCall(call));
      }
    }

    const index = await preparePythonIndex(ctx.view);
    const sources = [...ctx.view.python()];
    // A network written layer by layer (Lasagne, nolearn): its options may come through helpers defined anywhere.
    const stacked = sources.some((s) => s.text.includes("InputLayer"));
    const helpers = new Map<string, string>();
    if (stacked)
      for (const s of sources)
        for (const [name, body] of helperBodies(s.text)) if (!helpers.has(name)) helpers.set(name, body);
    for (const source of sources) {
      const file = index.byPath.get(source.path);
      if (!file) continue;
      const tiled = tileGrid(source.text);
      if (tiled) records.push(recordAt(file, tiled.line, tiled.fields));
      const stack = stacked ? layerStack(source.text, helpers) : null;
      if (stack) records.push(...layerStackRecords(file, stack));
    }

    for (const entry of ctx.view.files()) {
      if (entry.skipped) continue;
      if (entry.kind === "config" && scannableConfig(entry.path, entry.size)) {
        const text = ctx.view.read(entry.path);
        if (text === null) continue;
        for (const v of configValues(text)) {
          const gpus = v.key ? configGpuCount(v.key, v.value) : null;
          if (gpus !== null)
            records.push({
              file: entry.path,
              line: v.line,
              kind: "gpu-count",
              value: gpus,
              via: "config",
              name: v.key,
            });
          const kind = v.key ? setupKind(v.key) : null;
          if (kind)
            for (const r of setupFromValue(kind, configArg(v.value), "config", v.key!))
              records.push({ file: entry.path, line: v.line, ...r });
        }
      } else if (TRAIN_TABLE.test(entry.path) && !NOT_TRAIN.test(entry.path.slice(entry.path.lastIndexOf("/") + 1))) {
        const text = ctx.view.read(entry.path);
        const rows = text === null ? 0 : text.split("\n").filter((l) => l.trim() !== "").length - 1;
        if (rows > 0 && countInRange("images", rows))
          records.push({ file: entry.path, kind: "images", value: rows, via: "csv-rows", name: null });
      } else if (roleOf(entry) === "readme" && entry.kind === "text") {
        const text = ctx.view.read(entry.path);
        for (const r of readmeResources(text ?? ""))
          records.push({
            file: entry.path,
            line: r.line,
            kind: "resources",
            value: r.value,
            resource: r.resource,
            via: "readme-text",
            name: null,
          });
        for (const s of statedSizes(text ?? ""))
          records.push({
            file: entry.path,
            line: s.line,
            kind: "images",
            value: s.value,
            via: "readme-text",
            name: s.name,
          });
      }
    }
    // GPU ids the code or a script pins (`set_device(2)`, `CUDA_VISIBLE_DEVICES=2,3 python x.py`).
    const planRuns = (ctx.facts.families["rerun-plan"] ?? []).flatMap((r) =>
      r.kind === "step" && typeof r.program === "string" ? [{ program: r.program, args: String(r.args ?? "") }] : [],
    );
    const pythonTexts = [...ctx.view.python()].map((p) => ({ path: p.path, text: p.text }));
    for (const source of ctx.view.python()) {
      const ids = pythonGpuIds(source.text);
      // A dataclass default the file's parser fills (`device: str = "cuda:2"`, `Config(**vars(args))`) is dead.
      const filled = ids.length > 0 ? parserFilledFields(source.text) : new Set<number>();
      // An option's default that every plan step overrides, or that no code reads, pins nothing either.
      const unused = (g: (typeof ids)[number]) =>
        g.name.startsWith("-") && gpuOptionUnused(source.path, g.line, source.text, planRuns, pythonTexts) !== null;
      for (const g of ids)
        if (!filled.has(g.line) && !unused(g))
          records.push(recordAt(source, g.line, { kind: "gpu-ids", value: g.value, via: "code", name: g.name }));
    }
    for (const entry of filesWithRole(ctx.view, "shell")) {
      if (entry.skipped) continue;
      for (const g of shellGpuIds(ctx.view.read(entry.path) ?? ""))
        records.push({ file: entry.path, line: g.line, kind: "gpu-ids", value: g.value, via: "shell", name: g.name });
    }
    // GPU counts fixed in code or a launcher (`N_GPUS = 3`, `torchrun --nproc_per_node=8`): a rerun needs as many.
    for (const source of ctx.view.python())
      for (const g of pythonGpuCounts(source.text))
        records.push(recordAt(source, g.line, { kind: "gpu-count", value: g.value, via: "code", name: g.name }));
    for (const entry of filesWithRole(ctx.view, "shell")) {
      if (entry.skipped) continue;
      for (const g of shellGpuCounts(ctx.view.read(entry.path) ?? ""))
        records.push({ file: entry.path, line: g.line, kind: "gpu-count", value: g.value, via: "shell", name: g.name });
    }
    // Containers a script or the README starts without GPU access while the code asks for CUDA.
    records.push(...containerGpuRecords(ctx.view, ctx.facts));
    // How many trainings the plan runs (models, folds, repeats): a pipeline of several is worth a resource statement.
    const trainings = trainingsOf(ctx.facts.families["rerun-plan"] ?? []);
    if (trainings) records.push({ ...trainings, kind: "trainings", via: "rerun-plan", name: null });
    // Hosted trackers started on every run need an account; a switch the repo documents anywhere lets a rerun skip it.
    const callSites = callSitesOf([...ctx.view.python()]);
    const starts = [...ctx.view.python()].flatMap((source) =>
      trackerStarts(source.text, callSites).map((t) => ({ source, t })),
    );
    const offlineDocumented =
      starts.length > 0 &&
      filesWithRole(ctx.view, ...TRACKER_DOCS).some(
        (e) => !e.skipped && OFFLINE_SWITCH.test(ctx.view.read(e.path) ?? ""),
      );
    // A start behind a config switch is still on a stranger's rerun where the plan leaves the switch on.
    const switchInputs = starts.some(({ t }) => t.switches) ? planSwitchInputs(ctx) : null;
    for (const { source, t } of starts) {
      const on = t.switches && switchInputs ? switchOnForPlan(t.switches, switchInputs) : null;
      records.push(
        recordAt(source, t.line, {
          kind: "tracker",
          value: t.tracker,
          via: "code",
          name: t.name,
          switchable: (t.switchable && !on) || offlineDocumented,
          when: on
            ? `by default, behind the switch ${on.name}, which is on (\`${on.written}\` at ${on.at}; to run without an account, ${on.off})`
            : "on every run",
          needs: t.anonymous
            ? `it logs in with ${t.tracker}'s anonymous token, so a rerun needs no account but does need network access to ${t.tracker}`
            : `a rerun without the author's ${t.tracker} account stops at its login`,
        }),
      );
    }
    // Code that runs only on a TPU: a stranger with GPUs must port it first.
    for (const source of ctx.view.python()) {
      const tpu = tpuUse(source.text);
      if (tpu)
        records.push(
          recordAt(source, tpu.line, {
            kind: "tpu",
            value: tpu.name,
            via: "code",
            name: tpu.name,
            switchable: tpu.fallback,
          }),
        );
    }
    // Prompts wait for someone at the terminal; a scripted rerun has no one there, unless every step that runs the
    // file passes what its guard short-circuits on.
    const planSteps = (ctx.facts.families["rerun-plan"] ?? []).filter((r) => r.kind === "step");
    for (const source of ctx.view.python()) {
      const calls = promptCalls(source.text);
      const steps = planSteps
        .filter((r) => r.program === source.path)
        .map((r) => ({ args: String(r.args ?? ""), at: `${String(r.file)}:${String(r.line)}` }));
      // A prompt behind the user's own switch is no wait already; the rest are read against the steps.
      const open = calls.filter((p) => !p.switchable);
      const reaches = promptReaches(
        source.text,
        open.map((p) => ({ line: p.line - 1, col: p.column })),
        steps,
      );
      const reachOf = new Map(open.map((p, k) => [p, reaches[k] ?? null]));
      for (const p of calls) {
        const reach = reachOf.get(p) ?? null;
        records.push(
          recordAt(source, p.line, {
            kind: "prompt",
            value: p.condition ?? "",
            via: "code",
            name: p.name,
            switchable: p.switchable || reach?.skipped === true,
            ...(reach?.skipWith ? { skipWith: reach.skipWith } : {}),
          }),
        );
      }
    }
    // A debug flag committed on that gates saving or the training's length: the rerun trains a smoke test; in its
    // own file, or a config class's `debug: bool = True` that the training reads in another (`if config.debug:`).
    const configTexts = ctx.view
      .files()
      .filter((f) => !f.skipped && f.kind === "config" && f.size <= 200_000)
      .map((f) => ctx.view.read(f.path) ?? "");
    const switches = [
      ...sources.flatMap((source) => debugSwitches(source.text).map((d) => ({ ...d, path: source.path }))),
      ...classDebugSwitches(sources, configTexts),
    ];
    const plan = switchInputs ?? planSwitchInputs(ctx);
    const yamlSwitches = configDebugSwitches(
      [...plan.planConfigs, ...plan.otherConfigs],
      plan.python,
      plan.steps,
      new Set(plan.planConfigs.map((c) => c.path)),
    );
    for (const d of yamlSwitches)
      records.push({
        file: d.path,
        line: d.line,
        kind: "debug-switch",
        value: d.effects,
        via: "config",
        name: d.name,
        switchable: d.off,
      });
    const byPath = new Map(sources.map((s) => [s.path, s]));
    const reported = new Set<string>();
    for (const d of switches) {
      if (reported.has(`${d.path}:${d.line}`)) continue;
      reported.add(`${d.path}:${d.line}`);
      records.push(
        recordAt(byPath.get(d.path)!, d.line, {
          kind: "debug-switch",
          value: d.effects,
          via: "code",
          name: d.name,
          switchable: d.off,
        }),
      );
    }
    return withoutFactoryKeywords(records);
  },
};

/** What says whether a tracker's switch is on for the planned run: the steps' arguments, the configs they load,
 * the repo's other configs and its Python. */
function planSwitchInputs(ctx: ExtractContext): PlanSwitchInputs {
  const steps = (ctx.facts.families["rerun-plan"] ?? []).filter((r) => r.kind === "step");
  const loaded = new Set(
    steps.flatMap((r) => (typeof r.configs === "string" && r.configs !== "" ? r.configs.split(",") : [])),
  );
  const configs = ctx.view
    .files()
    .filter((f) => !f.skipped && f.kind === "config" && f.size <= 200_000)
    .map((f) => ({ path: f.path, text: ctx.view.read(f.path) ?? "" }));
  return {
    steps: steps.map((r) => ({ args: String(r.args ?? ""), at: `${String(r.file)}:${String(r.line)}` })),
    planConfigs: configs.filter((c) => loaded.has(c.path)),
    otherConfigs: configs.filter((c) => !loaded.has(c.path)),
    python: [...ctx.view.python()].map((p) => ({ path: p.path, text: p.text })),
  };
}

/** A factory's keyword (create_model(model_name=...), smp.Unet(encoder_name=...)) is read once, as the factory. */
function withoutFactoryKeywords(records: FactRecord[]): FactRecord[] {
  const key = (r: FactRecord) => `${r.file}:${r.line}:${r.value}`;
  const factories = new Set(records.filter((r) => r.kind === "architecture" && r.via !== "call-argument").map(key));
  return records.filter((r) => !(r.kind === "architecture" && r.via === "call-argument" && factories.has(key(r))));
}

/** A layer stack as an architecture carrying its own forward cost, and its input shape as the input size. */
function layerStackRecords(file: Parameters<typeof recordAt>[0], stack: LayerStack): FactRecord[] {
  const via = "layer-stack";
  const { height, width } = stack;
  const sizes: SetupFields[] =
    height === width
      ? [{ kind: "input-size", value: height, axis: "both", via, name: "InputLayer shape" }]
      : [
          { kind: "input-size", value: height, axis: "height", via, name: "InputLayer shape" },
          { kind: "input-size", value: width, axis: "width", via, name: "InputLayer shape" },
        ];
  return [
    recordAt(file, stack.line, {
      kind: "architecture",
      value: `${stack.layers}-layer stack`,
      family: "cnn",
      library: "lasagne",
      wrapper: null,
      via,
      name: "InputLayer",
      macs: stack.macs,
      height,
      width,
    }),
    ...sizes.map((f) => recordAt(file, stack.line, f)),
  ];
}
