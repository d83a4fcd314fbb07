import { disclose, nextSnapshot, ratingViewOf, type RatingSnapshot } from './rating-disclosure';

const day = (d: number) => new Date(Date.UTC(2024, 4, d) - 8 * 3_600_000); // Beijing midnights
const snapshot = (count: number, sum: number, d: number): RatingSnapshot => ({ count, sum, before: day(d) });

describe('rating disclosure (背对背)', () => {
  it('shows departments published snapshots, everybody else live figures', () => {
    expect(ratingViewOf({ kind: 'department', districtId: 'd', departmentId: 'x' })).toBe('published');
    expect(ratingViewOf({ kind: 'street', districtId: 'd', streetId: 's' })).toBe('live');
    expect(ratingViewOf({ kind: 'district', districtId: 'd' })).toBe('live');
  });

  describe('disclose', () => {
    it('shows nothing, not even the count, below the threshold', () => {
      expect(disclose(undefined)).toEqual({ average: null, count: null });
      expect(disclose({ count: 0, sum: 0 })).toEqual({ average: null, count: null });
      expect(disclose({ count: 4, sum: 20 })).toEqual({ average: null, count: null });
    });

    it('shows the average to two decimals and the count from the threshold on', () => {
      expect(disclose({ count: 5, sum: 21 })).toEqual({ average: 4.2, count: 5 });
      expect(disclose({ count: 6, sum: 23 })).toEqual({ average: 3.83, count: 6 });
    });
  });

  describe('nextSnapshot', () => {
    it('publishes nothing until the threshold is reached', () => {
      expect(nextSnapshot(undefined, snapshot(0, 0, 2))).toBeNull();
      expect(nextSnapshot(undefined, snapshot(4, 16, 2))).toBeNull();
      expect(nextSnapshot(undefined, snapshot(5, 18, 2))).toEqual(snapshot(5, 18, 2));
    });

    it('moves only by at least the threshold, so a difference never isolates a few marks', () => {
      const published = snapshot(5, 18, 2);
      // One, then four new ratings on later days: differencing would reveal them; kept back.
      expect(nextSnapshot(published, snapshot(6, 23, 3))).toBeNull();
      expect(nextSnapshot(published, snapshot(9, 30, 4))).toBeNull();
      // Five new ones since the published snapshot: their sum is all a comparison shows.
      expect(nextSnapshot(published, snapshot(10, 40, 5))).toEqual(snapshot(10, 40, 5));
    });

    it('publishes at most once a day and never an older snapshot', () => {
      const published = snapshot(5, 18, 3);
      expect(nextSnapshot(published, snapshot(20, 80, 3))).toBeNull();
      expect(nextSnapshot(published, snapshot(20, 80, 2))).toBeNull();
      expect(nextSnapshot(published, snapshot(20, 80, 4))).toEqual(snapshot(20, 80, 4));
    });

    it('starts over when ratings disappeared (a re-seeded database)', () => {
      const published = snapshot(12, 40, 2);
      expect(nextSnapshot(published, snapshot(3, 9, 3))).toEqual(snapshot(0, 0, 3));
      expect(nextSnapshot(published, snapshot(7, 30, 3))).toEqual(snapshot(7, 30, 3));
    });
  });
});
