import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AdminUserView, DepartmentView, Page, StreetView } from '@whistle/shared';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import { UsersAdmin } from './UsersAdmin';

const streets: StreetView[] = [
  {
    id: 'st-1',
    code: 'fuzimiao',
    nameZh: '夫子庙街道',
    nameEn: 'Fuzimiao',
    districtId: 'd1',
    center: { lng: 118.79, lat: 32.02 },
  },
];
const departments: DepartmentView[] = [
  {
    id: 'dep-1',
    code: 'chengguan',
    nameZh: '城管局',
    nameEn: 'Urban management',
    kind: 'department',
    categories: [],
  },
];
const grids = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [] },
      properties: {
        id: 'g-1',
        code: 'FZM-01',
        streetId: 'st-1',
        communityId: 'c1',
        kind: 'community',
        name: '一网格',
      },
    },
  ],
};
const existing: AdminUserView = {
  id: 'u-9',
  username: 'street.fzm.01',
  displayName: '李值班',
  role: 'street_operator',
  districtId: 'd1',
  streetId: 'st-1',
  departmentId: null,
  gridIds: [],
  active: true,
  mustChangePassword: false,
  createdAt: '2026-12-01T02:00:00Z',
  passwordChangedAt: '2026-12-01T02:00:00Z',
};

type Answer = [number, unknown];

function setup(onPost: (body: unknown) => Answer) {
  const posts: unknown[] = [];
  const fetchMock = fakeFetch((method, path, body) => {
    if (method === 'GET' && path === '/api/users') {
      const page: Page<AdminUserView> = { items: [existing], total: 1, nextCursor: null };
      return [200, page];
    }
    if (method === 'GET' && path === '/api/streets') return [200, streets];
    if (method === 'GET' && path === '/api/departments') return [200, departments];
    if (method === 'GET' && path === '/api/grids') return [200, grids];
    if (method === 'POST' && path === '/api/users') {
      posts.push(body);
      return onPost(body);
    }
    return undefined;
  });
  renderSignedIn(<UsersAdmin />, deskUser('admin', { streetId: null, departmentId: null }));
  return { fetchMock, posts };
}

const created = (body: unknown): Answer => [
  201,
  {
    user: { ...existing, ...(body as object), id: 'u-new', mustChangePassword: true },
    temporaryPassword: 'Tmp4kQ9zRw2xYb7m',
  },
];

describe('users admin', () => {
  beforeEach(() => sessionStorage.clear());

  it('lists the accounts with their role and scope in words', async () => {
    setup(created);
    const row = await screen.findByTestId('row-u-9');
    expect(within(row).getByText('street.fzm.01')).toBeTruthy();
    expect(within(row).getByText('街道指挥中心值班员')).toBeTruthy();
    await waitFor(() => expect(within(row).getByText('夫子庙街道')).toBeTruthy());
  });

  it('shows only the scope field the chosen role needs', async () => {
    setup(created);
    fireEvent.click(await screen.findByTestId('user-create'));
    expect(screen.getByTestId('user-street')).toBeTruthy();
    expect(screen.queryByTestId('user-department')).toBeNull();

    fireEvent.change(screen.getByTestId('user-role'), { target: { value: 'dept_officer' } });
    expect(screen.queryByTestId('user-street')).toBeNull();
    expect(screen.getByTestId('user-department')).toBeTruthy();

    fireEvent.change(screen.getByTestId('user-role'), { target: { value: 'grid_worker' } });
    expect(screen.queryByTestId('user-department')).toBeNull();
    expect(await screen.findByTestId('user-grid-FZM-01')).toBeTruthy();

    fireEvent.change(screen.getByTestId('user-role'), { target: { value: 'district_leader' } });
    expect(screen.queryByTestId('user-grids')).toBeNull();
    expect(screen.queryByTestId('user-street')).toBeNull();
    expect(screen.getByDisplayValue('全区')).toBeTruthy();
  });

  it('shows the server’s field messages beside their fields, and a taken name beside the name', async () => {
    let answer: Answer = [
      400,
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'invalid',
        fields: {
          streetId: ['is required for a street operator'],
          displayName: ['displayName must be longer than or equal to 2 characters'],
        },
      },
    ];
    setup(() => answer);
    fireEvent.click(await screen.findByTestId('user-create'));
    fireEvent.change(screen.getByTestId('user-username'), { target: { value: 'street.new' } });
    fireEvent.click(screen.getByTestId('user-submit'));

    const streetField = (await screen.findByText('is required for a street operator')).closest('.form-field');
    expect(streetField?.contains(screen.getByTestId('user-street'))).toBe(true);
    const nameField = screen.getByText('至少 2 个字符').closest('.form-field');
    expect(nameField?.contains(screen.getByTestId('user-display-name'))).toBe(true);

    answer = [
      409,
      { statusCode: 409, error: 'Conflict', message: 'taken', fields: { username: ['is taken'] } },
    ];
    fireEvent.change(screen.getByTestId('user-display-name'), { target: { value: '王五' } });
    fireEvent.click(screen.getByTestId('user-submit'));
    const usernameField = (await screen.findByText('已被使用')).closest('.form-field');
    expect(usernameField?.contains(screen.getByTestId('user-username'))).toBe(true);
  });

  it('creates a street operator with its street only, and shows the temporary password once', async () => {
    const { posts } = setup(created);
    fireEvent.click(await screen.findByTestId('user-create'));
    fireEvent.change(screen.getByTestId('user-username'), { target: { value: 'street.fzm.02' } });
    fireEvent.change(screen.getByTestId('user-display-name'), { target: { value: '王值班' } });
    await screen.findByRole('option', { name: '夫子庙街道' });
    fireEvent.change(screen.getByTestId('user-street'), { target: { value: 'st-1' } });
    fireEvent.click(screen.getByTestId('user-submit'));

    expect((await screen.findByTestId('temp-password-value')).textContent).toBe('Tmp4kQ9zRw2xYb7m');
    expect(posts).toEqual([
      {
        username: 'street.fzm.02',
        displayName: '王值班',
        role: 'street_operator',
        streetId: 'st-1',
        departmentId: null,
        gridIds: [],
      },
    ]);
    fireEvent.click(screen.getByText('关闭'));
    await waitFor(() => expect(screen.queryByTestId('temp-password-value')).toBeNull());
    expect(document.body.textContent).not.toContain('Tmp4kQ9zRw2xYb7m');
  });
});
