// A Dockerfile written as a Go template (`{{ if eq .Accelerator "gpu" }}` ... `{{ end }}`, `FROM {{ .Base }}`):
// `docker build` reads the braces as instructions and stops, so the file builds only once a tool renders it.
// Pure.

/** A line that is a template action alone (`{{ end }}`), or an instruction that takes a template value. */
const ACTION_LINE = /^\{\{-?\s*[^}]*\}\}\s*$/;
// Not in RUN, CMD and the like: their braces are the shell's or a tool's (`docker inspect --format '{{.Id}}'`).
const VALUE_IN_INSTRUCTION = /^(?!(?:RUN|CMD|ENTRYPOINT|HEALTHCHECK|SHELL)\s)[A-Z]+\s.*\{\{-?\s*\.[A-Za-z_]/;

/** The first template marker of a Dockerfile: its 1-based line and the marker as written; null when none. */
export function templateMarker(text: string): { line: number; marker: string } | null {
  if (!text.includes("{{")) return null;
  const lines = text.split(/\r?\n/);
  let continued = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    // A continued RUN's later lines are shell (a `--format '{{.Id}}'` there is docker's, not a template's).
    const inside = continued;
    continued = line.endsWith("\\");
    if (inside || line.startsWith("#")) continue;
    if (ACTION_LINE.test(line) || VALUE_IN_INSTRUCTION.test(line)) {
      const marker = /\{\{[^}]*\}\}/.exec(line)?.[0] ?? line;
      return { line: i + 1, marker: marker.length > 60 ? `${marker.slice(0, 57)}...` : marker };
    }
  }
  return null;
}
