/**
 * The renderer's way to the API. A transport moves (method, input) to the main side and brings
 * back a Result; the client turns error results into thrown ClientErrors so components can use
 * try/catch. The transport is chosen once at start: the Electron bridge when the preload exposed
 * it, HTTP to the local server otherwise.
 */
import type { Input, Method, Output } from '../../common/api';
import type { ErrorData, Result } from '../../common/errors';
import { SECRET_HEADER, SECRET_META } from '../../common/transport';

export type Transport = (method: string, input: unknown) => Promise<Result<unknown>>;

export class ClientError extends Error {
  readonly code: ErrorData['code'];
  readonly details?: unknown;
  constructor(error: ErrorData) {
    super(error.message);
    this.name = 'ClientError';
    this.code = error.code;
    this.details = error.details;
  }
}

export interface Client {
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  /** The raw transport, for callers that want results as data. */
  invoke: Transport;
}

export function createClient(transport: Transport): Client {
  return {
    invoke: transport,
    async call(method, input) {
      const result = await transport(method, input);
      if (!result.ok) throw new ClientError(result.error);
      return result.value as never;
    },
  };
}

interface Bridge {
  invoke: (method: string, input: unknown) => Promise<Result<unknown>>;
}

declare global {
  interface Window {
    workbench?: Bridge;
  }
}

export function httpTransport(secret: string, base = ''): Transport {
  return async (method, input) => {
    let res: Response;
    try {
      res = await fetch(`${base}/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [SECRET_HEADER]: secret },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: 'The workbench server is not reachable. Is it still running?' } };
    }
    try {
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: `The server answered ${res.status} without a result.` } };
    }
  };
}

export function secretFromPage(doc: Document = document): string {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${SECRET_META}"]`)?.content ?? '';
}

export function pickTransport(): { transport: Transport; kind: 'electron' | 'browser' } {
  if (window.workbench?.invoke) {
    const bridge = window.workbench;
    return { transport: (m, i) => bridge.invoke(m, i), kind: 'electron' };
  }
  return { transport: httpTransport(secretFromPage()), kind: 'browser' };
}
