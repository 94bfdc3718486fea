package dev.atelier.media.internal;

import dev.atelier.media.internal.WorkerProtocol.Capabilities;
import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entry point of a media worker process: a plain JVM (no Spring) started from the same
 * jar, which decodes untrusted files so that a decoder crash, hang or memory blow-up kills this
 * process and never the server. Before its first request it confines itself to the work root
 * ({@link WorkerSandbox}). It answers requests on stdout until stdin closes.
 */
public final class MediaWorkerMain {

    private MediaWorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        // first of all: where the worker is confined, this re-executes it inside the domain
        String sandbox = WorkerSandbox.enter();
        System.setProperty("java.awt.headless", "true");
        var protocolOut = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        // anything a library prints must not corrupt the protocol stream
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        var in = new DataInputStream(new BufferedInputStream(System.in));
        List<ImageEngine> engines = engines();
        while (true) {
            String operation;
            try {
                operation = in.readUTF();
            } catch (EOFException e) {
                return;
            }
            switch (operation) {
                case WorkerProtocol.RENDER -> render(engines, RenderRequest.read(in)).write(protocolOut);
                case WorkerProtocol.CAPABILITIES -> capabilities(engines, sandbox).write(protocolOut);
                case SandboxCheck.OPERATION -> SandboxCheck.attempt(SandboxCheck.Request.read(in)).write(protocolOut);
                case WorkerProtocol.ANALYSE -> PixelAnalyser.analyse(engines, AnalysisRequest.read(in)).write(protocolOut);
                case FaceDetector.CHECK -> FaceDetector.answerCheck(in, protocolOut);
                case TextFrames.EXTRACT_TEXT -> DocumentTextParser.extract(TextFrames.TextRequest.read(in)).write(protocolOut);
                default -> throw new IOException("unknown operation " + operation);
            }
        }
    }

    /**
     * libvips first where this machine has it, the pure-Java engine for what libvips lacks or when
     * it is absent, ffmpeg for video and audio where installed.
     */
    static List<ImageEngine> engines() {
        List<ImageEngine> engines = new ArrayList<>();
        Vips.load().ifPresent(vips -> engines.add(new VipsImageEngine(vips)));
        engines.add(new JavaImageEngine());
        FfmpegEngine.find().ifPresent(engines::add);
        return engines;
    }

    static RenderResponse render(List<ImageEngine> engines, RenderRequest request) {
        if (request.plannedElsewhere() && (!request.mediaType().startsWith("image/")
                || request.targets().stream().anyMatch(t -> t.transform().hasRegion() || t.transform().page() > 0))) {
            // a region's coordinates are the original's pixels, not the smaller input's
            return RenderResponse.refused("error", "a request planned on another size takes whole first pages of images only");
        }
        for (ImageEngine engine : engines) {
            if (engine.types().contains(request.mediaType())) {
                return engine.render(request);
            }
        }
        return RenderResponse.refused("unsupported", "no preview for this type (" + request.mediaType() + ")");
    }

    static Capabilities capabilities(List<ImageEngine> engines, String sandbox) {
        Map<String, List<String>> byEngine = new LinkedHashMap<>();
        Map<String, List<String>> formats = new LinkedHashMap<>();
        Set<String> claimed = new HashSet<>();
        for (ImageEngine engine : engines) {
            // a type goes to the first engine that takes it, as in render()
            List<String> types = engine.types().stream().filter(claimed::add).sorted().toList();
            byEngine.put(engine.name(), types);
            formats.put(engine.name(), engine.formats().stream().sorted().toList());
        }
        return new Capabilities(byEngine, formats, sandbox);
    }
}
