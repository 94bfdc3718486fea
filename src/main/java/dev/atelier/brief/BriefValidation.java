package dev.atelier.brief;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.identity.Actor;
import dev.atelier.identity.UserId;
import dev.atelier.identity.UserManagement;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.metadata.FieldValidationException.FieldError;
import dev.atelier.metadata.TaxonomyManagement;
import dev.atelier.metadata.Term;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Checks a brief form against its template. Saving a draft needs only well-formed values; a
 * submission also needs every required field, a due date that has not passed, milestones on or
 * before it, and at least one acceptance criterion. Every problem is reported at once, by field.
 */
@Component
class BriefValidation {

    private final TaxonomyManagement taxonomy;
    private final AssetManagement assets;
    private final UserManagement users;

    BriefValidation(TaxonomyManagement taxonomy, AssetManagement assets, UserManagement users) {
        this.taxonomy = taxonomy;
        this.assets = assets;
        this.users = users;
    }

    /** @throws FieldValidationException with every ill-formed part of the form */
    Map<String, BriefValue> wellFormed(Actor actor, BriefTemplate template, BriefForm form, Predicate<UUID> boardExists) {
        List<FieldError> errors = new ArrayList<>();
        if (form.title().isEmpty() || form.title().length() > Brief.MAX_TITLE) {
            errors.add(new FieldError("title", "A title of 1 to " + Brief.MAX_TITLE + " characters is required."));
        }
        form.board().filter(b -> !boardExists.test(b)).ifPresent(b -> errors.add(new FieldError("board", "There is no board " + b + ".")));
        for (UserId assignee : form.assignees()) {
            if (users.find(assignee).filter(u -> u.enabled()).isEmpty()) {
                errors.add(new FieldError("assignees", "There is no user " + assignee + " to assign."));
            }
        }
        if (form.criteria().stream().anyMatch(c -> c.length() > 1000)) {
            errors.add(new FieldError("criteria", "Each acceptance criterion holds at most 1000 characters."));
        }
        form.values().keySet().stream().filter(k -> template.field(k).isEmpty())
                .forEach(k -> errors.add(new FieldError(k, "The template '" + template.name() + "' has no field '" + k + "'.")));
        Map<String, BriefValue> values = new LinkedHashMap<>();
        for (TemplateField field : template.fields()) {
            try {
                BriefValues.parse(field, form.values().get(field.key())).ifPresent(v -> {
                    check(actor, field, v);
                    values.put(field.key(), v);
                });
            } catch (FieldValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return values;
    }

    /** @throws FieldValidationException with everything a submission still lacks */
    void complete(BriefTemplate template, Brief brief, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        for (TemplateField field : template.fields()) {
            if (field.required() && brief.value(field.key()).map(BriefValue::empty).orElse(true)) {
                errors.add(new FieldError(field.key(), field.label() + (field.type() == BriefFieldType.CHECKBOX ? " must be ticked." : " is required.")));
            }
        }
        if (brief.due().isEmpty()) {
            errors.add(new FieldError("due", "A due date is required."));
        } else if (brief.due().get().isBefore(today)) {
            errors.add(new FieldError("due", "The due date " + brief.due().get() + " has passed."));
        }
        brief.due().ifPresent(due -> brief.values().forEach((key, value) -> {
            if (value instanceof BriefValue.Milestones m) {
                m.milestones().stream().filter(x -> x.due().isAfter(due)).forEach(x -> errors.add(new FieldError(key,
                        "Milestone '" + x.name() + "' (" + x.due() + ") falls after the brief's due date (" + due + ").")));
            }
        }));
        if (brief.criteria().isEmpty()) {
            errors.add(new FieldError("criteria", "Add at least one acceptance criterion: reviewers will judge the work by them."));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
    }

    private void check(Actor actor, TemplateField field, BriefValue value) {
        if (value instanceof BriefValue.Terms t) {
            for (UUID id : t.terms()) {
                Optional<Term> term = taxonomy.findTerm(id).filter(x -> field.vocabulary().map(v -> v.equals(x.vocabulary())).orElse(false));
                if (term.isEmpty()) {
                    throw BriefValues.invalid(field, "offers no term " + id + ".");
                }
            }
        }
        if (value instanceof BriefValue.Assets a) {
            for (AssetId id : a.assets()) {
                if (assets.findVisible(actor, id).isEmpty()) {
                    throw BriefValues.invalid(field, "links asset " + id + ", which you cannot see or which does not exist.");
                }
            }
        }
    }
}
