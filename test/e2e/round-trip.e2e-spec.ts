/**
 * The whole round trip across browser contexts, as the people in it would do it: the street
 * operator blows a whistle in the street console, the duty officer of the summoned department sees
 * it arrive live and accepts it, and the wall screen's countdown for that department moves from
 * the accept stage to the arrive stage. No page logs an error on the way.
 */
import { join } from 'node:path';
import type { DispatchView, IncidentView, Page as ListPage } from '@whistle/shared';
import { api, tokenFor } from './support/api';
import { launchPeople, type People } from './support/browser';
import { pointInStreet } from './support/whistles';

const ARTIFACTS = join(__dirname, 'artifacts');

// A browser, a map in software WebGL and a real server on a shared machine: generous, not endless.
jest.setTimeout(180_000);

describe('whistle round trip', () => {
  let people: People;
  beforeAll(async () => {
    people = await launchPeople();
  });
  afterAll(() => people.close());

  it('street blows, the officer accepts, the wall countdown moves from accept to arrive', async () => {
    // The incident comes in through the API (registering one is not what this test is about).
    const streetToken = await tokenFor('street.fuzimiao');
    const incident = await api<IncidentView>(streetToken, 'POST', '/incidents', {
      title: '端到端测试：夫子庙占道经营',
      category: 'street_vending',
      priority: 'high',
      source: 'operator',
      location: await pointInStreet(streetToken, 'fuzimiao'),
    });
    await api(streetToken, 'POST', `/incidents/${incident.id}/register`);

    // Everyone is at their screen before the whistle blows, so each sees it arrive live.
    const wall = await people.open('district.operator', 'wall', 'desk');
    const duty = await people.open('dept.chengguan', 'duty');
    const street = await people.open('street.fuzimiao', 'street');

    // Street operator: open the incident, blow an enforcement whistle to 城管.
    await street.page.locator(`[data-testid="incident-row"][data-incident-id="${incident.id}"]`).click();
    await street.page.getByTestId('blow-whistle').click();
    await street.page.getByTestId('whistle-type').selectOption('enforcement');
    await street.page.getByTestId('whistle-dept-chengguan').check();
    await street.page.getByTestId('whistle-submit').click();

    const officerToken = await tokenFor('dept.chengguan');
    let dispatch: DispatchView | undefined;
    for (let i = 0; i < 50 && !dispatch; i++) {
      const list = await api<DispatchView[] | ListPage<DispatchView>>(
        officerToken,
        'GET',
        `/dispatches?incidentId=${incident.id}`,
      );
      dispatch = (Array.isArray(list) ? list : list.items)[0];
      if (!dispatch) await new Promise((r) => setTimeout(r, 200));
    }
    if (!dispatch) throw new Error('the whistle made no dispatch for 城管');

    // The wall shows one countdown for 城管, in the accept stage.
    const countdown = wall.page.locator(`[data-testid="countdown"][data-dispatch-id="${dispatch.id}"]`);
    await countdown.waitFor({ timeout: 15_000 });
    expect(await countdown.getAttribute('data-stage')).toBe('accept');

    // Duty officer: the new dispatch arrives in the inbox live; open it and accept.
    const row = duty.page.locator(`[data-testid="dispatch-row"][data-dispatch-id="${dispatch.id}"]`);
    await row.waitFor({ timeout: 15_000 });
    await row.click();
    await duty.page.getByTestId('action-accept').click();

    // The wall's countdown for that department moves on to the arrive stage.
    await wall.page
      .locator(`[data-testid="countdown"][data-dispatch-id="${dispatch.id}"][data-stage="arrive"]`)
      .waitFor({ timeout: 15_000 });
    await wall.page.screenshot({ path: join(ARTIFACTS, 'round-trip-wall.png') });
    await duty.page.screenshot({ path: join(ARTIFACTS, 'round-trip-duty.png') });
    await street.page.screenshot({ path: join(ARTIFACTS, 'round-trip-street.png') });

    expect({ wall: wall.problems, duty: duty.problems, street: street.problems }).toEqual({
      wall: [],
      duty: [],
      street: [],
    });
  });
});
