import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, useParams } from 'react-router';
import { ViewHeader } from '../../features/header/ViewHeader';
import { PanelBoundary } from '../../lib/ui/PanelBoundary';
import { ADMIN_SECTIONS } from './admin-sections';
import '../../styles/desk.css';
import './admin.css';

/** 系统管理: one section at a time beside the side menu; the section is in the URL. */
export function AdminPage() {
  const { t } = useTranslation();
  const { section } = useParams();
  const current = ADMIN_SECTIONS.find((s) => s.key === section);
  if (!current) return <Navigate to={`/admin/${ADMIN_SECTIONS[0].key}`} replace />;
  const { Component } = current;
  return (
    <div className="desk admin" data-testid="view-admin">
      <ViewHeader title={t('admin.title')} />
      <div className="admin__body">
        <nav className="admin__menu" aria-label={t('admin.title')}>
          {ADMIN_SECTIONS.map((s) => (
            <NavLink key={s.key} to={`/admin/${s.key}`} className="admin__menu-item">
              {t(`admin.sections.${s.key}`)}
            </NavLink>
          ))}
        </nav>
        <main className="admin__section" data-testid={`admin-${current.key}`}>
          <PanelBoundary fallback={<p className="muted">{t('admin.sectionFailed')}</p>}>
            <Component />
          </PanelBoundary>
        </main>
      </div>
    </div>
  );
}
