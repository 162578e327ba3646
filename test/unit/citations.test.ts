import * as assert from 'node:assert/strict';
import { factsCited } from '../../server/src/engine/citations';
import { builtInKnowledge } from '../helpers/knowledge';

const cited = (text: string): [string, string][] =>
  factsCited(text, 'markdown', builtInKnowledge()).map((c) => [c.factId, text.slice(c.start, c.end)]);

describe('citations: draft sentences that state a fact of the fact base', function () {
  this.timeout(60000);

  it("a sentence that states the fact's values cites it, attributed or not", () => {
    assert.deepEqual(cited('Iran deployed up to 140,000 Shiite forces to Iraq and Syria, the report said.'), [
      ['iran-deployed-up-to-140000', 'Iran deployed up to 140,000 Shiite forces to Iraq and Syria, the report said.'],
    ]);
  });

  it('a sentence that contradicts a value does not cite the fact', () => {
    assert.deepEqual(cited('Iran deployed 200,000 Shiite forces to Iraq and Syria.'), []);
  });

  it("a sentence that names the fact's people without stating its claim does not cite it", () => {
    assert.deepEqual(cited('Iran and Syria held talks.'), []);
  });

  it('a recorded quote repeated word for word cites its fact, with offsets into the whole draft', () => {
    const text =
      '# Draft\n\nTass quoted Putin as saying: "In two years, the Russian armed forces, together with the Syrian army, have defeated the most lethal group of international terrorists."\n';
    const found = cited(text);
    assert.ok(
      found.some(([id, sentence]) => id === 'tass-putin-two-years-defeated-terrorists' && sentence.startsWith('Tass quoted Putin')),
      JSON.stringify(found),
    );
  });
});
