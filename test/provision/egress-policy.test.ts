// Which destinations a build's proxy lets through: public HTTP(S) only, never this machine or a private network.
import { describe, expect, it } from "vitest";
import { destinationOf, egressVerdict, isPrivateAddress } from "../../src/provision/egress-policy.js";

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.17.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "::1",
    "::",
    "fe80::1",
    "fd00::2",
    "::ffff:127.0.0.1",
    "64:ff9b::10.0.0.1",
    "not-an-ip",
  ])("%s is not public", (ip) => expect(isPrivateAddress(ip)).toBe(true));
  it.each(["8.8.8.8", "151.101.0.223", "172.32.0.1", "2a04:4e42::223", "::ffff:8.8.8.8"])("%s is public", (ip) =>
    expect(isPrivateAddress(ip)).toBe(false),
  );
});

describe("egressVerdict", () => {
  const own = new Set(["192.0.2.2"]);
  it("lets public HTTPS through", () =>
    expect(egressVerdict("pypi.org", 443, ["151.101.0.223"], own)).toEqual({ ok: true }));
  it("refuses other ports, this machine, private answers and names that do not resolve", () => {
    expect(egressVerdict("pypi.org", 22, ["151.101.0.223"], own)).toEqual({
      ok: false,
      why: "port 22 is not HTTP or HTTPS",
    });
    expect(egressVerdict("me.example", 443, ["192.0.2.2"], own)).toEqual({
      ok: false,
      why: "me.example is this machine (192.0.2.2)",
    });
    expect(egressVerdict("rebind.example", 80, ["151.101.0.223", "127.0.0.1"], own)).toEqual({
      ok: false,
      why: "rebind.example is on a private, loopback or link-local network (127.0.0.1)",
    });
    expect(egressVerdict("nowhere.invalid", 443, [], own)).toEqual({
      ok: false,
      why: "nowhere.invalid does not resolve",
    });
  });
});

describe("the user's own index (--index-url)", () => {
  const own = new Set(["192.0.2.2"]);
  const named = [destinationOf("http://127.0.0.1:8080/simple")!];
  it("reads the host and port of the URL the user gave", () => {
    expect(destinationOf("https://mirror.internal/simple")).toEqual({ host: "mirror.internal", port: 443 });
    expect(destinationOf("http://[::1]:3141/root/pypi")).toEqual({ host: "::1", port: 3141 });
    expect(destinationOf("file:///srv/wheels")).toBeNull();
    // PyPI, the default, opens no exception: it is public, and a name that resolved privately stays refused.
    expect(destinationOf("https://pypi.org/simple")).toBeNull();
  });
  it("is reached on its own host and port, even on loopback", () =>
    expect(egressVerdict("127.0.0.1", 8080, ["127.0.0.1"], own, named)).toEqual({ ok: true }));
  it("opens no other port of that host, nor another name for it", () => {
    expect(egressVerdict("127.0.0.1", 8081, ["127.0.0.1"], own, named)).toEqual({
      ok: false,
      why: "port 8081 is not HTTP or HTTPS",
    });
    expect(egressVerdict("localhost", 8080, ["127.0.0.1"], own, named)).toMatchObject({ ok: false });
    expect(egressVerdict("127.0.0.1", 80, ["127.0.0.1"], own, named)).toMatchObject({ ok: false });
  });
});
