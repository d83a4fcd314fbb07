import { Open311Error } from './open311-error';
import { parseSubmission } from './request-form';

function failure(body: Record<string, unknown>): { status: number; descriptions: string[] } {
  try {
    parseSubmission(body);
  } catch (e) {
    if (e instanceof Open311Error)
      return { status: e.getStatus(), descriptions: e.errors.map((x) => x.description) };
    throw e;
  }
  throw new Error('expected the submission to be refused');
}

describe('POST requests form', () => {
  it('reads the spec fields, the attributes and the priority attribute', () => {
    const s = parseSubmission({
      service_code: 'noise',
      lat: '32.0',
      long: '118.7',
      jurisdiction_id: 'ignored',
      description: '夜间施工',
      email: 'a@example.com',
      attribute: { priority: 'high', noise_source: ['construction', 'construction'], floor: '' },
    });
    expect(s).toMatchObject({
      serviceCode: 'noise',
      point: { lat: 32, lng: 118.7 },
      priority: 'high',
      description: '夜间施工',
      email: 'a@example.com',
      attributes: { priority: 'high', noise_source: ['construction'] },
      phone: null,
    });
  });

  it('treats empty optional parameters as absent', () => {
    const s = parseSubmission({
      service_code: 'other',
      lat: '',
      long: '',
      address_string: '夫子庙',
      media_url: '',
    });
    expect(s).toMatchObject({ point: null, addressString: '夫子庙', mediaUrl: null, priority: 'normal' });
  });

  it('is a 400 without service_code and a 404 for an unknown one', () => {
    expect(failure({})).toEqual({ status: 400, descriptions: ['service_code was not provided'] });
    expect(failure({ service_code: 'potholes' })).toEqual({
      status: 404,
      descriptions: ['service_code potholes was not found'],
    });
  });

  it('reports every problem at once', () => {
    const { status, descriptions } = failure({
      service_code: 'gas_leak',
      lat: '95',
      long: '118',
      email: 'x',
      description: 'd'.repeat(4001),
      attribute: { priority: 'asap', colour: 'red' },
    });
    expect(status).toBe(400);
    expect(descriptions).toEqual([
      'lat must be a number between -90 and 90',
      'email must be an email address',
      'attribute[priority] must be one of low, normal, high, urgent',
      'attribute[colour] is not defined for this service',
      'attribute[odor_level] is required',
      'description must be at most 4000 characters',
    ]);
  });

  it('requires a location, and both halves of lat/long', () => {
    expect(failure({ service_code: 'other' }).descriptions).toEqual([
      'a location is required: lat and long, address_string or address_id',
    ]);
    expect(failure({ service_code: 'other', long: '118' }).descriptions).toEqual([
      'lat and long must both be sent',
    ]);
  });

  it('refuses a parameter sent twice and attributes not sent as attribute[code]', () => {
    expect(failure({ service_code: 'other', lat: ['1', '2'], long: '118' }).descriptions).toContain(
      'lat must be given once, as text',
    );
    expect(failure({ service_code: 'other', address_id: 'g', attribute: 'x' }).descriptions).toEqual([
      'attribute must be sent as attribute[code]=value',
    ]);
  });

  it('checks number and multivaluelist answers', () => {
    expect(
      failure({
        service_code: 'water_supply',
        address_id: 'g',
        attribute: { households_affected: '12 or so' },
      }).descriptions,
    ).toEqual(['attribute[households_affected] must be a number']);
    expect(
      failure({
        service_code: 'noise',
        address_id: 'g',
        attribute: { noise_source: ['construction', 'birds'] },
      }).descriptions,
    ).toEqual([
      'attribute[noise_source] has unknown values birds; allowed: construction, commercial, entertainment, residential',
    ]);
  });
});
