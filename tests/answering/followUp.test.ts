import { describe, expect, test } from 'vitest';
import { answer } from '../../src/answering/answer.ts';
import { answerInConversation, CONVERSATION_TTL_MS, MemoryConversations, nextContext } from '../../src/answering/conversation.ts';
import { nextFacts, readFollowUp, referentsOf, subjectOf, type ConversationContext } from '../../src/answering/followUp.ts';
import type { KnowledgeBase } from '../../src/answering/index.ts';
import { knowledgeBaseOf, knowledgeFolder, LORVANIA_REPORT, PROJECT_KNOWLEDGE, useTempStore } from '../helpers.ts';

const kb = await knowledgeBaseOf(PROJECT_KNOWLEDGE);
/** The shipped English article with a Russian report beside it: a conversation may go from one language to another. */
const withReport = await knowledgeBaseOf(knowledgeFolder({ 'lorvania-ombudsman-report.md': LORVANIA_REPORT }, PROJECT_KNOWLEDGE));
const SEED = 'kazakhstan-joins-asia-pacific-forum';

const context: ConversationContext = {
	question: 'Where was the 19th annual forum held?',
	factIds: [`${SEED}:12:4`],
	shownIds: [`${SEED}:12:4`],
	person: 'Askar Shakirov',
	thing: 'the 19th annual forum',
	place: 'at the Leela Palace Hotel',
	confidence: 0.9,
	at: 0,
};

describe('readFollowUp', () => {
	test.each([
		// Pronoun questions: "he/she/him/her" name the last person, "it/that" the last thing, "there" the last place.
		['who is he?', 'who is Askar Shakirov?'],
		['Who is she', 'Who is Askar Shakirov'],
		['what did the article say about him?', 'what did the article say about Askar Shakirov?'],
		['what is his role?', "what is Askar Shakirov's role?"],
		['where is it?', 'where is the 19th annual forum?'],
		['when was that?', 'when was the 19th annual forum?'],
		['what is its mandate?', "what is the 19th annual forum's mandate?"],
		['who spoke there?', 'who spoke at the Leela Palace Hotel?'],
		// Elliptical follow-ups: the opener goes, the pronouns are filled in.
		['and when was it created?', 'when was the 19th annual forum created?'],
		['And who hosted it?', 'who hosted the 19th annual forum?'],
		['and, where was it held?', 'where was the 19th annual forum held?'],
		['and when was the working group created?', 'when was the working group created?'],
	])('%j → %j', (message, question) => {
		expect(readFollowUp(message, context)).toMatchObject({ kind: 'rewritten', question });
	});

	test.each([
		['tell me more', undefined],
		['Tell me more!', undefined],
		['go on', undefined],
		['what else?', undefined],
		['what else did he say?', 'Askar Shakirov'],
		// "About it" is the passage just cited: its next facts, whatever they name.
		['tell me more about it', undefined],
		['tell me more about him', 'Askar Shakirov'],
	])('%j asks for more (about %j)', (message, about) => {
		const read = readFollowUp(message, context);
		expect(read.kind).toBe('more');
		expect(read.kind === 'more' && read.about).toBe(about);
	});

	test('GIVEN "who is he?" THEN the reading says it asks who that person is', async () => {
		expect(readFollowUp('who is he?', context)).toEqual({ kind: 'rewritten', question: 'who is Askar Shakirov?', person: 'Askar Shakirov' });
	});

	test.each([
		'Who represented Kazakhstan at the meeting?',
		'When did Kazakhstan join the APF?',
		'Is it true that the ombudsman is independent?',
		'is there a deputy ombudsman?',
		'what else did the ombudsman say about torture?',
		'Does the commission that handles complaints exist?',
		'what is that commission called?',
		// A pronoun after the message's own name for it points to that: a picked suggestion is a document's sentence.
		'The formal acceptance of Kazakhstan was effected on the opening day of its 19th annual forum.',
		'Did Askar Shakirov say that he was independent?',
		'When was the working group created and who sat in it?',
	])('not a follow-up: %j is left as it is', (message) => {
		expect(readFollowUp(message, context)).toEqual({ kind: 'none' });
	});

	test.each([
		['who is he?', { person: undefined }],
		['where is it?', { thing: undefined }],
		['who spoke there?', { place: undefined }],
		['tell me more', { factIds: [] }],
	])('a pronoun with nothing to point to is never guessed: %j', (message, missing) => {
		expect(readFollowUp(message, { ...context, ...missing })).toEqual({ kind: 'none' });
	});

	test('GIVEN no conversation THEN nothing is a follow-up', async () => {
		expect(readFollowUp('who is he?', undefined)).toEqual({ kind: 'none' });
	});
});

