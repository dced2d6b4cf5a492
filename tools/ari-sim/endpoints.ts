// Endpoints: a few PJSIP endpoints with states (the recording server had none; see README).
import type { SimCore } from './core';
import type { JsonObject } from './json';

export interface EndpointDef {
  technology: string;
  resource: string;
  state: 'online' | 'offline';
}

export class EndpointTable {
  readonly list: EndpointDef[];
  constructor(
    private readonly core: SimCore,
    enabled: boolean,
  ) {
    this.list = enabled
      ? [
          { technology: 'PJSIP', resource: 'alice', state: 'online' },
          { technology: 'PJSIP', resource: 'bob', state: 'online' },
          { technology: 'PJSIP', resource: 'carol', state: 'offline' },
        ]
      : [];
  }

  get(tech: string, resource: string): EndpointDef | undefined {
    return this.list.find((e) => e.technology === tech && e.resource === resource);
  }

  toJSON(e: EndpointDef): JsonObject {
    const prefix = `${e.technology}/${e.resource}-`;
    const ids = [...this.core.channels.values()].filter((c) => c.name.startsWith(prefix)).map((c) => c.id);
    return { technology: e.technology, resource: e.resource, state: e.state, channel_ids: ids };
  }
}
