/**
 * Test-only: the modules pot works with (auth, bank, distribution, register, pot) over one in-memory
 * store, started from a genesis built by `buildAppState`, with volume reports executed through the real
 * message route and signed with the project's BLS code. For pot's genesis, query and invariant tests;
 * whole-tx scenarios live in testkit.ts.
 *
 * Default genesis = spec-pot TV1 after the prepay (register's "state P"): RES1…RES5 and META1…META3 with
 * 1 STOS each, the node pools funded, Pt = 20 STOS, Lt = 2 285 714 285 715, the foundation holding
 * 40 000 000 STOS.
 */
import { create, toBinary } from "@bufbuild/protobuf";
import type { Context } from "../../baseapp/context.js";
import { createTestContext } from "../../baseapp/testing.js";
import { MsgVolumeReportSchema, MsgWithdrawSchema } from "../../codec/stratos/pot/v1/tx_pb.js";
import { BECH32_PREFIX, formatBech32Address } from "../../crypto/address.js";
import { blsAggregateSignatures, blsKeyFromSecret, blsPublicKey, blsSign, type BlsSecretKey } from "../../crypto/bls/index.js";
import { sdsAddressOfPubKey } from "../../crypto/sdsKeys.js";
import { buildAppState, type GenesisNode, type GenesisSpec } from "../../node/genesisBuilder.js";
import type { ModuleHooks } from "../../baseapp/block.js";
import { createAuthModule } from "../auth/index.js";
import { createBankModule } from "../bank/index.js";
import { createDistributionModule, NO_VALIDATORS } from "../distribution/index.js";
import { createRegisterModule } from "../register/index.js";
import { createPotModule, type PotKeeper } from "./index.js";
import { volumeReportTxData } from "./logic/volumeReportSignBytes.js";
import { volumeReportRoute } from "./msgs/volumeReport.js";
import { withdrawRoute } from "./msgs/withdraw.js";

export const STOS = 10n ** 18n;

/** A 20-byte account address filled with `fill`. */
export const wallet = (fill: number): string => formatBech32Address(new Uint8Array(20).fill(fill), BECH32_PREFIX.account);

const edKey = (fill: number): Uint8Array => new Uint8Array(32).fill(fill);
export const RES = [1, 2, 3, 4, 5].map((i) => ({ name: `RES${i}`, owner: wallet(0x30 + i), pubKey: edKey(0x10 + i) }));
export const META = [1, 2, 3].map((i) => ({ name: `META${i}`, owner: wallet(0x40 + i), pubKey: edKey(0x20 + i) }));
export const netOf = (n: { pubKey: Uint8Array }): string => sdsAddressOfPubKey(n.pubKey);

/** META1…META3's BLS keys: the TV6 seeds 32×0x11, 32×0x22, 32×0x33. */
export const META_BLS: readonly BlsSecretKey[] = [0x11, 0x22, 0x33].map((b) => blsKeyFromSecret(new Uint8Array(32).fill(b)));

export interface PotChain {
  readonly ctx: Context;
  readonly pot: PotKeeper;
  readonly modules: readonly ModuleHooks[];
  readonly auth: ReturnType<typeof createAuthModule>;
  readonly bank: ReturnType<typeof createBankModule>;
  readonly distribution: ReturnType<typeof createDistributionModule>;
  readonly register: ReturnType<typeof createRegisterModule>;
  /** name → problem of every failing pot invariant. */
  broken(): Record<string, string>;
}

/** The five modules wired as app/node/app.ts wires them, genesis applied in their InitGenesis order. */
export function startChain(appState: Readonly<Record<string, unknown>>, referenceQuirks = false): PotChain {
  const auth = createAuthModule();
  const bank = createBankModule(auth.keeper);
  const distribution = createDistributionModule({ bank: bank.keeper, accounts: auth.keeper, staking: NO_VALIDATORS, authority: auth.keeper.authority });
  const register = createRegisterModule({ bank: bank.keeper, accounts: auth.keeper, communityPool: distribution.keeper, authority: auth.keeper.authority });
  const pot = createPotModule({
    register: register.keeper, bank: bank.keeper, distribution: distribution.keeper, accounts: auth.keeper, authority: auth.keeper.authority, referenceQuirks,
  });
  const ctx = createTestContext({ mode: "initGenesis", header: { height: 1n } });
  const modules = [auth.module, bank.module, distribution.module, register.module, pot.module];
  for (const m of modules) m.initGenesis?.(ctx, appState[m.name]);
  const invariants = pot.module.invariants ?? {};
  return {
    ctx, pot: pot.keeper, modules, auth, bank, distribution, register,
    broken: () => Object.fromEntries(Object.entries(invariants).flatMap(([name, check]) => {
      const problem = check(ctx);
      return problem === undefined ? [] : [[name, problem]];
    })),
  };
}

