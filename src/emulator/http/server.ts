import type { IncomingMessage, ServerResponse } from 'node:http';
import { admit, Refusal } from './admission';
import { receiveBody, runRoute } from './dispatch';
import { errorBody, Exchange } from './exchange';
import type { PipelineDeps } from './pipeline-deps';
import { jsonBody, writeBody } from './respond';

/**
 * The request pipeline: record → Host → authenticate → project → throttle → route → read and decompress the
 * body → injected faults → handler → answer. Nothing is read from a body before the request is known
 * to be allowed and routable. Every answer carries `x-request-id`.
 */
export function createRequestListener(
  deps: PipelineDeps,
): (req: IncomingMessage, res: ServerResponse, expectsContinue?: boolean) => void {
  return (req, res, expectsContinue = false) => {
    handle(deps, req, res, expectsContinue).catch((e: unknown) => {
      // Only reached on a bug in the pipeline itself; the socket must still be answered.
      if (!res.headersSent)
        void writeBody(res, jsonBody(500, { error: { code: 500, message: String(e) } }), deps.timers);
      else res.destroy();
    });
  };
}

/**
 * The server's `checkContinue` handler: a client that sent `Expect: 100-continue` is told to send its
 * body only once the request has passed every check that needs no body (Node would otherwise answer
 * `100 Continue` before the token is even looked at, inviting an unauthenticated upload).
 */
export function continueChecker(
  listener: ReturnType<typeof createRequestListener>,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => listener(req, res, true);
}

async function handle(
  deps: PipelineDeps,
  req: IncomingMessage,
  res: ServerResponse,
  expectsContinue: boolean,
): Promise<void> {
  const ex = new Exchange(req, res, deps);
  try {
    const admitted = await admit(deps, ex);
    const received = await receiveBody(deps, ex, admitted, expectsContinue);
    return await runRoute(deps, ex, admitted, received);
  } catch (e) {
    if (e instanceof Refusal) return ex.answer(errorBody(e.error));
    throw e;
  }
}
