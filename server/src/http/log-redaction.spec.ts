import { REDACTED, redactQuery, redactRequestLog, redactUrl } from './log-redaction';

describe('request log redaction', () => {
  it('replaces an api_key value in a logged URL and keeps the rest as requested', () => {
    expect(redactUrl('/open311/v2/requests.json?api_key=s3cret&service_code=noise')).toBe(
      `/open311/v2/requests.json?api_key=${REDACTED}&service_code=noise`,
    );
    expect(redactUrl('/open311/v2/services.xml?jurisdiction_id=x&api_key=s3cret#top')).toBe(
      `/open311/v2/services.xml?jurisdiction_id=x&api_key=${REDACTED}#top`,
    );
    expect(redactUrl('/api/incidents?q=api_key')).toBe('/api/incidents?q=api_key');
    expect(redactUrl('/health')).toBe('/health');
  });

  it('catches the spellings a query parser reads as api_key', () => {
    for (const name of ['API_KEY', 'api%5Fkey', 'api_key[]', 'api%5fkey%5B0%5D'])
      expect(redactUrl(`/open311/v2/requests.json?${name}=s3cret&api_key=again`)).toBe(
        `/open311/v2/requests.json?${name}=${REDACTED}&api_key=${REDACTED}`,
      );
    expect(redactUrl('/x?api_key')).toBe(`/x?api_key=${REDACTED}`);
  });

  it('replaces api_key in a parsed query without touching the original', () => {
    const query = { api_key: 's3cret', service_code: 'noise' };
    expect(redactQuery(query)).toEqual({ api_key: REDACTED, service_code: 'noise' });
    expect(query.api_key).toBe('s3cret');
    const clean = { service_code: 'noise' };
    expect(redactQuery(clean)).toBe(clean);
    expect(redactQuery('')).toBe('');
  });

  it('scrubs the serialized request that pino-http logs', () => {
    const logged = redactRequestLog({
      url: '/open311/v2/requests.json?api_key=s3cret',
      query: { api_key: 's3cret' },
    });
    expect(JSON.stringify(logged)).not.toContain('s3cret');
  });
});
