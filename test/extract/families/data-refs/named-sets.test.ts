// A data set a README lists with a link is matched by the folder under its data folder named like it.
import { describe, expect, it } from "vitest";
import { namedSetOf, namedSetsOf } from "../../../../src/extract/families/data-refs/named-sets.js";

const folder = [{ at: { segs: ["ROOT", "DATA"], anchored: true } }];
const read = (path: string) => [{ segs: path.split("/"), anchored: true }];

describe("named data sets", () => {
  const sets = [
    ...namedSetsOf("[Shelf-20K](https://shelf20k.example.org/) [Q&R Catalogue](https://example.org/qr)", "README.md:3"),
    ...namedSetsOf("[Street Places-Full](https://example.org/places)", "README.md:4"),
  ];

  it("matches the whole name, its first words or its initials, letters and digits only", () => {
    expect(namedSetOf(sets, folder, read("data/shelf20k/a.jpg"))).toBe("README.md:3");
    expect(namedSetOf(sets, folder, read("data/Shelf/a.jpg"))).toBe("README.md:3");
    expect(namedSetOf(sets, folder, read("data/qr/items.csv"))).toBe("README.md:3");
    expect(namedSetOf(sets, folder, read("data/street_places/x"))).toBe("README.md:4");
  });

  it("matches nothing outside the data folder, nor a folder named like no set", () => {
    expect(namedSetOf(sets, folder, read("cache/shelf20k/a.jpg"))).toBeNull();
    expect(namedSetOf(sets, folder, read("data/bakery/a.jpg"))).toBeNull();
    expect(namedSetOf(sets, [], read("data/shelf20k/a.jpg"))).toBeNull();
  });

  it("takes no link that is not a name, nor an image", () => {
    expect(namedSetsOf("see [here](https://x.org/a) and ![Shelf](https://x.org/s.png)", "R:1")).toEqual([]);
  });
});
