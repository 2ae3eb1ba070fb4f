import { ErrPanic, TxError } from "../../../baseapp/errors.js";

/**
 * Runs `body`; a registered error it throws comes out as `outer` wrapping its text — the reference's
 * `errors.Wrap(outer, err.Error())`: the code of `outer`, the log "<inner>: <outer>" (spec-register §0
 * "W ⊃ E"). A panic (code 111222) is not wrapped: the reference's recovery reports it as it is.
 */
export function wrapIn<T>(outer: TxError, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof TxError && !ErrPanic.is(e)) throw outer.wrap(e.message);
    throw e;
  }
}
