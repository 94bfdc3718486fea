package dev.atelier.media;

/** How analysing a version's pixels ended. */
public sealed interface PixelAnalysisOutcome {

    /** The pixels were read. */
    record Analysed(PixelAnalysis analysis) implements PixelAnalysisOutcome {}

    /** No engine previews this type (video, audio, office files …): there are no pixels to analyse. */
    record NotApplicable(String reason) implements PixelAnalysisOutcome {}

    /** The file cannot be analysed, and trying again would not change that (damaged, over a limit, decoder crash). */
    record Failed(String reason) implements PixelAnalysisOutcome {}

    /** The media workers are unavailable or busy, or the file could not be fetched: worth trying again later. */
    record Unavailable(String reason) implements PixelAnalysisOutcome {}
}
