#!/usr/bin/env node
/**
 * `stchaind`: the node and the operator's tools. This file only dispatches to the command groups
 * (startCommand, keysCommands, genesisCommands, txCommands, queryCommands) and turns every error
 * into one line on stderr and a non-zero exit code.
 */
import { CliError } from "./common.js";

// Command groups are imported when used: `keys` need not load the whole app (a second of startup).
const GENESIS_COMMANDS = ["init", "add-genesis-account", "gentx", "collect-gentxs", "validate-genesis"];

const USAGE = `stchaind — the stratos-ts node and its operator tools

Usage: stchaind <command> … (every verb takes --help; --output json|text; --home DIR, default ~/.stchaind)

  start                 serve the application over ABCI (see stchaind start --help)
  version               print the version
  status                the node's CometBFT status (node_info, sync_info, validator_info)
  config                client.toml: default chain-id, keyring-backend, node, output
  keys                  add | list | show | delete | rename | export | import | mnemonic
  init                  create a node home and a genesis with the default app_state
  add-genesis-account   fund an account in the genesis
  gentx                 sign this node's genesis validator transaction
  collect-gentxs        put the gentxs of config/gentx/ into the genesis
  add-genesis-meta-node put meta nodes (config/genmetanodes/*.json or --pubkey …) into the genesis
  validate-genesis      check a genesis the way the node's InitChain does
  export                the app state of a stopped node as a genesis (latest or --height)
  tx                    <module> <verb> for bank, staking, distribution, slashing, gov, register, sds, pot, crisis;
                        sign <file> | broadcast <file> (with --generate-only on any verb)
  query                 <module> <verb> for every module's gRPC queries (generated); tx <hash>; txs --events`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "start":
      return (await import("./startCommand.js")).runStart(rest);
    case "version": {
      const { APP_NAME, APP_VERSION } = await import("../node/app.js");
      process.stdout.write(`${APP_NAME} ${APP_VERSION}\n`);
      return 0;
    }
    case "keys":
      return (await import("./keysCommands.js")).runKeys(rest);
    case "tx":
      return (await import("./txCommands.js")).runTx(rest);
    case "status":
      return (await import("./nodeCommands.js")).runStatus(rest);
    case "export":
      return (await import("./nodeCommands.js")).runExport(rest);
    case "add-genesis-meta-node":
      return (await import("./nodeCommands.js")).runAddGenesisMetaNode(rest);
    case "config":
      return (await import("./clientConfig.js")).runConfig(rest);
    case "query":
    case "q":
      return (await import("./queryCommands.js")).runQuery(rest);
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(USAGE + "\n");
      return command === undefined ? 2 : 0;
    default: {
      if (GENESIS_COMMANDS.includes(command)) return (await import("./genesisCommands.js")).GENESIS_VERBS[command]!.run(rest);
      throw new CliError(`unknown command ${command} (stchaind --help lists them)`, 2);
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Bad input (CliError) and a bad app.toml or flag value (AppConfigError): the message says what is
    // wrong, on one line; anything else is a bug or an environment failure, its stack only with STCHAIND_DEBUG.
    if (error instanceof CliError || (error instanceof Error && error.name === "AppConfigError")) {
      process.stderr.write(`stchaind: ${error.message.replace(/\s*\n\s*/g, " ")}\n`);
      process.exit(error instanceof CliError ? error.exitCode : 2);
    }
    const text = error instanceof Error ? (process.env["STCHAIND_DEBUG"] ? (error.stack ?? error.message) : error.message.replace(/\s*\n\s*/g, " ")) : String(error);
    process.stderr.write(`stchaind: ${text}\n`);
    process.exit(1);
  },
);
