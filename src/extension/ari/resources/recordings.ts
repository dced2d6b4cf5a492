import type { LiveRecording, StoredRecording } from '../models.generated';
import { type AriCaller, seg } from './caller';

export class RecordingsResource {
  constructor(private readonly r: AriCaller) {}

  getLive(name: string): Promise<LiveRecording> {
    return this.r.call('GET', `/recordings/live/${seg(name)}`);
  }
  /** Stops and stores the recording. */
  stop(name: string): Promise<void> {
    return this.r.call('POST', `/recordings/live/${seg(name)}/stop`);
  }
  pause(name: string): Promise<void> {
    return this.r.call('POST', `/recordings/live/${seg(name)}/pause`);
  }
  unpause(name: string): Promise<void> {
    return this.r.call('DELETE', `/recordings/live/${seg(name)}/pause`);
  }
  mute(name: string): Promise<void> {
    return this.r.call('POST', `/recordings/live/${seg(name)}/mute`);
  }
  unmute(name: string): Promise<void> {
    return this.r.call('DELETE', `/recordings/live/${seg(name)}/mute`);
  }
  /** Stops the recording and discards it. */
  cancel(name: string): Promise<void> {
    return this.r.call('DELETE', `/recordings/live/${seg(name)}`);
  }
  listStored(): Promise<StoredRecording[]> {
    return this.r.call('GET', '/recordings/stored');
  }
  getStored(name: string): Promise<StoredRecording> {
    return this.r.call('GET', `/recordings/stored/${seg(name)}`);
  }
  deleteStored(name: string): Promise<void> {
    return this.r.call('DELETE', `/recordings/stored/${seg(name)}`);
  }
  copyStored(name: string, destination: string): Promise<StoredRecording> {
    return this.r.call('POST', `/recordings/stored/${seg(name)}/copy`, { destinationRecordingName: destination });
  }
  /** The recording's audio file, as bytes. */
  getStoredFile(name: string): Promise<Buffer> {
    return this.r.callBinary('GET', `/recordings/stored/${seg(name)}/file`);
  }
}
