import { render, screen, within } from '@testing-library/react';
import type { RankingRow } from '@whistle/shared';
import { WallDepartmentRanking, WALL_RANKING_ROWS } from './WallDepartmentRanking';

const row = (id: string, rank: number, score: number): RankingRow => ({
  id,
  nameZh: `部门${id}`,
  nameEn: `Dept ${id}`,
  score,
  rank,
  components: {},
});

describe('WallDepartmentRanking', () => {
  it('lists the best departments first, as many as fit, each with its score and bar', () => {
    const ranking = Array.from({ length: 12 }, (_, i) => row(String(i), 12 - i, i * 8));
    render(<WallDepartmentRanking ranking={ranking} />);
    const items = within(screen.getByTestId('wall-department-ranking')).getAllByRole('listitem');
    expect(items).toHaveLength(WALL_RANKING_ROWS);
    expect(items[0]?.textContent).toBe('1部门1188.0 分');
    expect(items[0]?.className).toBe('is-top');
    expect(items[3]?.className).toBe('');
    const bar = items[0]?.querySelector('.wall-ranking__bar') as HTMLElement;
    expect(bar.style.width).toBe('88%');
  });

  it('says so when there is no department to rank', () => {
    render(<WallDepartmentRanking ranking={[]} />);
    expect(screen.getByText('暂无排名')).toBeTruthy();
  });
});
