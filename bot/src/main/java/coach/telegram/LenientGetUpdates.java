package coach.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * getUpdates whose answer is read update by update. The library reads the whole batch at once, so
 * one update it cannot map (a field of an unexpected type) would fail every poll and stall the bot
 * on that offset forever; here such an update becomes an empty one with only its id, which the bot
 * skips and confirms like any update it does not handle.
 */
final class LenientGetUpdates extends GetUpdates {
    private static final Logger LOG = LoggerFactory.getLogger(LenientGetUpdates.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    LenientGetUpdates(int offset, int limit, int timeoutSeconds, List<String> allowedUpdates) {
        super(offset, limit, timeoutSeconds, allowedUpdates);
    }

    @Override
    public ArrayList<Update> deserializeResponse(String answer) throws TelegramApiRequestException {
        JsonNode root;
        try {
            root = MAPPER.readTree(answer);
        } catch (IOException e) {
            throw new TelegramApiRequestException("Unable to deserialize getUpdates response", e);
        }
        if (root == null || !root.path("ok").asBoolean(false)) {
            String desc = root == null ? "empty answer" : "[" + root.path("error_code").asText("?") + "] " + root.path("description").asText("");
            throw new TelegramApiRequestException("getUpdates failed: " + Tokens.mask(desc));
        }
        ArrayList<Update> out = new ArrayList<>();
        for (JsonNode n : root.path("result")) {
            JsonNode id = n.path("update_id");
            try {
                Update u = MAPPER.treeToValue(n, Update.class);
                if (u != null && u.getUpdateId() != null) {
                    out.add(u);
                }
            } catch (IOException | RuntimeException e) {
                if (id.canConvertToInt()) {
                    LOG.warn("update {} could not be read and is skipped: {}", id.asInt(), e.getClass().getSimpleName());
                    Update empty = new Update();
                    empty.setUpdateId(id.asInt());
                    out.add(empty);
                } else {
                    LOG.warn("an update without a usable update_id is skipped");
                }
            }
        }
        return out;
    }
}
