import { topicCommand } from '../src/discord/topics.ts';

/** `/independence`: what the documents say about the institution's independence. */
export const { data, execute, autocomplete } = topicCommand('independence', "What the documents say about the institution's independence");
