import { foldLines } from './fold';

describe('foldLines', () => {
  it('leaves lines of at most 74 octets alone', () => {
    const line = `DESCRIPTION:${'x'.repeat(62)}`;
    expect(line.length).toBe(74);
    expect(foldLines(`${line}\r\nEND:VEVENT`)).toBe(`${line}\r\nEND:VEVENT`);
  });

  it('folds a long ASCII line every 74 octets with CRLF and one space', () => {
    const line = `URL:${'a'.repeat(200)}`;
    const folded = foldLines(line);
    expect(folded.split('\r\n').map((l) => l.length)).toEqual([74, 75, 57]);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('never splits a multi-byte character and counts octets, not characters', () => {
    const line = `SUMMARY:${'é'.repeat(40)}`; // 8 + 80 octets
    const parts = foldLines(line).split('\r\n');
    expect(parts).toEqual([`SUMMARY:${'é'.repeat(33)}`, ` ${'é'.repeat(7)}`]);
    expect(Buffer.byteLength(parts[0] ?? '')).toBe(74);
  });

  it('keeps surrogate pairs whole', () => {
    const line = `SUMMARY:${'😀'.repeat(30)}`; // 8 + 120 octets
    const parts = foldLines(line).split('\r\n');
    expect(parts[0]).toBe(`SUMMARY:${'😀'.repeat(16)}`);
    expect(parts.join('').replace(/ /g, '')).toBe(line);
  });
});
