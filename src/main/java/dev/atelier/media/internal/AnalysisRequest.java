package dev.atelier.media.internal;

import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.Target;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link WorkerProtocol#ANALYSE} request: the copies to make ({@link PixelAnalyser#target()}, and
 * when faces are to be counted a JPEG at most 1280 px a side named {@link FaceDetector#TARGET}) and how to
 * count faces; answered by an {@link AnalysisResponse}.
 */
record AnalysisRequest(RenderRequest render, FaceDetector.Options faces) {

    /** The analysed copy, plus the 1280 px copy faces are counted in unless {@code faces} is off. */
    static List<Target> targets(FaceDetector.Options faces) {
        List<Target> targets = new ArrayList<>(List.of(PixelAnalyser.target()));
        if (!faces.off()) {
            targets.add(new Target(FaceDetector.TARGET, FaceDetector.EDGE));
        }
        return List.copyOf(targets);
    }

    void write(DataOutputStream out) throws IOException {
        render.write(out, WorkerProtocol.ANALYSE);
        faces.write(out);
        out.flush();
    }

    /** The request after its operation name. */
    static AnalysisRequest read(DataInputStream in) throws IOException {
        return new AnalysisRequest(RenderRequest.read(in), FaceDetector.Options.read(in));
    }
}
