// The bot's direct-message channel with a user (conversations.open, scope im:write): private, and always
// reachable, unlike a channel the bot was never invited to.
import type { webApi } from '@slack/bolt';

export async function openDirectMessage(client: Pick<webApi.WebClient, 'conversations'>, userId: string): Promise<string> {
  const answer = await client.conversations.open({ users: userId });
  const id = answer.channel?.id;
  if (!id) throw new Error('conversations.open returned no channel');
  return id;
}
