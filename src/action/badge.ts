// The score as a shields.io endpoint badge (https://shields.io/badges/endpoint-badge), pure.
// The colour scale lives here until the report carries a shared one; badgeColor is the one place to swap.

export interface EndpointBadge {
  schemaVersion: 1;
  label: string;
  message: string;
  color: string;
}

/** shields.io named colours by score band; a score that was not assessed is grey, never green. */
export function badgeColor(score: number | null): string {
  if (score === null) return "lightgrey";
  if (score >= 90) return "brightgreen";
  if (score >= 75) return "green";
  if (score >= 60) return "yellowgreen";
  if (score >= 40) return "yellow";
  if (score >= 20) return "orange";
  return "red";
}

export function scoreBadge(score: number | null): EndpointBadge {
  const rounded = score === null ? null : Math.round(score);
  return {
    schemaVersion: 1,
    label: "repro-audit",
    message: rounded === null ? "not assessed" : `${rounded}/100`,
    color: badgeColor(rounded),
  };
}
