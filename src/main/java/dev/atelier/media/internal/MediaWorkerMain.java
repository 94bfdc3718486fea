package dev.atelier.media.internal;

import dev.atelier.media.internal.WorkerProtocol.Output;
import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of a media worker process: a plain JVM (no Spring) started from the same
 * jar, which decodes untrusted files so that a decoder crash, hang or memory blow-up kills this
 * process and never the server. It answers render requests on stdout until stdin closes.
 */
public final class MediaWorkerMain {

    private MediaWorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        var protocolOut = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        // anything a library prints must not corrupt the protocol stream
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        var in = new DataInputStream(new BufferedInputStream(System.in));
        while (true) {
            RenderRequest request;
            try {
                request = RenderRequest.read(in);
            } catch (EOFException e) {
                return;
            }
            render(request).write(protocolOut);
        }
    }

    static RenderResponse render(RenderRequest request) {
        var engine = new JavaImageEngine(request.maxPixels(), request.quality());
        if (!engine.supports(request.mediaType())) {
            return RenderResponse.refused("unsupported", "no preview for this type (" + request.mediaType() + ")");
        }
        try {
            int largest = request.targets().stream().mapToInt(WorkerProtocol.Target::maxEdge).max().orElse(1);
            Path input = Path.of(request.input());
            BufferedImage decoded = engine.decode(input, largest);
            if (request.mediaType().equals("image/jpeg")) {
                decoded = ExifOrientation.apply(decoded, ExifOrientation.of(input));
            }
            List<Output> outputs = new ArrayList<>();
            for (var target : request.targets()) {
                BufferedImage fitted = engine.fit(decoded, target.maxEdge());
                Path file = Path.of(request.outputDir(), target.name() + ".jpg");
                Files.write(file, engine.encodeJpeg(fitted));
                outputs.add(new Output(target.name(), file.toString(), fitted.getWidth(), fitted.getHeight()));
            }
            return RenderResponse.ok(outputs);
        } catch (ImageTooLargeException e) {
            return RenderResponse.refused("too-large", e.getMessage());
        } catch (UnreadableImageException e) {
            return RenderResponse.refused("unreadable", e.getMessage());
        } catch (IOException | RuntimeException | LinkageError | StackOverflowError e) {
            return RenderResponse.refused("error", "the image could not be processed (" + e.getClass().getSimpleName() + ")");
        }
    }
}
