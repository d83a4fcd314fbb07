import { runningStage, type DispatchView, type Stage } from '@whistle/shared';

export const INBOX_TABS = ['new', 'active', 'overdue', 'done', 'sent', 'history'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

const STAGE_DEADLINE = { accept: 'acceptBy', arrive: 'arriveBy', resolve: 'resolveBy' } as const;

/** When a stage of the dispatch is due (ISO time). */
export function deadlineOf(d: DispatchView, stage: Stage): string {
  return d[STAGE_DEADLINE[stage]];
}

/** A dispatch whose running stage is past its deadline (or already marked overdue by the server). */
export function isOverdue(d: DispatchView, now: number): boolean {
  const stage = runningStage(d.status);
  if (!stage) return false;
  if (d.overdueStages.includes(stage)) return true;
  return Date.parse(deadlineOf(d, stage)) < now;
}

/**
 * Which tabs a dispatch appears in. The officer's work (street → department) is sorted by where it
 * stands; tasks the department sent down to streets have their own tab; history holds everything.
 */
export function tabsOf(d: DispatchView, now: number): InboxTab[] {
  const tabs: InboxTab[] = [];
  if (d.direction === 'dept_to_street') tabs.push('sent');
  else {
    switch (d.status) {
      case 'pending':
        tabs.push('new');
        break;
      case 'accepted':
      case 'arrived':
      case 'reopened':
        tabs.push('active');
        break;
      case 'resolved':
      case 'verified':
        tabs.push('done');
        break;
      case 'rejected':
      case 'cancelled':
        break;
    }
    if (isOverdue(d, now)) tabs.push('overdue');
  }
  tabs.push('history');
  return tabs;
}

export function countTabs(items: readonly DispatchView[], now: number): Record<InboxTab, number> {
  const counts = Object.fromEntries(INBOX_TABS.map((t) => [t, 0])) as Record<InboxTab, number>;
  for (const d of items) for (const tab of tabsOf(d, now)) counts[tab] += 1;
  return counts;
}

export function inTab(items: readonly DispatchView[], tab: InboxTab, now: number): DispatchView[] {
  return items.filter((d) => tabsOf(d, now).includes(tab));
}
