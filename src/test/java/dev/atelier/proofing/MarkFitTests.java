package dev.atelier.proofing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetVersion;
import dev.atelier.identity.UserId;
import dev.atelier.storage.BlobKey;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MarkFitTests {

    static final AssetId ASSET = new AssetId(UUID.randomUUID());
    static final Region.Pin PIN = new Region.Pin(0.5, 0.5);

    @Test
    void aPdfIsMarkedOnPagesThatExistOnceItsPagesAreKnown() {
        AssetVersion pdf = version("application/pdf");
        assertThatCode(() -> MarkFit.check(ASSET, pdf, new Mark.OnPage(9, PIN), Map.of())).as("not read yet").doesNotThrowAnyException();
        assertThatCode(() -> MarkFit.check(ASSET, pdf, new Mark.OnPage(3, PIN), Map.of("pages", "3"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> MarkFit.check(ASSET, pdf, new Mark.OnPage(4, PIN), Map.of("pages", "3")))
                .isInstanceOf(InvalidAnnotationException.class).hasMessage("Page 4 does not exist; version 1 has 3 pages.");
        assertThatThrownBy(() -> MarkFit.check(ASSET, pdf, new Mark.OnImage(PIN), Map.of())).hasMessageContaining("mark a PDF on a page");
    }

    @Test
    void videoAndAudioAreMarkedByTimeWithinTheirDuration() {
        AssetVersion video = version("video/mp4");
        var frame = new Mark.OnVideo(new Timecode(1000, 10_500), Optional.of(PIN));
        assertThatCode(() -> MarkFit.check(ASSET, video, frame, Map.of("duration", "10.2"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> MarkFit.check(ASSET, video, new Mark.OnVideo(Timecode.at(12_000), Optional.empty()), Map.of("duration", "10.2")))
                .hasMessage("The time 12000 ms is past the end of version 1.");
        assertThatThrownBy(() -> MarkFit.check(ASSET, video, new Mark.OnAudio(Timecode.at(0)), Map.of())).hasMessageContaining("mark a video with a time");
        assertThatThrownBy(() -> MarkFit.check(ASSET, version("audio/mpeg"), frame, Map.of())).hasMessageContaining("mark audio with a time range");
    }

    @Test
    void aMultiPageImageMayBeMarkedPerPageASingleOneNot() {
        AssetVersion tiff = version("image/tiff");
        assertThatCode(() -> MarkFit.check(ASSET, tiff, new Mark.OnPage(2, PIN), Map.of("pages", "2"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> MarkFit.check(ASSET, version("image/png"), new Mark.OnPage(1, PIN), Map.of()))
                .hasMessageContaining("A page annotation does not fit");
    }

    private static AssetVersion version(String type) {
        return new AssetVersion(1, new BlobKey("a".repeat(64)), 10, type, "f", new UserId(UUID.randomUUID()), Instant.EPOCH);
    }
}