/** Every module's export, as JSON text would carry it. */
export function exportAppState(c: PotChain): Record<string, unknown> {
  const state: Record<string, unknown> = {};
  for (const m of c.modules) if (m.exportGenesis) state[m.name] = m.exportGenesis(c.ctx);
  return JSON.parse(JSON.stringify(state)) as Record<string, unknown>;
}

/** TV1 state P as a GenesisSpec; `pot` fields and extra accounts can be added. */
export function statePSpec(over: Partial<GenesisSpec> = {}): GenesisSpec {
  const nodes: GenesisNode[] = [
    ...RES.map((n): GenesisNode => ({ kind: "resource", ownerAddress: n.owner, pubKey: n.pubKey, tokens: STOS, moniker: n.name })),
    ...META.map((n): GenesisNode => ({ kind: "meta", ownerAddress: n.owner, pubKey: n.pubKey, tokens: STOS, moniker: n.name })),
  ];
  return {
    accounts: [...RES, ...META].map((n) => ({ address: n.owner, balance: 100n * STOS })),
    nodes,
    moduleBalances: {
      resource_node_bonded_pool: 5n * STOS, meta_node_bonded_pool: 3n * STOS, total_unissued_prepay: 20n * STOS, foundation_account: 40_000_000n * STOS,
    },
    register: { remaining_noz_limit: "2285714285715" },
    // A chain of pot and the modules below it: no staking, so no genesis validator operator.
    validatorOperator: null,
    ...over,
  };
}

export function statePChain(over: Partial<GenesisSpec> = {}): PotChain {
  return startChain(buildAppState(statePSpec(over)));
}

/** Executes a MsgVolumeReport by META1's owner, signed by META1…META3, through the real route. */
export function report(c: PotChain, epoch: bigint, volumes: ReadonlyArray<readonly [string, bigint]>): void {
  const reporter = netOf(META[0]!);
  const reporterOwner = META[0]!.owner;
  const reportReference = `ref-${epoch}`;
  const walletVolumes = volumes.map(([walletAddress, volume]) => ({ walletAddress, volume }));
  const txData = volumeReportTxData({ walletVolumes, reporter, epoch, reportReference, reporterOwner });
  const msg = create(MsgVolumeReportSchema, {
    walletVolumes: walletVolumes.map((v) => ({ walletAddress: v.walletAddress, volume: v.volume.toString() })),
    reporter, epoch: epoch.toString(), reportReference, reporterOwner,
    BLSSignature: { pubKeys: META_BLS.map(blsPublicKey), signature: blsAggregateSignatures(META_BLS.map((sk) => blsSign(sk, txData))), txData },
  });
  const decoded = volumeReportRoute(c.pot).decode(toBinary(MsgVolumeReportSchema, msg));
  decoded.validateBasic();
  decoded.execute(c.ctx);
}

export function withdraw(c: PotChain, from: string, amount: bigint, target: string): void {
  const msg = create(MsgWithdrawSchema, { walletAddress: from, targetAddress: target, amount: amount === 0n ? [] : [{ denom: "wei", amount: amount.toString() }] });
  const decoded = withdrawRoute(c.pot).decode(toBinary(MsgWithdrawSchema, msg));
  decoded.validateBasic();
  decoded.execute(c.ctx);
}

/** Every key/value of the pot store as hex (optionally without some one-byte prefixes). */
export function potStoreDump(c: PotChain, skipPrefixes: readonly number[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of c.ctx.kv("pot").iterator()) {
    if (skipPrefixes.includes(key[0] ?? -1)) continue;
    out[Buffer.from(key).toString("hex")] = Buffer.from(value).toString("hex");
  }
  return out;
}
