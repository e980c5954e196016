/**
 * The bot's English strings: the catalogue that defines every key. `ru.ts` and `kk.ts` must have the same keys
 * with the same `{placeholders}` (tests/i18n/catalogues.test.ts checks both). A placeholder is filled by
 * `say()`; Markdown and emoji are part of the text, so a translator sees the whole message.
 */
export const en = {
	// Answers
	questionTitle: 'Question',
	confidenceHigh: '🟢 High confidence ({percent}%)',
	confidenceModerate: '🟡 Moderate confidence ({percent}%)',
	confidenceField: 'Confidence',
	sourceField: 'Source',
	sourcesField: 'Sources',
	sourceButton: 'Source: {title}',
	showContext: 'Show context',
	sourceLanguageField: 'Source language',
	sourceInEnglish: 'The source is in English: the sentence above is quoted from it as written.',
	declinedWithSuggestions: "The documents I have don't answer this. The closest things they do say:\n\n{list}",
	declinedNothingClose: "The documents I have don't answer this, and nothing in them comes close. Try other words, or see `/help`.",
	declinedEnglishWithSuggestions:
		'My documents are in English and I found no confident answer to this question in them. Try asking in English. The closest things they say:\n\n{list}',
	declinedEnglishNothingClose: 'My documents are in English and I found no confident answer to this question in them. Try asking in English, or see `/help`.',
	pickSuggestion: 'Press a number below and I will answer it.',
	whyButton: 'Why? (moderators)',
	footerOnlyDocuments: 'Answers come only from the documents.',
	footerVotes: 'Answers come only from the documents. Use 👍/👎 to tell moderators how it did.',
	// Topics, search, context
	topicMandate: 'Mandate',
	topicIndependence: 'Independence',
	topicCooperation: 'Cooperation',
	topicEmpty: 'The documents say nothing yet about **{topic}**.',
	topicTitle: '{topic}: what the documents say',
	topicFooter: 'Page {page} of {pages} · {facts} facts',
	previousPage: '◀ Previous',
	nextPage: 'Next ▶',
	searchTitle: 'Search: {query}',
	searchNothing: 'No fact in the documents matches that. Try other words, or `/ask` a question.',
	searchFooter: '{count} best matching facts',
	searchFooterOne: '1 best matching fact',
	contextTitle: 'Context: {title}',
	contextFooter: '{document}, line {line}',
	// Notices
	flood: "You're asking quickly: please wait {seconds} seconds before the next question.",
	floodOne: "You're asking quickly: please wait 1 second before the next question.",
	knowledgeUnavailable: 'The knowledge base is not available right now. Moderators can check it with `/kb status` and `/kb refresh`.',
	bug: 'Sorry, something went wrong on my side. It has been logged; please try again in a moment.',
	unknownCommand: 'I do not know this command any more. An admin may need to run `npm run deploy`.',
	mentionHint: 'Ask me a question about the institution. In a server, mention me with the question or use `/ask`; /help shows the rest.',
	mentionHintExample: 'Ask me a question about the institution, for example: *{example}*. In a server, mention me with the question or use `/ask`; /help shows the rest.',
	emptySearch: 'Please type some words to search for.',
	// Buttons
	notMyButton: 'This button is not mine or is out of date.',
	outdatedButton: 'This button is out of date.',
	staleAnswer: 'That answer is no longer available (it may be from before a reset). Please ask again.',
	sourceGone: 'The documents changed since this answer: its source is gone. Please ask again.',
	voteFailed: 'Sorry, I could not record your vote just now (a storage problem, logged for the maintainers). Please try again in a minute.',
	voteRecorded: 'Thanks: your {emoji} is recorded.',
	voteRecordedDown: 'Thanks: your {emoji} is recorded. Moderators see the questions that get 👎 and can add what is missing.',
	voteRepeated: 'You already voted {emoji} on this answer; it counts once.',
	whyRefused: 'Only moderators can see why I declined an answer.',
	// Permissions
	curateDm: "In direct messages, only the bot's owners can change the knowledge base.",
	curateRole: 'Only moderators can change the knowledge base: you need one of the moderator roles.',
	curateManage: 'Only moderators can change the knowledge base: you need the Manage Server permission.',
	// /language and /kb settings language
	languageName_en: 'English',
	languageName_ru: 'Russian',
	languageName_kk: 'Kazakh',
	languageSet: 'From now on I will speak to you in English (a question in another language is still answered in its own language).',
	languageReset: 'Your language setting is cleared: I follow your question, your Discord language, then the server.',
	guildLanguageSet: 'The server language is now {language}: members without a language of their own get my messages in it.',
	languageStoreFailed: 'Sorry, I could not save the setting just now (a storage problem, logged). Please try again in a minute.',
	settingsDmOnly: 'Server settings can only be changed in a server.',
	// /about
	aboutTitle: 'About Ombudsbot',
	aboutText:
		'I answer questions about the institution **only from its documents**, and I cite the document and line for every answer. When the documents do not say, I say so.',
	documentsField: 'Documents',
	factsField: 'Facts',
	versionField: 'Version',
	lastRefreshField: 'Last refresh',
	sourcesFirst: 'Sources (first 20 of {count})',
	documentLine: '• {title} (`{id}`, facts: {facts})',
	refreshNever: 'never: no knowledge base loaded',
	refreshAtStartup: '{when} at start-up',
	refreshBy: '{when} by {name}',
	// /help
	helpTitle: 'How to use Ombudsbot',
	helpIntro: 'Ask me about the institution: I answer from its documents only and show where each answer comes from.',
	helpAsk: '• Use `/ask`: suggestions appear as you type.',
	helpDm: '• Or send me a **direct message** with your question, or **mention me** in a channel.',
	helpDmExample: '• Or send me a **direct message** with your question, or **mention me** in a channel: `@Ombudsbot {example}`.',
	helpExamples: '• Questions I can answer: {examples}',
	helpButtons: '• Under an answer: **Show context** shows the sentences around the source; 👍/👎 tell the moderators how I did.',
	helpUnknown: '• When I do not know, I say so and suggest questions I can answer.',
	helpLanguage: '• I read English, Russian and Kazakh; `/language` chooses the language of my messages.',
	helpCommands: 'Commands',
	helpExample: 'e.g. {example}',
	// Small talk
	smallTalkGreeting: 'Hello! Ask me a question about the documents I have and I will answer with the sentence that says so, and where it is.{example} Type /help for everything I can do.',
	smallTalkThanks: 'You are welcome! Ask me anything else about the documents, or type /help.',
	smallTalkFarewell: 'Goodbye! Come back any time with a question about the documents.',
	smallTalkCapabilities:
		'I answer questions from {count}, quoting the sentence that answers and where it is (document and line), and I say plainly when they do not say.{examples} Type /help for every command.',
	smallTalkDocuments: 'I answer from {count}:',
	smallTalkDocumentsMore: '…and {more} more',
	smallTalkDocumentsEnd: 'Ask me about them.{example} Type /help for every command.',
	smallTalkHelp: 'Ask me a question in plain words and I will answer from the documents only, citing where.{example} Ask “what documents do you have?” to see them; /help lists every command.',
	smallTalkExample: ' For example: “{example}”',
	smallTalkTwoExamples: ' For example: “{first}” or “{second}”',
	documentCount: '{count} documents',
	documentCountOne: '1 document',
} as const;

/** Every key a catalogue has. */
export type MessageKey = keyof typeof en;
/** A catalogue: one string per key (`ru.ts` and `kk.ts` are checked against it by the type system and a test). */
export type Catalogue = { readonly [K in MessageKey]: string };
