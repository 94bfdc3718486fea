package dev.atelier.testsupport;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for asynchronous work (jobs, index updates) to show, without timing it: a bound, then a failure naming what was seen. */
public final class Poll {

    private Poll() {
    }

    public static <T> T until(Supplier<T> fetch, Predicate<T> done, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        T value = fetch.get();
        while (!done.test(value)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not there after " + bound.toSeconds() + " s: " + value);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = fetch.get();
        }
        return value;
    }
}
