import { fireEvent, screen, waitFor } from '@testing-library/react';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import { ToughSuggestions } from './ToughSuggestions';
import { dispatchView } from '../../test/factories';

const late = dispatchView({ id: 'a', status: 'accepted', overdueStages: ['accept', 'arrive'] });

describe('ToughSuggestions', () => {
  it('blows the suggested tough whistle on the incident, summoning the late department, in one click', async () => {
    const calls = fakeFetch((method, path) => {
      if (path === '/api/departments')
        return [200, [{ id: 'dep1', nameZh: '城管局', nameEn: 'Urban management' }]];
      if (path === '/api/streets') return [200, [{ id: 's1', nameZh: '夫子庙街道', nameEn: 'Fuzimiao' }]];
      if (method === 'POST' && path === '/api/incidents/i1/whistles') return [201, { id: 'w1' }];
      return undefined;
    });
    renderSignedIn(<ToughSuggestions dispatches={[late]} />, deskUser('district_operator'));
    expect(await screen.findByText(/城管局/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('blow-tough'));
    await waitFor(() => expect(screen.getByTestId('blow-tough').textContent).toBe('已吹攻坚哨'));
    const post = calls.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post).toBeDefined();
    const [, init] = post ?? [];
    expect(JSON.parse(init?.body as string)).toMatchObject({ type: 'tough', departmentIds: ['dep1'] });
    expect(new Headers(init?.headers).get('Idempotency-Key')).toBeTruthy();
  });

  it('shows nothing when nothing missed a second stage', () => {
    fakeFetch(() => undefined);
    const { container } = renderSignedIn(
      <ToughSuggestions dispatches={[{ ...late, overdueStages: ['accept'] }]} />,
      deskUser('district_operator'),
    );
    expect(container.querySelector('[data-testid="tough-suggestions"]')).toBeNull();
  });
});
