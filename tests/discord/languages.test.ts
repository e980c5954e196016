import { describe, expect, test } from 'vitest';
import { snowflake } from '../support/fakeDiscord.ts';
import { customIdsOf, messageOf, textOf, USERS, useTestBot, type TestBot } from '../support/botHarness.ts';

/** Answered from the English seed article (tests/answering/languages.test.ts). */
const RUSSIAN_ANSWERABLE = 'Кто представлял Казахстан на встрече?';
const RUSSIAN_UNANSWERABLE = 'Какая зарплата у омбудсмена Франции?';
const ENGLISH_ANSWERABLE = 'Where was the 19th annual forum held?';
/** Declined, with suggestions from the English article. */
const KAZAKH_NEAR_MISS = 'Қашан форум құрылды?';

let t: TestBot;

useTestBot((bot) => (t = bot));

type User = (typeof USERS)[keyof typeof USERS];

/** A slash command from a client set to `locale` (the fake server sends en-US unless told). */
const slash = (name: string, options: unknown[], user: User, locale = 'en-US') => ({ ...t.discord.payloads.slash(name, options, { user }), locale });
const ask = (question: string, user: User = USERS.member, locale?: string) => t.interact(slash('ask', [{ name: 'question', type: 3, value: question }], user, locale));
const setLanguage = (language: string, user: User) => t.interact(slash('language', [{ name: 'language', type: 3, value: language }], user));

