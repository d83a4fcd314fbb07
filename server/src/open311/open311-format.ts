import { XMLBuilder } from 'fast-xml-parser';

export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

/** The spec's content types; Express adds `; charset=utf-8` when it sends the text. */
export const CONTENT_TYPES: Record<Open311Format, string> = {
  json: 'application/json',
  xml: 'text/xml',
};

export function parseFormat(value: string): Open311Format | null {
  return (OPEN311_FORMATS as readonly string[]).includes(value) ? (value as Open311Format) : null;
}

/** The format a path asks for (`…/requests.xml`), JSON when it names none we know. */
export function formatOfPath(path: string): Open311Format {
  return path.endsWith('.xml') ? 'xml' : 'json';
}

export type Open311Value =
  string | number | boolean | null | Open311Value[] | { [key: string]: Open311Value };

/**
 * XML element names of list items (the Spark convention maps `<values><value/>…</values>` to a
 * JSON array under `values`).
 */
const ITEM_ELEMENTS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

const builder = new XMLBuilder({ format: true, indentBy: '  ', suppressEmptyNode: false });

type XmlNode = string | { [key: string]: XmlNode | XmlNode[] };

function toXmlNode(value: Open311Value, key: string): XmlNode {
  if (value === null) return '';
  if (Array.isArray(value)) {
    const item = ITEM_ELEMENTS[key];
    if (!item) throw new Error(`no XML element name for items of ${key}`);
    return value.length === 0 ? '' : { [item]: value.map((v) => toXmlNode(v, item)) };
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toXmlNode(v, k)]));
  }
  return String(value);
}

/**
 * One document in either format: `root` is the XML root element (`services`, `service_requests`,
 * `service_definition`, `discovery`, `errors`); in JSON a list root is the bare array and an
 * object root is the bare object, as the spec's examples show.
 */
export function renderDocument(format: Open311Format, root: string, body: Open311Value): string {
  if (format === 'json') return JSON.stringify(body);
  const xml: string = builder.build({ [root]: toXmlNode(body, root) });
  return `<?xml version="1.0" encoding="utf-8"?>\n${xml}`;
}