describe('referents', () => {
	test.each([
		['Where was the 19th annual forum held?', 'the 19th annual forum'],
		['Who represented Kazakhstan at the meeting?', 'the meeting'],
		['When did Kazakhstan join the APF?', 'the APF'],
		['What did Kazakhstan join?', 'Kazakhstan'],
		['who are you', undefined],
	])('subjectOf(%j) → %j', (question, subject) => {
		expect(subjectOf(question)).toBe(subject);
	});

	test('GIVEN the answer that names Askar Shakirov and a hotel THEN he is the person and the hotel the place', async () => {
		const facts = [kb.factsById.get(`${SEED}:9:1`)!, kb.factsById.get(`${SEED}:12:4`)!];
		expect(referentsOf('Who was there?', facts)).toEqual({ person: 'Askar Shakirov', thing: 'Kazakhstan', place: 'at the Leela Palace Hotel' });
	});

	test('GIVEN a turn that names no one THEN the person named before is kept', async () => {
		expect(referentsOf('What is the mandate?', [], { person: 'Askar Shakirov' })).toMatchObject({ person: 'Askar Shakirov', thing: 'the mandate' });
	});
});

describe('tell me more', () => {
	test('GIVEN the cited fact THEN its next neighbours in the document, never one already shown', async () => {
		const shown = { ...context, factIds: [`${SEED}:12:4`], shownIds: [`${SEED}:12:4`, `${SEED}:13:5`] };
		expect(nextFacts(shown, kb.documents).map((f) => f.id)).toEqual([`${SEED}:13:6`, `${SEED}:15:7`]);
	});

	test('GIVEN the last fact of a document THEN the ones before it', async () => {
		const last = { ...context, factIds: [`${SEED}:27:20`], shownIds: [`${SEED}:27:20`] };
		expect(nextFacts(last, kb.documents).map((f) => f.id)).toEqual([`${SEED}:25:18`, `${SEED}:26:19`]);
	});

	test('GIVEN "about" THEN only facts that name it', async () => {
		const facts = nextFacts({ ...context, factIds: [`${SEED}:8:0`], shownIds: [] }, kb.documents, 'Askar Shakirov');
		expect(facts.map((f) => f.id)).toEqual([`${SEED}:12:4`, `${SEED}:13:5`]);
	});
});

