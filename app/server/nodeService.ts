/** `cosmos.base.node.v1beta1.Service/Config` (SDK v0.47): the node's minimum gas prices. */
import { create, toBinary } from "@bufbuild/protobuf";
import { ConfigResponseSchema } from "../codec/cosmos/base/node/v1beta1/query_pb.js";
import { parseDecCoins } from "../math/coinParse.js";
import type { NodeMethod } from "./methods.js";

export function nodeServiceMethods(minimumGasPrices: string, lastHeight: () => number): Map<string, NodeMethod> {
  // The SDK answers `MinGasPrices().String()`: DecCoins with 18 decimals.
  const text = minimumGasPrices.trim() === "" ? "" : parseDecCoins(minimumGasPrices).toString();
  const value = toBinary(ConfigResponseSchema, create(ConfigResponseSchema, { minimumGasPrice: text }));
  return new Map([["/cosmos.base.node.v1beta1.Service/Config", () => ({ value, height: lastHeight() })]]);
}
