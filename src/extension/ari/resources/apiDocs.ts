import { type AriCaller, seg } from './caller';

/** Swagger 1.2 listing (resources.json) as Asterisk serves it. */
export interface ApiDocsListing {
  apiVersion?: string;
  swaggerVersion?: string;
  basePath?: string;
  apis: { path: string; description?: string }[];
}

/** One Swagger 1.2 API declaration (e.g. channels.json); kept loose, the invoker walks it. */
export interface ApiDeclaration {
  apiVersion?: string;
  swaggerVersion?: string;
  basePath?: string;
  resourcePath?: string;
  apis: {
    path: string;
    description?: string;
    operations: {
      httpMethod: string;
      nickname: string;
      summary?: string;
      notes?: string;
      responseClass?: string;
      parameters?: {
        name: string;
        paramType: 'path' | 'query' | 'body' | 'header' | 'form';
        dataType: string;
        required?: boolean;
        allowMultiple?: boolean;
        description?: string;
        defaultValue?: unknown;
        allowableValues?: { valueType?: string; values?: string[] };
      }[];
      errorResponses?: { code: number; reason: string }[];
    }[];
  }[];
  models?: Record<string, unknown>;
}

export class ApiDocsResource {
  constructor(private readonly r: AriCaller) {}

  resources(): Promise<ApiDocsListing> {
    return this.r.call('GET', '/api-docs/resources.json');
  }
  /** `file`: e.g. `channels.json` (or `channels.{format}` as listed). */
  resource(file: string): Promise<ApiDeclaration> {
    return this.r.call('GET', `/api-docs/${seg(file.replace(/^\/?api-docs\//, '').replace('{format}', 'json'))}`);
  }
}
