import request from 'supertest';

/** One scrape of the Prometheus endpoint, on the metrics listener (RunningTestApp.metricsUrl). */
export interface Scrape {
  status: number;
  /** Media type without parameters, e.g. `text/plain`. */
  type: string;
  /** Sample values by series, written as Prometheus prints them: `name{label="value",...}`. */
  samples: Map<string, number>;
}

export async function scrape(metricsUrl: string, token?: string): Promise<Scrape> {
  const req = request(metricsUrl).get('/metrics');
  const res = await (token ? req.set('Authorization', `Bearer ${token}`) : req);
  const samples = new Map<string, number>();
  for (const line of res.text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    // prom-client writes `series value` without timestamps; label values hold no spaces here.
    const at = line.lastIndexOf(' ');
    samples.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return { status: res.status, type: res.type, samples };
}
