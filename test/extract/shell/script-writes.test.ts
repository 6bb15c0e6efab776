// The scripts a shell text writes: heredoc bodies and echo lines, each written line at its line in the writer.
import { describe, expect, it } from "vitest";
import { scriptWrites } from "../../../src/extract/shell/script-writes.js";

describe("scriptWrites", () => {
  it("reads heredocs to a .sh (cat > x, cat <<TAG > x, tee, appended) and echo lines, with the body's lines as data", () => {
    const text = [
      "cat > a.sh <<'EOF'", // 1
      "python train.py --fold 0", // 2
      "EOF", // 3
      "cat <<END >> a.sh", // 4
      "python train.py --fold 1", // 5
      "END", // 6
      'echo "python b.py" > jobs/b.sh', // 7
      "echo 'python c.py' >> jobs/b.sh", // 8
      "tee c.sh <<-EOF > /dev/null", // 9
      "\tpython d.py", // 10
      "\tEOF", // 11
      "cat > notes.txt <<EOF", // 12
      "python e.py", // 13
      "EOF", // 14
    ].join("\n");
    const { scripts, bodyLines } = scriptWrites(text);
    expect(scripts).toEqual([
      {
        path: "a.sh",
        lines: [
          { line: 2, text: "python train.py --fold 0" },
          { line: 5, text: "python train.py --fold 1" },
        ],
      },
      {
        path: "jobs/b.sh",
        lines: [
          { line: 7, text: "python b.py" },
          { line: 8, text: "python c.py" },
        ],
      },
      { path: "c.sh", lines: [{ line: 10, text: "\tpython d.py" }] },
    ]);
    expect([...bodyLines]).toEqual([2, 3, 5, 6, 10, 11, 13, 14]);
  });

  it("reads no write from a heredoc that never ends, an echo of a variable or an overlong line", () => {
    const text = ["cat > a.sh <<EOF", "python x.py", "echo $CMD > b.sh", `echo "${"x".repeat(5_000)}" > c.sh`].join(
      "\n",
    );
    expect(scriptWrites(text)).toEqual({ scripts: [], bodyLines: new Set() });
  });
});
