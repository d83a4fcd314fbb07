import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { LiveProvider } from './features/live/LiveProvider';
import { ChangePasswordPage } from './features/session/ChangePasswordPage';
import { LoginPage } from './features/session/LoginPage';
import { RequireAuth } from './features/session/RequireAuth';
import { ROLE_HOME } from './features/session/role-home';
import { useSession } from './features/session/SessionProvider';
import { SessionRestoring } from './features/session/SessionRestoring';
import { AdminPage } from './views/admin/AdminPage';
import { CommandDeskPage } from './views/command/CommandDeskPage';
import { DutyPage } from './views/duty/DutyPage';
import { GridPage } from './views/grid/GridPage';
import { LeadersPage } from './views/leaders/LeadersPage';
import { MonthlyReportPage } from './views/reports/MonthlyReportPage';
import { StreetPage } from './views/street/StreetPage';

// The wall screen carries MapLibre (most of the bundle); desk views and the login load without it.
const WallPage = lazy(() => import('./views/wall/WallPage').then((m) => ({ default: m.WallPage })));

/** Signed-in views share one live connection, opened once the session exists. */
function Signed({ children }: { children: ReactNode }) {
  return (
    <RequireAuth>
      <LiveProvider>
        <Suspense fallback={null}>{children}</Suspense>
      </LiveProvider>
    </RequireAuth>
  );
}

function Home() {
  const { state } = useSession();
  if (state.status === 'restoring') return <SessionRestoring />;
  const { user } = state;
  if (!user) return <Navigate to="/login" replace />;
  return <Navigate to={state.mustChangePassword ? '/password' : ROLE_HOME[user.role]} replace />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/password"
        element={
          <RequireAuth passwordChange>
            <ChangePasswordPage />
          </RequireAuth>
        }
      />
      <Route
        path="/wall"
        element={
          <Signed>
            <WallPage />
          </Signed>
        }
      />
      <Route
        path="/duty"
        element={
          <Signed>
            <DutyPage />
          </Signed>
        }
      />
      <Route
        path="/street"
        element={
          <Signed>
            <StreetPage />
          </Signed>
        }
      />
      <Route
        path="/leaders"
        element={
          <Signed>
            <LeadersPage />
          </Signed>
        }
      />
      <Route
        path="/grid"
        element={
          <Signed>
            <GridPage />
          </Signed>
        }
      />
      <Route
        path="/desk"
        element={
          <Signed>
            <CommandDeskPage />
          </Signed>
        }
      />
      <Route
        path="/admin/:section?"
        element={
          <Signed>
            <AdminPage />
          </Signed>
        }
      />
      <Route
        path="/reports/monthly"
        element={
          <Signed>
            <MonthlyReportPage />
          </Signed>
        }
      />
      <Route path="*" element={<Home />} />
    </Routes>
  );
}
