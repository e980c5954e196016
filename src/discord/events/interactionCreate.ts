import { Events, type Interaction } from 'discord.js';
import { handleComponent } from '../components.ts';
import { say } from '../../i18n/index.ts';
import { listenerOf, replyLanguage } from '../language.ts';
import { notice } from '../replies.ts';
import { replyWithError, respond } from '../respond.ts';
import { isMessageCommand, type BotContext, type Command, type MessageCommand } from '../types.ts';

export const name = Events.InteractionCreate;

/** Routes every interaction: slash commands, message menu commands, autocomplete, buttons and menus. One switch. */
export async function execute(interaction: Interaction, ctx: BotContext): Promise<void> {
	if (interaction.isAutocomplete()) {
		const command = ctx.commands.get(interaction.commandName);
		try {
			if (command && !isMessageCommand(command) && command.autocomplete) await command.autocomplete(interaction, ctx);
			else await interaction.respond([]);
		} catch (error) {
			ctx.logger.error({ err: error, command: interaction.commandName }, 'autocomplete failed');
			// An empty list beats Discord's "loading options failed".
			if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
		}
		return;
	}
	if (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) {
		const found = ctx.commands.get(interaction.commandName);
		const label = { command: interaction.commandName, userId: interaction.user.id, guildId: interaction.guildId };
		// A menu command and a slash command may share a name in Discord: each runs only as what it is.
		const menu = interaction.isMessageContextMenuCommand();
		const question = menu ? interaction.targetMessage.content : (interaction.options.getString('question') ?? undefined);
		try {
			if (!found || isMessageCommand(found) !== menu) {
				await respond(interaction, notice(say(await replyLanguage(ctx, listenerOf(interaction)), 'unknownCommand')));
				return;
			}
			if (interaction.isMessageContextMenuCommand()) await (found as MessageCommand).execute(interaction, ctx);
			else await (found as Command).execute(interaction, ctx);
		} catch (error) {
			await replyWithError(interaction, error, ctx.logger, label, await replyLanguage(ctx, listenerOf(interaction), question || undefined));
		}
		return;
	}
	if (interaction.isButton() || interaction.isStringSelectMenu()) {
		const label = { customId: interaction.customId.slice(0, 100), userId: interaction.user.id, guildId: interaction.guildId };
		try {
			await handleComponent(interaction, ctx);
		} catch (error) {
			await replyWithError(interaction, error, ctx.logger, label, await replyLanguage(ctx, listenerOf(interaction)));
		}
	}
}