describe('answer in a conversation', () => {
	const ask = (store: MemoryConversations, session: string, question: string, now = 0) => answerInConversation(question, kb, { store, session, now: () => now });

	test('GIVEN "who represented Kazakhstan" THEN "who is he?" is answered about Askar Shakirov', async () => {
		const store = new MemoryConversations();
		await ask(store, 'a', 'Who represented Kazakhstan at the meeting?');
		const result = await ask(store, 'a', 'who is he?');
		expect(result).toMatchObject({ question: 'who is he?', askedAs: 'who is Askar Shakirov?', answered: true });
		expect(result.answer).toMatch(/Askar Shakirov, Commissioner for Human Rights/);
	});

	test('GIVEN "tell me more" twice THEN each gives the next facts, none repeated', async () => {
		const store = new MemoryConversations();
		await ask(store, 'a', 'Who represented Kazakhstan at the meeting?');
		const first = await ask(store, 'a', 'tell me more');
		const second = await ask(store, 'a', 'tell me more');
		expect(first.sources.map((s) => s.line)).toEqual([13, 13]);
		expect(second.sources.map((s) => s.line)).toEqual([15, 17]);
		expect(first.answered && second.answered).toBe(true);
	});

	test('GIVEN small talk between THEN the conversation goes on', async () => {
		const store = new MemoryConversations();
		await ask(store, 'a', 'Who represented Kazakhstan at the meeting?');
		expect((await ask(store, 'a', 'thanks!')).smallTalk).toBe('thanks');
		expect((await ask(store, 'a', 'who is he?')).askedAs).toBe('who is Askar Shakirov?');
	});

	test('GIVEN more than ten minutes later THEN the follow-up stands alone', async () => {
		const store = new MemoryConversations();
		await ask(store, 'a', 'Who represented Kazakhstan at the meeting?', 1_000);
		expect((await ask(store, 'a', 'who is he?', 1_000 + CONVERSATION_TTL_MS - 1)).askedAs).toBe('who is Askar Shakirov?');
		const late = await ask(store, 'a', 'who is he?', 1_000 + 2 * CONVERSATION_TTL_MS);
		expect(late.askedAs).toBeUndefined();
		expect(late.answered).toBe(false);
	});

	test('GIVEN two sessions THEN neither sees the other', async () => {
		const store = new MemoryConversations();
		await ask(store, 'alice', 'Who represented Kazakhstan at the meeting?');
		expect((await ask(store, 'bob', 'who is he?')).askedAs).toBeUndefined();
		expect((await ask(store, 'alice', 'who is he?')).askedAs).toBe('who is Askar Shakirov?');
	});

	describe('kept in the store', () => {
		const temp = useTempStore();

		test('GIVEN the store is reopened THEN the conversation survives the restart', async () => {
			await answerInConversation('Who represented Kazakhstan at the meeting?', kb, { store: temp.store, session: 's', now: () => 5 });
			await temp.store.close();
			const reopened = await temp.reopen();
			expect((await answerInConversation('who is he?', kb, { store: reopened, session: 's', now: () => 6 })).askedAs).toBe('who is Askar Shakirov?');
		});
	});

	test('GIVEN a stored context that does not parse THEN it is no context', async () => {
		const store = new MemoryConversations();
		await store.saveConversation('a', '{"question": 1}', 0);
		expect((await answerInConversation('who is he?', kb, { store, session: 'a', now: () => 0 })).askedAs).toBeUndefined();
	});

	test('GIVEN no context THEN answer() is what it always was', async () => {
		const { ms: _a, ...alone } = answer('Who hosted the meeting?', kb);
		const { ms: _b, ...withNone } = answer('Who hosted the meeting?', kb, {});
		expect(withNone).toEqual(alone);
		expect(alone.askedAs).toBeUndefined();
	});

	test('GIVEN a declined answer THEN the next context cites nothing, and keeps whom it named', async () => {
		const declined = answer('What is the capital of Peru?', kb);
		expect(nextContext({ ...context, at: 0 }, declined, kb, 1)).toMatchObject({ factIds: [], person: 'Askar Shakirov', at: 1 });
	});
});

describe('Russian and Kazakh follow-ups', () => {
	test.each([
		// "Он", "она", "ол" stand for a person or a thing: asked who, the person.
		['кто он?', 'кто Askar Shakirov?'],
		['Кто он такой?', 'Кто Askar Shakirov такой?'],
		['ол кім?', 'Askar Shakirov кім?'],
		['ол ким?', 'Askar Shakirov ким?'],
		['какая у него должность?', 'какая у Askar Shakirov должность?'],
		// A pronoun whose gender is not the person's, or an event's verb: the thing.
		['а где она проходила?', 'где the 19th annual forum проходила?'],
		['а когда он открылся?', 'когда the 19th annual forum открылся?'],
		['ол қашан өтті?', 'the 19th annual forum қашан өтті?'],
		['ал оны кім ұйымдастырды?', 'the 19th annual forum кім ұйымдастырды?'],
		['и когда это было?', 'когда the 19th annual forum было?'],
		['оно ещё работает?', 'the 19th annual forum ещё работает?'],
		// Two pronouns of different forms: the person, then the thing.
		['а где он его представил?', 'где Askar Shakirov the 19th annual forum представил?'],
		// "Там", "онда": the place, by its name, as the question's language puts it.
		['кто там выступал?', 'кто в Leela Palace Hotel выступал?'],
		['онда кім сөйледі?', 'Leela Palace Hotel кім сөйледі?'],
		// An opener alone: the question leans on the one before.
		['а когда был создан форум?', 'когда был создан форум?'],
	])('%j → %j', (message, question) => {
		expect(readFollowUp(message, context)).toMatchObject({ kind: 'rewritten', question });
	});

	test.each([
		['кто он?', 'Askar Shakirov'],
		['кто она такая?', 'Askar Shakirov'],
		['ол кім?', 'Askar Shakirov'],
		['какая у него должность?', undefined],
	])('%j asks who the person is: %j', (message, person) => {
		const read = readFollowUp(message, context);
		expect(read.kind).toBe('rewritten');
		expect(read.kind === 'rewritten' ? read.person : 'not rewritten').toBe(person);
	});

	test.each([
		['расскажи подробнее', undefined],
		['Поподробнее!', undefined],
		['а что ещё?', undefined],
		['расскажи подробнее об этом', undefined],
		['тағы айтшы', undefined],
		['Толығырақ айтып беріңізші', undefined],
		['тагы айтшы', undefined],
		['что ещё он сказал?', 'Askar Shakirov'],
		['Что ещё он говорил?', 'Askar Shakirov'],
		// "Она" is not Askar Shakirov: the thing asked about.
		['что ещё она обсуждала?', 'the 19th annual forum'],
		['расскажи подробнее о нём', 'Askar Shakirov'],
		['ол тағы не айтты?', 'Askar Shakirov'],
	])('%j asks for more (about %j)', (message, about) => {
		const read = readFollowUp(message, context);
		expect(read.kind).toBe('more');
		expect(read.kind === 'more' && read.about).toBe(about);
	});

	test.each([
		'Кто представлял Казахстан на встрече?',
		'Может ли омбудсмен быть членом политической партии?',
		// The message names whom its pronouns stand for itself.
		'Кто представил доклад и когда он его представил?',
		'Қазақстан форумға қашан мүше болды?',
		'что ещё сказал омбудсмен о пытках в тюрьмах и изоляторах?',
	])('not a follow-up: %j is left as it is', (message) => {
		expect(readFollowUp(message, context)).toEqual({ kind: 'none' });
	});

	test.each([
		['кто он?', { person: undefined }],
		['ол кім?', { person: undefined }],
		['а где она проходила?', { thing: undefined }],
		['кто там выступал?', { place: undefined }],
		['расскажи подробнее', { factIds: [] }],
	])('a pronoun with nothing to point to is never guessed: %j', (message, missing) => {
		expect(readFollowUp(message, { ...context, ...missing })).toEqual({ kind: 'none' });
	});

	test('GIVEN a woman named before THEN "она" is her and "он" the thing', () => {
		const withHer = { ...context, person: 'Дарина Оскольская', thing: 'доклад' };
		expect(readFollowUp('а что она предложила?', withHer)).toMatchObject({ question: 'что Дарина Оскольская предложила?' });
		expect(readFollowUp('а когда он вышел?', withHer)).toMatchObject({ question: 'когда доклад вышел?' });
	});
});

