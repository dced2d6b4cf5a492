// What the shared fake vscode module lacks and the commands use: a scripted createQuickPick,
// QuickPickItemKind and ViewColumn. Import it right after ../fakes/register-vscode and before the code under
// test: modules copy the export list of 'vscode' when they load. Each test file runs in its
// own process (node --test), so nothing leaks into other tests.
import assert from 'node:assert/strict';

export interface QpItem {
  label: string;
  action?: string;
  value?: string;
  description?: string;
}

export class ScriptedQuickPick {
  items: QpItem[] = [];
  selectedItems: QpItem[] = [];
  activeItems: QpItem[] = [];
  value = '';
  title = '';
  placeholder = '';
  canSelectMany = false;
  ignoreFocusOut = false;
  matchOnDescription = false;
  private readonly change: ((v: string) => void)[] = [];
  private readonly accept: (() => void)[] = [];
  private readonly hidden: (() => void)[] = [];
  onDidChangeValue = (l: (v: string) => void) => (this.change.push(l), { dispose() {} });
  onDidAccept = (l: () => void) => (this.accept.push(l), { dispose() {} });
  onDidHide = (l: () => void) => (this.hidden.push(l), { dispose() {} });
  show(): void {
    const step = script.shift();
    assert.ok(step, `no scripted answer for ${this.title}`);
    titles.push(this.title);
    queueMicrotask(() => step(this));
  }
  hide(): void {
    for (const l of this.hidden) l();
  }
  dispose(): void {}
  type(text: string): void {
    this.value = text;
    for (const l of this.change) l(text);
  }
  choose(pred: (i: QpItem) => boolean): void {
    const item = this.items.find(pred);
    assert.ok(item, `no item in ${this.title}: ${this.items.map((i) => i.label).join(' | ')}`);
    this.selectedItems = [item];
    this.activeItems = [item];
    for (const l of this.accept) l();
  }
}

export type Step = (qp: ScriptedQuickPick) => void;
export const script: Step[] = [];
export const titles: string[] = [];
export const typeValue = (text: string): Step => (qp) => {
  qp.type(text);
  qp.choose((i) => i.label === text);
};
export const sendNow: Step = (qp) => qp.choose((i) => i.action === 'sendNow');

// The very module object the code under test gets from require('vscode').
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vscodeModule = require('vscode') as { window: object; QuickPickItemKind?: unknown; ViewColumn?: unknown };
Object.assign(vscodeModule.window, { createQuickPick: () => new ScriptedQuickPick() });
if (!vscodeModule.QuickPickItemKind) Object.assign(vscodeModule, { QuickPickItemKind: { Separator: -1, Default: 0 } });
if (!vscodeModule.ViewColumn) Object.assign(vscodeModule, { ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 } });

