package dev.atelier.workflow.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.identity.User;
import dev.atelier.identity.UserId;
import dev.atelier.identity.UserManagement;
import dev.atelier.notification.Notice;
import dev.atelier.notification.NotificationManagement;
import dev.atelier.proofing.AnnotationAdded;
import dev.atelier.proofing.AnnotationReplied;
import dev.atelier.workflow.WorkflowEvent.DeadlineReached;
import dev.atelier.workflow.WorkflowEvent.StageStarted;
import dev.atelier.workflow.WorkflowEvent.WorkflowFinished;
import dev.atelier.workflow.WorkflowManagement;
import dev.atelier.workflow.WorkflowStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people what needs them, in the transaction of the change (the notification module mails
 * after it commits): reviewers when their stage starts, reminders and escalations, the owner when
 * the round ends, people mentioned in annotations. Annotating also marks the reviewer as having
 * commented in the review of that version.
 */
@Component
class ReviewNotices {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");

    private final NotificationManagement notifications;
    private final AssetManagement assets;
    private final WorkflowManagement workflows;
    private final UserManagement users;

    ReviewNotices(NotificationManagement notifications, AssetManagement assets, WorkflowManagement workflows, UserManagement users) {
        this.users = users;
        this.notifications = notifications;
        this.assets = assets;
        this.workflows = workflows;
    }

    @EventListener
    void on(StageStarted e) {
        String due = e.dueAt().map(d -> " It is due " + WHEN.format(d.atZone(ZoneId.systemDefault())) + ".").orElse("");
        send(e.asset(), e.reviewers(), "workflow.review-requested", "Please review " + title(e.asset()) + " (" + e.name() + ")",
                "The stage " + e.name() + " is open for your decision." + due, "/workflows/" + e.workflow(), e.by());
    }

    @EventListener
    void on(DeadlineReached e) {
        String title = switch (e.kind()) {
            case REMINDER_BEFORE -> "Reminder: " + title(e.asset()) + " is due for review soon";
            case REMINDER_AFTER -> "Overdue: " + title(e.asset()) + " waits for your review";
            case ESCALATION -> "Escalation: the review of " + title(e.asset()) + " is overdue";
        };
        send(e.asset(), e.to(), "workflow." + e.kind().name().toLowerCase().replace('_', '-'), title,
                "Stage " + e.stage() + " was due " + WHEN.format(e.dueAt().atZone(ZoneId.systemDefault())) + ".", "/workflows/" + e.workflow(),
                Optional.empty());
    }

    @EventListener
    void on(WorkflowFinished e) {
        String outcome = e.outcome() == WorkflowStatus.APPROVED ? "approved" : e.outcome().label().toLowerCase();
        send(e.asset(), List.of(e.owner()), "workflow.finished", title(e.asset()) + " v" + e.version() + ": " + outcome,
                "The review round ended: " + outcome + ".", "/workflows/" + e.workflow(), e.by());
    }

    @EventListener
    void on(AnnotationAdded e) {
        workflows.commented(e.by(), e.asset(), e.version());
        mention(e.mentioned(), e.asset(), e.version(), e.by(), "/assets/" + e.asset() + "/review?version=" + e.version() + "#a-" + e.annotation().value());
    }

    @EventListener
    void on(AnnotationReplied e) {
        workflows.commented(e.by(), e.asset(), e.version());
        String link = "/assets/" + e.asset() + "/review?version=" + e.version() + "#a-" + e.annotation().value();
        mention(Stream.concat(e.mentioned().stream(), e.participants().stream()).distinct().toList(), e.asset(), e.version(), e.by(), link);
    }

    private void mention(List<UserId> who, AssetId asset, int version, UserId by, String link) {
        send(asset, who, "proofing.comment", "New comment on " + title(asset) + " v" + version, "Someone mentioned you or replied in a thread you are in.",
                link, Optional.of(by));
    }

    private void send(AssetId asset, List<UserId> to, String kind, String title, String body, String link, Optional<UserId> by) {
        notifications.notifyAll(to.stream().filter(u -> by.map(b -> !b.equals(u)).orElse(true)).filter(u -> sees(u, asset))
                .map(u -> new Notice(u, kind, title, body, link, by)).toList());
    }

    /** A notice names the asset: only people who may see it (it may be confidential) are told. */
    private boolean sees(UserId user, AssetId asset) {
        return users.find(user).filter(User::enabled).flatMap(u -> assets.findVisible(u.asActor(), asset)).isPresent();
    }

    private String title(AssetId asset) {
        return assets.find(asset).map(a -> "'" + a.title() + "'").orElse("an asset");
    }
}
