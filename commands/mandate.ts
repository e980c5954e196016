import { topicCommand } from '../src/discord/topics.ts';

/** `/mandate`: what the documents say about the institution's mandate. */
export const { data, execute, autocomplete } = topicCommand('mandate', "What the documents say about the institution's mandate and powers");
