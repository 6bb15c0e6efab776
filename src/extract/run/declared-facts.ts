// A view of the facts gathered so far that lets an extractor read only the families it declares, so an
// undeclared read fails where it is made instead of depending silently on the run order.
import type { Facts } from "../../model/facts.js";
import type { Extractor } from "../extractor.js";

export function declaredFacts(facts: Facts, extractor: Pick<Extractor, "id" | "reads">): Facts {
  const allowed = new Set(extractor.reads);
  const guard = <T extends object>(record: T): T =>
    new Proxy(record, {
      get(target, key, receiver) {
        if (typeof key === "string" && !allowed.has(key)) {
          throw new Error(
            `the ${extractor.id} extractor read the ${key} family without declaring it: add "${key}" to its reads`,
          );
        }
        return Reflect.get(target, key, receiver);
      },
      has(target, key) {
        if (typeof key === "string" && !allowed.has(key)) {
          throw new Error(
            `the ${extractor.id} extractor asked for the ${key} family without declaring it: add "${key}" to its reads`,
          );
        }
        return Reflect.has(target, key);
      },
      ownKeys(target) {
        return Reflect.ownKeys(target).filter((key) => typeof key !== "string" || allowed.has(key));
      },
    });
  return { families: guard(facts.families), notCollected: guard(facts.notCollected) };
}
