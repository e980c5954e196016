import { describe, expect, it } from 'vitest';
import { kazakhPersonNames, kazakhStem, kazakhSubject, onRussianKeyboard } from '../../src/language/kazakh.ts';
import { words } from '../../src/search/analyze.ts';
import { ConceptMatcher } from '../../src/search/concepts.ts';
import { expectationOf } from '../../src/search/expectation.ts';

describe('Kazakh suffix stripper', () => {
	it.each([
		['құқықтары', 'құқық'],
		['құқығын', 'құқық'],
		['балалардың', 'бала'],
		['форумға', 'форум'],
		['ұйымдармен', 'ұйым'],
		['омбудсменге', 'омбудсмен'],
		['мүшесі', 'мүше'],
		['үйде', 'үй'],
		['елдің', 'ел'],
		['партияның', 'партия'],
		['шағымдар', 'шағым'],
		// Stems that end like an ending keep it: one slot is stripped once.
		['шағым', 'шағым'],
		['адам', 'адам'],
		['уәкіл', 'уәкіл'],
		['тәуелсіздік', 'тәуелсіздік'],
		['заң', 'заң'],
		['қазақстан', 'қазақстан'],
		['қазақстанның', 'қазақстан'],
	])('%j → %j', (word, stem) => {
		expect(kazakhStem(word)).toBe(stem);
	});

	it('leaves a short word whose end only looks like a case ending: "ата", "ана", "оны"', () => {
		expect(['ата', 'ана', 'оны'].map(kazakhStem)).toEqual(['ата', 'ана', 'оны']);
	});

	it('finds the lexicon\'s "қонақ үй" (hotel) in "қонақ үйде"', () => {
		const matcher = new ConceptMatcher([['hotel', 'қонақ үй']]);
		expect(matcher.match(words('форум қай қонақ үйде өтті', 'kk'))).toEqual([{ concept: '~0', start: 2, end: 4 }]);
	});

	it('stems a Kazakh word by its letters whatever the text, and a Russian-keyboard one in Kazakh text', () => {
		expect(words('балалардың')[0]!.stem).toBe('бала');
		expect(words('балалардын', 'kk')[0]!.stem).toBe('бала');
		expect(onRussianKeyboard('қонақ үй')).toBe('конак уй');
	});

	it('skips function and question words, typed either way', () => {
		expect(words('омбудсмен сот шешімін өзгерте ала ма', 'kk').filter((w) => w.isStopword).map((w) => w.surface)).toEqual(['ала', 'ма']);
		expect(words('кай', 'kk')[0]!.isStopword).toBe(true);
	});
});

describe('Kazakh question kinds', () => {
	it.each([
		['кездесуде қазақстан атынан кім болды', 'agent'],
		['қашан қабылданды', 'date'],
		['қай жылы құрылды', 'date'],
		['қанша шағым түсті', 'number'],
		['неше жылға сайланады', 'duration'],
		['форум қайда өтті', 'place'],
		['кай конак уйде отти', 'place'],
		['неге тәуелсіз', 'reason'],
	])('%j asks for %s', (question, kind) => {
		expect(expectationOf(question, 'kk').kind).toBe(kind);
	});
});

describe('Kazakh follow-up rules', () => {
	it.each([
		['19-шы жыл сайынғы форум қайда өтті?', '19-шы жыл сайынғы форум'],
		['Кездесу қашан болды?', 'Кездесу'],
		['Қазақстан форумға қашан мүше болды?', 'Қазақстан форумға'],
		['ол кім?', undefined],
	])('kazakhSubject(%j) → %j', (question, subject) => {
		expect(kazakhSubject(question)).toBe(subject);
	});

	it('finds people by Russian-style and "-ұлы" surnames, not a body in the genitive', () => {
		const names = kazakhPersonNames;
		expect(names('Адам құқықтары жөніндегі уәкіл Серік Жұмабекұлы баяндама жасады.')).toEqual(['Серік Жұмабекұлы']);
		expect(names('Уәкіл Айгүл Сәрсенованың айтуынша, шағымдар көбейді.')).toEqual(['Айгүл Сәрсенованың']);
		expect(names('Меморандум Управлением Верховного комиссара.')).toEqual([]);
	});
});
