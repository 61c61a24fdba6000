import {
  darken,
  decomposeColor,
  getContrastRatio,
  getLuminance,
  lighten,
  recomposeColor,
} from '@material-ui/core/styles';

/** `color` as an opaque colour, painted over the opaque `background`. */
export function over(color: string, background: string): string {
  const fg = decomposeColor(color);
  const bg = decomposeColor(background);
  const alpha = fg.values[3] ?? 1;
  const values = [0, 1, 2].map(i =>
    Math.round(fg.values[i] * alpha + bg.values[i] * (1 - alpha)),
  );
  return recomposeColor({ type: 'rgb', values: values as any });
}

/**
 * `color`, darkened (on light backgrounds) or lightened (on dark ones) in
 * small steps until it reads at `ratio` on every one of `backgrounds`;
 * unchanged when it already does. WCAG AA asks 4.5:1 of body text and 3:1
 * of large or bold text.
 */
export function withContrast(
  color: string,
  backgrounds: string[],
  ratio: number,
): string {
  const worst = (c: string) =>
    Math.min(...backgrounds.map(b => getContrastRatio(over(c, b), b)));
  if (worst(color) >= ratio) return color;
  const dark = getLuminance(backgrounds[0]) < 0.5;
  let result = over(color, backgrounds[0]);
  for (let i = 0; i < 20 && worst(result) < ratio; i++) {
    result = dark ? lighten(result, 0.05) : darken(result, 0.05);
  }
  return result;
}
