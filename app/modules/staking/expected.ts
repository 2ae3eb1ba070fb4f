/** What staking needs from the modules below it (filled in with the staking keeper). */
import type { Event } from "cosmjs-types/tendermint/abci/types";
import type { ReadContext } from "../../baseapp/context.js";
import type { KVStore, StoreName } from "../../store/types.js";

export interface WriteContext extends ReadContext {
  kv(name: StoreName): KVStore;
  emit(event: Event): void;
}
