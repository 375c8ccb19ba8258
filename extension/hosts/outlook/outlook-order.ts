/**
 * Outlook can list a conversation newest first (a reading-pane setting); contexts list messages
 * oldest first. The order is told from the date headings' localised text: "Thu 9/17/2026 2:52 PM"
 * (en-US), "周四 2026/8/20 9:30" (zh-CN), "Do 17.09.2026 14:52" (de). Only the direction is
 * decided, from the first and last dates that parse; anything unparsable keeps the page's order.
 */
const YEAR_FIRST = /(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})/;
const YEAR_LAST = /(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/;
const TIME = /(\d{1,2}):(\d{2})(?:\s*([AaPp][Mm]))?/;
const AFTERNOON = /下午|晚上/;
const MORNING = /上午|凌晨|早上/;

/** Minutes since year 0 of a localised date text, or null. US month/day when it says AM/PM. */
export function dateValueOf(text: string): number | null {
  let year: number, month: number, day: number;
  const ymd = YEAR_FIRST.exec(text);
  const dmy = ymd ? null : YEAR_LAST.exec(text);
  if (ymd) [year, month, day] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  else if (dmy) {
    const [a, b] = [Number(dmy[1]), Number(dmy[2])];
    const usOrder = a <= 12 && (b > 12 || /[AaPp][Mm]/.test(text));
    [year, month, day] = [Number(dmy[3]), usOrder ? a : b, usOrder ? b : a];
  } else return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const time = TIME.exec(text);
  let hour = 0;
  let minute = 0;
  if (time) {
    hour = Number(time[1]);
    minute = Number(time[2]);
    const pm = time[3] ? /p/i.test(time[3]) : AFTERNOON.test(text);
    const twelveHour = Boolean(time[3]) || pm || MORNING.test(text);
    if (twelveHour && hour === 12) hour = 0;
    if (pm) hour += 12;
  }
  return (((year * 12 + month) * 31 + day) * 24 + hour) * 60 + minute;
}

/** The items oldest first, judged by their date texts (null = no date shown). */
export function oldestFirst<T>(items: T[], dateText: (item: T) => string | null): T[] {
  const dated = items.map((item) => dateText(item)).map((t) => (t ? dateValueOf(t) : null));
  const first = dated.find((v) => v !== null);
  const last = [...dated].reverse().find((v) => v !== null);
  return first != null && last != null && first > last ? [...items].reverse() : items;
}
