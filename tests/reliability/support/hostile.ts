/**
 * fast-check arbitraries for what people type to break a bot, and a checker for Discord's limits.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { LIMITS } from '../../../src/discord/limits.ts';

const snowflakeId = fc.bigInt({ min: 10n ** 16n, max: 10n ** 19n }).map(String);

/** A letter buried under combining marks. */
export const zalgo = fc
	.tuple(fc.constantFrom(...'aeiouKzO'), fc.array(fc.integer({ min: 0x300, max: 0x36f }), { minLength: 3, maxLength: 40 }))
	.map(([letter, marks]) => letter + String.fromCodePoint(...marks));

/** Every way to ping someone in Discord markup. */
export const mention = fc.oneof(
	fc.constantFrom('@everyone', '@here', '@​everyone', '＠everyone'),
	snowflakeId.map((id) => `<@${id}>`),
	snowflakeId.map((id) => `<@!${id}>`),
	snowflakeId.map((id) => `<@&${id}>`),
	snowflakeId.map((id) => `<#${id}>`),
	snowflakeId.map((id) => `</ask:${id}>`),
);

export const link = fc.oneof(
	fc.webUrl(),
	fc.constantFrom('https://discord.gg/free-nitro', '[click me](https://evil.example/steal)', '<https://evil.example>', 'javascript:alert(1)', 'file:///etc/passwd'),
);

export const markdown = fc.constantFrom(
	'**',
	'__',
	'~~',
	'||',
	'`',
	'```',
	'```js\nprocess.exit(1)\n```',
	'> quote',
	'# heading',
	'-# small',
	'\\',
	'<t:0:R>',
	'[a](b)',
	'${process.env.DISCORD_TOKEN}',
	'$(rm -rf /)',
	'`; cat /etc/passwd`',
	'../../etc/passwd',
);

/** NUL and C0 controls, DEL, bidi overrides, zero-width characters, a BOM and lone surrogates. */
export const control = fc.oneof(
	fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)),
	fc.constantFrom('\u007f', '\u202e', '\u2066', '\u200b', '\u200d', '\ufeff', '\ud800', '\udfff', '\u0085', '\u2028'),
);

const word = fc.constantFrom('ombudsman', 'Kazakhstan', 'forum', 'when', 'who', 'join', 'independent', 'mandate', 'torture', 'complaints', '?', 'the');

/** Hostile text: fragments of every kind above, arbitrary Unicode and words the engine knows, mostly space-separated. */
export const hostileText = fc
	.tuple(
		fc.array(
			fc.oneof(
				{ arbitrary: word, weight: 3 },
				{ arbitrary: zalgo, weight: 1 },
				{ arbitrary: mention, weight: 2 },
				{ arbitrary: link, weight: 1 },
				{ arbitrary: markdown, weight: 2 },
				{ arbitrary: control, weight: 2 },
				{ arbitrary: fc.string({ unit: 'binary', maxLength: 24 }), weight: 2 },
				{ arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }), weight: 1 },
			),
			{ maxLength: 40 },
		),
		fc.constantFrom(' ', ' ', ' ', '', '\n'),
	)
	.map(([parts, separator]) => parts.join(separator));

/** 1,000 to 100,000 characters of hostile text (repeated, space-separated). */
export const hugeText = fc
	.tuple(hostileText.filter((text) => text.length > 0), fc.integer({ min: 1_000, max: 100_000 }))
	.map(([text, length]) => Array.from({ length: Math.ceil(length / (text.length + 1)) }, () => text).join(' ').slice(0, length));

interface EmbedJson {
	title?: string;
	description?: string;
	fields?: { name: string; value: string }[];
	footer?: { text: string };
}

/** Asserts a REST message body (as sent) fits Discord's limits and pings no one. */
export function expectSendable(body: any): void {
	expect(body.allowed_mentions?.parse).toEqual([]);
	if (body.content !== undefined) expect(body.content.length).toBeLessThanOrEqual(LIMITS.content);
	let total = 0;
	for (const embed of (body.embeds ?? []) as EmbedJson[]) {
		expect(embed.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedTitle);
		expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
		expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFields);
		for (const field of embed.fields ?? []) {
			expect(field.name.length).toBeGreaterThan(0);
			expect(field.name.length).toBeLessThanOrEqual(LIMITS.embedFieldName);
			expect(field.value.length).toBeGreaterThan(0);
			expect(field.value.length).toBeLessThanOrEqual(LIMITS.embedFieldValue);
			total += field.name.length + field.value.length;
		}
		expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.embedFooter);
		total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
	}
	expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
	for (const row of body.components ?? []) {
		for (const component of row.components ?? []) {
			if (component.custom_id) expect(component.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
			if (component.label) expect(component.label.length).toBeLessThanOrEqual(LIMITS.buttonLabel);
			for (const option of component.options ?? []) expect(option.label.length).toBeLessThanOrEqual(LIMITS.selectOptionLabel);
		}
	}
}
