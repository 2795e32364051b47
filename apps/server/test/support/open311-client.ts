// The `open311` package from npm (Code for America's Node.js GeoReport v2 client), wrapped in
// promises. It is a real third-party client: the tests drive our endpoint with it over HTTP exactly
// as it drives any Open311 city. It is CommonJS without types, so its surface is typed here.
//
// Its XML parsers (sparkxml, only on GitHub, and xml2json, a native addon) cannot be installed from
// the registry, so the root package.json overrides both with an empty module: the client runs in
// its default JSON format, which uses neither. The XML variants are checked against the
// specification in open311-conformance.test.ts.
import { createRequire } from 'node:module';

type Callback = (err: unknown, data: unknown) => void;

interface Open311Library {
  serviceDiscovery(callback: Callback): void;
  serviceList(callback: Callback): void;
  serviceDefinition(serviceCode: string, callback: Callback): void;
  submitRequest(data: Record<string, unknown>, callback: Callback): void;
  serviceRequests(
    idOrIds: string | string[] | Record<string, string>,
    params: Record<string, string> | Callback,
    callback?: Callback,
  ): void;
}

interface Options {
  jurisdiction?: string;
  apiKey?: string;
  /** The service discovery document's URL. */
  discovery?: string;
}

const Open311 = createRequire(import.meta.url)('open311') as new (
  options: Options & { endpoint: string },
) => Open311Library;

/** What the client gives back for an error: `err` is truthy, `data` says why. */
export class Open311ClientError extends Error {
  constructor(readonly detail: unknown) {
    super(String(detail));
  }
}

function promised<T>(call: (callback: Callback) => void): Promise<T> {
  return new Promise((resolve, reject) =>
    call((err, data) => (err ? reject(new Open311ClientError(data)) : resolve(data as T))),
  );
}

export function open311Client(endpoint: string, options: Options = {}) {
  const client = new Open311({ endpoint, ...options });
  return {
    serviceDiscovery: () =>
      promised<{ endpoints: Array<Record<string, unknown>> }>((cb) => client.serviceDiscovery(cb)),
    serviceList: () => promised<Array<Record<string, unknown>>>((cb) => client.serviceList(cb)),
    serviceDefinition: (code: string) =>
      promised<{ service_code: string; attributes: Array<Record<string, unknown>> }>((cb) =>
        client.serviceDefinition(code, cb),
      ),
    submitRequest: (data: Record<string, unknown>) =>
      promised<Array<Record<string, unknown>>>((cb) => client.submitRequest(data, cb)),
    /** One request by id (the URL form), several by an array of ids (the comma list), or a query. */
    serviceRequests: (
      idOrIds: string | string[] | Record<string, string>,
      params: Record<string, string> = {},
    ) =>
      promised<Array<Record<string, unknown>>>((cb) =>
        // a query alone is the first argument, and then the callback is the second
        typeof idOrIds === 'object' && !Array.isArray(idOrIds)
          ? client.serviceRequests(idOrIds, cb)
          : client.serviceRequests(idOrIds, params, cb),
      ),
  };
}
