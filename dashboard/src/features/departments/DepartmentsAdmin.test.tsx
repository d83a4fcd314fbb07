import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { DepartmentView } from '@whistle/shared';
import { deskUser, fakeFetch, renderSignedIn } from '../../test/render';
import { DepartmentsAdmin } from './DepartmentsAdmin';

function setup() {
  const departments: DepartmentView[] = [
    {
      id: 'dep-1',
      code: 'chengguan',
      nameZh: '城管局',
      nameEn: 'Urban management',
      kind: 'department',
      categories: ['street_vending'],
    },
  ];
  const sent: { method: string; body: unknown }[] = [];
  fakeFetch((method, path, body) => {
    if (method === 'GET' && path === '/api/departments') return [200, departments];
    if (method === 'POST' && path === '/api/departments') {
      sent.push({ method, body });
      const b = body as DepartmentView;
      if (b.code === 'chengguan') {
        return [
          409,
          { statusCode: 409, error: 'Conflict', message: 'taken', fields: { code: ['is taken'] } },
        ];
      }
      if (!b.nameZh) {
        return [
          400,
          {
            statusCode: 400,
            error: 'Bad Request',
            message: 'x',
            fields: { nameZh: ['nameZh must be longer than or equal to 1 characters'] },
          },
        ];
      }
      departments.push({ ...b, id: 'dep-2' });
      return [201, departments[1]];
    }
    if (method === 'PATCH' && path === '/api/departments/dep-1') {
      sent.push({ method, body });
      departments[0] = { ...departments[0], ...(body as object) };
      return [200, departments[0]];
    }
    return undefined;
  });
  renderSignedIn(<DepartmentsAdmin />, deskUser('admin'));
  return sent;
}

describe('departments admin', () => {
  beforeEach(() => sessionStorage.clear());

  it('lists departments with their kind and the categories they handle', async () => {
    setup();
    expect(await screen.findByText('城管局')).toBeTruthy();
    expect(screen.getByText('职能部门')).toBeTruthy();
    expect(screen.getByText('占道经营')).toBeTruthy();
  });

  it('shows a taken code and a missing name beside their fields, then creates the department', async () => {
    const sent = setup();
    fireEvent.click(await screen.findByTestId('department-create'));
    fireEvent.change(screen.getByTestId('department-code'), { target: { value: 'chengguan' } });
    fireEvent.click(screen.getByTestId('department-submit'));
    const codeField = (await screen.findByText('已被使用')).closest('.form-field');
    expect(codeField?.contains(screen.getByTestId('department-code'))).toBe(true);

    fireEvent.change(screen.getByTestId('department-code'), { target: { value: 'wenlv' } });
    fireEvent.click(screen.getByTestId('department-submit'));
    const nameField = (await screen.findByText('至少 1 个字符')).closest('.form-field');
    expect(nameField?.contains(screen.getByTestId('department-name-zh'))).toBe(true);

    fireEvent.change(screen.getByTestId('department-name-zh'), { target: { value: '文旅局' } });
    fireEvent.change(screen.getByTestId('department-name-en'), { target: { value: 'Culture and Tourism' } });
    fireEvent.change(screen.getByTestId('department-kind'), { target: { value: 'utility' } });
    fireEvent.click(screen.getByTestId('department-category-noise'));
    fireEvent.click(screen.getByTestId('department-category-street_vending'));
    fireEvent.click(screen.getByTestId('department-submit'));
    await screen.findByText('文旅局');
    expect(sent[sent.length - 1]?.body).toEqual({
      code: 'wenlv',
      nameZh: '文旅局',
      nameEn: 'Culture and Tourism',
      kind: 'utility',
      // In the shared categories' order, whatever order they were ticked in.
      categories: ['street_vending', 'noise'],
    });
  });

  it('edits the categories of a department through PATCH', async () => {
    const sent = setup();
    fireEvent.click(await screen.findByTestId('department-edit-chengguan'));
    fireEvent.click(screen.getByTestId('department-category-street_vending'));
    fireEvent.click(screen.getByTestId('department-category-sanitation'));
    fireEvent.click(screen.getByTestId('department-submit'));
    await waitFor(() => expect(screen.queryByTestId('department-submit')).toBeNull());
    expect(sent).toEqual([
      {
        method: 'PATCH',
        body: {
          code: 'chengguan',
          nameZh: '城管局',
          nameEn: 'Urban management',
          kind: 'department',
          categories: ['sanitation'],
        },
      },
    ]);
    expect(await screen.findByText('市容环卫')).toBeTruthy();
  });
});
