import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  AppConfigError,
  applyAppConfigFlags,
  appConfigFlagNames,
  defaultAppConfig,
  loadAppToml,
  parseAppToml,
  renderAppToml,
  storePruning,
} from "./appConfig.js";

// The reference's own app.toml (networks/local/cluster-config-sample/node0, stratos-chain v0.12.2),
// abridged: SDK keys with the SDK's quoting, plus sections this app does not have.
const REFERENCE_APP_TOML = `
minimum-gas-prices = "0wei"
pruning = "default"
pruning-keep-recent = "0"
pruning-keep-every = "0"
pruning-interval = "0"
halt-height = 0
halt-time = 0
min-retain-blocks = 0
inter-block-cache = true
index-events = []
iavl-cache-size = 781250
[telemetry]
service-name = ""
enabled = false
prometheus-retention-time = 0
global-labels = [
]
[api]
enable = false
address = "tcp://0.0.0.0:1317"
enabled-unsafe-cors = false
[grpc]
enable = true
address = "0.0.0.0:9090"
[state-sync]
snapshot-interval = 0
snapshot-keep-recent = 2
[json-rpc]
enable = true
`;

describe("app.toml", () => {
  it("defaults are the SDK's where it has them", () => {
    const c = defaultAppConfig();
    expect(c.pruning).toBe("default");
    expect(storePruning(c)).toEqual({ keepRecent: 362_881, interval: 10 });
    expect(c.minRetainBlocks).toBe(0);
    expect(c.stateSync).toEqual({ snapshotInterval: 0, snapshotKeepRecent: 2 });
    expect(c.telemetry.enabled).toBe(false);
    expect(c.minimumGasPrices).toBe("1000000000wei");
  });

  it("the rendered default file parses back to the defaults, with nothing ignored", () => {
    const text = renderAppToml(defaultAppConfig());
    expect(text).toContain("[state-sync]");
    expect(text).toContain("[stratos-ts]");
    expect(parseAppToml(text)).toEqual({ config: defaultAppConfig(), ignored: [] });
  });

  it("reads the reference's app.toml, ignoring (and reporting) keys it does not use", () => {
    const { config, ignored } = parseAppToml(REFERENCE_APP_TOML);
    expect(config.minimumGasPrices).toBe("0wei");
    expect(config.api).toEqual({ enable: false, address: "tcp://0.0.0.0:1317", enabledUnsafeCors: false });
    expect(config.grpc).toEqual({ enable: true, address: "0.0.0.0:9090" });
    expect(ignored).toEqual(["iavl-cache-size", "index-events", "json-rpc.enable", "pruning-keep-every", "telemetry.global-labels"]);
  });

  it("reads every kind of value and maps the pruning strategies", () => {
    const { config } = parseAppToml(`
pruning = "custom"
pruning-keep-recent = 5
pruning-interval = "20"
min-retain-blocks = 1000
halt-height = 77
[telemetry]
enabled = true
prometheus-listen-address = "127.0.0.1:9999"
[state-sync]
snapshot-interval = 100
snapshot-keep-recent = 3
[stratos-ts]
checktx-workers = 2
max-loaded-nodes = 1000
trim-depth = 10
`);
    expect(storePruning(config)).toEqual({ keepRecent: 6, interval: 20 });
    expect(config.minRetainBlocks).toBe(1000);
    expect(config.haltHeight).toBe(77);
    expect(config.telemetry.enabled).toBe(true);
    expect(config.telemetry.prometheusListenAddress).toBe("127.0.0.1:9999");
    expect(config.stateSync).toEqual({ snapshotInterval: 100, snapshotKeepRecent: 3 });
    expect(config.node).toEqual({ checktxWorkers: 2, maxLoadedNodes: 1000, trimDepth: 10 });
    expect(storePruning(parseAppToml('pruning = "everything"').config)).toEqual({ keepRecent: 3, interval: 10 });
    expect(storePruning(parseAppToml('pruning = "nothing"').config)).toEqual({ keepRecent: 0, interval: 1 });
    // keep-recent and interval matter only for custom, as in the SDK.
    expect(storePruning(parseAppToml('pruning = "everything"\npruning-interval = 3').config)).toEqual({ keepRecent: 3, interval: 10 });
  });

  it("flags override the file", () => {
    const base = parseAppToml('pruning = "nothing"\n[state-sync]\nsnapshot-interval = 10').config;
    const c = applyAppConfigFlags(base, { pruning: "custom", "pruning-keep-recent": "4", "pruning-interval": "10", "state-sync.snapshot-interval": "5", "telemetry.enabled": "true" });
    expect(storePruning(c)).toEqual({ keepRecent: 5, interval: 10 });
    expect(c.stateSync.snapshotInterval).toBe(5);
    expect(c.telemetry.enabled).toBe(true);
    expect(appConfigFlagNames()).toContain("stratos-ts.checktx-workers");
  });

  const BAD: [string, string, RegExp][] = [
    ["unknown strategy", 'pruning = "some"', /pruning: must be one of default, nothing, everything, custom/],
    ["custom interval 0", 'pruning = "custom"\npruning-keep-recent = 5', /pruning-interval: 'pruning-interval' must not be 0/],
    ["custom interval too small", 'pruning = "custom"\npruning-keep-recent = 5\npruning-interval = 9', /pruning-interval: .*less than 10/],
    ["custom keep-recent too small", 'pruning = "custom"\npruning-keep-recent = 1\npruning-interval = 10', /pruning-keep-recent: .*less than 2/],
    ["negative", "min-retain-blocks = -1", /min-retain-blocks: must be a non-negative integer/],
    ["fraction", "halt-height = 1.5", /halt-height: must be a non-negative integer/],
    ["not a bool", "[telemetry]\nenabled = 1", /telemetry.enabled: must be true or false/],
    ["bad address", '[grpc]\naddress = "nowhere"', /grpc.address: must be host:port/],
    ["bad port", '[api]\naddress = "tcp://127.0.0.1:70000"', /api.address: must be host:port/],
    ["too many workers", "[stratos-ts]\nchecktx-workers = 65", /checktx-workers: must be at most 64/],
    ["not a string", "minimum-gas-prices = 5", /minimum-gas-prices: must be a string/],
    ["not TOML", "pruning = ", /not valid TOML \(line 1/],
  ];
  it.each(BAD.map(([name, text, why]) => ({ name, text, why })))("refuses $name, naming the key", ({ text, why }) => {
    expect(() => parseAppToml(text, "app.toml")).toThrow(AppConfigError);
    expect(() => parseAppToml(text, "app.toml")).toThrow(why);
  });

  it("refuses bad flag values, naming the flag", () => {
    expect(() => applyAppConfigFlags(defaultAppConfig(), { "state-sync.snapshot-interval": "ten" })).toThrow(/--state-sync.snapshot-interval: must be a non-negative integer/);
    expect(() => applyAppConfigFlags(defaultAppConfig(), { pruning: "custom" })).toThrow(/flags: pruning-interval/);
  });

  it("writes the defaults on first start and reads the file after", () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "apptoml-"));
    try {
      const first = loadAppToml(home);
      expect(first.created).toBe(true);
      expect(fs.existsSync(path.join(home, "config", "app.toml"))).toBe(true);
      fs.appendFileSync(path.join(home, "config", "app.toml"), "");
      const text = fs.readFileSync(path.join(home, "config", "app.toml"), "utf8").replace('pruning = "default"', 'pruning = "everything"');
      fs.writeFileSync(path.join(home, "config", "app.toml"), text);
      const second = loadAppToml(home);
      expect(second.created).toBe(false);
      expect(second.config.pruning).toBe("everything");
    } finally {
      fs.rmSync(home, { recursive: true, force: true });
    }
  });
});
