import type { AsteriskInfo, AsteriskPing, ConfigTuple, LogChannel, Module, Variable } from '../models.generated';
import { type AriCaller, seg } from './caller';

export type AsteriskInfoPart = 'build' | 'system' | 'config' | 'status';

export class AsteriskResource {
  constructor(private readonly r: AriCaller) {}

  info(only?: AsteriskInfoPart | AsteriskInfoPart[]): Promise<AsteriskInfo> {
    return this.r.call('GET', '/asterisk/info', { only });
  }
  ping(): Promise<AsteriskPing> {
    return this.r.call('GET', '/asterisk/ping');
  }
  listModules(): Promise<Module[]> {
    return this.r.call('GET', '/asterisk/modules');
  }
  getModule(name: string): Promise<Module> {
    return this.r.call('GET', `/asterisk/modules/${seg(name)}`);
  }
  loadModule(name: string): Promise<void> {
    return this.r.call('POST', `/asterisk/modules/${seg(name)}`);
  }
  unloadModule(name: string): Promise<void> {
    return this.r.call('DELETE', `/asterisk/modules/${seg(name)}`);
  }
  reloadModule(name: string): Promise<void> {
    return this.r.call('PUT', `/asterisk/modules/${seg(name)}`);
  }
  getGlobalVar(variable: string): Promise<Variable> {
    return this.r.call('GET', '/asterisk/variable', { variable });
  }
  setGlobalVar(variable: string, value?: string): Promise<void> {
    return this.r.call('POST', '/asterisk/variable', { variable, value });
  }
  listLogChannels(): Promise<LogChannel[]> {
    return this.r.call('GET', '/asterisk/logging');
  }
  /** `configuration`: the levels, e.g. `notice,warning,error`. */
  addLog(logChannelName: string, configuration: string): Promise<void> {
    return this.r.call('POST', `/asterisk/logging/${seg(logChannelName)}`, { configuration });
  }
  deleteLog(logChannelName: string): Promise<void> {
    return this.r.call('DELETE', `/asterisk/logging/${seg(logChannelName)}`);
  }
  rotateLog(logChannelName: string): Promise<void> {
    return this.r.call('PUT', `/asterisk/logging/${seg(logChannelName)}/rotate`);
  }
  /** Sorcery dynamic configuration, e.g. ('res_pjsip', 'endpoint', 'alice'). */
  getObject(configClass: string, objectType: string, id: string): Promise<ConfigTuple[]> {
    return this.r.call('GET', `/asterisk/config/dynamic/${seg(configClass)}/${seg(objectType)}/${seg(id)}`);
  }
  updateObject(configClass: string, objectType: string, id: string, fields?: ConfigTuple[]): Promise<ConfigTuple[]> {
    return this.r.call(
      'PUT',
      `/asterisk/config/dynamic/${seg(configClass)}/${seg(objectType)}/${seg(id)}`,
      undefined,
      fields === undefined ? undefined : { fields },
    );
  }
  deleteObject(configClass: string, objectType: string, id: string): Promise<void> {
    return this.r.call('DELETE', `/asterisk/config/dynamic/${seg(configClass)}/${seg(objectType)}/${seg(id)}`);
  }
}
