import type { RESTPostAPIChatInputApplicationCommandsJSONBody, RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord.js';
import type { Language } from '../language/detect.ts';

/**
 * Russian names and descriptions of the slash commands, their options and choices, by path ("kb.add.file";
 * a choice as "language.language=kk"). Discord shows them to a client set to Russian; it has no Kazakh locale,
 * so `kk` (a command's description in Kazakh) serves only `/help`. Names follow Discord's rules: lowercase,
 * 1-32 letters, digits, `-` or `_` (Cyrillic allowed), checked by tests/discord/deploy.test.ts.
 */
type CommandText = { name: string; description?: string; kk?: string };

/** The `institution` option that /search and the topic commands share. */
const INSTITUTION_OPTION: CommandText = { name: 'учреждение', description: 'Чьи факты: одно из учреждений из документов (по умолчанию — выбранное сервером)' };

export const COMMAND_TEXTS: Readonly<Record<string, CommandText>> = {
	ask: { name: 'спросить', description: 'Задать вопрос; ответ берётся из документов, с источником', kk: 'Сұрақ қою; жауап құжаттардан, дереккөзімен' },
	'ask.question': { name: 'вопрос', description: 'Ваш вопрос простыми словами (подсказки появляются по мере ввода)' },
	'ask.private': { name: 'лично', description: 'Ответ увидите только вы' },
	// A message menu command's name is shown as it is written: capitals and spaces allowed.
	'Ask Ombudsbot': { name: 'Спросить Ombudsbot' },
	about: { name: 'о-боте', description: 'Что я знаю: документы, факты, последнее обновление, версия', kk: 'Не білемін: құжаттар, фактілер, соңғы жаңарту, нұсқа' },
	help: { name: 'помощь', description: 'Как мной пользоваться', kk: 'Мені қалай қолдану керек' },
	search: { name: 'поиск', description: 'Найти в документах факты, лучше всего совпадающие со словами', kk: 'Құжаттардан сөздерге ең сәйкес фактілерді табу' },
	'search.query': { name: 'запрос', description: 'Слова для поиска, например «ежегодный доклад парламент»' },
	'search.institution': INSTITUTION_OPTION,
	mandate: { name: 'мандат', description: 'Что говорят документы о мандате и полномочиях учреждения', kk: 'Мекеменің мандаты мен өкілеттіктері туралы құжаттарда не айтылған' },
	'mandate.institution': INSTITUTION_OPTION,
	independence: { name: 'независимость', description: 'Что говорят документы о независимости учреждения', kk: 'Мекеменің тәуелсіздігі туралы құжаттарда не айтылған' },
	'independence.institution': INSTITUTION_OPTION,
	cooperation: { name: 'сотрудничество', description: 'Что говорят документы о сотрудничестве с другими органами', kk: 'Басқа органдармен ынтымақтастық туралы құжаттарда не айтылған' },
	'cooperation.institution': INSTITUTION_OPTION,
	language: { name: 'язык', description: 'Язык моих сообщений вам: английский, русский или казахский', kk: 'Маған жазатын хабарламаларымның тілі: ағылшын, орыс немесе қазақ' },
	'language.language': { name: 'язык', description: 'Язык; «авто» — по вопросу, Discord и серверу' },
	'language.language=auto': { name: 'авто (по вопросу и Discord)' },
	'language.language=en': { name: 'английский' },
	'language.language=ru': { name: 'русский' },
	'language.language=kk': { name: 'казахский' },
	kb: { name: 'база', description: 'Модераторам: управление базой знаний', kk: 'Модераторларға: білім қорын басқару' },
	'kb.refresh': { name: 'обновить', description: 'Перечитать папку знаний; при любой ошибке остаётся текущая база' },
	'kb.add': { name: 'добавить', description: 'Добавить (или заменить) документ .md или .txt' },
	'kb.add.file': { name: 'файл', description: 'Файл .md или .txt в UTF-8' },
	'kb.add.replace': { name: 'заменить', description: 'Перезаписать документ с тем же именем' },
	'kb.remove': { name: 'удалить', description: 'Удалить документ (копия остаётся в папке данных)' },
	'kb.remove.document': { name: 'документ', description: 'Идентификатор документа' },
	'kb.status': { name: 'статус', description: 'Документы, факты, последнее обновление и недавние изменения' },
	'kb.gaps': { name: 'пробелы', description: 'Вопросы, чаще всего оставшиеся без ответа или получившие 👎' },
	'kb.answer': { name: 'ответить', description: 'Ответить на пробел фактом, который на него отвечает, или снять его' },
	'kb.answer.question': { name: 'вопрос', description: 'Пробел из /kb gaps или вопрос, как его задают' },
	'kb.answer.fact': { name: 'факт', description: 'Факт, который отвечает на вопрос (начните вводить для поиска по документам)' },
	'kb.answer.dismiss': { name: 'снять', description: 'Не стоит ответа: убрать из списка пробелов' },
	'kb.settings': { name: 'настройки', description: 'Настройки сервера' },
	'kb.settings.language': { name: 'язык', description: 'Язык моих сообщений на этом сервере для участников без своей настройки' },
	'kb.settings.language.language': { name: 'язык', description: 'Язык сервера' },
	'kb.settings.language.language=en': { name: 'английский' },
	'kb.settings.language.language=ru': { name: 'русский' },
	'kb.settings.language.language=kk': { name: 'казахский' },
	'kb.settings.institution': { name: 'учреждение', description: 'Учреждение, которое тематические команды и /search показывают здесь (пусто: все)' },
	'kb.settings.institution.institution': { name: 'учреждение', description: 'Одно из учреждений, о которых говорят документы' },
	'kb.settings.forum': { name: 'форум', description: 'Форум помощи: на новые публикации я отвечаю, когда уверен (пусто: выключено)' },
	'kb.settings.forum.channel': { name: 'канал', description: 'Форум-канал' },
};

interface Localisable {
	name: string;
	description?: string;
	name_localizations?: Record<string, string> | null;
	description_localizations?: Record<string, string> | null;
	options?: Localisable[];
	choices?: { name: string; value: string | number; name_localizations?: Record<string, string> | null }[];
}

function localise<T extends Localisable>(node: T, path: string): T {
	const text = COMMAND_TEXTS[path];
	return {
		...node,
		...(text ? { name_localizations: { ...node.name_localizations, ru: text.name } } : {}),
		...(text?.description ? { description_localizations: { ...node.description_localizations, ru: text.description } } : {}),
		...(node.options ? { options: node.options.map((option) => localise(option, `${path}.${option.name}`)) } : {}),
		...(node.choices
			? {
					choices: node.choices.map((choice) => {
						const name = COMMAND_TEXTS[`${path}=${choice.value}`]?.name;
						return name ? { ...choice, name_localizations: { ...choice.name_localizations, ru: name } } : choice;
					}),
				}
			: {}),
	};
}

/**
 * A command's definition with its Russian names and descriptions added, for `npm run deploy`. A part without
 * an entry is left as it is (the deploy test asks for every one).
 */
export function localiseCommand<T extends RESTPostAPIChatInputApplicationCommandsJSONBody | RESTPostAPIContextMenuApplicationCommandsJSONBody>(json: T): T {
	return localise(json as Localisable, json.name) as T;
}

/** A command's description in `language`, for `/help`: English when there is no translation. */
export function localisedDescription(json: { name: string; description: string }, language: Language): string {
	const text = COMMAND_TEXTS[json.name];
	return (language === 'ru' ? text?.description : language === 'kk' ? text?.kk : undefined) ?? json.description;
}
