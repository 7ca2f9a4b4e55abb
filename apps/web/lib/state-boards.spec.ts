import { boardOf, STATE_BOARDS } from './state-boards';
import { US_STATE_NAMES } from './wording';

describe('state massage boards', () => {
  it('covers every state and DC once, each with a look-up or the reason there is none', () => {
    const states = STATE_BOARDS.map((board) => board.state);
    expect(new Set(states).size).toBe(states.length);
    for (const code of Object.keys(US_STATE_NAMES).filter(
      (c) => c.length === 2 && !['PR', 'GU', 'VI', 'AS', 'MP'].includes(c),
    ))
      expect(boardOf(code)).toBeDefined();
    for (const board of STATE_BOARDS) {
      if (board.board) expect(board.lookupUrl).toMatch(/^https:\/\//);
      else expect(board.note).toMatch(/No state license/);
    }
  });
});
