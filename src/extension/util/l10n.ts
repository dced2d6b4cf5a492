// The one door for user-facing text. The vscode-free core (ari/, state/, connection/session,
// dialplan/core) shows text too (error hints, labels), so it cannot call vscode.l10n itself:
// activation installs vscode.l10n.t here, and plain Node (tests, the simulator) gets English
// with the {0} placeholders filled. scripts/l10n.mjs collects the literal of every t() call into
// l10n/bundle.l10n.json; test/unit/l10n checks the Russian bundle has each of them.
export type L10nArg = string | number | boolean;
export type Translate = (message: string, ...args: L10nArg[]) => string;

export function formatMessage(message: string, ...args: L10nArg[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

let translate: Translate = formatMessage;

/** Localised text. The message must be a string literal, so that it can be collected. */
export function t(message: string, ...args: L10nArg[]): string {
  return translate(message, ...args);
}

export function setTranslator(fn: Translate | undefined): void {
  translate = fn ?? formatMessage;
}
