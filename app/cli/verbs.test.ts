import { describe, expect, it } from "vitest";
import { GENESIS_VERBS } from "./genesisCommands.js";
import { KEYS_VERBS } from "./keysCommands.js";
import { QUERY_VERBS } from "./queryCommands.js";
import { TX_VERBS } from "./txCommands.js";
import type { Verb } from "./common.js";

const all: Array<[string, Verb]> = [
  ...Object.entries(KEYS_VERBS).map(([n, v]): [string, Verb] => [`keys ${n}`, v.verb]),
  ...Object.entries(GENESIS_VERBS).map(([n, v]): [string, Verb] => [n, v.verb]),
  ...Object.entries(TX_VERBS).flatMap(([m, vs]) => Object.entries(vs).map(([n, v]): [string, Verb] => [`tx ${m} ${n}`, v.verb])),
  ...Object.entries(QUERY_VERBS).flatMap(([m, vs]) => Object.entries(vs).map(([n, v]): [string, Verb] => [`query ${m} ${n}`, v.verb])),
];

describe("every stchaind verb documents itself", () => {
  it.each(all)("%s has a usage naming it and a runnable-looking example", (name, verb) => {
    expect(verb.usage.startsWith(`stchaind ${name}`)).toBe(true);
    expect(verb.example.split("\n")[0]).toMatch(new RegExp(`^(echo .*\\| )?stchaind ${name}( |$)`));
  });

  it("covers the verbs this slice promises", () => {
    expect(all.map(([n]) => n)).toEqual(expect.arrayContaining([
      "keys add", "keys list", "keys show", "keys delete", "keys rename", "keys export", "keys import", "keys mnemonic",
      "init", "add-genesis-account", "gentx", "collect-gentxs", "validate-genesis",
      "tx bank send", "tx staking delegate", "tx distribution withdraw-rewards", "tx gov vote", "tx register create-resource-node",
      "query bank balances", "query staking validators", "query register resource-node",
    ]));
  });
});
