package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.internal.WorkerProtocol.Target;
import org.junit.jupiter.api.Test;

class LayoutTests {

    @Test
    void insideFitsTheBoxAndNeverEnlarges() {
        assertThat(Layout.plan(4000, 2000, target(400, 400, "inside", "center"))).isEqualTo(new Layout(400, 200, 400, 200, 0, 0, 0, 0));
        assertThat(Layout.plan(300, 100, target(400, 400, "inside", "center"))).isEqualTo(new Layout(300, 100, 300, 100, 0, 0, 0, 0));
        assertThat(Layout.plan(4000, 2000, target(0, 100, "cover", "center"))).as("one side given: inside")
                .isEqualTo(new Layout(200, 100, 200, 100, 0, 0, 0, 0));
    }

    @Test
    void coverFillsTheBoxAndCropsTowardsTheGravity() {
        assertThat(Layout.plan(4000, 2000, target(300, 300, "cover", "center"))).isEqualTo(new Layout(600, 300, 300, 300, 150, 0, 0, 0));
        assertThat(Layout.plan(4000, 2000, target(300, 300, "cover", "west")).cropLeft()).isZero();
        assertThat(Layout.plan(4000, 2000, target(300, 300, "cover", "southeast")).cropLeft()).isEqualTo(300);
        assertThat(Layout.plan(2000, 4000, target(300, 300, "cover", "north")).cropTop()).isZero();
        assertThat(Layout.plan(2000, 4000, target(300, 300, "cover", "south")).cropTop()).isEqualTo(300);
    }

    @Test
    void coverOfASmallSourceKeepsTheBoxShapeWithoutEnlarging() {
        assertThat(Layout.plan(200, 100, target(300, 300, "cover", "center"))).isEqualTo(new Layout(200, 100, 100, 100, 50, 0, 0, 0));
        assertThat(Layout.plan(200, 100, target(1200, 630, "cover", "center"))).isEqualTo(new Layout(200, 100, 190, 100, 5, 0, 0, 0));
    }

    @Test
    void containPadsToTheBoxAndFillStretches() {
        Layout contain = Layout.plan(4000, 2000, target(300, 300, "contain", "center"));
        assertThat(contain).isEqualTo(new Layout(300, 150, 300, 300, 0, 0, 0, 75));
        assertThat(contain.pads()).isTrue();
        assertThat(Layout.plan(4000, 2000, target(300, 300, "contain", "north")).padTop()).isZero();
        assertThat(Layout.plan(4000, 2000, target(300, 300, "fill", "center"))).isEqualTo(new Layout(300, 300, 300, 300, 0, 0, 0, 0));
    }

    private static Target target(int width, int height, String fit, String gravity) {
        return new Target("t", width, height, fit, gravity, "jpeg", 80);
    }
}
