package dev.atelier.brief;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A form briefs are filled from: ordered typed fields, who decides intake (empty: any manager),
 * and the guideline assets every brief made from it links.
 *
 * @param revision grows with every change (ETag / If-Match)
 * @param archived archived templates keep their briefs but start no new ones
 */
public record BriefTemplate(UUID id, String name, String description, List<TemplateField> fields, List<UserId> reviewers,
        List<AssetId> guidelines, boolean archived, long revision, UserId createdBy, Instant createdAt) {

    public static final int MAX_NAME = 200;

    public BriefTemplate {
        fields = List.copyOf(fields);
        reviewers = List.copyOf(reviewers);
        guidelines = List.copyOf(guidelines);
    }

    public Optional<TemplateField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** Whether the user decides intake for briefs of this template (managers always may). */
    public boolean reviewedBy(UserId user) {
        return reviewers.contains(user);
    }
}
