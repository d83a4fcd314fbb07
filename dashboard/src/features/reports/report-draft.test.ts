import { MAX_PHOTO_BYTES } from '../photos/photo-limits';
import { reportFormData, validateDraft, type ReportDraft } from './report-draft';

const photo = (name: string, type = 'image/jpeg', size = 1000) => {
  const file = new File(['x'], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
};

const valid: ReportDraft = {
  category: 'street_vending',
  description: '路口占道经营',
  photos: [photo('a.jpg')],
  location: { lng: 118.79, lat: 32.02 },
};

describe('report draft validation', () => {
  it('accepts a complete report', () => {
    expect(validateDraft(valid)).toEqual({});
  });

  it('needs a category, a description that is not blank, and a location', () => {
    expect(validateDraft({ ...valid, category: null, description: '   ', location: null })).toEqual({
      category: 'required',
      description: 'required',
      location: 'required',
    });
    expect(validateDraft({ ...valid, category: 'meteor' })).toEqual({ category: 'unknownCategory' });
  });

  it('keeps the description within 2000 characters', () => {
    expect(validateDraft({ ...valid, description: '字'.repeat(2000) })).toEqual({});
    expect(validateDraft({ ...valid, description: '字'.repeat(2001) })).toEqual({ description: 'tooLong' });
  });

  it('allows no photos, up to nine, only JPEG, PNG or WebP of at most 10 MB', () => {
    expect(validateDraft({ ...valid, photos: [] })).toEqual({});
    const nine = Array.from({ length: 9 }, (_, i) => photo(`${i}.jpg`));
    expect(validateDraft({ ...valid, photos: nine })).toEqual({});
    expect(validateDraft({ ...valid, photos: [...nine, photo('10.jpg')] })).toEqual({
      photos: 'tooManyPhotos',
    });
    expect(validateDraft({ ...valid, photos: [photo('a.gif', 'image/gif')] })).toEqual({
      photos: 'photoType',
    });
    expect(validateDraft({ ...valid, photos: [photo('big.png', 'image/png', MAX_PHOTO_BYTES + 1)] })).toEqual(
      {
        photos: 'photoTooLarge',
      },
    );
  });
});

describe('reportFormData', () => {
  it('sends lng, lat, category, the trimmed description and each photo under "photos"', () => {
    const form = reportFormData({
      ...valid,
      description: '  路口占道经营 \n',
      photos: [photo('a.jpg'), photo('b.png', 'image/png')],
    });
    expect(form.get('lng')).toBe('118.79');
    expect(form.get('lat')).toBe('32.02');
    expect(form.get('category')).toBe('street_vending');
    expect(form.get('description')).toBe('路口占道经营');
    expect(form.getAll('photos').map((f) => (f as File).name)).toEqual(['a.jpg', 'b.png']);
  });
});
