import { WHISTLE_TYPES, WHISTLE_TYPE_NAMES } from '@whistle/shared';

/** Placeholder until the dashboard views land: shows that the shared contracts reach the client. */
export function App() {
  return (
    <main style={{ fontFamily: 'sans-serif', padding: 32 }}>
      <h1>秦淮区 · 街乡吹哨 部门报到 综合指挥平台</h1>
      <p>Whistle 指挥平台 — 接口文档见 /api/docs</p>
      <ul>
        {WHISTLE_TYPES.map((t) => (
          <li key={t}>{WHISTLE_TYPE_NAMES[t].nameZh}</li>
        ))}
      </ul>
    </main>
  );
}
