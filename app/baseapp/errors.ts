/**
 * Registered errors: a codespace + code + short text, as the Cosmos SDK's `errors.Register`.
 * Baseapp turns them into ABCI result codes; anything else thrown is a bug (codespace "undefined").
 */
export class TxError extends Error {
  override readonly name = "TxError";
  constructor(
    readonly codespace: string,
    readonly code: number,
    log: string,
    /** The wrap contexts, innermost first (the log is "<last>: … <first>: <root text>"). */
    private readonly contexts: readonly string[] = [],
    private readonly root: string = log,
  ) {
    super(log);
  }

  /** SDK `errors.Wrap`: the log becomes "<context>: <log>", codespace and code stay. */
  wrap(context: string): TxError {
    return new TxError(this.codespace, this.code, `${context}: ${this.message}`, [...this.contexts, context], this.root);
  }

  /**
   * The error's text as a gRPC status message (cosmossdk.io/errors `GRPCStatus`): the root error as
   * "codespace C code N: text", then each wrap's context, innermost first.
   */
  grpcMessage(): string {
    return [`codespace ${this.codespace} code ${this.code}: ${this.root}`, ...this.contexts].join(": ");
  }

  /** True if `e` carries the same codespace and code (SDK `errors.Is` on registered errors). */
  is(e: unknown): boolean {
    return e instanceof TxError && e.codespace === this.codespace && e.code === this.code;
  }
}

export const UNDEFINED_CODESPACE = "undefined";

const registered = new Map<string, TxError>();

export function registerError(codespace: string, code: number, text: string): TxError {
  const id = `${codespace}:${code}`;
  if (registered.has(id)) throw new Error(`error ${id} registered twice`);
  if (code === 1) throw new Error("error code 1 is reserved for internal errors");
  const err = new TxError(codespace, code, text);
  registered.set(id, err);
  return err;
}

/**
 * A plain (unregistered) Go error as it reaches a tx result (`fmt.Errorf` / `errors.New` returned where
 * the SDK expects a registered one): codespace "undefined", code 1, the text as is (cosmossdk.io/errors
 * `ABCIInfo` on an error without a code). The one helper every module uses for these.
 */
export function plainError(text: string): TxError {
  return new TxError(UNDEFINED_CODESPACE, 1, text);
}

/** The ABCI view of any error: registered errors keep their code, anything else is an internal error. */
export function toAbciError(e: unknown): { codespace: string; code: number; log: string } {
  if (e instanceof TxError) return { codespace: e.codespace, code: e.code, log: e.message };
  // SDK: an unregistered error is ErrInternal (undefined/1) with its text.
  const text = e instanceof Error ? e.message : String(e);
  return { codespace: UNDEFINED_CODESPACE, code: 1, log: text };
}

// Codespace "sdk" (cosmos-sdk types/errors/errors.go). Texts are the SDK's.
const SDK = "sdk";
export const ErrTxDecode = registerError(SDK, 2, "tx parse error");
export const ErrInvalidSequence = registerError(SDK, 3, "invalid sequence");
export const ErrUnauthorized = registerError(SDK, 4, "unauthorized");
export const ErrInsufficientFunds = registerError(SDK, 5, "insufficient funds");
export const ErrUnknownRequest = registerError(SDK, 6, "unknown request");
export const ErrInvalidAddress = registerError(SDK, 7, "invalid address");
export const ErrInvalidPubKey = registerError(SDK, 8, "invalid pubkey");
export const ErrUnknownAddress = registerError(SDK, 9, "unknown address");
export const ErrInvalidCoins = registerError(SDK, 10, "invalid coins");
export const ErrOutOfGas = registerError(SDK, 11, "out of gas");
export const ErrMemoTooLarge = registerError(SDK, 12, "memo too large");
export const ErrInsufficientFee = registerError(SDK, 13, "insufficient fee");
export const ErrTooManySignatures = registerError(SDK, 14, "maximum number of signatures exceeded");
export const ErrNoSignatures = registerError(SDK, 15, "no signatures supplied");
export const ErrJSONMarshal = registerError(SDK, 16, "failed to marshal JSON bytes");
export const ErrJSONUnmarshal = registerError(SDK, 17, "failed to unmarshal JSON bytes");
export const ErrInvalidRequest = registerError(SDK, 18, "invalid request");
export const ErrTxInMempoolCache = registerError(SDK, 19, "tx already in mempool");
export const ErrMempoolIsFull = registerError(SDK, 20, "mempool is full");
export const ErrTxTooLarge = registerError(SDK, 21, "tx too large");
export const ErrKeyNotFound = registerError(SDK, 22, "key not found");
export const ErrWrongPassword = registerError(SDK, 23, "invalid account password");
export const ErrorInvalidSigner = registerError(SDK, 24, "tx intended signer does not match the given signer");
export const ErrorInvalidGasAdjustment = registerError(SDK, 25, "invalid gas adjustment");
export const ErrInvalidHeight = registerError(SDK, 26, "invalid height");
export const ErrInvalidVersion = registerError(SDK, 27, "invalid version");
export const ErrInvalidChainID = registerError(SDK, 28, "invalid chain-id");
export const ErrInvalidType = registerError(SDK, 29, "invalid type");
export const ErrTxTimeoutHeight = registerError(SDK, 30, "tx timeout height");
export const ErrUnknownExtensionOptions = registerError(SDK, 31, "unknown extension options");
export const ErrWrongSequence = registerError(SDK, 32, "incorrect account sequence");
export const ErrPackAny = registerError(SDK, 33, "failed packing protobuf message to Any");
export const ErrUnpackAny = registerError(SDK, 34, "failed unpacking protobuf message from Any");
export const ErrLogic = registerError(SDK, 35, "internal logic error");
export const ErrConflict = registerError(SDK, 36, "conflict");
export const ErrNotSupported = registerError(SDK, 37, "feature not supported");
export const ErrNotFound = registerError(SDK, 38, "not found");
export const ErrIO = registerError(SDK, 39, "Internal IO error");
export const ErrAppConfig = registerError(SDK, 40, "error in app.toml");
export const ErrInvalidGasLimit = registerError(SDK, 41, "invalid gas limit");
/** A JS exception escaping a handler is reported like a recovered Go panic. */
export const ErrPanic = registerError(UNDEFINED_CODESPACE, 111222, "panic");

/**
 * gov's `ErrInvalidSigner` (codespace `gov`, code 13), returned by the auth and bank `MsgUpdateParams` /
 * `MsgSetSendEnabled` handlers for a wrong authority. The gov module owns it: this shared copy is
 * deliberately unregistered (same codespace, code and text), so the modules that return it load without
 * gov. When a gov module registers the error, it should export that one and this copy should go.
 */
export const ErrGovInvalidSigner = new TxError("gov", 13, "expected gov account as only signer for proposal message");
