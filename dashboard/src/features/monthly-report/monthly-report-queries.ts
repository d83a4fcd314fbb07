import { useQuery } from '@tanstack/react-query';
import type { MonthlyReport } from '@whistle/shared';
import { apiRequest } from '../../lib/api/client';
import { queryKeys } from '../../lib/api/query-keys';
import { useSignedIn } from '../session/SessionProvider';

/** 月度考核 of one calendar month (GET /api/reports/monthly). */
export function useMonthlyReport(month: string) {
  const { token } = useSignedIn();
  return useQuery({
    queryKey: queryKeys.reports.monthly(month),
    queryFn: () => apiRequest<MonthlyReport>('/reports/monthly', { token, query: { month } }),
    // Stepping between months shows the last table at once while the next one loads.
    placeholderData: (previous) => previous,
  });
}
