import { strict as assert } from 'node:assert';
import type { AttributionFrame } from '../../server/src/engine/analysis/frames';
import { analyseChunk } from '../../server/src/engine/document';
import { builtInKnowledge } from '../helpers/knowledge';

/** A frame as words: [kind, source, cue, content, stated]. */
type FrameWords = [string, string, string, string, boolean];

function framesOf(text: string): FrameWords[] {
  const words = (span: { start: number; end: number } | undefined): string => (span ? text.slice(span.start, span.end) : '');
  return analyseChunk(text, 'plaintext', builtInKnowledge()).blocks.flatMap((b) =>
    b.sentences.flatMap((s) =>
      s.frames
        .filter((f) => !f.carriedFrom)
        .map((f: AttributionFrame): FrameWords => [f.kind, words(f.source), words(f.cue), words(f.content), f.stated]),
    ),
  );
}

/** The frames of every sentence, carried-over frames included. */
function sentenceFrames(text: string): AttributionFrame[][] {
  return analyseChunk(text, 'plaintext', builtInKnowledge()).blocks.flatMap((b) => b.sentences.map((s) => s.frames));
}

describe('attribution frames', () => {
  it('reads "X said (that) Y", "Y, X said" and "Y, said X"', () => {
    assert.deepEqual(framesOf('Lavrov said Russia would stay.'), [['named', 'Lavrov', 'said', 'Russia would stay', true]]);
    assert.deepEqual(framesOf('Lavrov said that Russia would stay.'), [['named', 'Lavrov', 'said', 'that Russia would stay', true]]);
    assert.deepEqual(framesOf('Russia will stay, Lavrov said.'), [['named', 'Lavrov', 'said', 'Russia will stay', true]]);
    assert.deepEqual(
      framesOf('\u201CRussia will stay,\u201D said Russia\u2019s foreign minister.').map((f) => f.slice(0, 3)),
      [['named', 'Russia\u2019s foreign minister', 'said']],
    );
  });

  it('reads "according to X", "X told Reuters" and a subject with an aside or relative clause', () => {
    assert.deepEqual(framesOf('According to Reuters, the talks failed.'), [
      ['outlet', 'Reuters', 'According to', 'the talks failed', true],
    ]);
    assert.deepEqual(framesOf('Lavrov told Reuters the talks had failed.'), [['named', 'Lavrov', 'told', 'the talks had failed', true]]);
    assert.deepEqual(
      framesOf('Lavrov, who leads the delegation, said the talks failed.').map((f) => f.slice(0, 3)),
      [['named', 'Lavrov', 'said']],
    );
    assert.deepEqual(
      framesOf('Sergei Lavrov, Russia\u2019s foreign minister, said the talks failed.').map((f) => f.slice(0, 3)),
      [['named', 'Sergei Lavrov', 'said']],
    );
    assert.deepEqual(
      framesOf('Sen. Bernie Sanders (I-Vt.) said the vote was rigged.').map((f) => f.slice(1, 3)),
      [['Sen. Bernie Sanders', 'said']],
    );
    // a participle aside before the verb, and "described X as Y", which is not "…, said X"
    // an object after a comma is not an inverted speaker: "…, claimed victory over the Islamic State"
    assert.deepEqual(
      framesOf('Putin flew into the base and, with Assad at his side, claimed victory over the Islamic State.').filter(
        (f) => f[1] === 'victory over the Islamic State',
      ),
      [],
    );
    // "quoted … as saying": the one quoted speaks, in the active and the passive
    assert.deepEqual(
      framesOf('Peskov was quoted by Interfax as saying the talks failed.').filter((f) => f[2] === 'saying'),
      [['named', 'Peskov', 'saying', 'the talks failed', true]],
    );
    assert.deepEqual(
      framesOf('Interfax quoted Peskov as saying the talks failed.').filter((f) => f[2] === 'saying'),
      [['named', 'Peskov', 'saying', 'the talks failed', true]],
    );
    assert.deepEqual(framesOf('The talks failed, a source close to the Kremlin told Reuters.'), [
      ['vague', 'a source close to the Kremlin', 'told', 'The talks failed', true],
    ]);
    assert.deepEqual(
      framesOf('The New York Times, reporting from Tehran in November 2015, described the war as three years old.').map((f) =>
        f.slice(1, 4),
      ),
      [['The New York Times', 'described', 'the war as three years old']],
    );
  });

  it('reads colon attribution, "In a statement, X said" and nominal frames', () => {
    assert.deepEqual(
      framesOf('Jane Roe, The Daily Herald: \u201CThe talks failed.\u201D').map((f) => f.slice(0, 3)),
      [['named', 'Jane Roe', ':']],
    );
    assert.deepEqual(framesOf('In a statement, the ministry said the talks failed.'), [
      ['named', 'the ministry', 'said', 'the talks failed', true],
    ]);
    assert.deepEqual(
      framesOf('Trump\u2019s claim that the vote was rigged spread quickly.').map((f) => f.slice(0, 3)),
      [['named', 'Trump\u2019s', 'claim']],
    );
    assert.deepEqual(
      framesOf('The senator issued a statement calling the report faulty.').map((f) => f.slice(1, 3)),
      [
        ['The senator', 'statement'],
        ['The senator', 'calling'],
      ],
    );
    assert.deepEqual(
      framesOf('The ministry accused Kyiv of shelling the plant.').map((f) => f.slice(1, 4)),
      [['The ministry', 'accused', 'Kyiv of shelling the plant']],
    );
  });

  it('reads governed, coordinated and progressive cues', () => {
    assert.deepEqual(
      framesOf('He went on to say, \u201CIt\u2019s over.\u201D').map((f) => f.slice(0, 3)),
      [['pronoun', 'He', 'say']],
    );
    assert.deepEqual(
      framesOf('The ministry and the army say they will withdraw.').map((f) => f.slice(1, 3)),
      [['The ministry and the army', 'say']],
    );
    assert.deepEqual(framesOf('The governor is promising lawmakers that taxes will fall.'), [
      ['named', 'The governor', 'promising', 'that taxes will fall', true],
    ]);
    assert.deepEqual(
      framesOf('Carson took the stage in Baltimore and called the system \u201Crotten.\u201D').map((f) => f.slice(1, 3)),
      [['Carson', 'called']],
    );
  });

  it('reads a passive with its agent, and agentless passives as cues without a source', () => {
    assert.deepEqual(
      framesOf('It was reported by Tass that the talks failed.').map((f) => f.slice(0, 2)),
      [['outlet', 'Tass']],
    );
    assert.deepEqual(
      framesOf('The plan was announced on Monday.').map((f) => f.slice(0, 3)),
      [['none', '', 'announced']],
    );
  });

  it('tells vague, document and outlet sources apart', () => {
    assert.deepEqual(
      framesOf('Officials said the toll rose.').map((f) => f[0]),
      ['vague'],
    );
    assert.deepEqual(
      framesOf('The report found that 40 people died.').map((f) => f[0]),
      ['document'],
    );
    assert.deepEqual(
      framesOf('Tass reported that the talks failed.').map((f) => f[0]),
      ['outlet'],
    );
    assert.deepEqual(framesOf('The talks reportedly failed.'), [['vague', '', 'reportedly', 'The talks reportedly failed', true]]);
    assert.deepEqual(
      framesOf('Scientists at the Met Office said the heatwave was made more likely by climate change.').map((f) => f[0]),
      ['named'],
    );
  });

  it('finds no frame where nothing is attributed', () => {
    for (const text of [
      'Trump spoke at a rally in Ohio.',
      'The bill supports farmers.',
      'Prices rose 4 percent in March.',
      'The war continued.',
      'The hospital network was forced to close two of its clinics.',
    ]) {
      assert.deepEqual(framesOf(text), [], text);
    }
  });

  it('marks views held and statements not yet made as not stating the content', () => {
    assert.deepEqual(
      framesOf('Clinton wants to triple the size of AmeriCorps.').map((f) => [f[1], f[2], f[4]]),
      [['Clinton', 'wants', false]],
    );
    assert.deepEqual(
      framesOf('The minister will announce the cuts on Monday.').map((f) => [f[1], f[2], f[4]]),
      [['The minister', 'announce', false]],
    );
    assert.deepEqual(
      framesOf('The company is set to announce 2,000 job cuts.').map((f) => f[4]),
      [false],
    );
    assert.deepEqual(
      framesOf('The United States and Russia have agreed to expel the militias.').map((f) => f[4]),
      [false],
    );
  });

  it('ties a pronoun source to the named source before it, and carries an account through its paragraph', () => {
    const [first, second] = sentenceFrames('Lavrov arrived in Sochi, his spokesman said. He said the talks failed.');
    assert.equal(second[0].kind, 'pronoun');
    assert.equal(second[0].antecedent, first[0]);
    const [said, carried] = sentenceFrames('The ministry said forty people died. Twelve were children.');
    assert.equal(carried[0].carriedFrom, said[0]);
    assert.deepEqual(carried[0].content, { start: 37, end: 57 });
  });

  it('gives a quotation the speaker named around it, or in the sentence right after it', () => {
    const speakers = (text: string): string[] =>
      analyseChunk(text, 'plaintext', builtInKnowledge()).blocks.flatMap((b) =>
        b.speakers.map((q) => (q.speaker?.source ? text.slice(q.speaker.source.start, q.speaker.source.end) : '')),
      );
    assert.deepEqual(speakers('\u201CWe will stay. We will fight,\u201D he added.'), ['he']);
    assert.deepEqual(speakers('\u201CDidn\u2019t he?\u201D Mrs. Clinton said.'), ['Mrs. Clinton']);
    assert.deepEqual(speakers('\u201CWe will stay,\u201D Lavrov said. \u201CWe will fight.\u201D'), ['Lavrov', 'Lavrov']);
    // two apostrophes for a quotation mark, as some archives write them
    assert.deepEqual(speakers("''This was not the guiding basis of our policy,'' Mr. Rhodes said."), ['Mr. Rhodes']);
  });

  it('never takes a cue inside quoted words for the writer\u2019s sourcing', () => {
    assert.deepEqual(
      framesOf('\u201CThey said the war was over,\u201D Putin said.').map((f) => f.slice(1, 3)),
      [['Putin', 'said']],
    );
  });
});
