// The CLI that speaks for a container engine: its own name, or the override a wrapper or a test sets
// (REPRO_AUDIT_DOCKER / REPRO_AUDIT_PODMAN), the same for the build stage and the epoch.
export function engineBin(name: "docker" | "podman"): string {
  return process.env[`REPRO_AUDIT_${name.toUpperCase()}`] || name;
}
