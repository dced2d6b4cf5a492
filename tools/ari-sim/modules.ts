// A realistic subset of the module list Asterisk 22 reports (GET /asterisk/modules).
import type { JsonObject } from './json';

const mod = (name: string, description: string, use_count = 0, support_level = 'core'): JsonObject => ({
  name,
  description,
  use_count,
  status: 'Running',
  support_level,
});

/** Modules whose AST_MODULE_INFO has a `.reload` (checked in the 22.10.1 sources). */
const RELOADABLE = new Set(['acl', 'http', 'app_playback.so', 'pbx_config.so', 'res_ari.so', 'res_musiconhold.so', 'res_pjsip.so']);

export const MODULES: JsonObject[] = [
  mod('acl', 'Named ACL system', 2),
  mod('app_bridgewait.so', 'Place the channel into a holding bridge application'),
  mod('app_dial.so', 'Dialing Application'),
  mod('app_echo.so', 'Simple Echo Application'),
  mod('app_playback.so', 'Sound File Playback Application'),
  mod('app_stasis.so', 'Stasis dialplan application', 2),
  mod('bridge_holding.so', 'Holding bridge module'),
  mod('bridge_simple.so', 'Simple two channel bridging module'),
  mod('bridge_softmix.so', 'Multi-party software based channel mixing'),
  mod('chan_pjsip.so', 'PJSIP Channel Driver'),
  mod('codec_gsm.so', 'GSM Coder/Decoder'),
  mod('format_gsm.so', 'Raw GSM data'),
  mod('format_wav.so', 'Microsoft WAV/WAV16 format (8kHz/16kHz Signed Linear)'),
  mod('func_channel.so', 'Channel information dialplan functions'),
  mod('http', 'Built-in HTTP Server', 1),
  mod('pbx_config.so', 'Text Extension Configuration'),
  mod('res_ari.so', 'Asterisk RESTful Interface', 11),
  mod('res_ari_applications.so', 'RESTful API module - Stasis application resources'),
  mod('res_ari_asterisk.so', 'RESTful API module - Asterisk resources'),
  mod('res_ari_bridges.so', 'RESTful API module - Bridge resources'),
  mod('res_ari_channels.so', 'RESTful API module - Channel resources'),
  mod('res_ari_device_states.so', 'RESTful API module - Device state resources'),
  mod('res_ari_endpoints.so', 'RESTful API module - Endpoint resources'),
  mod('res_ari_events.so', 'RESTful API module - WebSocket resource'),
  mod('res_ari_mailboxes.so', 'RESTful API module - Mailboxes resources'),
  mod('res_ari_playbacks.so', 'RESTful API module - Playback control resources'),
  mod('res_ari_recordings.so', 'RESTful API module - Recording resources'),
  mod('res_ari_sounds.so', 'RESTful API module - Sound resources'),
  mod('res_musiconhold.so', 'Music On Hold Resource'),
  mod('res_pjsip.so', 'Basic SIP resource', 0, 'core'),
  mod('res_stasis.so', 'Stasis application support', 13),
  mod('res_stasis_answer.so', 'Stasis application answer support'),
  mod('res_stasis_device_state.so', 'Stasis application device state support'),
  mod('res_stasis_playback.so', 'Stasis application playback support'),
  mod('res_stasis_recording.so', 'Stasis application recording support'),
  mod('res_stasis_snoop.so', 'Stasis application snoop support'),
];

/** main/loader.c resource_name_match: case-insensitive, a trailing ".so" on either side ignored. */
function baseName(name: string): string {
  return name.replace(/\.so$/i, '').toLowerCase();
}

export type ReloadResult = 'ok' | 'not-found' | 'not-implemented';

/**
 * The running module list of one boot, after main/loader.c: ast_module_check/find_resource match
 * by base name, ast_unload_resource (soft) refuses a module in use, ast_load_resource finds only
 * files that exist (the modules this server started with).
 */
export class ModuleTable {
  private running: JsonObject[] = MODULES.map((m) => ({ ...m }));

  list(): JsonObject[] {
    return this.running.map((m) => ({ ...m }));
  }
  /** ast_module_check */
  find(name: string): JsonObject | undefined {
    if (!name) return undefined;
    return this.running.find((m) => baseName(String(m.name)) === baseName(name));
  }
  /** identify_module: the ARI GET compares the full resource name with strcmp. */
  exact(name: string): JsonObject | undefined {
    return this.running.find((m) => m.name === name);
  }
  /** ast_load_resource for a module not running: false = no such file (AST_MODULE_LOAD_DECLINE). */
  load(name: string): boolean {
    const file = MODULES.find((m) => baseName(String(m.name)) === baseName(name) && String(m.name).endsWith('.so'));
    if (!file) return false;
    this.running.push({ ...file });
    this.running.sort((a, b) => String(a.name).localeCompare(String(b.name)));
    return true;
  }
  /** ast_unload_resource(AST_FORCE_SOFT): false when the use count is above 0. */
  unload(name: string): boolean {
    const m = this.find(name);
    if (!m || Number(m.use_count) > 0) return false;
    this.running = this.running.filter((x) => x !== m);
    return true;
  }
  /** ast_module_reload(name) */
  reload(name: string): ReloadResult {
    const m = this.find(name);
    if (!m) return 'not-found';
    return RELOADABLE.has(String(m.name)) ? 'ok' : 'not-implemented';
  }
}
