package dev.atelier.proofing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MarkTests {

    @Test
    void acceptsRegionsInsideThePicture() {
        assertThat(new Region.Pin(0, 1)).isEqualTo(new Region.Pin(0.0, 1.0));
        assertThat(new Region.Box(0.5, 0.5, 0.5, 0.5).w()).isEqualTo(0.5);
        assertThat(new Region.Freehand(points(Region.MAX_POINTS)).points()).hasSize(2000);
    }

    @Test
    void refusesCoordinatesOutsideZeroToOne() {
        assertThatThrownBy(() -> new Region.Pin(-0.01, 0.5)).isInstanceOf(InvalidAnnotationException.class).hasMessageContaining("x is -0.01");
        assertThatThrownBy(() -> new Region.Pin(0.5, 1.2)).isInstanceOf(InvalidAnnotationException.class).hasMessageContaining("y is 1.2");
        assertThatThrownBy(() -> new Region.Pin(Double.NaN, 0.5)).isInstanceOf(InvalidAnnotationException.class);
        assertThatThrownBy(() -> new Region.Freehand(List.of(new Region.Point(0, 0), new Region.Point(0.2, 7))))
                .isInstanceOf(InvalidAnnotationException.class);
    }

    @Test
    void refusesRectanglesWithoutAreaOrReachingOutOfThePicture() {
        assertThatThrownBy(() -> new Region.Box(0.1, 0.1, 0, 0.2)).isInstanceOf(InvalidAnnotationException.class);
        assertThatThrownBy(() -> new Region.Box(0.1, 0.1, -0.1, 0.2)).isInstanceOf(InvalidAnnotationException.class);
        assertThatThrownBy(() -> new Region.Box(0.6, 0.1, 0.5, 0.2)).isInstanceOf(InvalidAnnotationException.class)
                .hasMessageContaining("inside the picture");
    }

    @Test
    void refusesFreehandLinesOfTooFewOrTooManyPoints() {
        assertThatThrownBy(() -> new Region.Freehand(points(1))).hasMessageContaining("has 1.");
        assertThatThrownBy(() -> new Region.Freehand(points(Region.MAX_POINTS + 1))).hasMessageContaining("2 to 2000 points; this one has 2001");
    }

    @Test
    void refusesPagesBelowOneAndTimesRunningBackwards() {
        assertThatThrownBy(() -> new Mark.OnPage(0, new Region.Pin(0.5, 0.5))).hasMessageContaining("from 1");
        assertThatThrownBy(() -> new Timecode(-1, 10)).hasMessageContaining("start at 0");
        assertThatThrownBy(() -> new Timecode(2000, 1000)).hasMessageContaining("ends (1000 ms) at or after its start (2000 ms)");
        assertThat(Timecode.at(1500).isRange()).isFalse();
    }

    @Test
    void describesWhereAMarkIs() {
        assertThat(new Mark.OnPage(3, new Region.Pin(0.1, 0.1)).describe()).isEqualTo("page 3");
        assertThat(new Mark.OnVideo(new Timecode(61_500, 64_000), Optional.empty()).describe()).isEqualTo("video 1:01.5–1:04.0");
        assertThat(new Mark.OnAudio(Timecode.at(0)).describe()).isEqualTo("audio 0:00.0");
    }

    private static List<Region.Point> points(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Region.Point(i / (double) count, 0.5)).toList();
    }
}
