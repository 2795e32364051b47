// GeoReport v2 answers in either format the client asks for by the path's suffix (.json or .xml).
// The XML has the specification's root and item elements, no namespace, UTF-8 with its declaration;
// it is built by an XML builder (escaping included), never by joining strings.
import type { FastifyReply } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';
import type {
  DiscoveryOut,
  Format,
  ReceiptOut,
  RequestOut,
  ServiceDefinitionOut,
  ServiceOut,
} from './open311.schema.ts';

const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: false, format: true });

const XML_TYPE = 'text/xml; charset=utf-8';

type Scalar = string | number | boolean | null | undefined;
type Node = Scalar | Node[] | { [element: string]: Node };

/** XML elements for a value: null becomes an empty element, as in the specification's examples. */
function elements(value: Node): Node {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(elements);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, child]) => [name, elements(child)]));
  }
  return value;
}

function document(root: string, content: Node): string {
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [root]: elements(content),
  }) as string;
}

/** `<root><item>…</item>…</root>`: an empty list is an empty root element. */
const listOf = (root: string, item: string, items: Node[]) =>
  document(root, items.length > 0 ? { [item]: items } : '');

export const xml = {
  services: (services: ServiceOut[]) => listOf('services', 'service', services),
  serviceDefinition: (definition: ServiceDefinitionOut) =>
    document('service_definition', {
      service_code: definition.service_code,
      attributes:
        definition.attributes.length > 0
          ? {
              attribute: definition.attributes.map(({ values, ...attribute }) => ({
                ...attribute,
                ...(values ? { values: values.length > 0 ? { value: values } : '' } : {}),
              })),
            }
          : '',
    }),
  requests: (requests: Array<RequestOut | ReceiptOut>) => listOf('service_requests', 'request', requests),
  errors: (errors: Array<{ code: number; description: string }>) => listOf('errors', 'error', errors),
  discovery: (discovery: DiscoveryOut) =>
    document('discovery', {
      ...discovery,
      endpoints: {
        endpoint: discovery.endpoints.map((endpoint) => ({
          ...endpoint,
          formats: { format: endpoint.formats },
        })),
      },
    }),
};

/** The format a request asked for, from its path's suffix; JSON when it names none. */
export function formatOf(url: string): Format {
  const path = url.split('?')[0] ?? '';
  return path.endsWith('.xml') ? 'xml' : 'json';
}

/** Sends `data` as JSON (through the route's response schema) or as the XML `render` makes of it. */
export function answer<T>(reply: FastifyReply, format: Format, data: T, render: (data: T) => string) {
  if (format === 'json') return reply.send(data);
  return reply.type(XML_TYPE).send(render(data));
}

/** GeoReport errors: a list of { code, description }, the code being the HTTP status. */
export function sendErrors(reply: FastifyReply, format: Format, status: number, description: string) {
  const errors = [{ code: status, description }];
  void reply.status(status);
  return format === 'xml' ? reply.type(XML_TYPE).send(xml.errors(errors)) : reply.send(errors);
}
