import { topicCommand } from '../src/discord/topics.ts';

/** `/cooperation`: what the documents say about the institution's cooperation with others. */
export const { data, execute, autocomplete } = topicCommand('cooperation', 'What the documents say about cooperation with other bodies');
