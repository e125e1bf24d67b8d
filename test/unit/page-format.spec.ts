import {
  casualtyWords,
  figureWords,
  lastUpdatedLine,
  localTime,
  readersLine,
  updateTime,
} from '../../src/shared/wording.js';

describe('page wording (shared by the server and the browser)', () => {
  it('prints the last update as the BBC did, in GMT whatever the season', () => {
    expect(lastUpdatedLine('2010-04-08T17:37:00Z')).toBe('Page last updated at 17:37 GMT, Thursday, 8 April 2010');
    expect(lastUpdatedLine('2010-01-05T09:05:00Z')).toBe('Page last updated at 09:05 GMT, Tuesday, 5 January 2010');
  });

  it('gives the story’s own zone beside it only where it differs from GMT', () => {
    expect(localTime('2010-04-08T17:37:00Z', 'Europe/London')).toBe('18:37 UK');
    expect(localTime('2010-01-08T17:37:00Z', 'Europe/London')).toBeNull();
    expect(localTime('2010-04-08T17:37:00Z', 'UTC')).toBeNull();
    expect(localTime('2010-04-08T17:37:00Z', 'Asia/Bishkek')).toBe('23:37 GMT+6');
  });

  it('spells every qualifier out and groups thousands', () => {
    expect(
      casualtyWords({ dead: { count: 75, qualifier: 'exact' }, injured: { count: 1000, qualifier: 'more-than' } }),
    ).toBe('75 dead, more than 1,000 injured');
    expect(figureWords({ count: 3, qualifier: 'about' })).toBe('about 3');
    expect(figureWords({ count: 12, qualifier: 'at-least' })).toBe('at least 12');
    expect(casualtyWords({ dead: null, injured: { count: 2, qualifier: 'exact' } })).toBe('2 injured');
    expect(casualtyWords({ dead: null, injured: null })).toBeNull();
    expect(casualtyWords(null)).toBeNull();
  });

  it('dates an update by its time, and by its day too when that is not the page’s', () => {
    expect(updateTime('2010-04-08T16:00:00Z', '2010-04-08T17:37:00Z')).toBe('16:00 GMT');
    expect(updateTime('2010-04-07T23:10:00Z', '2010-04-08T17:37:00Z')).toBe('23:10 GMT, 7 Apr 2010');
  });

  it('counts readers in words', () => {
    expect(readersLine(1)).toBe('1 person reading now');
    expect(readersLine(1204)).toBe('1,204 people reading now');
  });
});
