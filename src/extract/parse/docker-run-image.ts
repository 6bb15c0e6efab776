// The image a `docker run` command line runs: the first word after `run` that is no option or an option's value
// (`docker run --gpus all -v $PWD:/work -it gcr.io/kaggle-gpu-images/python bash`). Pure.

/** `docker run` options that take the next word as their value (when not written `--opt=value`). */
const WITH_VALUE = new Set(
  (
    "-a --attach -c --cpu-shares --cidfile --cpus --cpuset-cpus --device --dns -e --env --env-file " +
    "--entrypoint --gpus -h --hostname --ipc -l --label --log-driver --log-opt -m --memory --memory-swap " +
    "--mount --name --network --net --pid --platform -p --publish --restart --runtime --security-opt " +
    "--shm-size --stop-signal --tmpfs -u --user --ulimit -v --volume --volumes-from -w --workdir " +
    "--add-host --cap-add --cap-drop --group-add --health-cmd --uts --userns"
  ).split(" "),
);

/** A word that can name an image: registry, owner, name, tag or digest, nothing a shell would expand. */
const IMAGE_WORD = /^[a-z0-9][\w.\/:-]*(?:@sha256:[0-9a-f]{64})?$/;

/** The image a `docker run` (podman, nvidia-docker) line runs, as written; null when it names none plainly. */
export function dockerRunImage(command: string): string | null {
  const words = command.trim().split(/\s+/);
  const start = words[0] === "sudo" ? 1 : 0;
  const run = start + 1;
  if (!/^(?:docker|podman|nvidia-docker)$/.test(words[start] ?? "") || words[run] !== "run") return null;
  for (let i = run + 1; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith("-")) {
      if (!word.includes("=") && WITH_VALUE.has(word)) i++;
      continue;
    }
    return IMAGE_WORD.test(word) ? word : null;
  }
  return null;
}
