import type { Mailbox } from '../models.generated';
import { type AriCaller, seg } from './caller';

export class MailboxesResource {
  constructor(private readonly r: AriCaller) {}

  list(): Promise<Mailbox[]> {
    return this.r.call('GET', '/mailboxes');
  }
  get(name: string): Promise<Mailbox> {
    return this.r.call('GET', `/mailboxes/${seg(name)}`);
  }
  update(name: string, oldMessages: number, newMessages: number): Promise<void> {
    return this.r.call('PUT', `/mailboxes/${seg(name)}`, { oldMessages, newMessages });
  }
  delete(name: string): Promise<void> {
    return this.r.call('DELETE', `/mailboxes/${seg(name)}`);
  }
}
