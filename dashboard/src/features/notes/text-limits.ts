/** Client-side checks mirroring the server's DTO limits, so a dialog says what is wrong before sending. */
export const REASON_MIN = 2;
export const REASON_MAX = 1000;
export const NOTE_MIN = 2;
export const NOTE_MAX = 5000;

export type TextProblem = 'required' | 'tooShort' | 'tooLong' | null;

export function checkText(value: string, min: number, max: number): TextProblem {
  const text = value.trim();
  if (!text) return 'required';
  if (text.length < min) return 'tooShort';
  if (text.length > max) return 'tooLong';
  return null;
}
