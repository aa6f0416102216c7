// Days stored by an older followthru that do not exist are made real where the row is read.
import { describe, expect, it } from 'vitest';
import { getItem, insertItem, listItems, saveMessage } from '../../src/store/index.js';
import { sampleItem, sampleMessage, tempStore } from './helpers.js';

describe('a stored due day is read as a real day', () => {
  it.each([
    [
      { date: '2026-11-31', at: null, text: 'by the 31st' },
      { date: '2026-11-30', at: null, text: 'by the 31st' },
    ],
    [
      { date: '2026-11-31', at: '2026-11-31T17:00:00-06:00', text: 'by the 31st EOD' },
      { date: '2026-11-30', at: null, text: 'by the 31st EOD' },
    ],
    [{ date: '10000-01-07', at: null, text: 'by Friday' }, null],
    [{ date: 'soon', at: null, text: 'soon' }, null],
    [
      { date: '2026-11-30', at: '2026-11-30T17:00:00-06:00', text: 'Monday EOD' },
      { date: '2026-11-30', at: '2026-11-30T17:00:00-06:00', text: 'Monday EOD' },
    ],
  ])('stored %j is read as %j', async (stored, read) => {
    const { store } = await tempStore();
    await saveMessage(store, sampleMessage());
    const { id } = await insertItem(store, sampleItem({ due: stored }));
    expect((await getItem(store, id))?.due).toEqual(read);
    expect((await listItems(store))[0]?.due).toEqual(read);
  });
});
