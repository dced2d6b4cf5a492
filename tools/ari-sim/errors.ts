// An error a REST handler throws to answer with a given status and ARI body.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Asterisk uses `{"error": ...}` for a few allocation failures instead of `message`. */
    readonly key: 'message' | 'error' = 'message',
  ) {
    super(message);
  }
  body(): Record<string, string> {
    return { [this.key]: this.message };
  }
}

export const notFound = (what: string): HttpError => new HttpError(404, `${what} not found`);
