// The SARIF 2.1.0 schema vendored under schemas/vendor, compiled for tests.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";

/** The vendored schema is draft-04: ajv 8 reads it once `id` is `$id` and the draft-04 meta-schema is dropped. */
export function sarifSchemaValidator() {
  const schema = JSON.parse(
    readFileSync(new URL("../../schemas/vendor/sarif-2.1.0-rtm.5.json", import.meta.url), "utf8"),
  );
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  return new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
}
