package dev.atelier.brief.web;

import dev.atelier.brief.Brief;
import dev.atelier.brief.BriefRule;
import dev.atelier.brief.BriefTemplate;
import dev.atelier.brief.LinkedAsset;
import dev.atelier.brief.TemplateField;
import dev.atelier.identity.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The API's JSON shapes of templates, briefs, rules and links. */
final class BriefResources {

    private BriefResources() {
    }

    record FieldResource(String key, String label, String type, boolean required, String help, List<String> options,
            @Nullable String vocabularyId) {
        static FieldResource of(TemplateField f) {
            return new FieldResource(f.key(), f.label(), f.type().slug(), f.required(), f.help(), f.options(),
                    f.vocabulary().map(UUID::toString).orElse(null));
        }
    }

    record TemplateResource(String id, String name, String description, List<FieldResource> fields, List<String> reviewerIds,
            List<String> guidelineIds, boolean archived, long revision) {
        static TemplateResource of(BriefTemplate t) {
            return new TemplateResource(t.id().toString(), t.name(), t.description(), t.fields().stream().map(FieldResource::of).toList(),
                    t.reviewers().stream().map(UserId::toString).toList(), t.guidelines().stream().map(Object::toString).toList(),
                    t.archived(), t.revision());
        }
    }

    record CriterionResource(String text, boolean met) {}

    record NoteResource(String ruleId, String rule, String disclaimer, boolean legalReview, String mandatoryStep) {}

    record DecisionResource(String by, Instant at, String comment) {}

    record BriefResource(String id, String templateId, String title, String ownerId, List<String> assigneeIds, String status,
            @Nullable LocalDate due, @Nullable String boardId, Map<String, Object> values, List<CriterionResource> criteria,
            List<NoteResource> notes, boolean legalReviewRequired, long revision, Instant createdAt, Instant updatedAt,
            @Nullable Instant submittedAt, @Nullable DecisionResource decision) {
        static BriefResource of(Brief b) {
            Map<String, Object> values = new LinkedHashMap<>();
            b.values().forEach((k, v) -> values.put(k, v.json()));
            return new BriefResource(b.id().toString(), b.template().toString(), b.title(), b.owner().toString(),
                    b.assignees().stream().map(UserId::toString).toList(), b.status().name().toLowerCase(Locale.ROOT), b.due().orElse(null),
                    b.board().map(UUID::toString).orElse(null), values,
                    b.criteria().stream().map(c -> new CriterionResource(c.text(), c.met())).toList(),
                    b.notes().stream().map(n -> new NoteResource(n.rule().toString(), n.ruleName(), n.disclaimer(), n.legalReview(),
                            n.mandatoryStep())).toList(),
                    b.legalReviewRequired(), b.revision(), b.createdAt(), b.updatedAt(), b.submittedAt().orElse(null),
                    b.decision().map(d -> new DecisionResource(d.by().toString(), d.at(), d.comment())).orElse(null));
        }
    }

    record LinkResource(String assetId, String role, String fieldKey, String addedBy, Instant addedAt) {
        static LinkResource of(LinkedAsset l) {
            return new LinkResource(l.asset().toString(), l.role().name().toLowerCase(Locale.ROOT), l.fieldKey(), l.addedBy().toString(),
                    l.addedAt());
        }
    }

    record RuleResource(String id, String name, List<BriefRule.Condition> conditions, String disclaimer, boolean legalReview,
            String mandatoryStep, boolean enabled) {
        static RuleResource of(BriefRule r) {
            return new RuleResource(r.id().toString(), r.name(), r.conditions(), r.disclaimer(), r.legalReview(), r.mandatoryStep(), r.enabled());
        }
    }
}