describe('Russian and Kazakh referents', () => {
	test('GIVEN a Russian answer THEN the person it names, without the office and country before the name', () => {
		const report = withReport.documents.find((d) => d.id === 'lorvania-ombudsman-report')!;
		expect(referentsOf('Кто представил доклад парламенту?', [report.facts[0]!])).toMatchObject({ person: 'Эмиль Варецкий', thing: 'доклад парламенту' });
	});

	test('GIVEN a Russian question about the person THEN the thing asked about before is kept', () => {
		expect(referentsOf('кто Askar Shakirov?', [], { person: 'Askar Shakirov', thing: 'the meeting' })).toEqual({ person: 'Askar Shakirov', thing: 'the meeting' });
		expect(referentsOf('расскажи подробнее', [], { thing: 'the meeting' })).toEqual({ thing: 'the meeting' });
	});

	test('GIVEN an English phrase in a Kazakh question THEN the phrase ends where the Kazakh starts', () => {
		expect(subjectOf('the 19th annual forum қашан өтті?')).toBe('the 19th annual forum');
	});
});

/** The questions asked in turn in one session: each answer, in order. */
async function converse(knowledgeBase: KnowledgeBase, ...questions: string[]) {
	const store = new MemoryConversations();
	const results = [];
	for (const question of questions) results.push(await answerInConversation(question, knowledgeBase, { store, session: 'a', now: () => 0 }));
	return results;
}

