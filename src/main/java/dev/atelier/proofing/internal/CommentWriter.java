package dev.atelier.proofing.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.identity.Actor;
import dev.atelier.proofing.Comment;
import dev.atelier.proofing.InvalidAnnotationException;
import dev.atelier.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Component;

/** Makes a checked comment: its text, the users it mentions, and attachments the author may see. */
@Component
public class CommentWriter {

    private final Mentions mentions;
    private final AssetManagement assets;
    private final Clock clock;

    CommentWriter(Mentions mentions, AssetManagement assets, Clock clock) {
        this.mentions = mentions;
        this.assets = assets;
        this.clock = clock;
    }

    /**
     * @throws InvalidAnnotationException for an empty or too long text, or too many attachments
     * @throws dev.atelier.shared.NotFoundException for an attachment the author cannot see
     */
    public Comment write(Actor author, String body, List<AssetId> attachments) {
        String text = Comment.checkedBody(body);
        List<AssetId> attached = attachments.stream().distinct().toList();
        if (attached.size() > Comment.MAX_ATTACHMENTS) {
            throw new InvalidAnnotationException("A comment has at most " + Comment.MAX_ATTACHMENTS + " attachments.");
        }
        attached.forEach(a -> assets.get(author, a));
        return new Comment(Ids.uuidV7(clock), author.id(), text, mentions.in(text), attached, now());
    }

    public Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
