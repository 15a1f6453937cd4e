/** A duration as people read it in an explanation: "2 h 10 min", "3 h", "45 min". */
export function durationText(ms: number): string {
  const totalMinutes = Math.floor(Math.abs(ms) / 60_000);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const text = hours === 0 ? `${minutes} min` : minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  return ms < 0 ? `-${text}` : text;
}
