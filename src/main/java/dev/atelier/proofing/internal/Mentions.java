package dev.atelier.proofing.internal;

import dev.atelier.identity.User;
import dev.atelier.identity.UserId;
import dev.atelier.identity.UserManagement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Finds the {@code @username}s in a comment and the users they name; names of nobody stay plain text. */
@Component
public class Mentions {

    // a username as identity allows it, not preceded by a word character (so e-mail addresses are no mentions)
    private static final Pattern MENTION = Pattern.compile("(?<![\\w.@])@([a-z0-9][a-z0-9._-]{1,62})", Pattern.CASE_INSENSITIVE);

    private final UserManagement users;

    Mentions(UserManagement users) {
        this.users = users;
    }

    /** The enabled users the text mentions, each once, in the order they first appear. */
    public List<UserId> in(String text) {
        Set<UserId> found = new LinkedHashSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            // a sentence may end right after a name: "ask @ana." names ana
            String name = m.group(1).replaceAll("[._-]+$", "");
            users.findByUsername(name).filter(User::enabled).map(User::id).ifPresent(found::add);
        }
        return List.copyOf(found);
    }
}
