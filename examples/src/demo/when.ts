const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** An instant as the timeline shows it, in UTC: `Tue 03 Mar 10:00`. */
export function when(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return `${days[d.getUTCDay()] ?? ''} ${two(d.getUTCDate())} ${months[d.getUTCMonth()] ?? ''} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

const isoInstant = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z\b/g;

/** A sentence with every ISO instant in it written the timeline's way. */
export function withReadableTimes(sentence: string): string {
  return sentence.replace(isoInstant, (instant) => when(instant));
}
