import { describe, expect, it } from "vitest";
import { stepInputFiles, stepOutputFiles } from "../../../../src/extract/families/rerun-plan/step-inputs.js";

describe("the files a step's command loads and writes as they are", () => {
  it("reads cp and docker cp sources, psql -f and an input redirection", () => {
    expect(stepInputFiles("cp out.pgsql db/")).toEqual(["out.pgsql"]);
    expect(stepInputFiles("sudo docker cp ./out.pgsql database:/out.pgsql")).toEqual(["./out.pgsql"]);
    expect(stepInputFiles("docker cp database:/out.pgsql ./out.pgsql")).toEqual([]);
    expect(stepInputFiles("psql -U u mydb < out.pgsql")).toEqual(["out.pgsql"]);
    expect(stepInputFiles("mysql -u root app <dump.sql")).toEqual(["dump.sql"]);
    expect(stepInputFiles("psql -d app -f db/schema.sql")).toEqual(["db/schema.sql"]);
  });

  it("leaves variables, globs, absolute paths, heredocs and placeholders to the reader", () => {
    expect(stepInputFiles("cp $DATA/x.csv data/")).toEqual([]);
    expect(stepInputFiles("cp data/*.csv out/")).toEqual([]);
    expect(stepInputFiles("cp /etc/hosts x")).toEqual([]);
    expect(stepInputFiles("cat <<EOF")).toEqual([]);
    expect(stepInputFiles("cp path/to/dump.sql db/")).toEqual([]);
  });

  it("writes cp's, mv's and docker cp's targets and a redirection's file", () => {
    expect(stepOutputFiles("sudo docker cp database:/out.pgsql ./out.pgsql")).toEqual(["./out.pgsql"]);
    expect(stepOutputFiles("pg_dump app > dump.sql")).toEqual(["dump.sql"]);
    expect(stepOutputFiles("mv a.csv b.csv")).toEqual(["b.csv"]);
  });
});
