package dev.atelier.proofing;

/** A moment ({@code startMs == endMs}) or a range of a video or audio version, in milliseconds from its start. */
public record Timecode(long startMs, long endMs) {

    public Timecode {
        if (startMs < 0 || endMs < 0) {
            throw new InvalidAnnotationException("Times start at 0 ms.");
        }
        if (endMs < startMs) {
            throw new InvalidAnnotationException("A time range ends (" + endMs + " ms) at or after its start (" + startMs + " ms).");
        }
    }

    public static Timecode at(long ms) {
        return new Timecode(ms, ms);
    }

    public boolean isRange() {
        return endMs > startMs;
    }
}
