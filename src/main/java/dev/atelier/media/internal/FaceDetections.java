package dev.atelier.media.internal;

import dev.atelier.media.FaceDetection;
import dev.atelier.media.FaceProperties;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The server side of face detection: whether the media workers can count faces, asked of a worker
 * once per start (Python, OpenCV and the cascade do not come and go while the server runs) and
 * remembered; until a worker could be asked, nothing is remembered and the answer is "unknown".
 */
@Component
@EnableConfigurationProperties(FaceProperties.class)
class FaceDetections {

    private final MediaWorkerPool workers;
    private final FaceProperties properties;
    private volatile FaceDetection known;

    FaceDetections(MediaWorkerPool workers, FaceProperties properties) {
        this.workers = workers;
        this.properties = properties;
    }

    FaceDetection status() {
        if (!properties.enabled()) {
            return new FaceDetection(false, "face detection is switched off (atelier.media.faces.enabled=false)");
        }
        FaceDetection remembered = known;
        if (remembered != null) {
            return remembered;
        }
        // the pool's capabilities wait a while before trying workers that would not start again
        if (workers.capabilities().typesByEngine().isEmpty()) {
            return new FaceDetection(false, "unknown until a media worker starts (" + MediaWorkerPool.NOT_STARTED + ")");
        }
        return ask();
    }

    /** What an analysis request carries: counting when the workers can, {@link FaceDetector.Options#OFF} otherwise. */
    FaceDetector.Options options() {
        return status().available() ? FaceDetector.Options.of(properties) : FaceDetector.Options.OFF;
    }

    private record Answer(FaceDetection detection, boolean fromWorker) {}

    private FaceDetection ask() {
        // the check writes where a job would: a confined worker may write nowhere else
        try (JobFiles files = workers.jobFiles("faces")) {
            Path dir = files.directory();
            // a probe (health, the System page) must not wait behind the enrichment queue
            Answer answer = workers.diagnose("the face detection check", (out, in) -> {
                FaceDetector.writeCheck(out, FaceDetector.Options.of(properties), dir);
                return new Answer(FaceDetector.readDetection(in), true);
            }, problem -> new Answer(new FaceDetection(false, "unknown until a media worker answers (" + problem + ")"), false));
            if (answer.fromWorker()) {
                known = answer.detection();
            }
            return answer.detection();
        } catch (IOException e) {
            return new FaceDetection(false, "unknown: no directory for the check (" + e.getMessage() + ")");
        }
    }
}
