import { describe, expect, it } from 'vitest';
import { formatRoomCode, normalizeRoomCode } from '../../../src/contract';
import { readClassRoute } from '../../../src/features/class/class-route';
import { tallyCsv } from '../../../src/features/class/tally-csv';
import { Rooms } from '../../../server/class/rooms';

describe('room codes', () => {
  it('are 10 symbols of Crockford base32 (50 bits), read back however they are typed', () => {
    const rooms = new Rooms();
    const codes = new Set(Array.from({ length: 200 }, () => rooms.create(0)!.code));
    expect(codes.size).toBe(200);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
      const shown = formatRoomCode(code);
      expect(normalizeRoomCode(` ${shown.toLowerCase()} `)).toBe(code);
    }
    // O, I and L are read as the digits people mean; anything else is not a code.
    expect(normalizeRoomCode('abcdo-1ilxy')).toBe('ABCD0111XY');
    expect(normalizeRoomCode('ABCDE-1234')).toBeNull();
    expect(normalizeRoomCode('ABCDE-1234U')).toBeNull();
  });

  it('the teacher link needs ?present and a token; a student link the code alone', () => {
    expect(readClassRoute('?class=abcde-12345', '')).toEqual({
      mode: 'student',
      code: 'ABCDE12345',
    });
    expect(readClassRoute('?class', '')).toEqual({ mode: 'student', code: null });
    const hash = '#class=ABCDE12345.Cmli9_IiBnqzXF7XU4AezQ';
    expect(readClassRoute('?present', hash)).toEqual({
      mode: 'teacher',
      code: 'ABCDE12345',
      token: 'Cmli9_IiBnqzXF7XU4AezQ',
    });
    expect(readClassRoute('', hash)).toEqual({ mode: 'off' });
  });
});

describe('the tally as CSV', () => {
  it('has one row per question and choice, the step counted from 1', () => {
    const csv = tallyCsv({
      'crash-containment:1': {
        question: 'crash-containment:1',
        counts: [1, 0, 2],
        answered: 3,
        present: 4,
      },
    });
    expect(csv.split('\r\n')).toEqual([
      'lesson,step,choice,chose,answered,present',
      'crash-containment,2,A,1,3,4',
      'crash-containment,2,B,0,3,4',
      'crash-containment,2,C,2,3,4',
      '',
    ]);
  });

  it('lists who answered what for those who gave a nickname, none read as a formula', () => {
    const tally = { question: 'q:0', counts: [1, 1], answered: 2, present: 2 };
    const csv = tallyCsv({ 'q:0': tally }, [
      { question: 'q:0', nick: 'Zoë', choice: 1 },
      { question: 'q:0', nick: '-1', choice: 0 },
    ]);
    expect(csv.split('\r\n').slice(3)).toEqual([
      '',
      'nickname,lesson,step,choice',
      'Zoë,q,1,B',
      "'-1,q,1,A",
      '',
    ]);
  });
});
