/**
 * The mint keeper: state I/O of the minter and the params (SDK v0.47 `x/mint/keeper/keeper.go`).
 */
import type { ReadContext } from "../../baseapp/context.js";
import { plainError } from "../../baseapp/errors.js";
import type { AccountsForMint, BankForMint, StakingForMint, WriteContext } from "./expected.js";
import { MINT_STORE_KEY, MINTER_KEY, PARAMS_KEY } from "./keys.js";
import { validateMintParams } from "./params.js";
import { decodeMinter, decodeParams, encodeMinter, encodeParams } from "./store.js";
import type { Minter, MintParams } from "./types.js";

export interface MintKeeperDeps {
  readonly bank: BankForMint;
  readonly accounts: AccountsForMint;
  readonly staking: StakingForMint;
  /** Bech32 address of the MsgUpdateParams authority (the gov module account). */
  readonly authority: string;
}

export class MintKeeper {
  constructor(readonly deps: MintKeeperDeps) {}

  /** `GetMinter`: the reference panics when none was stored (genesis always stores one). */
  getMinter(ctx: ReadContext): Minter {
    const bytes = ctx.kv(MINT_STORE_KEY).get(MINTER_KEY);
    if (bytes === undefined) throw new Error("stored minter should not have been nil");
    return decodeMinter(bytes);
  }

  setMinter(ctx: WriteContext, minter: Minter): void {
    ctx.kv(MINT_STORE_KEY).set(MINTER_KEY, encodeMinter(minter));
  }

  /** `GetParams`; undefined before genesis stored any (the reference returns Go's zero params). */
  getParams(ctx: ReadContext): MintParams | undefined {
    const bytes = ctx.kv(MINT_STORE_KEY).get(PARAMS_KEY);
    return bytes === undefined ? undefined : decodeParams(bytes);
  }

  /** `SetParams`: validates first (a plain error, code 1, as the reference returns it). */
  setParams(ctx: WriteContext, params: MintParams): void {
    const problem = validateMintParams(params);
    if (problem !== undefined) throw plainError(problem);
    ctx.kv(MINT_STORE_KEY).set(PARAMS_KEY, encodeParams(params));
  }
}
