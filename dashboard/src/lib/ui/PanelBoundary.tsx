import { Component, type ReactNode } from 'react';

/** Keeps a failed chart or map (lazy chunk, WebGL) from taking the whole cockpit down with it. */
export class PanelBoundary extends Component<
  { fallback: ReactNode; children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
