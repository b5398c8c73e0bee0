export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1360, height: 860, maximized: false };

/** Parses the stored window state, falling back to defaults for anything missing or absurd. */
export function parseWindowBounds(stored: string | undefined): WindowBounds {
  if (!stored) return DEFAULT_BOUNDS;
  try {
    const v = JSON.parse(stored) as Partial<WindowBounds>;
    const ok = (n: unknown, min: number) => typeof n === 'number' && Number.isFinite(n) && n >= min;
    return {
      x: ok(v.x, -10_000) ? v.x : undefined,
      y: ok(v.y, -10_000) ? v.y : undefined,
      width: ok(v.width, 640) ? v.width! : DEFAULT_BOUNDS.width,
      height: ok(v.height, 480) ? v.height! : DEFAULT_BOUNDS.height,
      maximized: v.maximized === true,
    };
  } catch {
    return DEFAULT_BOUNDS;
  }
}
