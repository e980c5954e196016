import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { institutionKey, institutions } from '../../src/answering/topicFacts.ts';
import { curatedWithout } from '../../src/knowledge/curated.ts';
import { decodeCustomId, encodeCustomId } from '../../src/discord/customIds.ts';
import { CURATED_FILE, parseCurated } from '../../src/knowledge/curated.ts';
import { expectNoPings, messageOf, textOf, USERS, useTestBot, type TestBot } from '../support/botHarness.ts';

/** The end-to-end curation loop: members' unanswered questions become gaps, moderators answer or dismiss them. */

const VALDORIA = new URL('../fixtures/valdorian-ombudsman-office.md', import.meta.url).pathname;
const KAZAKH = 'Commissioner for Human Rights of Kazakhstan';
const VALDORIAN = 'Valdorian Ombudsman';

let t: TestBot;
useTestBot((bot) => (t = bot), { prepareKnowledge: (dir) => cpSync(VALDORIA, join(dir, 'valdorian-ombudsman-office.md')) });

type User = (typeof USERS)[keyof typeof USERS];

const ask = async (question: string, user: User = USERS.member) => {
	const { body } = await t.interact(t.discord.payloads.slash('ask', [{ name: 'question', type: 3, value: question }], { user }));
	return { answered: !/documents I have don't answer this/.test(textOf(body.data)), text: textOf(body.data), body };
};

const kb = (sub: string, options: unknown[] = [], user: User = USERS.moderator, extra: { resolved?: unknown } = {}) =>
	t.discord.payloads.slash('kb', [{ name: sub, type: 1, options }], { user, ...extra });

const settings = (sub: string, options: unknown[], user: User = USERS.moderator, extra: { resolved?: unknown } = {}) =>
	t.discord.payloads.slash('kb', [{ name: 'settings', type: 2, options: [{ name: sub, type: 1, options }] }], { user, ...extra });

/** An autocomplete request for a /kb subcommand's option, with the other options already filled. */
const kbAutocomplete = (sub: string, focused: string, value: string, others: unknown[] = [], user: User = USERS.moderator) =>
	t.discord.payloads.interaction(4, { id: '1', name: 'kb', type: 1, options: [{ name: sub, type: 1, options: [...others, { name: focused, type: 3, value, focused: true }] }] }, { user });

/** Runs a deferred /kb subcommand and returns the final (edited) reply body. */
async function deferred(payload: Record<string, unknown>): Promise<any> {
	const { token, body } = await t.interact(payload);
	expect(body).toMatchObject({ type: 5, data: { flags: 64 } });
	return messageOf(await t.nthCall(token, 2));
}

const gapsText = async () => textOf((await t.interact(kb('gaps'))).body.data);

describe('a gap answered by a moderator', () => {
	const LOSES = /renounce their political party membership/;

	test('GIVEN two wordings of an unanswered question THEN /kb gaps lists them as one gap with their counts', async () => {
		expect((await ask('What does the ombudsman lose?')).answered).toBe(false);
		expect((await ask('what does the ombudsmen lose??', USERS.other)).answered).toBe(false);
		expect((await ask('What does the ombudsman lose?', USERS.other)).answered).toBe(false);
		const text = await gapsText();
		expect(text).toMatch(/\*\*\d+\.\*\* What does the ombudsman lose\?: 3× unanswered, 2 wordings/);
		expect(text).not.toMatch(/ombudsmen lose/);
	});

	test('GIVEN the moderator types in /kb answer THEN the gap is offered, then the fact that answers it', async () => {
		const questions = (await t.interact(kbAutocomplete('answer', 'question', 'lose'))).body.data.choices;
		expect(questions).toEqual([{ name: 'What does the ombudsman lose? (3×)', value: expect.stringMatching(/^gap:[\w-]{12}$/) }]);
		const facts = (await t.interact(kbAutocomplete('answer', 'fact', 'renounce political party', [{ name: 'question', type: 3, value: questions[0].value }]))).body.data.choices;
		const fact = t.bot.ctx.knowledge.current!.factsById.get(facts[0].value)!;
		expect(fact.text).toMatch(LOSES);
		expect(facts[0].name.length).toBeLessThanOrEqual(100);
	});

	test('GIVEN /kb answer with the gap and the fact THEN curated.yaml holds the link, the gap is closed and audited', async () => {
		const question = (await t.interact(kbAutocomplete('answer', 'question', 'lose'))).body.data.choices[0].value;
		const factId = (await t.interact(kbAutocomplete('answer', 'fact', 'renounce political party', [{ name: 'question', type: 3, value: question }]))).body.data.choices[0].value;
		const reply = await deferred(kb('answer', [{ name: 'question', type: 3, value: question }, { name: 'fact', type: 3, value: factId }]));
		expect(reply.embeds[0].title).toBe('Question answered');
		expect(textOf(reply)).toMatch(/“What does the ombudsman lose\?” and wordings like it/);
		expect(textOf(reply)).toMatch(/Wordings closed in `\/kb gaps`: 2/);
		const file = readFileSync(join(t.knowledgeDir, CURATED_FILE), 'utf8');
		expect(parseCurated(file).entries).toEqual([{ question: 'What does the ombudsman lose?', document: 'kazakhstan-joins-asia-pacific-forum', fact: expect.stringMatching(LOSES) }]);
		expect(t.bot.ctx.knowledge.current!.curated).toEqual([{ question: 'What does the ombudsman lose?', factId }]);
		expect(await gapsText()).not.toMatch(/ombudsm[ae]n lose/);
		expect((await t.bot.ctx.store.recentAudit(1))[0]).toMatchObject({ action: 'answer-gap', ok: true, actorId: USERS.moderator.id, target: 'kazakhstan-joins-asia-pacific-forum' });
	});

	test('GIVEN the link THEN members get the answer at once, for the question and a near-duplicate, but not for a different question', async () => {
		for (const wording of ['What does the ombudsman lose?', 'whats does the ombudsmans lose??']) {
			const { answered, text } = await ask(wording, USERS.other);
			expect(answered, wording).toBe(true);
			expect(text).toMatch(LOSES);
			expect(text).toMatch(/High confidence \(95%\)/);
		}
		expect((await ask('What does the ombudsman earn?')).text).not.toMatch(LOSES);
		// Asked again and answered now, the curated question stays off the gaps list.
		expect(await gapsText()).not.toMatch(/ombudsm[ae]n lose/);
	});

	test('GIVEN a fact id that is not served THEN /kb answer refuses and writes nothing', async () => {
		const before = readFileSync(join(t.knowledgeDir, CURATED_FILE), 'utf8');
		const reply = await deferred(kb('answer', [{ name: 'question', type: 3, value: 'Who pays the ombudsman?' }, { name: 'fact', type: 3, value: 'nowhere:1:0' }]));
		expect(textOf(reply)).toMatch(/`nowhere:1:0` is not a fact of the documents served now/);
		const neither = await deferred(kb('answer', [{ name: 'question', type: 3, value: 'Who pays the ombudsman?' }]));
		expect(textOf(neither)).toMatch(/Give `fact` .* or `dismiss: True`/);
		expect(readFileSync(join(t.knowledgeDir, CURATED_FILE), 'utf8')).toBe(before);
	});
});

describe('a gap dismissed', () => {
	test('GIVEN the Dismiss menu of /kb gaps THEN the chosen gap and its wordings leave the list, and the list is shown again', async () => {
		await ask('When was the forum founded?');
		await ask('when was the forum founded');
		await ask('How tall is the palace?');
		const { body } = await t.interact(kb('gaps'));
		const menu = body.data.components[0].components[0];
		expect(menu.custom_id).toBe('gapd');
		const option = menu.options.find((o: any) => /When was the forum founded\?/.test(o.label));
		expect(option.description).toMatch(/2× unanswered/);
		const { body: update } = await t.interact(t.discord.payloads.select('gapd', [option.value], body.data, { user: USERS.moderator }));
		expect(update.type).toBe(7);
		expect(update.data.content).toMatch(/^Dismissed “When was the forum founded\?” \(wordings: 1\)/);
		expect(textOf(update.data)).not.toMatch(/\*\*\d+\.\*\* When was the forum founded/);
		expect(textOf(update.data)).toMatch(/How tall is the palace\?/);
		expect(await gapsText()).not.toMatch(/forum founded/);
		expect((await t.bot.ctx.store.recentAudit(1))[0]).toMatchObject({ action: 'dismiss-gap', ok: true });
	});

	test('GIVEN /kb answer dismiss: True THEN the gap leaves the list; asked again later, it comes back', async () => {
		const reply = await deferred(kb('answer', [{ name: 'question', type: 3, value: 'how tall is the palace' }, { name: 'dismiss', type: 5, value: true }]));
		expect(textOf(reply)).toMatch(/^Dismissed “How tall is the palace\?”/);
		expect(await gapsText()).not.toMatch(/How tall is the palace/);
		await ask('How tall is the palace?');
		// Back in the list, counting the one asking since the dismissal, not the earlier ones.
		expect(await gapsText()).toMatch(/How tall is the palace\?: 1× unanswered(?!,)/);
	});

	test('GIVEN a gap that is no longer listed THEN the menu says so', async () => {
		const { body } = await t.interact(kb('gaps'));
		const { body: update } = await t.interact(t.discord.payloads.select('gapd', ['AAAAAAAAAAAA'], body.data, { user: USERS.moderator }));
		expect(update.data.content).toMatch(/no longer listed/);
	});
});

describe('members and /kb answer', () => {
	test('GIVEN a member THEN /kb answer, its autocomplete and the Dismiss menu are refused', async () => {
		const { body } = await t.interact(kb('answer', [{ name: 'question', type: 3, value: 'How tall is the palace?' }, { name: 'dismiss', type: 5, value: true }], USERS.member));
		expect(body.data).toMatchObject({ flags: 64, content: expect.stringMatching(/moderator roles/) });
		expect((await t.interact(kbAutocomplete('answer', 'question', '', [], USERS.member))).body.data.choices).toEqual([]);
		const { body: gaps } = await t.interact(kb('gaps'));
		const { body: click } = await t.interact(t.discord.payloads.select('gapd', [gaps.data.components[0].components[0].options[0].value], gaps.data, { user: USERS.member }));
		expect(click.data.content).toMatch(/moderator roles/);
		expect(await gapsText()).toMatch(/How tall is the palace/);
	});
});

describe('institutions', () => {
	const mandate = async (options: unknown[] = []) => textOf((await t.interact(t.discord.payloads.slash('mandate', options))).body.data);
	const search = async (query: string, options: unknown[] = []) =>
		textOf((await t.interact(t.discord.payloads.slash('search', [{ name: 'query', type: 3, value: query }, ...options]))).body.data);

	test('GIVEN two institutions and no setting THEN /mandate lists them apart, each fact labelled with its institution', async () => {
		const text = await mandate();
		const labels = [...text.matchAll(/\*\*\d+\.\*\* \*\*\[([^\]]+)\]\*\*/g)].map((m) => m[1]);
		expect(new Set(labels)).toEqual(new Set([KAZAKH, VALDORIAN]));
		// Grouped: once the list moves to the next institution it never comes back.
		expect(labels.filter((label, i) => i > 0 && label !== labels[i - 1])).toHaveLength(1);
	});

	test('GIVEN the institution option THEN only its facts, named in the title; autocomplete offers the institutions; an unknown one is said', async () => {
		const text = await mandate([{ name: 'institution', type: 3, value: 'Valdoria' }]);
		expect(text).toMatch(/· Valdorian Ombudsman/);
		expect(text).toMatch(/Marrow|Valdoria/);
		expect(text).not.toMatch(/Kazakhstan|\*\*\[/);
		const choices = (await t.interact(t.discord.payloads.autocomplete('mandate', 'institution', 'kaz'))).body.data.choices;
		expect(choices).toEqual([{ name: KAZAKH, value: KAZAKH }]);
		expect(await mandate([{ name: 'institution', type: 3, value: 'Atlantis' }])).toMatch(/No document is about “Atlantis”\. Institutions: .*Valdorian Ombudsman/);
	});

	test("GIVEN an institution's topic page THEN its ◀ ▶ buttons keep to that institution; a button naming a gone institution is outdated", async () => {
		const kb = t.bot.ctx.knowledge.current!;
		const valdorian = institutions(kb).find((i) => i.name === VALDORIAN)!;
		const { body } = await t.interact(t.discord.payloads.slash('mandate', [{ name: 'institution', type: 3, value: VALDORIAN }]));
		const page = encodeCustomId({ kind: 'institution-page', topic: 'mandate', page: 0, ownerId: USERS.member.id, institution: institutionKey(valdorian) });
		const { body: turned } = await t.interact(t.discord.payloads.button(page, body.data));
		expect(turned.type).toBe(7);
		expect(textOf(turned.data)).toMatch(/· Valdorian Ombudsman/);
		expect(textOf(turned.data)).not.toMatch(/Kazakhstan/);
		const gone = encodeCustomId({ kind: 'institution-page', topic: 'mandate', page: 0, ownerId: USERS.member.id, institution: 'AAAAAAAAAA' });
		expect((await t.interact(t.discord.payloads.button(gone, body.data))).body.data.content).toBe("This button is out of date.");
	});

	test('GIVEN /kb settings institution THEN topic commands and /search default to it; the option still overrides; clearing lists all again', async () => {
		const set = await t.interact(settings('institution', [{ name: 'institution', type: 3, value: KAZAKH }]));
		expect(set.body.data.content).toMatch(/now show \*\*Commissioner for Human Rights of Kazakhstan\*\*/);
		expect(await t.bot.ctx.store.getSetting(t.discord.guildId, 'institution')).toBe(KAZAKH);
		expect(await mandate()).not.toMatch(/Valdoria|Marrow/);
		expect(await search('office complaints')).not.toMatch(/Valdoria|Marrow/);
		expect(await search('office complaints', [{ name: 'institution', type: 3, value: VALDORIAN }])).toMatch(/Marrow|Valdoria/);
		const cleared = await t.interact(settings('institution', []));
		expect(cleared.body.data.content).toMatch(/every institution/);
		expect(await search('office complaints')).toMatch(/\*\*\[Valdorian Ombudsman\]\*\*/);
	});

	test('GIVEN /kb settings forum THEN a forum channel is stored for auto-answers; a text channel is refused; empty turns it off', async () => {
		const channel = (id: string, type: number) => ({ resolved: { channels: { [id]: { id, type, name: 'c', permissions: '0' } } } });
		const forum = await t.interact(settings('forum', [{ name: 'channel', type: 7, value: t.discord.forumId }], USERS.moderator, channel(t.discord.forumId, 15)));
		expect(forum.body.data.content).toMatch(new RegExp(`New posts in <#${t.discord.forumId}> get an answer`));
		expect(await t.bot.ctx.store.getSetting(t.discord.guildId, 'forumChannel')).toBe(t.discord.forumId);
		const text = await t.interact(settings('forum', [{ name: 'channel', type: 7, value: t.discord.channelId }], USERS.moderator, channel(t.discord.channelId, 0)));
		expect(text.body.data.content).toMatch(/not a forum channel/);
		expect(await t.bot.ctx.store.getSetting(t.discord.guildId, 'forumChannel')).toBe(t.discord.forumId);
		await t.interact(settings('forum', []));
		expect(await t.bot.ctx.store.getSetting(t.discord.guildId, 'forumChannel')).toBeNull();
	});

	test('GIVEN a member THEN /kb settings institution is refused and nothing is stored', async () => {
		const { body } = await t.interact(settings('institution', [{ name: 'institution', type: 3, value: VALDORIAN }], USERS.member));
		expect(body.data.content).toMatch(/moderator roles/);
		expect(await t.bot.ctx.store.getSetting(t.discord.guildId, 'institution')).toBeNull();
	});
});

describe('custom ids of the curation loop', () => {
	test('GIVEN the new kinds THEN they round-trip, and malformed ones from a client decode to nothing', () => {
		const page = { kind: 'institution-page', topic: 'mandate', page: 3, ownerId: USERS.member.id, institution: 'Ab-_012345' } as const;
		expect(decodeCustomId(encodeCustomId(page))).toEqual(page);
		expect(decodeCustomId(encodeCustomId({ kind: 'gap-dismiss' }))).toEqual({ kind: 'gap-dismiss' });
		for (const bad of ['gapd:1', `ipage:mandate:0:${USERS.member.id}`, `ipage:mandate:0:${USERS.member.id}:short`, `ipage:mandate:-1:${USERS.member.id}:AAAAAAAAAA`, 'ipage:mandate:0:notanid:AAAAAAAAAA']) {
			expect(decodeCustomId(bad), bad).toBeNull();
		}
	});
});

describe('a document removed that curated questions are answered from', () => {
	const VISITS = 'When can I visit the office?';
	const curatedEntries = () => parseCurated(readFileSync(join(t.knowledgeDir, CURATED_FILE), 'utf8')).entries;
	const remove = () => deferred(kb('remove', [{ name: 'document', type: 3, value: 'office-hours' }]));

	test('GIVEN /kb remove of the document THEN its curated entry leaves curated.yaml (audited), the others stay, and refreshes still build', async () => {
		writeFileSync(join(t.knowledgeDir, 'office-hours.md'), '---\ntitle: Office hours\n---\nThe office of the ombudsman is open to visitors on Tuesdays and Thursdays.\n');
		expect((await deferred(kb('refresh'))).embeds[0].title).toBe('Knowledge base refreshed');
		const factId = (await t.interact(kbAutocomplete('answer', 'fact', 'open to visitors on Tuesdays', [{ name: 'question', type: 3, value: VISITS }]))).body.data.choices[0].value;
		expect(t.bot.ctx.knowledge.current!.factsById.get(factId)?.document).toBe('office-hours');
		expect((await deferred(kb('answer', [{ name: 'question', type: 3, value: VISITS }, { name: 'fact', type: 3, value: factId }]))).embeds[0].title).toBe('Question answered');
		const before = curatedEntries();
		expect(before.map((entry) => entry.document)).toEqual(['kazakhstan-joins-asia-pacific-forum', 'office-hours']);

		// Another document broken meanwhile: the removal is undone, the curated entry with it.
		writeFileSync(join(t.knowledgeDir, 'broken.md'), '---\ntitle: [unclosed\n---\nSome text.\n');
		expect((await remove()).embeds[0].title).toBe('Document not removed');
		expect(curatedEntries()).toEqual(before);
		expect(existsSync(join(t.knowledgeDir, 'office-hours.md'))).toBe(true);
		rmSync(join(t.knowledgeDir, 'broken.md'));

		const reply = await remove();
		expect(reply.embeds[0].title).toBe('Document removed');
		expect(textOf(reply)).toMatch(/Curated questions answered from it, dropped from `curated\.yaml`: 1\./);
		expect(curatedEntries()).toEqual(before.slice(0, 1));
		expect(await t.bot.ctx.store.recentAudit(2)).toMatchObject([
			{ action: 'drop-curated', target: 'office-hours', ok: true, detail: { question: VISITS } },
			{ action: 'remove', target: 'office-hours', ok: true, detail: { curated: 1 } },
		]);
		expect((await deferred(kb('refresh'))).embeds[0].title).toBe('Knowledge base refreshed');
		expect(t.bot.ctx.knowledge.current!.curated.map((link) => link.question)).toEqual(['What does the ombudsman lose?']);
		expect((await ask(VISITS)).text).not.toMatch(/Tuesdays and Thursdays/);
	});

	test("GIVEN the file's first entry dropped THEN the file's opening comment stays; none left, an empty list", () => {
		const text = '# Curated questions.\n# Second line.\n- question: Q1?\n  document: gone\n  fact: F1.\n# Kept.\n- question: Q2?\n  document: kept\n  fact: F2.\n';
		const without = curatedWithout(text, 'gone')!;
		expect(without.dropped).toEqual([{ question: 'Q1?', document: 'gone', fact: 'F1.' }]);
		expect(without.text).toBe('# Curated questions.\n# Second line.\n# Kept.\n- question: Q2?\n  document: kept\n  fact: F2.\n');
		const none = curatedWithout(without.text, 'kept')!;
		expect(none.text).toMatch(/^# Curated questions\.\n# Second line\.\n# Kept\.\n/);
		expect(parseCurated(none.text)).toEqual({ entries: [], problems: [] });
		expect(curatedWithout(text, 'elsewhere')).toBeNull();
		expect(curatedWithout('not: [a list', 'gone')).toBeNull();
	});
});

describe('every reply', () => {
	test('GIVEN everything above THEN nothing could ping anyone', () => {
		expect(expectNoPings(t.discord.calls)).toBeGreaterThan(20);
	});
});
