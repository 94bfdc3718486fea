package dev.atelier.brief;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;
import java.util.List;

/** What an admin submits to create or change a brief template. */
public record TemplateDraft(String name, String description, List<TemplateField> fields, List<UserId> reviewers, List<AssetId> guidelines) {

    public TemplateDraft {
        name = name.strip();
        description = description.strip();
        fields = List.copyOf(fields);
        reviewers = List.copyOf(reviewers);
        guidelines = List.copyOf(guidelines);
    }
}
