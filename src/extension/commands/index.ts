// Registers every ARI command (typed commands per area, the generic invoker) and the
// read-only response documents they open. One Disposable for extension.ts.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { registerBridgeCommands } from './bridge';
import { registerChannelCommands } from './channel';
import { registerInvokerCommands } from './invoker';
import { registerPlaybackCommands } from './playback';
import { registerRecordingCommands } from './recording';
import { ResponseDocuments } from './responseDocuments';
import { registerServerCommands } from './server';

export function registerAriCommands(services: Services): vscode.Disposable {
  const documents = new ResponseDocuments();
  return vscode.Disposable.from(
    documents,
    ...registerChannelCommands(services),
    ...registerBridgeCommands(services),
    ...registerPlaybackCommands(services),
    ...registerRecordingCommands(services),
    ...registerServerCommands(services, documents),
    ...registerInvokerCommands(services, documents),
  );
}
