// One request to arXiv's export API with a time limit. Uses fetch(), which both the Node (18+) and the web
// extension hosts provide; no vscode import, so the unit tests run it against a local server.

export type ArxivResponse =
  | { kind: 'ok'; body: string }
  | { kind: 'rate-limited'; retryAfterSeconds?: number }
  | { kind: 'http-error'; status: number }
  | { kind: 'timeout' }
  | { kind: 'network'; detail: string }
  | { kind: 'cancelled' };

export interface ArxivRequestOptions {
  timeoutMs: number;
  /** Aborts the request when it fires (e.g. the progress notification's Cancel). */
  cancel?: { onCancellationRequested(listener: () => void): unknown; isCancellationRequested: boolean };
}

export async function requestArxiv(url: string, options: ArxivRequestOptions): Promise<ArxivResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  options.cancel?.onCancellationRequested(() => controller.abort());
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { accept: 'application/atom+xml' } });
    // The body can be slow too, so the time limit covers reading it.
    const body = await response.text();
    if (response.status === 429 || response.status === 503) {
      const retry = Number(response.headers.get('retry-after'));
      return { kind: 'rate-limited', ...(Number.isFinite(retry) && retry > 0 ? { retryAfterSeconds: retry } : {}) };
    }
    if (!response.ok) {
      return { kind: 'http-error', status: response.status };
    }
    return { kind: 'ok', body };
  } catch (error) {
    if (timedOut) {
      return { kind: 'timeout' };
    }
    if (options.cancel?.isCancellationRequested) {
      return { kind: 'cancelled' };
    }
    return { kind: 'network', detail: describe(error) };
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const code = typeof cause === 'object' && cause !== null ? (cause as { code?: string }).code : undefined;
    return code ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