describe('Russian and Kazakh follow-ups in a conversation', () => {
	const REPORT = 'lorvania-ombudsman-report';
	const conversation = (...questions: string[]) => converse(withReport, ...questions);

	test('GIVEN an English answer THEN "кто он?" is asked in Russian about Askar Shakirov, and answered', async () => {
		const [, who] = await conversation('Who represented Kazakhstan at the meeting?', 'кто он?');
		expect(who).toMatchObject({ askedAs: 'кто Askar Shakirov?', answered: true });
		expect(who!.answer).toMatch(/^Askar Shakirov, Commissioner for Human Rights/);
	});

	test('GIVEN a Russian answer THEN "кто он?", "а когда он его представил?" and "что ещё он сказал?" follow it', async () => {
		const [, who, when, more] = await conversation('Кто представил доклад парламенту?', 'кто он?', 'а когда он его представил?', 'что ещё он сказал?');
		expect(who).toMatchObject({ askedAs: 'кто Эмиль Варецкий?', answered: true });
		expect(when).toMatchObject({ askedAs: 'когда Эмиль Варецкий доклад парламенту представил?', answered: true });
		expect(when!.sources[0]).toMatchObject({ document: REPORT, line: 7 });
		// He is named by his surname alone there: "— сказал Варецкий депутатам".
		expect(more!.sources.map((s) => s.line)).toEqual([10]);
	});

	test('GIVEN "расскажи подробнее", then "ещё" THEN each gives the next sentences of the report, none repeated', async () => {
		const [first, more, again] = await conversation('Сколько жалоб поступило омбудсмену Лорвании за 2024 год?', 'расскажи подробнее', 'ещё');
		expect(first!.sources.map((s) => s.line)).toEqual([8]);
		expect(more!.sources.map((s) => s.line)).toEqual([9, 10]);
		expect(again!.sources.map((s) => s.line)).toEqual([14, 15]);
	});

	test('GIVEN a thing asked about in Russian THEN "он" is it when no person was named', async () => {
		const [, visits] = await conversation('На какой срок избирается уполномоченный Лорвании?', 'а может ли он посещать тюрьмы?');
		expect(visits).toMatchObject({ askedAs: 'может ли уполномоченный Лорвании посещать тюрьмы?', answered: true });
		expect(visits!.sources[0]).toMatchObject({ document: REPORT, line: 15 });
	});

	test('GIVEN a Russian question about the English article THEN Kazakh follow-ups go on from it', async () => {
		const [, who, more, said] = await conversation('Кто представлял Казахстан на встрече?', 'ол кім?', 'тағы айтшы', 'ол тағы не айтты?');
		expect(who).toMatchObject({ askedAs: 'Askar Shakirov кім?', answered: true });
		expect(more).toMatchObject({ answered: true });
		expect(more!.answer).toMatch(/Shakirov said that the position of a commissioner/);
		expect(said).toMatchObject({ askedAs: 'Askar Shakirov тағы не айтты?', answered: true });
		expect(said!.factIds.some((id) => more!.factIds.includes(id))).toBe(false);
	});

	test('GIVEN a Russian answer THEN an English "who is he?" follows it', async () => {
		const [, who] = await conversation('Кто представил доклад парламенту?', 'who is he?');
		expect(who).toMatchObject({ askedAs: 'who is Эмиль Варецкий?', answered: true });
	});
});

describe('"там" and "онда" after a Russian or Kazakh answer', () => {
	const report = (language: string, title: string, lines: string[]) => `---\ntitle: ${title}\nlanguage: ${language}\n---\n${lines.join('\n')}\n`;
	// Beside the shipped article, as a deployment with several documents has them.
	const ask = async (files: Record<string, string>, ...questions: string[]) => converse(await knowledgeBaseOf(knowledgeFolder(files, PROJECT_KNOWLEDGE)), ...questions);

	test('GIVEN a Russian answer naming "в Женеве" THEN "что там обсуждалось?" asks about Geneva as the sentence said it', async () => {
		const text = report('ru', 'Омбудсмен в Женеве', [
			'Уполномоченный по правам человека Мирон Вересов в понедельник выступил на конференции в Женеве.',
			'На конференции обсуждались права трудовых мигрантов и беженцев.',
		]);
		const [where, what] = await ask({ 'geneva.md': text }, 'Где выступил Мирон Вересов?', 'что там обсуждалось?');
		expect(where!.sources.map((s) => s.line)).toEqual([5]);
		expect(what).toMatchObject({ askedAs: 'что в Женеве обсуждалось?', answered: true });
		expect(what!.sources.map((s) => s.line)).toEqual([6]);
	});

	test('GIVEN a Kazakh answer naming "Астанада" THEN "онда қанша адам келді?" asks about Astana', async () => {
		const text = report('kk', 'Уәкіл Астанада', ['Уәкіл Серік Жұмабекұлы сәрсенбіде Астанада азаматтарды қабылдады.', 'Қабылдауға жүзден астам адам келді.']);
		const [, many] = await ask({ 'astana.md': text }, 'Серік Жұмабекұлы қайда азаматтарды қабылдады?', 'онда қанша адам келді?');
		expect(many).toMatchObject({ askedAs: 'Астанада қанша адам келді?', answered: true });
		expect(many!.sources.map((s) => s.line)).toEqual([6]);
	});
});
