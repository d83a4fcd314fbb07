/** Where a pulse stands at time `t` (ms): 0 → 1 → 0 over one period, smooth at both ends. */
export function pulsePhase(t: number, periodMs: number): number {
  const x = (((t % periodMs) + periodMs) % periodMs) / periodMs;
  return (1 - Math.cos(2 * Math.PI * x)) / 2;
}

export interface PulseTarget {
  /** Applies one step of the animation (a paint property update); the map repaints itself. */
  apply(phase: number): void;
}

/**
 * Drives a paint-property pulse at a modest frame rate: every repaint redraws the whole map, and a
 * wall screen must leave the main thread room for live events, so 10 steps a second is plenty
 * for a slow breathing ring. Returns the stop function.
 */
export function startPulse(
  target: PulseTarget,
  options: { periodMs?: number; stepMs?: number; now?: () => number } = {},
): () => void {
  const periodMs = options.periodMs ?? 1600;
  const stepMs = options.stepMs ?? 100;
  const now = options.now ?? (() => performance.now());
  let last = -Infinity;
  let frame = 0;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    const t = now();
    if (t - last >= stepMs) {
      last = t;
      target.apply(pulsePhase(t, periodMs));
    }
    frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
  return () => {
    stopped = true;
    cancelAnimationFrame(frame);
  };
}

/**
 * True when the map's WebGL runs on a software rasteriser (SwiftShader, llvmpipe): there every
 * repaint costs tens of milliseconds of main thread, so the ring should blink slowly rather than
 * breathe. Asking the canvas for its context type again returns the map's own context.
 */
export function isSoftwareRenderer(canvas: HTMLCanvasElement): boolean {
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  return /swiftshader|llvmpipe|software/i.test(renderer);
}

/** Pulse timing: a smooth breath on a GPU, a one-second blink (two steps) on software rendering. */
export const PULSE_TIMING = {
  gpu: { periodMs: 1600, stepMs: 100 },
  software: { periodMs: 1000, stepMs: 500 },
} as const;