describe('the language of replies', () => {
	test('GIVEN a member whose Discord is in Russian THEN /help and /about come in Russian', async () => {
		const help = await t.interact(slash('help', [], USERS.other, 'ru'));
		expect(help.body.data.embeds[0].title).toBe('Как пользоваться Ombudsbot');
		expect(textOf(help.body.data)).toMatch(/\*\*\/ask\*\*: Задать вопрос/);
		const about = await t.interact(slash('about', [], USERS.other, 'ru'));
		expect(about.body.data.embeds[0].title).toBe('Об Ombudsbot');
		expect(about.body.data.embeds[0].fields.map((f: any) => f.name)).toContain('Документы');
	});

	test('GIVEN a Russian locale and an English question THEN the answer follows the question; its frame is English', async () => {
		const { body } = await ask(ENGLISH_ANSWERABLE, USERS.other, 'ru');
		expect(textOf(body.data)).toMatch(/(High|Moderate) confidence/);
		expect(textOf(body.data)).not.toMatch(/Источник на английском/);
	});

	test('GIVEN a Russian question about the English article THEN a Russian frame that says the source is in English, with the English sentence and its citation', async () => {
		const { body } = await ask(RUSSIAN_ANSWERABLE);
		const embed = body.data.embeds[0];
		expect(embed.title).toBe(RUSSIAN_ANSWERABLE);
		expect(embed.description).toMatch(/^Askar Shakirov/);
		const fields = Object.fromEntries(embed.fields.map((f: any) => [f.name, f.value]));
		expect(fields['Уверенность']).toMatch(/уверенность \(\d+%\)/);
		expect(fields['Источник']).toMatch(/`kazakhstan-joins-asia-pacific-forum`, line \d+/);
		expect(fields['Язык источника']).toMatch(/^Источник на английском языке/);
		expect(embed.footer.text).toMatch(/^Ответы берутся только из документов/);
		const context = body.data.components[0].components.find((c: any) => c.custom_id?.startsWith('ctx:'));
		expect(context.label).toBe('Показать контекст');
	});

	test('GIVEN a Russian question the English documents do not answer THEN it says they are in English, suggests asking in English and lists the closest facts', async () => {
		const { body } = await ask(RUSSIAN_UNANSWERABLE);
		const description: string = body.data.embeds[0].description;
		expect(description).toMatch(/^Мои документы на английском языке/);
		expect(description).toMatch(/Попробуйте спросить по-английски/);
		expect(description).not.toMatch(/don't answer/);
		const answerId = customIdsOf(body.data).find((id) => id.startsWith('why:'))!.split(':')[1]!;
		const suggestions = (await t.bot.ctx.store.getAnswer(answerId))!.suggestions;
		if (suggestions.length > 0) expect(description).toContain(`**1.** ${suggestions[0]}`);
		expect(textOf(body.data)).not.toMatch(/%/);
	});

	test('GIVEN a Kazakh near miss THEN it says the documents are in English with numbered suggestions; a picked one is answered in a Kazakh frame', async () => {
		const { body } = await ask(KAZAKH_NEAR_MISS, USERS.other);
		const description: string = body.data.embeds[0].description;
		expect(description).toMatch(/^Менің құжаттарым ағылшын тілінде/);
		expect(description).toMatch(/Ағылшынша сұрап көріңіз/);
		const answerId = customIdsOf(body.data).find((id) => id.startsWith('why:'))!.split(':')[1]!;
		const suggestions = (await t.bot.ctx.store.getAnswer(answerId))!.suggestions;
		expect(suggestions.length).toBeGreaterThan(0);
		expect(description).toContain(`**1.** ${suggestions[0]}`);
		expect(description).toMatch(/Төмендегі нөмірді басыңыз/);
		const click = await t.interact(t.discord.payloads.button(`dym:${answerId}:0`, body.data, { user: USERS.other }));
		expect(click.body.data.embeds[0].footer.text).toMatch(/^Жауаптар тек құжаттардан алынады/);
		// A moderator whose Discord is in Russian reads Why? in Russian around the engine's own explanation.
		const why = await t.interact({ ...t.discord.payloads.button(`why:${answerId}`, body.data, { user: USERS.moderator }), locale: 'ru' });
		const embed = why.body.data.embeds[0];
		expect(embed.title).toBe(`Почему: ${KAZAKH_NEAR_MISS}`);
		expect(embed.fields[0]).toMatchObject({ name: 'Итог', value: expect.stringMatching(/^Без ответа: у лучшего кандидата \d+%/) });
	});

	test('GIVEN /language kk THEN the bot\'s own messages to that user are Kazakh, other users unaffected; auto clears it', async () => {
		const set = await setLanguage('kk', USERS.member);
		expect(set.body.data.content).toMatch(/^Енді мен сізбен қазақша сөйлесемін/);
		expect(set.body.data.flags).toBe(64);
		const help = await t.interact(slash('help', [], USERS.member));
		expect(help.body.data.embeds[0].title).toBe('Ombudsbot қалай қолданылады');
		expect(textOf(help.body.data)).toMatch(/\*\*\/ask\*\*: Сұрақ қою/);
		// Small talk is the bot's own message: Kazakh; a question in English is still answered in English.
		const hi = await ask('hi', USERS.member);
		expect(hi.body.data.content).toMatch(/^Сәлеметсіз бе!/);
		const english = await ask(ENGLISH_ANSWERABLE, USERS.member);
		expect(english.body.data.embeds[0].footer.text).toMatch(/^Answers come only/);
		const others = await t.interact(slash('help', [], USERS.other));
		expect(others.body.data.embeds[0].title).toBe('How to use Ombudsbot');
		// A vote's thanks is the bot's own message too.
		const up = customIdsOf(english.body.data).find((id) => id.startsWith('vote:') && id.endsWith(':up'))!;
		const vote = await t.interact(t.discord.payloads.button(up, english.body.data, { user: USERS.member }));
		expect(vote.body.data.content).toMatch(/^Рақмет/);
		const reset = await setLanguage('auto', USERS.member);
		expect(reset.body.data.content).toMatch(/^Your language setting is cleared/);
		expect((await t.interact(slash('help', [], USERS.member))).body.data.embeds[0].title).toBe('How to use Ombudsbot');
	});

	test('GIVEN a Russian DM THEN a Russian reply', async () => {
		const payload = t.discord.payloads.message(RUSSIAN_ANSWERABLE, { dm: true, user: USERS.other });
		const since = Date.now();
		t.discord.sendMessage(payload);
		const reply = await t.discord.waitForCall(
			(call) => call.method === 'POST' && call.at >= since && call.body?.message_reference?.message_id === payload.id,
		);
		const message = messageOf(reply);
		expect(message.embeds[0].description).toMatch(/^Askar Shakirov/);
		expect(message.embeds[0].fields.map((f: any) => f.name)).toEqual(expect.arrayContaining(['Уверенность', 'Источник', 'Язык источника']));
	});

	test('GIVEN /kb settings language THEN moderators only, and members without a setting of their own get the server language', async () => {
		const settings = (user: User, language: string) =>
			t.interact(slash('kb', [{ name: 'settings', type: 2, options: [{ name: 'language', type: 1, options: [{ name: 'language', type: 3, value: language }] }] }], user));
		const refused = await settings(USERS.member, 'ru');
		expect(refused.body.data.content).toMatch(/moderator roles/);
		const done = await settings(USERS.moderator, 'kk');
		expect(done.body.data.content).toMatch(/^Сервер тілі енді: қазақ тілі/);
		expect((await t.interact(slash('about', [], USERS.other))).body.data.embeds[0].title).toBe('Ombudsbot туралы');
		// A Russian client outranks the server; the user's own setting outranks both.
		expect((await t.interact(slash('about', [], USERS.other, 'ru'))).body.data.embeds[0].title).toBe('Об Ombudsbot');
		await setLanguage('en', USERS.other);
		expect((await t.interact(slash('about', [], USERS.other, 'ru'))).body.data.embeds[0].title).toBe('About Ombudsbot');
		await setLanguage('auto', USERS.other);
		await settings(USERS.moderator, 'en');
	});

	test('GIVEN a Russian client THEN /kb replies and its refusal come in Russian', async () => {
		const status = await t.interact(slash('kb', [{ name: 'status', type: 1, options: [] }], USERS.moderator, 'ru'));
		expect(status.body.data.embeds[0].title).toBe('Состояние базы знаний');
		expect(status.body.data.embeds[0].fields.map((f: any) => f.name)).toEqual(['Документы', 'Факты', 'Последнее обновление', 'Недавние изменения']);
		const refused = await t.interact(slash('kb', [{ name: 'status', type: 1, options: [] }], USERS.member, 'ru'));
		// /kb status changes nothing: the refusal says who may use it, not who may change the knowledge base.
		expect(refused.body.data.content).toBe('Это доступно только модераторам: нужна одна из ролей модератора.');
	});

	test('GIVEN /kb add with a Cyrillic file name THEN the document id is its transliteration in kebab-case', async () => {
		const name = 'Доклад омбудсмена Лорвании.md';
		const url = t.discord.serveFile(name, '---\ntitle: Доклад\nlanguage: ru\n---\nУполномоченный по правам человека Лорвании представил ежегодный доклад парламенту 12 марта 2024 года.\n');
		const id = snowflake();
		const { token } = await t.interact(
			t.discord.payloads.slash('kb', [{ name: 'add', type: 1, options: [{ name: 'file', type: 11, value: id }] }], {
				user: USERS.moderator,
				resolved: { attachments: { [id]: { id, filename: name, size: 200, url, proxy_url: url, content_type: 'text/markdown' } } },
			}),
		);
		const edit = messageOf(await t.nthCall(token, 2));
		expect(textOf(edit)).toMatch(/`doklad-ombudsmena-lorvanii\.md` is in/);
		expect(t.bot.ctx.knowledge.current!.documents.find((d) => d.id === 'doklad-ombudsmena-lorvanii')?.language).toBe('ru');
	});
});
