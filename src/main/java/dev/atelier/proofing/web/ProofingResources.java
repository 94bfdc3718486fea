package dev.atelier.proofing.web;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;
import dev.atelier.identity.UserManagement;
import dev.atelier.proofing.Annotation;
import dev.atelier.proofing.CarriedItem;
import dev.atelier.proofing.Comment;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The JSON shapes of annotations, their comments and carried items; people are named by username. */
@Component
class ProofingResources {

    private final UserManagement users;

    ProofingResources(UserManagement users) {
        this.users = users;
    }

    record ChangeResource(String by, Instant at) {}

    record CommentResource(String id, String author, String body, List<String> mentions, List<String> attachments, Instant createdAt) {}

    record AnnotationResource(String id, String assetId, int version, int number, MarkBody mark, String status, String author,
            List<CommentResource> thread, @Nullable ChangeResource resolved, @Nullable ChangeResource reopened, String href) {}

    record CarriedResource(String id, String assetId, int version, String annotationId, int fromVersion, String label, String state,
            Instant carriedAt, @Nullable ChangeResource addressed, @Nullable ChangeResource confirmed, String thread) {}

    /** Names looked up once per response. */
    final class Names {
        private final Map<UserId, String> known = new HashMap<>();

        String of(UserId user) {
            return known.computeIfAbsent(user, u -> users.find(u).map(dev.atelier.identity.User::username).orElse("unknown"));
        }

        @Nullable ChangeResource change(Optional<Annotation.Change> change) {
            return change.map(c -> new ChangeResource(of(c.by()), c.at())).orElse(null);
        }
    }

    Names names() {
        return new Names();
    }

    AnnotationResource annotation(Annotation a) {
        return annotation(a, names());
    }

    AnnotationResource annotation(Annotation a, Names names) {
        return new AnnotationResource(a.id().toString(), a.asset().toString(), a.version(), a.number(), MarkBody.of(a.mark()),
                a.status().name().toLowerCase(), names.of(a.author()), a.thread().stream().map(c -> comment(c, names)).toList(),
                names.change(a.resolved()), names.change(a.reopened()), "/api/v1/annotations/" + a.id());
    }

    CommentResource comment(Comment c, Names names) {
        return new CommentResource(c.id().toString(), names.of(c.author()), c.body(), c.mentions().stream().map(names::of).toList(),
                c.attachments().stream().map(AssetId::toString).toList(), c.createdAt());
    }

    CarriedResource carried(CarriedItem i, Names names) {
        return new CarriedResource(i.id().toString(), i.asset().toString(), i.version(), i.annotation().toString(), i.fromVersion(), i.label(),
                i.state().name().toLowerCase(), i.carriedAt(), names.change(i.addressed()), names.change(i.confirmed()),
                "/api/v1/annotations/" + i.annotation());
    }
}
