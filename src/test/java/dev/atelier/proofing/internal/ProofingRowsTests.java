package dev.atelier.proofing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.internal.Assets;
import dev.atelier.identity.UserId;
import dev.atelier.identity.internal.Users;
import dev.atelier.proofing.Annotation;
import dev.atelier.proofing.Annotation.Change;
import dev.atelier.proofing.AnnotationId;
import dev.atelier.proofing.CarriedItem;
import dev.atelier.proofing.CarriedItemId;
import dev.atelier.proofing.Comment;
import dev.atelier.proofing.Mark;
import dev.atelier.proofing.Region;
import dev.atelier.proofing.Timecode;
import dev.atelier.testsupport.StoredAssets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/** The proofing tables, run once on H2 and once on PostgreSQL by the subclasses. */
@JdbcTest
@Import({Annotations.class, Threads.class, CarriedItems.class, Users.class, Assets.class})
abstract class ProofingRowsTests {

    @Autowired
    Annotations annotations;

    @Autowired
    CarriedItems items;

    @Autowired
    Users users;

    @Autowired
    Assets assets;

    final Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
    AssetId asset;
    AssetId attachment;
    UserId owner;

    @BeforeEach
    void asset() {
        asset = StoredAssets.insert(users, assets, 3, "video/mp4", t0);
        attachment = StoredAssets.insert(users, assets, 1, "image/png", t0);
        owner = assets.findById(asset).orElseThrow().ownerId();
    }

    @Test
    void keepsEveryKindOfMarkAndTheThreadWithMentionsAndAttachmentsInOrder() {
        var line = new Region.Freehand(List.of(new Region.Point(0, 0), new Region.Point(0.123456, 0.5), new Region.Point(1, 1)));
        List<Mark> marks = List.of(new Mark.OnVideo(new Timecode(1200, 3400), Optional.of(line)), new Mark.OnVideo(Timecode.at(5), Optional.empty()),
                new Mark.OnPage(3, new Region.Box(0.1, 0.2, 0.3, 0.4)), new Mark.OnImage(new Region.Pin(0.5, 0.25)),
                new Mark.OnAudio(new Timecode(0, 90_000)));
        for (Mark mark : marks) {
            annotations.insert(annotation(annotations.nextNumber(asset, 1), mark, "about " + mark.describe()));
        }
        AnnotationId first = annotations.of(asset, 1).getFirst().id();
        annotations.addComment(first, new Comment(UUID.randomUUID(), owner, "reply", List.of(owner), List.of(attachment, asset), t0.plusSeconds(5)));

        List<Annotation> stored = annotations.of(asset, 1);
        assertThat(stored).extracting(Annotation::mark).containsExactlyElementsOf(marks);
        assertThat(stored).extracting(Annotation::number).containsExactly(1, 2, 3, 4, 5);
        Annotation reloaded = annotations.find(first).orElseThrow();
        assertThat(reloaded.thread()).extracting(Comment::body).containsExactly("about video 0:01.2–0:03.4", "reply");
        assertThat(reloaded.thread().get(1).attachments()).containsExactly(attachment, asset);
        assertThat(reloaded.thread().get(1).mentions()).containsExactly(owner);
        assertThat(reloaded.thread().get(1).createdAt()).isEqualTo(t0.plusSeconds(5));
        assertThat(annotations.nextNumber(asset, 1)).isEqualTo(6);
        assertThat(annotations.nextNumber(asset, 2)).isEqualTo(1);
    }

    @Test
    void changesStatusOnlyFromTheStatusTheCallerSaw() {
        Annotation open = annotation(annotations.nextNumber(asset, 1), new Mark.OnAudio(Timecode.at(0)), "hum at the start");
        annotations.insert(open);
        Annotation resolved = open.resolve(owner, t0.plusSeconds(60));

        assertThat(annotations.updateStatus(resolved, Annotation.Status.OPEN)).isTrue();
        assertThat(annotations.updateStatus(resolved, Annotation.Status.OPEN)).as("someone resolved it meanwhile").isFalse();
        assertThat(annotations.find(open.id()).orElseThrow().resolved()).contains(new Change(owner, t0.plusSeconds(60)));
        assertThat(annotations.countOpen(asset, 1)).isZero();
    }

    @Test
    void carriesAThreadToAVersionOnceAndListsItemsInThreadOrder() {
        Annotation second = annotation(2, new Mark.OnVideo(Timecode.at(10), Optional.empty()), "second");
        Annotation first = annotation(1, new Mark.OnVideo(Timecode.at(20), Optional.empty()), "first");
        annotations.insert(second);
        annotations.insert(first);
        CarriedItem a = item(second);
        CarriedItem b = item(first);

        assertThat(items.insert(a)).isTrue();
        assertThat(items.insert(item(second))).as("delivered twice").isFalse();
        assertThat(items.insert(b)).isTrue();
        assertThat(items.of(asset, 2)).extracting(CarriedItem::annotation).containsExactly(first.id(), second.id());

        CarriedItem addressed = a.markAddressed(new Change(owner, t0));
        assertThat(items.update(addressed, CarriedItem.State.OPEN)).isTrue();
        assertThat(items.update(addressed, CarriedItem.State.OPEN)).isFalse();
        assertThat(items.find(a.id()).orElseThrow()).isEqualTo(addressed);
    }

    private Annotation annotation(int number, Mark mark, String body) {
        var opening = new Comment(UUID.randomUUID(), owner, body, List.of(), List.of(), t0.plusMillis(number));
        return new Annotation(new AnnotationId(UUID.randomUUID()), asset, 1, number, mark, Annotation.Status.OPEN, List.of(opening),
                Optional.empty(), Optional.empty());
    }

    private CarriedItem item(Annotation from) {
        return new CarriedItem(new CarriedItemId(UUID.randomUUID()), asset, 2, from.id(), 1, CarriedItem.label(1, from.opening()),
                CarriedItem.State.OPEN, t0, Optional.empty(), Optional.empty());
    }
}
