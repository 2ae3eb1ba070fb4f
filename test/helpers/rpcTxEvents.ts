/**
 * The events of a delivered tx exactly as CometBFT's JSON-RPC serves them (`/tx?hash=0x…`): type,
 * attribute key, value and the `index` flag, in order. CosmJS's decoded events drop the index flag.
 */
export interface RpcEvent {
  readonly type: string;
  readonly attributes: ReadonlyArray<{ readonly key: string; readonly value: string; readonly index: boolean }>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function parseEvent(v: unknown): RpcEvent {
  if (!isRecord(v) || typeof v["type"] !== "string" || !Array.isArray(v["attributes"])) throw new Error(`rpcTxEvents: not an event: ${JSON.stringify(v)}`);
  return {
    type: v["type"],
    attributes: v["attributes"].map((a: unknown) => {
      if (!isRecord(a) || typeof a["key"] !== "string" || typeof a["value"] !== "string" || typeof a["index"] !== "boolean") {
        throw new Error(`rpcTxEvents: not an attribute: ${JSON.stringify(a)}`);
      }
      return { key: a["key"], value: a["value"], index: a["index"] };
    }),
  };
}

/** `hash`: the uppercase hex tx hash. */
export async function rpcTxEvents(rpcUrl: string, hash: string): Promise<RpcEvent[]> {
  const res = await fetch(`${rpcUrl}/tx?hash=0x${hash}`);
  const body: unknown = await res.json();
  const txResult = isRecord(body) && isRecord(body["result"]) ? body["result"]["tx_result"] : undefined;
  if (!isRecord(txResult) || !Array.isArray(txResult["events"])) throw new Error(`rpcTxEvents: no tx_result for ${hash}: ${JSON.stringify(body)}`);
  return txResult["events"].map(parseEvent);
}
