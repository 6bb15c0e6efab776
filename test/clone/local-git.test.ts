// Which git config keys make a local folder's git unsafe to read.
import { describe, expect, it } from "vitest";
import { refusedConfigKey } from "../../src/clone/local-git.js";

describe("refusedConfigKey", () => {
  it("refuses partial clones, remote commands and includes", () => {
    for (const key of [
      "extensions.partialclone",
      "remote.origin.promisor",
      "remote.x.y.partialclonefilter",
      "remote.origin.uploadpack",
      "remote.origin.receivepack",
      "include.path",
      "includeIf.gitdir:/x/.path",
    ]) {
      expect(refusedConfigKey(key), key).not.toBeNull();
    }
  });

  it("lets an ordinary clone's config through", () => {
    for (const key of [
      "core.repositoryformatversion",
      "core.bare",
      "remote.origin.url",
      "remote.origin.fetch",
      "branch.main.remote",
      "branch.main.merge",
      "user.name",
    ]) {
      expect(refusedConfigKey(key), key).toBeNull();
    }
  });
});
