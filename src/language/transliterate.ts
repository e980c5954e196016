/**
 * Cyrillic to Latin, the way Russian and Kazakh names are written in English text ("Казахстан" → "kazakhstan",
 * "Шакиров" → "shakirov", "Астана" → "astana"): the BGN/PCGN-style romanisation English news uses, with the
 * Kazakh letters after the 2021 Latin alphabet ("Қазақстан" → "qazaqstan"). Used to find a name, or a word the
 * languages share ("форум", "мандат"), in an English document.
 */
const LETTERS: Readonly<Record<string, string>> = {
	а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
	п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu',
	я: 'ya', ә: 'a', ғ: 'gh', қ: 'q', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i',
};

/** Whether the text holds a Cyrillic letter. */
export function isCyrillic(text: string): boolean {
	return /\p{Script=Cyrillic}/u.test(text);
}

/**
 * The lower-case Latin spelling of a Cyrillic word; other characters pass through. "-ий"/"-ый" endings become
 * "-y", as English writes them ("Тихоокеанский" → "tikhookeansky").
 */
export function transliterate(text: string): string {
	const lower = text.toLowerCase().replace(/[ий]й(?![\p{L}])/gu, 'y').replace(/ый(?![\p{L}])/gu, 'y');
	let out = '';
	for (const ch of lower) out += LETTERS[ch] ?? ch;
	return out;
}

/**
 * How Russian writes a name or word that comes from English or Latin, undone: "Квиллон" is "Quillon", "Арнезия" is
 * "Arnesia", "партия" is "party", "Джонас" is "Jonas", "Максим" may be "Maxim", "Хоакин" "Hoakin".
 */
const BORROWED_SPELLINGS: readonly [RegExp, string][] = [
	[/kv/g, 'qu'],
	[/iya$/g, 'ia'],
	[/iya$/g, 'y'],
	[/(?<=[aeiou])z(?=[aeiou])/g, 's'],
	[/ks/g, 'x'],
	[/kh/g, 'h'],
	[/dzh/g, 'j'],
];

/**
 * Latin spellings of a Cyrillic word to look for in English text: its transliteration; for the Kazakh letters, the
 * spellings English also uses ("қ" as "k": "Qazaqstan" is "Kazakhstan" to most writers); and, for a name English
 * gave Russian, the English spelling back ({@link BORROWED_SPELLINGS}), each rule alone and all together.
 */
export function latinSpellings(word: string): string[] {
	const plain = transliterate(word);
	const english = plain.replace(/q/g, 'k').replace(/gh/g, 'g');
	const borrowed = BORROWED_SPELLINGS.map(([pattern, latin]) => plain.replace(pattern, latin));
	const allBorrowed = BORROWED_SPELLINGS.reduce((spelling, [pattern, latin]) => spelling.replace(pattern, latin), plain);
	return [...new Set([plain, english, ...borrowed, allBorrowed])];
}
