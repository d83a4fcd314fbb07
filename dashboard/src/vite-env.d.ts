/// <reference types="vite/client" />

/** Build-time settings a deployment may set (Vite exposes only VITE_* variables to the client). */
interface ImportMetaEnv {
  /** A MapLibre style URL on the command centre's own network; unset means the built-in offline style. */
  readonly VITE_BASEMAP_STYLE_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
