import request from 'supertest';

/** One scrape of the unauthenticated Prometheus endpoint. */
export interface Scrape {
  status: number;
  /** Media type without parameters, e.g. `text/plain`. */
  type: string;
  /** Sample values by series, written as Prometheus prints them: `name{label="value",...}`. */
  samples: Map<string, number>;
}

export async function scrape(baseUrl: string): Promise<Scrape> {
  const res = await request(baseUrl).get('/metrics');
  const samples = new Map<string, number>();
  for (const line of res.text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    // prom-client writes `series value` without timestamps; label values hold no spaces here.
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return { status: res.status, type: res.type, samples };
}
