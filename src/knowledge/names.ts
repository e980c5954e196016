/**
 * Proper names as written: runs of capitalised words, allowing lower-case joiners inside a name
 * ("Organization of Islamic Cooperation"). Sentence-initial function words ("The", "He") are not names.
 */
const NAME_RUN = /\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:(?:of|for|and|the|de|on|in|against)\s+)*\p{Lu}[\p{L}\p{N}'’.-]*)*/gu;
const NOT_A_NAME = new Set(
	'The A An This That These Those He She It They We I You His Her Its Their Our However Thus At In On Addressing Also But And Last Under Each Every After Before When While If As So Then There Here Who Whom Whose What Where Which Why How Is Are Was Were Can Could Does Do Did Must May Might Should Has Have Had Will Would Hi Hey Hello Thanks Please Tell'.split(
		' ',
	),
);
/** Titles that precede a person's name ("Chairperson Tomas Reyvik"): not part of the name. */
const TITLES = /^(?:(?:Deputy|Vice|Acting|Chief|Former|Chairperson|Chairman|Chairwoman|Chair|President|Minister|Commissioner|Ombudsman|Director|Judge|Justice|Mr|Mrs|Ms|Dr|Prof|Professor|Sir|Madam|Secretary|General|Public|Defender|Ambassador)\.?\s+)+/;
/** Words that make a capitalised run a body, place or document rather than a person. */
const NOT_A_PERSON =
	/\b(?:Commission|Commissioner|Council|Forum|Office|Organi[sz]ation|Nations|Court|Assembly|Rights|Human|National|Ministry|Committee|Tribunal|Act|Law|Union|Hotel|Palace|Republic|Agency|Institutions?|Group|Mechanism|Protocol|Convention|Constitution|Parliament|Government|Programme|Program|Department|Bureau|Chamber|Daily|Herald|Times|News|Bank|University|Party|Fund|Centre|Center|City|Province|Region|Day|Europe|Asia|Pacific|Africa|America)\b/;

/** Proper-name phrases of a sentence, in order, without leading titles or sentence-initial function words. */
export function properNames(sentence: string): string[] {
	const found: string[] = [];
	for (const match of sentence.matchAll(NAME_RUN)) {
		let name = match[0].replace(/[.'’-]+$/, '');
		const first = name.split(/\s+/)[0]!;
		// "Is the Valdorian …": drop the sentence-initial word and the joiners it leaves in front.
		if (NOT_A_NAME.has(first)) name = name.slice(first.length).trim().replace(/^(?:(?:of|for|and|the|de|on|in|against)\s+)+/, '');
		if (name && !(name.split(/\s+/).length === 1 && NOT_A_NAME.has(name))) found.push(name);
	}
	return found;
}

/** Names that look like people: two or three capitalised words with no institution word, titles removed. */
export function personNames(sentence: string): string[] {
	return properNames(sentence)
		.map((name) => name.replace(TITLES, ''))
		.filter((name) => /^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}$/u.test(name) && !NOT_A_PERSON.test(name));
}
