// PyPI distribution names compared the way pip compares them (PEP 503), shared by every stage that reads them.

/** "Scikit_Learn" -> "scikit-learn": lowercase, runs of "-", "_" and "." as one "-". */
export function normalizeName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[-_.]+/g, "-");
}
