import { isEmail, isURL } from 'class-validator';
import { PRIORITIES, type LngLat, type Priority } from '@whistle/shared';
import type { Open311Attributes } from './open311-request.entity';
import { badRequest, notFound311 } from './open311-error';
import { serviceDefinition, type ServiceAttribute } from './service-catalog';
import { parseW3c } from './w3c-date';

/** A POST requests body, checked against the spec and the service's definition. */
export interface Open311Submission {
  serviceCode: string;
  point: LngLat | null;
  addressString: string | null;
  addressId: string | null;
  attributes: Open311Attributes;
  priority: Priority;
  description: string | null;
  mediaUrl: string | null;
  email: string | null;
  deviceId: string | null;
  accountId: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
}

const MAX_LENGTH: Record<string, number> = {
  description: 4000,
  address_string: 500,
  address_id: 100,
  media_url: 2000,
  email: 254,
  device_id: 200,
  account_id: 200,
  first_name: 100,
  last_name: 100,
  phone: 32,
};

/**
 * Reads a form-encoded POST (`attribute[code]=v`, `attribute[code][]=v` for lists, as the spec's
 * example sends them). Every problem is reported at once, each as its own error; an unknown
 * service_code is a 404 on its own. Parameters the spec allows but Whistle does not use
 * (jurisdiction_id) are ignored, and an empty optional parameter counts as absent, as the spec says.
 */
export function parseSubmission(body: Record<string, unknown>): Open311Submission {
  const problems: string[] = [];
  const text = (name: string): string | null => {
    const value = body[name];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') {
      problems.push(`${name} must be given once, as text`);
      return null;
    }
    const max = MAX_LENGTH[name];
    if (max !== undefined && value.length > max) {
      problems.push(`${name} must be at most ${max} characters`);
      return null;
    }
    return value.trim() === '' ? null : value;
  };

  const serviceCode = text('service_code');
  if (!serviceCode) throw badRequest('service_code was not provided');
  const definition = serviceDefinition(serviceCode);
  if (!definition) throw notFound311(`service_code ${serviceCode} was not found`);

  const point = readPoint(text('lat'), text('long'), problems);
  const addressString = text('address_string');
  const addressId = text('address_id');
  if (!point && !addressString && !addressId && !problems.some((p) => p.startsWith('lat'))) {
    problems.push('a location is required: lat and long, address_string or address_id');
  }
  const mediaUrl = text('media_url');
  if (mediaUrl && !isURL(mediaUrl, { protocols: ['http', 'https'], require_protocol: true })) {
    problems.push('media_url must be an http or https URL');
  }
  const email = text('email');
  if (email && !isEmail(email)) problems.push('email must be an email address');
  const attributes = readAttributes(body.attribute, definition.attributes, problems);
  const submission: Open311Submission = {
    serviceCode,
    point,
    addressString,
    addressId,
    attributes,
    priority: priorityOf(attributes),
    description: text('description'),
    mediaUrl,
    email,
    deviceId: text('device_id'),
    accountId: text('account_id'),
    firstName: text('first_name'),
    lastName: text('last_name'),
    phone: text('phone'),
  };
  if (problems.length > 0) throw badRequest(...problems);
  return submission;
}

function readPoint(lat: string | null, long: string | null, problems: string[]): LngLat | null {
  if (lat === null && long === null) return null;
  if (lat === null || long === null) {
    problems.push('lat and long must both be sent');
    return null;
  }
  const [y, x] = [Number(lat), Number(long)];
  const bad: string[] = [];
  if (!isNumeric(lat) || y < -90 || y > 90) bad.push('lat must be a number between -90 and 90');
  if (!isNumeric(long) || x < -180 || x > 180) bad.push('long must be a number between -180 and 180');
  problems.push(...bad);
  return bad.length ? null : { lng: x, lat: y };
}

function isNumeric(value: string): boolean {
  return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value.trim());
}

function readAttributes(
  raw: unknown,
  definitions: ServiceAttribute[],
  problems: string[],
): Open311Attributes {
  const given: Record<string, unknown> =
    raw === undefined || raw === '' ? {} : isRecord(raw) ? raw : { '': raw };
  const answers: Open311Attributes = {};
  for (const [code, value] of Object.entries(given)) {
    const definition = definitions.find((d) => d.code === code);
    if (!definition) {
      problems.push(
        code
          ? `attribute[${code}] is not defined for this service`
          : 'attribute must be sent as attribute[code]=value',
      );
      continue;
    }
    const answer = readAnswer(definition, value);
    if (typeof answer === 'object' && answer !== null && 'problem' in answer) problems.push(answer.problem);
    else if (answer !== null) answers[code] = answer;
  }
  for (const d of definitions) {
    if (d.required && answers[d.code] === undefined && !(d.code in given && given[d.code] !== '')) {
      problems.push(`attribute[${d.code}] is required`);
    }
  }
  return answers;
}

type Answer = string | string[] | null | { problem: string };

function readAnswer(d: ServiceAttribute, value: unknown): Answer {
  const name = `attribute[${d.code}]`;
  if (value === '' || value === undefined) return null;
  const keys = d.values.map((v) => v.key);
  if (d.datatype === 'multivaluelist') {
    const list = Array.isArray(value) ? value : [value];
    if (!list.every((v): v is string => typeof v === 'string'))
      return { problem: `${name} must be a list of keys` };
    const unknown = list.filter((v) => !keys.includes(v));
    if (unknown.length)
      return { problem: `${name} has unknown values ${unknown.join(', ')}; allowed: ${keys.join(', ')}` };
    return list.length ? [...new Set(list)] : null;
  }
  if (typeof value !== 'string') return { problem: `${name} must be given once, as text` };
  switch (d.datatype) {
    case 'singlevaluelist':
      return keys.includes(value) ? value : { problem: `${name} must be one of ${keys.join(', ')}` };
    case 'number':
      return isNumeric(value) ? value.trim() : { problem: `${name} must be a number` };
    case 'datetime':
      return parseW3c(value) ? value : { problem: `${name} must be an ISO 8601 date-time with a time zone` };
    case 'string':
      if (/[\r\n]/.test(value)) return { problem: `${name} must not contain line breaks` };
      return value.length <= 500 ? value : { problem: `${name} must be at most 500 characters` };
    case 'text':
      return value.length <= 4000 ? value : { problem: `${name} must be at most 4000 characters` };
  }
}

function priorityOf(attributes: Open311Attributes): Priority {
  const p = attributes.priority;
  return typeof p === 'string' && (PRIORITIES as readonly string[]).includes(p) ? (p as Priority) : 'normal';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
