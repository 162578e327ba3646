import * as assert from 'node:assert/strict';
import { flagged, lint } from '../helpers/knowledge';
import { defaultRuleLevels } from '../../server/src/engine/settings';
import { renderFindingHover } from '../../server/src/features/hover';

const contradictions = (text: string): string[] => flagged(text, 'fact.contradiction').map(([, words]) => words);

describe('fact.contradiction', function () {
  // the first case builds the built-in knowledge; under a loaded machine that takes seconds
  this.timeout(20000);
  describe('flags the conflicting words', () => {
    const cases: [string, string, string][] = [
      ['number beyond an "up to" figure', 'Iran has deployed 200,000 Shiite fighters to Iraq and Syria.', '200,000'],
      ['written number', 'The peace plan drawn up by twenty nations a day after the Paris attacks set a deadline.', 'twenty'],
      ['hyphenated unit', 'The Golan Heights straddle the 60-mile border between Israel and Syria.', '60'],
      ['ordinal', 'The deal was sealed at the fourth Gas Exporting Countries Forum in Tehran.', 'fourth'],
      ['weekday', 'Putin met Assad in Sochi on Friday.', 'Friday'],
      ['venue', 'Putin met Assad in Moscow on Tuesday.', 'Moscow'],
      ['title', 'Kremlin spokesman Sergei Lavrov said Russia would stay.', 'Kremlin spokesman'],
      ['title nationality', 'Iranian President Bashar al-Assad thanked Russia.', 'Iranian President'],
      ['dozens', 'A peace plan drawn up by two dozen nations a day after the Paris attacks set a deadline.', 'two dozen'],
      ['order of magnitude', 'Iran has sent hundreds of thousands of Shiite fighters to Iraq and Syria.', 'hundreds of thousands'],
      [
        'a weekday given to the event that fits it best',
        'Putin visited the Hmeimim air base on Tuesday, where he was greeted by Assad.',
        'Tuesday',
      ],
      [
        'a weekday nearer one of two events',
        'On Tuesday, Putin made a surprise visit to the Hmeimim base in Syria, a week after hosting Assad in Sochi.',
        'Tuesday',
      ],
      [
        'another base for a visit, past the possessive',
        'Putin stopped at Russia\u2019s Tartus naval base on Monday and announced a partial withdrawal.',
        'Tartus naval base',
      ],
      [
        'a relative year resolved against the sentence\u2019s own year',
        'By the time Putin reached Tehran in November 2015, Islamic State had swept across large parts of Syria two years earlier.',
        'two years earlier',
      ],
      [
        'a phrasal verb with its object inside, and a part of a year in words',
        'Putin has been talking about pulling Russian forces out of Syria since the start of 2017.',
        'the start of 2017',
      ],
      [
        'part of a month against a recorded day',
        'The 17-nation plan gives Assad and the opposition until mid-January to open negotiations.',
        'mid-January',
      ],
      ['a place by its description', 'The Kremlin chief hosted the Syrian president in the Russian capital on Tuesday.', 'Russian capital'],
      [
        'an ordinal for an organisation by description',
        "Putin, who went to Tehran in 2015 for the fourth summit of the gas exporters' forum, has since hosted Assad in Sochi.",
        'fourth',
      ],
      ['a weekday for a welcome', 'Putin welcomed Assad to Sochi on a Monday in November.', 'Monday'],
      [
        'the holder\u2019s flipped stance after another party\u2019s',
        'Moscow and Tehran now oppose President Bashar al-Assad, while Washington remains opposed to his government.',
        'oppose',
      ],
      [
        'a stance flipped in other words',
        'After his talks with Khamenei in Tehran, Putin signalled that Moscow was ready to negotiate Assad\u2019s departure.',
        'ready to negotiate',
      ],
      [
        'a place after "the holy city of"',
        "Putin met Ayatollah Ali Khamenei in the holy city of Qom on Monday, on the sidelines of the gas exporters' summit.",
        'Qom',
      ],
      [
        'a capital by description, for a flight from the base',
        'After his stop at the Hmeymim air base on Monday, the Russian leader flew on to the Saudi capital.',
        'Saudi capital',
      ],
      [
        'a season against a month',
        'Putin\u2019s announcement in Syria was aimed at voters at home, with Russia\u2019s presidential election due next summer.',
        'next summer',
      ],
      [
        'a month outside a part of the year',
        'Putin has been talking about withdrawing Russian forces from Syria since September 2016.',
        'September 2016',
      ],
      [
        'a stance in an apposition',
        'As the fighting winds down, Washington, a longtime supporter of the Assad government, has begun discussing Syria\u2019s future.',
        'supporter',
      ],
      [
        'the sea a resort lies on',
        'Sochi, the Caspian Sea resort where Putin received the Syrian president, has become the Kremlin\u2019s stage for diplomacy.',
        'Caspian Sea',
      ],
      [
        'another border for the reported agreement',
        'The Jerusalem Post reported last week that Washington and Moscow had agreed to expel Iranian-linked forces from the Iraqi-Syrian border region.',
        'Iraqi-Syrian border region',
      ],
      ['a person by a description derived from their role', 'Egypt\u2019s president held talks with Putin in Alexandria.', 'Alexandria'],
      [
        'a sentence that points back at the one before',
        'Western officials told the BBC that Iran is building a base in Syria. The site is about 31 kilometres from the Golan Heights.',
        'about 31',
      ],
      [
        'a stance negated by "lacked"',
        'Russia\u2019s top diplomat told Interfax that Iran\u2019s military presence in Syria lacked any legal basis.',
        'lacked any legal',
      ],
      [
        'a holiday for a date',
        'The 17-nation plan gives Assad and the opposition until Christmas Day to open negotiations.',
        'Christmas Day',
      ],
      ['the weekend for a weekday', 'Putin met Khamenei in Tehran over the weekend.', 'the weekend'],
      [
        'a half of a year outside a part of it',
        'Putin has been talking about withdrawing Russian forces from Syria since the second half of 2016.',
        'the second half of 2016',
      ],
      [
        'a number far from its verb, tied by its unit',
        'More than 200,000 Shiite fighters, from Hezbollah units to recruits out of Pakistan and Afghanistan, have been dispatched by Tehran to Iraq and Syria.',
        'More than 200,000',
      ],
      [
        'a sea named against a resort in it',
        'Putin hosted Assad on Tuesday in Sochi, Russia\u2019s Caspian Sea resort, and congratulated him.',
        'Caspian Sea',
      ],
      [
        'a place as the object of the fact\u2019s own verb',
        'The Iraqi military declared the country fully liberated from ISIS and said its troops had retaken the Iraqi-Jordanian border.',
        'Iraqi-Jordanian border',
      ],
      [
        'a date in the same stretch of words as the fact\u2019s verb',
        'Russia, which began supplying the Assad regime with drone strikes and military assistance in 2013, now says its job in Syria is almost done.',
        '2013',
      ],
      [
        'a possessive weekday, the fix keeping the possessive',
        'Wednesday\u2019s talks in Sochi ended with Putin congratulating Assad on the fight against terrorism.',
        'Wednesday',
      ],
      [
        'a length given after what it measures and a verb of length',
        'The Golan Heights sit astride a frontier between Israel and Syria that runs for some 90 miles.',
        'some 90',
      ],
      [
        'a pronoun for the person the sentence before named',
        'Putin has also turned Syria into a diplomatic platform. After the air base visit, he flew to Alexandria for talks with Egyptian President Abdel Fattah el-Sisi.',
        'Alexandria',
      ],
      [
        'a place described and named in apposition, reported by its name',
        'Leaders of the big gas producers gathered in the Qatari capital, Doha, for the third summit of the Gas Exporting Countries Forum.',
        'Doha',
      ],
      [
        'a date of talks among parties named by their capital',
        'As Putin held talks with Khamenei in Tehran, attention was on the peace plan drawn up after the Paris attacks, which set a February 1 deadline for negotiations between Assad and his opponents.',
        'February 1',
      ],
      [
        'of two dates, the one nearest the fact\u2019s words',
        'In late 2015 the priority was stopping Islamic State jihadists, who had overrun large parts of Syria in 2012, from taking Damascus.',
        '2012',
      ],
      [
        'another office in a title',
        'White House spokesman Eric Pahon said Russian statements "do not affect U.S. priorities in Syria."',
        'White House spokesman',
      ],
      [
        'a threat denied in other words',
        'Russia does not regard the U.S.-backed forces as a threat to the region, Lavrov said.',
        'does not regard',
      ],
      ['stance polarity', 'Lavrov said Iran\u2019s military presence in Syria was illegitimate.', 'illegitimate'],
    ];
    for (const [what, text, words] of cases) {
      it(what, () => assert.ok(contradictions(text).includes(words), `${contradictions(text).join(' | ')} in: ${text}`));
    }
  });

  describe('does not flag', () => {
    const cases: [string, string][] = [
      ['a number within the source\u2019s qualifier', 'Iran sent as many as 140,000 Shiite fighters to Iraq and Syria.'],
      ['a smaller number than an "up to" figure', 'Iran has deployed 120,000 Shiite fighters to Iraq and Syria.'],
      ['an order of magnitude within the source’s figure', 'Iran has sent tens of thousands of Shiite fighters to Iraq and Syria.'],
      [
        'each of two events with its own weekday',
        'On Monday, Putin made a surprise visit to the Hmeimim base in Syria, weeks after hosting Assad in Sochi on Tuesday.',
      ],
      [
        'a small number that points back at named parties',
        'In July, the two countries and Jordan agreed a ceasefire in south-western Syria.',
      ],
      [
        'a relative year that agrees, and the date the sentence speaks from',
        'As of November 2017, Putin had been talking about withdrawing Russian forces from Syria since early last year.',
      ],
      [
        'a part of a year in words that agrees',
        'Putin has been talking about pulling Russian forces out of Syria since the beginning of 2016.',
      ],
      [
        'another party\u2019s stance beside the holder\u2019s',
        'Moscow and Tehran still stand firmly behind President Bashar al-Assad, while Washington remains opposed to his government.',
      ],
      [
        'a relative year that agrees ("the year before")',
        'When Putin visited Tehran in November 2015, Islamic State, which had overrun large swathes of Syria the year before, was still threatening Damascus.',
      ],
      ['a stance that agrees in other words', 'Putin signalled that Moscow would not accept Assad\u2019s removal.'],
      ['the place after "resort city of"', 'Putin met Assad in Russia\u2019s Black Sea resort city of Sochi on Tuesday.'],
      ['a flight to the base itself', 'Putin flew from Moscow to the Hmeimim base on Monday to meet Assad.'],
      ['a month inside a part of the year', 'Putin has been talking about withdrawing Russian forces from Syria since February 2016.'],
      ['a season that is no time ("fall" as a verb)', 'Russia\u2019s presidential election turnout may fall in March.'],
      [
        'the right sea, and a coast for the resort',
        'Putin met Assad on the Black Sea coast on Tuesday, in Russia\u2019s Black Sea resort of Sochi.',
      ],
      [
        'the border in the source\u2019s words',
        'Washington and Moscow had agreed to expel Iranian-linked forces from the Israeli-Syrian region, the Jerusalem Post reported.',
      ],
      [
        'an outlet credited with another recorded quote',
        'The two men watched Russian troops parade before Putin said that "a significant part" of the contingent was returning home, according to TASS.',
      ],
      [
        'where an organisation is based, not where its event was',
        'The Gas Exporting Countries Forum, whose secretariat is based in Doha, groups leading gas producers, among them Russia, Iran and Qatar.',
      ],
      [
        'someone else met somewhere else',
        'After Syria and Egypt, Putin also stopped in Ankara on the same tour, holding talks with Turkish President Recep Tayyip Erdogan.',
      ],
      [
        'a sentence that points back, with an agreeing value',
        'Western officials told the BBC that Iran is building a base in Syria. The site is about 50 kilometres from the Golan Heights.',
      ],
      ['a holiday that is the date', 'The 17-nation plan gives Assad and the opposition until New Year\u2019s Day to open negotiations.'],
      [
        'the opening months of a year',
        'Putin has been talking about withdrawing Russian forces from Syria since the opening months of 2016.',
      ],
      [
        'a capital as the object of a verb of thanks',
        'Syrian state television said Assad had thanked Moscow for the blood of its martyrs.',
      ],
      ['the right length after a verb of length', 'The Golan Heights straddle a border between Israel and Syria that runs for 47 miles.'],
      [
        'a pronoun for the person the sentence before named, with the right place',
        'Putin has also turned Syria into a diplomatic platform. After the air base visit, he flew to Cairo for talks with Egyptian President Abdel Fattah el-Sisi.',
      ],
      [
        'a value inside a speaker\u2019s quoted words',
        '"I have decided that a significant part of the Russian military contingent is returning home to Russia," Putin said during Monday\u2019s visit.',
      ],
      [
        'a country before a title across a comma',
        'Moscow and Tehran rejected outside dictates in Syria, Foreign Minister Sergei Lavrov said.',
      ],
      [
        'where a participant was, far from the event\u2019s words',
        'While Putin was in Tehran, attention turned to the peace plan that 17 nations put forward a day after the Paris attacks, which sets January 1 as the deadline for Assad and the opposition to start talking.',
      ],
      ['a converted distance', 'The base is expected to be built about 50 kilometres from the Golan Heights.'],
      ['agreeing restatement with aliases', 'Putin flew to the Khmeimim air base, where he met Assad on Monday.'],
      ['claims the fact base knows nothing about', 'Putin flew to Beijing for talks with Xi Jinping in May.'],
      [
        'either side of a recorded dispute',
        'The United States and Russia have agreed to expel Iranian-linked forces from southern Syria, the Jerusalem Post reported.',
      ],
      ['the correct title', 'Russian Foreign Minister Sergei Lavrov said Iran\u2019s military presence in Syria was legitimate.'],
      ['a former title', 'Former president Hassan Rouhani visited Moscow.'],
    ];
    for (const [what, text] of cases) {
      it(what, () => assert.deepEqual(contradictions(text), [], text));
    }
  });

  it('names a runner-up only when two recorded events fit the sentence equally well', () => {
    const findingOf = (text: string) => lint(text).findings.filter((f) => f.rule === 'fact.contradiction');
    const tie = findingOf('Putin met Assad on Wednesday to discuss the war in Syria.');
    assert.equal(tie.length, 1);
    assert.match(tie[0].detail.reason, /Another recorded event fits the sentence as well: Putin met Assad on Monday/);
    assert.equal(tie[0].detail.sources?.length, 2);
    // the place tells the two meetings apart: no tie, one source
    const apart = findingOf('Putin met Assad in Syria on Wednesday.');
    assert.deepEqual(
      apart.map((f) => [f.message.slice(0, 40), f.detail.sources?.length]),
      [['"Wednesday": the source says Monday — \u201CA', 1]],
    );
  });

  it('says what the source says, offers its wording and carries provenance for the hover', () => {
    const text = 'Iran has deployed 200,000 Shiite fighters to Iraq and Syria.';
    const finding = lint(text).findings.find((f) => f.rule === 'fact.contradiction');
    assert.ok(finding);
    assert.match(
      finding.message,
      /^"200,000": the source says up to 140,000 Shiite forces \u2014 \u201CIran deployed up to 140,000 Shiite forces/,
    );
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.fixes[0].edits, [
      { start: text.indexOf('200,000'), end: text.indexOf('200,000') + 7, newText: 'up to 140,000' },
    ]);
    const source = finding.detail.sources?.[0];
    assert.equal(source?.seed, '000_f7105e6547317780.txt');
    assert.equal(source?.outlet, 'Breitbart News');
    assert.ok(source && source.offset >= 0 && source.passage.includes('140,000'));
  });
});

