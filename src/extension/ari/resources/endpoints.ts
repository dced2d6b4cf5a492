import type { Endpoint } from '../models.generated';
import { type AriCaller, seg, variablesBody } from './caller';

export interface SendMessageParams {
  /** e.g. `pjsip:alice` */
  to: string;
  from: string;
  body?: string;
  variables?: Record<string, string>;
}
export type SendMessageToEndpointParams = Omit<SendMessageParams, 'to'>;

export interface ReferParams {
  to: string;
  from: string;
  refer_to: string;
  to_self?: boolean;
  variables?: Record<string, string>;
}
export type ReferToEndpointParams = Omit<ReferParams, 'to'>;

export class EndpointsResource {
  constructor(private readonly r: AriCaller) {}

  list(): Promise<Endpoint[]> {
    return this.r.call('GET', '/endpoints');
  }
  listByTech(tech: string): Promise<Endpoint[]> {
    return this.r.call('GET', `/endpoints/${seg(tech)}`);
  }
  get(tech: string, resource: string): Promise<Endpoint> {
    return this.r.call('GET', `/endpoints/${seg(tech)}/${seg(resource)}`);
  }
  sendMessage(p: SendMessageParams): Promise<void> {
    const { variables, ...q } = p;
    return this.r.call('PUT', '/endpoints/sendMessage', q, variablesBody(variables));
  }
  sendMessageToEndpoint(tech: string, resource: string, p: SendMessageToEndpointParams): Promise<void> {
    const { variables, ...q } = p;
    return this.r.call('PUT', `/endpoints/${seg(tech)}/${seg(resource)}/sendMessage`, q, variablesBody(variables));
  }
  refer(p: ReferParams): Promise<void> {
    const { variables, ...q } = p;
    return this.r.call('POST', '/endpoints/refer', q, variablesBody(variables));
  }
  referToEndpoint(tech: string, resource: string, p: ReferToEndpointParams): Promise<void> {
    const { variables, ...q } = p;
    return this.r.call('POST', `/endpoints/${seg(tech)}/${seg(resource)}/refer`, q, variablesBody(variables));
  }
}
