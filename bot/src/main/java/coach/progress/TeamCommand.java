package coach.progress;

import coach.core.Command;
import coach.core.Context;
import coach.core.Reply;
import java.util.List;

/**
 * /team (group admins): this week's practice of the members who shared it (/share on), the members
 * who did not counted but never named, and the group's most common weak criterion. In a private chat
 * or the console it explains that it needs a group.
 */
final class TeamCommand implements Command.Handler {
    private final TeamView team;

    TeamCommand(TeamView team) {
        this.team = team;
    }

    @Override
    public List<Reply> run(Context ctx, String args) {
        if (!ctx.in().chatType().isGroupLike()) {
            return List.of(Reply.of(ctx.t("team.needs_group")));
        }
        return List.of(team.reply(ctx.in().chatId(), ctx.lang(), team.zone(ctx.in().chatId()), false));
    }
}
