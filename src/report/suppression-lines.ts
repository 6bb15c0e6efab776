// What quieted the audit, one plain sentence each (pure); text and Markdown escape them their own way.
import type { Suppressions } from "../model/report.js";
import { oneLineText } from "./format.js";

/** Inline comments listed one by one before the rest is only counted. */
const MAX_INLINE = 20;

export function suppressionLines(s: Suppressions | undefined): string[] {
  if (!s) return [];
  const lines: string[] = [];
  if (s.inline.length) {
    const matched = s.inline.reduce((sum, x) => sum + x.matched, 0);
    lines.push(
      s.repoTrusted
        ? `${s.inline.length} inline ignore comment(s) in the repo, honoured (--trust-repo): ${s.suppressed} occurrence(s) quieted`
        : `${s.inline.length} inline ignore comment(s) in the repo, not honoured (the repo is not trusted; --trust-repo for your own): they would quiet ${matched} occurrence(s), which still count`,
    );
    for (const x of s.inline.slice(0, MAX_INLINE)) {
      const cell = x.cell !== undefined ? ` (cell ${x.cell + 1})` : "";
      lines.push(
        `  ${x.file}:${x.line}${cell} ignore[${x.rules.join(", ")}] ${x.reason ? `"${oneLineText(x.reason)}"` : "(no reason given)"}: matched ${x.matched}`,
      );
    }
    if (s.inline.length > MAX_INLINE) lines.push(`  and ${s.inline.length - MAX_INLINE} more`);
  }
  if (s.excluded) {
    const shown =
      s.excluded.paths.join(", ") +
      (s.excluded.files > s.excluded.paths.length ? `, and ${s.excluded.files - s.excluded.paths.length} more` : "");
    lines.push(
      `excluded by ${s.excluded.globs.join(", ")} (${s.excluded.source}): ${s.excluded.files} file(s) or folder(s) not audited${shown ? `: ${shown}` : ""}`,
    );
  }
  for (const d of s.disabled ?? []) lines.push(`rule ${d.rule} not judged (${d.source})`);
  if (s.baseline) {
    const b = s.baseline;
    lines.push(
      `baseline ${b.file}: ${b.unchanged} finding(s) already there (they leave the gates alone), ${b.new} new, ${b.absent} gone`,
    );
  }
  if (s.hidden && s.hidden.warning + s.hidden.info > 0)
    lines.push(`--quiet: ${s.hidden.warning} warning(s) and ${s.hidden.info} info left out of this report`);
  return lines;
}