describe('fact.misquote and fact.misattribution', () => {
  it('points at a changed word inside a long quote given to the right speaker', () => {
    const text =
      '"In two years, the Russian armed forces, together with the Syrian army, have defeated the most dangerous group of international terrorists," Putin said, according to Tass.';
    assert.deepEqual(flagged(text, 'fact.misquote'), [['error', 'dangerous']]);
    const fix = lint(text).findings.find((f) => f.rule === 'fact.misquote')?.fixes[0];
    assert.ok(fix?.edits[0].newText.includes('most lethal group'));
  });

  it('reports a quoted word that changes a recorded value once, as a misquote', () => {
    const text = 'Lavrov said Iran\u2019s military presence in Syria is \u201Cillegitimate.\u201D';
    const facts = lint(text).findings.filter((f) => f.rule.startsWith('fact.'));
    assert.deepEqual(
      facts.map((f) => [f.rule, text.slice(f.start, f.end)]),
      [['fact.misquote', 'illegitimate']],
    );
  });

  it('reports a wrong weekday and date written together once, over the whole date', () => {
    const text = 'Putin met Khamenei in Tehran on Sunday, November 22, 2015.';
    const facts = lint(text).findings.filter((f) => f.rule.startsWith('fact.'));
    assert.deepEqual(
      facts.map((f) => [f.rule, text.slice(f.start, f.end)]),
      [['fact.contradiction', 'Sunday, November 22, 2015']],
    );
  });

  it('flags a recorded quote given to someone by a description through a possessive', () => {
    const text =
      'Russia\'s top diplomat said Putin and Khamenei had both rejected "any external attempt to dictate scenarios of political settlements" in Syria.';
    assert.deepEqual(flagged(text, 'fact.misattribution'), [['error', "Russia's top diplomat"]]);
    assert.deepEqual(flagged(text.replace("Russia's top diplomat", "Putin's spokesman"), 'fact.misattribution'), []);
  });

  it('checks a short quote against what its named speaker is recorded saying', () => {
    const text = 'In a statement, the Iraqi military said its forces had "largely liberated" all of Iraq\u2019s territory.';
    assert.deepEqual(flagged(text, 'fact.misquote'), [['error', 'largely']]);
    assert.deepEqual(flagged(text.replace('largely', 'fully'), 'fact.misquote'), []);
  });

  it('gives a quote "quoted by X as saying" to the one quoted', () => {
    const text = 'Kremlin spokesman Dmitry Peskov was quoted by Interfax as saying Iran\u2019s military presence in Syria is "legitimate".';
    assert.deepEqual(flagged(text, 'fact.misattribution'), [['error', 'Dmitry Peskov']]);
  });

  it('flags a recorded quote given to another named person', () => {
    const text =
      '"Russian comments about removal of their forces do not often correspond with actual troop reductions," Sergei Lavrov said.';
    assert.deepEqual(flagged(text, 'fact.misattribution'), [['error', 'Sergei Lavrov']]);
  });

  it('accepts exact and partial quotes from the recorded speaker', () => {
    const exact = 'Pentagon spokesman Eric Pahon told Reuters that Russian comments "do not affect U.S. priorities in Syria."';
    assert.deepEqual([...flagged(exact, 'fact.misquote'), ...flagged(exact, 'fact.misattribution')], []);
  });
});

