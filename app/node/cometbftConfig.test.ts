import { describe, expect, it } from "vitest";
import { applyTomlOverrides } from "./cometbftConfig.js";

const CONFIG = `# top
proxy_app = "tcp://127.0.0.1:26658"
moniker = "x"

[rpc]
laddr = "tcp://127.0.0.1:26657"

[p2p]
laddr = "tcp://0.0.0.0:26656"
`;

describe("applyTomlOverrides", () => {
  it("replaces keys inside their own section only and fills variables", () => {
    const out = applyTomlOverrides(CONFIG, `moniker = "{m}"\n[p2p]\nladdr = "tcp://127.0.0.1:{port}"\n`, { m: "dev", port: "1234" });
    expect(out).toContain('moniker = "dev"');
    expect(out).toContain('[rpc]\nladdr = "tcp://127.0.0.1:26657"');
    expect(out).toContain('[p2p]\nladdr = "tcp://127.0.0.1:1234"');
  });

  it("fails loudly on a key the config does not have, or an unknown variable", () => {
    expect(() => applyTomlOverrides(CONFIG, "[rpc]\nno_such_key = 1\n", {})).toThrow(/no key \[rpc\] no_such_key/);
    expect(() => applyTomlOverrides(CONFIG, 'moniker = "{nope}"\n', {})).toThrow(/unknown variable/);
  });
});
