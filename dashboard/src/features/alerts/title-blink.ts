/**
 * The tab title at one tick of the blink: marked on even ticks while an alert stands, plain
 * otherwise — so a background tab catches the eye and a focused one settles.
 */
export function blinkTitle(baseTitle: string, mark: string, tick: number, alerting: boolean): string {
  return alerting && tick % 2 === 0 ? `${mark}${baseTitle}` : baseTitle;
}