describe('fact.disputed-report', function () {
  this.timeout(20000);
  const rulesOf = (text: string, settings = {}) =>
    lint(text, { settings })
      .findings.filter((f) => f.rule.startsWith('fact.'))
      .map((f) => [f.rule, f.severity, text.slice(f.start, f.end)]);

  it('reports a wrong value someone else is reported saying, as a warning naming both claims', () => {
    const text = 'A spokesman said Iran has deployed 200,000 Shiite fighters to Iraq and Syria.';
    assert.deepEqual(rulesOf(text), [['fact.disputed-report', 'warning', '200,000']]);
    const finding = lint(text).findings.find((f) => f.rule === 'fact.disputed-report');
    assert.match(finding?.message ?? '', /^A spokesman says "200,000"; the source says up to 140,000/);
    assert.match(finding?.detail?.reason ?? '', /the source says up to 140,000/);
    assert.deepEqual(finding?.detail.reported, { by: 'A spokesman', claim: '200,000' });
    // the hover card puts both claims side by side, above the source's passage
    const card = finding ? renderFindingHover(finding) : '';
    assert.ok(card.indexOf('**A spokesman says:** 200,000') < card.indexOf('**The source says:** up to 140,000 Shiite forces'), card);
    assert.ok(card.indexOf('**The source says:**') < card.indexOf('**Source:**'), card);
    assert.deepEqual(rulesOf('Iran has deployed 200,000 Shiite fighters to Iraq and Syria, a commentator wrote.'), [
      ['fact.disputed-report', 'warning', '200,000'],
    ]);
  });

  const contradictions: [string, string, string][] = [
    ['the writer states it', 'Iran has deployed 200,000 Shiite fighters to Iraq and Syria.', '200,000'],
    [
      "the draft credits the fact's own outlet",
      'Breitbart reported that Iran has deployed 200,000 Shiite fighters to Iraq and Syria.',
      '200,000',
    ],
    [
      "the value is in the writer's aside",
      'Analysts said Iran, which has deployed 200,000 Shiite fighters to Iraq and Syria, will keep backing Assad.',
      '200,000',
    ],
  ];
  for (const [why, text, words] of contradictions) {
    it(`stays a contradiction when ${why}`, () => assert.deepEqual(rulesOf(text), [['fact.contradiction', 'error', words]]));
  }

  it('reads a source whose complement names the fact\u2019s subject as someone else ("a source close to the Kremlin")', () => {
    const text =
      'Putin has been talking about pulling his forces out of Syria since the summer of 2016, a source close to the Kremlin told Bloomberg.';
    assert.deepEqual(rulesOf(text), [['fact.disputed-report', 'warning', 'the summer of 2016']]);
  });

  it('is silent when the reported value agrees, and can be turned off on its own', () => {
    assert.deepEqual(rulesOf('A spokesman said Iran has deployed up to 140,000 Shiite fighters to Iraq and Syria.'), []);
    const off = { rules: { ...defaultRuleLevels(), 'fact.disputed-report': 'off' as const } };
    assert.deepEqual(rulesOf('A spokesman said Iran has deployed 200,000 Shiite fighters to Iraq and Syria.', off), []);
    assert.deepEqual(rulesOf('Iran has deployed 200,000 Shiite fighters to Iraq and Syria.', off), [
      ['fact.contradiction', 'error', '200,000'],
    ]);
  });
});
