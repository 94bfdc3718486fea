package dev.atelier.metadata;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.identity.UserId;
import dev.atelier.identity.UserManagement;
import dev.atelier.metadata.FieldValidationException.FieldError;
import dev.atelier.metadata.internal.BulkEdits;
import dev.atelier.metadata.internal.FieldValueRules;
import dev.atelier.shared.Ids;
import dev.atelier.shared.NotFoundException;
import dev.atelier.shared.ProblemException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk edits of custom fields over a selection or a whole search result, as a durable background
 * job: the selection is frozen into a list when the job starts, each asset is one edit of its
 * own (with the starter's rights, audited, re-indexed), and a restart resumes after the last
 * batch recorded. Assets that cannot be changed are reported, not fatal.
 */
@Service
public class BulkEditManagement {

    public static final TaskDescriptor<String> TASK = TaskDescriptor.of("bulk-edit", String.class);
    private static final int BATCH = 200;

    private final BulkEdits edits;
    private final FieldManagement fields;
    private final FieldValueRules rules;
    private final UserManagement users;
    private final List<AssetSelection.Resolver> resolvers;
    private final SchedulerClient scheduler;
    private final Clock clock;

    BulkEditManagement(BulkEdits edits, FieldManagement fields, FieldValueRules rules, UserManagement users,
            List<AssetSelection.Resolver> resolvers, @Lazy SchedulerClient scheduler, Clock clock) {
        this.edits = edits;
        this.fields = fields;
        this.rules = rules;
        this.users = users;
        this.resolvers = resolvers;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Checks the changes against the schema and queues the edit.
     *
     * @throws FieldValidationException for an unknown field or a value its type refuses, before anything starts
     */
    @Transactional
    public BulkEdit start(Actor actor, AssetSelection selection, List<FieldChange> changes) {
        actor.require(Role.CONTRIBUTOR);
        validate(changes);
        UUID id = Ids.uuidV7();
        edits.insert(id, actor.id().value(), selection, changes, clock.instant());
        scheduler.scheduleIfNotExists(TASK.instance(id.toString()).build(), clock.instant());
        return get(actor, id);
    }

    /** Only its starter (and admins) may follow an edit. */
    @Transactional(readOnly = true)
    public BulkEdit get(Actor actor, UUID id) {
        BulkEdit edit = edits.find(id).orElseThrow(() -> new NotFoundException("bulk edit " + id));
        if (!edit.startedBy().equals(actor.id().value()) && !actor.has(Role.ADMIN)) {
            throw new NotFoundException("bulk edit " + id);
        }
        return edit;
    }

    private void validate(List<FieldChange> changes) {
        if (changes.isEmpty()) {
            throw FieldValidationException.of("changes", "Say what to change: at least one field and operation.");
        }
        List<FieldError> errors = new ArrayList<>();
        for (FieldChange c : changes) {
            fields.definitions().stream().filter(f -> f.key().equals(c.field())).findFirst().ifPresentOrElse(
                    f -> rules.normalise(f, c.values(), errors),
                    () -> errors.add(new FieldError(c.field(), "There is no field '" + c.field() + "'.")));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
    }

    /**
     * The job's body (called by the scheduler, also after a restart): resolves the selection once,
     * then edits batch after batch from where the last run stopped. An unexpected error fails the
     * edit with its reason rather than looping.
     */
    public void runJob(UUID id) {
        try {
            run(id);
        } catch (RuntimeException e) {
            fail(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void run(UUID id) {
        BulkEdit edit = edits.find(id).orElseThrow();
        if (edit.status() == BulkEdit.Status.DONE || edit.status() == BulkEdit.Status.FAILED) {
            return;
        }
        Actor actor = users.get(new UserId(edit.startedBy())).asActor();
        if (!edits.hasItems(id)) {
            edits.items(id, resolve(actor, edits.selection(id)));
        }
        int done = edit.done();
        for (List<AssetId> batch = edits.items(id, done, BATCH); !batch.isEmpty(); batch = edits.items(id, done, BATCH)) {
            int changed = 0;
            List<BulkEdit.Failure> failures = new ArrayList<>();
            for (AssetId asset : batch) {
                try {
                    changed += apply(actor, asset, edit.changes()) ? 1 : 0;
                } catch (ProblemException | org.springframework.security.access.AccessDeniedException e) {
                    failures.add(new BulkEdit.Failure(asset.toString(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                }
            }
            done += batch.size();
            edits.progress(id, done, changed, failures);
        }
        edits.finish(id, BulkEdit.Status.DONE, Optional.empty(), clock.instant());
    }

    private void fail(UUID id, String reason) {
        edits.finish(id, BulkEdit.Status.FAILED, Optional.of(reason), clock.instant());
    }

    private boolean apply(Actor actor, AssetId asset, List<FieldChange> changes) {
        return fields.edit(actor, asset, changes, Optional.empty()).changed();
    }

    private List<AssetId> resolve(Actor actor, AssetSelection selection) {
        return switch (selection) {
            case AssetSelection.Listed l -> List.copyOf(new LinkedHashSet<>(l.ids()));
            case AssetSelection.Search s -> resolvers.stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no search to resolve the selection")).resolve(actor, s);
        };
    }
}
