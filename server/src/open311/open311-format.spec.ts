import { XMLParser } from 'fast-xml-parser';
import { formatOfPath, parseFormat, renderDocument } from './open311-format';

describe('Open311 documents', () => {
  it('renders a list root as a bare JSON array and as repeated XML elements', () => {
    const body = [
      { code: 400, description: 'a' },
      { code: 400, description: 'b' },
    ];
    expect(renderDocument('json', 'errors', body)).toBe(JSON.stringify(body));
    const xml = renderDocument('xml', 'errors', body);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<errors>')).toBe(true);
    const parsed = new XMLParser({ parseTagValue: false }).parse(xml) as {
      errors: { error: { code: string; description: string }[] };
    };
    expect(parsed.errors.error).toEqual([
      { code: '400', description: 'a' },
      { code: '400', description: 'b' },
    ]);
  });

  it('names nested list items by the spec, writes null as an empty element and escapes text', () => {
    const xml = renderDocument('xml', 'service_definition', {
      service_code: 'x',
      attributes: [
        { code: 'a', datatype_description: null, required: true, values: [{ key: 'k', name: '<&>' }] },
      ],
    });
    expect(xml).toContain('<values>');
    expect(xml).toContain('<value>');
    expect(xml).toContain('<name>&lt;&amp;&gt;</name>');
    expect(xml).toContain('<datatype_description></datatype_description>');
    expect(xml).toContain('<required>true</required>');
  });

  it('refuses a list it has no element name for rather than guessing', () => {
    expect(() => renderDocument('xml', 'things', [{ a: 1 }])).toThrow(/no XML element name/);
  });

  it('knows json and xml only, and reads the format off a path', () => {
    expect(parseFormat('xml')).toBe('xml');
    expect(parseFormat('html')).toBeNull();
    expect(formatOfPath('/open311/v2/requests.xml')).toBe('xml');
    expect(formatOfPath('/open311/v2/requests.json')).toBe('json');
  });
});
