package dev.atelier.proofing;

import dev.atelier.asset.AssetId;
import java.util.List;

/** What a reviewer writes when annotating: where, the text (with {@code @username}s) and library assets attached. */
public record NewAnnotation(Mark mark, String body, List<AssetId> attachments) {

    public NewAnnotation {
        attachments = List.copyOf(attachments);
    }
}
