// Sends a prepared request and turns the answer — or the error answer — into the JSON
// document the user sees: request, status, headers, body (or the server's error and hint).
// No vscode: tested against the simulator.
import type { CommandSession } from '../session';
import { requestUrl, type PreparedRequest } from './request';

export interface SendOutcome {
  /** HTTP status; undefined when there was no answer (refused, timeout, TLS). */
  status?: number;
  document: ResponseDocument;
}

export interface ResponseDocument {
  request: { method: string; url: string; body?: unknown };
  status: number | null;
  headers?: Record<string, string>;
  body?: unknown;
  error?: string;
  hint?: string | null;
}

export async function sendPrepared(session: CommandSession, req: PreparedRequest): Promise<SendOutcome> {
  // The URL shown never carries credentials: the client sends them in a header.
  const request = { method: req.method, url: requestUrl(session.rest.baseUrl, req), ...(req.body !== undefined ? { body: req.body } : {}) };
  try {
    const r = await session.rest.request<unknown>(req.method, req.path, { query: req.query, body: req.body });
    const body = r.body !== undefined && r.body !== null && r.body !== '' ? r.body : r.text || null;
    return { status: r.status, document: { request, status: r.status, headers: r.headers, body } };
  } catch (err) {
    // An error answer is still an answer: show what the server said, and what to do.
    const e = err as { status?: number; serverMessage?: string; hint?: string; message?: string };
    return {
      status: e.status,
      document: { request, status: e.status ?? null, error: e.serverMessage ?? e.message ?? String(err), hint: e.hint ?? null },
    };
  }
}
