/** What crisis needs from bank (SDK v0.47 `x/crisis/types/expected_keepers.go`): moving the fee. */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import type { ReadContext } from "../../baseapp/context.js";
import type { Coins } from "../../math/coins.js";
import type { KVStore, StoreName } from "../../store/types.js";

/** Store writes and the event sink (a baseapp `Context` is one). */
export interface WriteContext extends ReadContext {
  kv(name: StoreName): KVStore;
  emit(event: Event): void;
}

export interface BankForCrisis {
  sendCoinsFromAccountToModule(ctx: WriteContext, sender: Uint8Array, recipientModule: string, amount: Coins): void;
}
