package dev.atelier.media.internal;

import dev.atelier.media.internal.WorkerProtocol.Output;
import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import dev.atelier.media.internal.WorkerProtocol.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Video and audio through {@code ffprobe}/{@code ffmpeg} subprocesses of the worker. Every call
 * names the demuxer that belongs to the sniffed type ({@code -f mp4}, {@code -f matroska}, ...)
 * and allows only the {@code file} protocol, so a playlist (HLS, concat) disguised as a video is
 * never parsed as one and can reach nothing but its own file. Sizes and duration come from the
 * container's header and are checked before any frame is decoded.
 *
 * <p>Video: poster frame (thumbnail, preview), a 720p H.264/AAC MP4 proxy that starts playing
 * at once ({@code +faststart}) and a filmstrip of ten frames. Audio: a waveform image and an
 * AAC proxy.
 */
final class FfmpegEngine implements ImageEngine {

    /** Sniffed media type → the ffmpeg demuxer that must read it. */
    static final Map<String, String> DEMUXERS = Map.ofEntries(
            Map.entry("video/mp4", "mp4"), Map.entry("video/quicktime", "mov"), Map.entry("video/x-m4v", "mp4"),
            Map.entry("video/x-matroska", "matroska"), Map.entry("video/webm", "webm"), Map.entry("video/x-msvideo", "avi"),
            Map.entry("video/mpeg", "mpeg"), Map.entry("video/mp2t", "mpegts"), Map.entry("video/ogg", "ogg"),
            Map.entry("audio/mpeg", "mp3"), Map.entry("audio/mp4", "mp4"), Map.entry("audio/x-m4a", "mp4"),
            Map.entry("audio/wav", "wav"), Map.entry("audio/x-wav", "wav"), Map.entry("audio/vnd.wave", "wav"),
            Map.entry("audio/flac", "flac"), Map.entry("audio/x-flac", "flac"), Map.entry("audio/ogg", "ogg"),
            Map.entry("audio/vorbis", "ogg"), Map.entry("audio/aac", "aac"), Map.entry("audio/x-aiff", "aiff"));

    /** ffprobe's flat output: {@code streams.stream.1.disposition.attached_pic=1}, {@code format.duration="3.0"}. */
    private static final Pattern FLAT = Pattern.compile("^(streams\\.stream\\.(\\d+)|format)\\.([\\w.]+)=\"?(.*?)\"?$");
    private static final int FILMSTRIP_FRAMES = 10;
    /** An ffmpeg run that outlives this is killed, even when its worker died and it was left behind. */
    private static final long FFMPEG_TIMEOUT_SECONDS = 3 * 60 * 60;

    /** The longest stretch of input any call reads, set from each request's duration limit. */
    private long limitSeconds = Long.MAX_VALUE;
    /** The address space each call may map, set from each request. */
    private long limitBytes = Long.MAX_VALUE;

    private final String ffmpeg;
    private final String ffprobe;
    private final String version;

    private FfmpegEngine(String ffmpeg, String ffprobe, String version) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.version = version;
    }

    /** ffmpeg and ffprobe from the PATH, when both answer. */
    static Optional<FfmpegEngine> find() {
        if (Boolean.getBoolean("atelier.media.disable-ffmpeg")) {
            return Optional.empty();
        }
        try {
            String first = run(List.of("ffmpeg", "-hide_banner", "-version"), 10, Long.MAX_VALUE).lines().findFirst().orElse("");
            run(List.of("ffprobe", "-hide_banner", "-version"), 10, Long.MAX_VALUE);
            Matcher m = Pattern.compile("ffmpeg version (\\S+)").matcher(first);
            return Optional.of(new FfmpegEngine("ffmpeg", "ffprobe", m.find() ? m.group(1) : "unknown"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public String name() {
        return "ffmpeg " + version;
    }

    @Override
    public Set<String> types() {
        return DEMUXERS.keySet();
    }

    @Override
    public Set<String> formats() {
        return Set.of("jpeg");
    }

    @Override
    public RenderResponse render(RenderRequest request) {
        String demuxer = DEMUXERS.get(request.mediaType());
        Path input = Path.of(request.input());
        limitSeconds = Math.min(request.maxSeconds(), FFMPEG_TIMEOUT_SECONDS);
        limitBytes = request.avMemory();
        try {
            Probe probe;
            try {
                probe = probe(demuxer, input);
            } catch (MemoryLimitException e) {
                throw e;
            } catch (IOException e) {
                return RenderResponse.refused("unreadable", "the file is not a readable " + demuxer + " file");
            }
            if (!probe.hasVideo() && !probe.hasAudio()) {
                return RenderResponse.refused("unreadable", "the file has no video or audio stream");
            }
            if (probe.duration() <= 0) {
                return RenderResponse.refused("unreadable", "the file's header gives no duration");
            }
            if (probe.duration() > request.maxSeconds()) {
                return RenderResponse.refused("too-large", String.format(Locale.ROOT, "the file lasts %.0f s, more than the limit of %d s",
                        probe.duration(), request.maxSeconds()));
            }
            if (probe.hasVideo() && (long) probe.width() * probe.height() > request.maxPixels()) {
                return RenderResponse.refused("too-large", "the video is " + probe.width() + "×" + probe.height()
                        + ", more pixels than the limit of " + request.maxPixels());
            }
            List<Output> outputs = new ArrayList<>();
            for (Target target : request.targets()) {
                Path out = Path.of(request.outputDir(), target.name() + "." + target.extension());
                Optional<int[]> size = switch (target.name()) {
                    case "proxy" -> proxy(demuxer, input, out, probe, target);
                    case "filmstrip" -> probe.hasVideo() ? filmstrip(demuxer, input, out, probe, target) : Optional.empty();
                    default -> probe.hasVideo() ? poster(demuxer, input, out, probe, target) : waveform(demuxer, input, out, target);
                };
                size.ifPresent(wh -> outputs.add(new Output(target.name(), out.toString(), wh[0], wh[1])));
            }
            return RenderResponse.ok(outputs, probe.facts());
        } catch (MemoryLimitException e) {
            return RenderResponse.refused("too-large", e.getMessage());
        } catch (IOException e) {
            return RenderResponse.refused("unreadable", "ffmpeg could not process the file: " + e.getMessage());
        }
    }

    record Probe(double duration, int width, int height, String videoCodec, String audioCodec) {

        boolean hasVideo() {
            return videoCodec != null;
        }

        boolean hasAudio() {
            return audioCodec != null;
        }

        Map<String, String> facts() {
            Map<String, String> facts = new LinkedHashMap<>();
            facts.put("duration", String.format(Locale.ROOT, "%.3f", duration));
            if (hasVideo()) {
                facts.put("width", Integer.toString(width));
                facts.put("height", Integer.toString(height));
                facts.put("videoCodec", videoCodec);
            }
            if (hasAudio()) {
                facts.put("audioCodec", audioCodec);
            }
            return facts;
        }
    }

    private Probe probe(String demuxer, Path input) throws IOException {
        String flat = run(List.of(ffprobe, "-v", "error", "-protocol_whitelist", "file", "-f", demuxer,
                "-show_entries", "format=duration:stream=codec_type,codec_name,width,height:stream_disposition=attached_pic",
                "-of", "flat", "file:" + input), 60, limitBytes);
        Map<String, Map<String, String>> streams = new LinkedHashMap<>();
        double duration = 0;
        for (String line : flat.lines().toList()) {
            Matcher m = FLAT.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            if (m.group(1).equals("format")) {
                if (m.group(3).equals("duration")) {
                    duration = parseDouble(m.group(4));
                }
            } else {
                streams.computeIfAbsent(m.group(2), k -> new LinkedHashMap<>()).put(m.group(3), m.group(4));
            }
        }
        String videoCodec = null;
        String audioCodec = null;
        int width = 0;
        int height = 0;
        for (Map<String, String> stream : streams.values()) {
            // cover art in an audio file is a "video" stream of one picture: not a video
            boolean picture = "1".equals(stream.get("disposition.attached_pic"));
            if ("video".equals(stream.get("codec_type")) && videoCodec == null && !picture) {
                videoCodec = stream.get("codec_name");
                width = (int) parseDouble(stream.getOrDefault("width", "0"));
                height = (int) parseDouble(stream.getOrDefault("height", "0"));
            } else if ("audio".equals(stream.get("codec_type")) && audioCodec == null) {
                audioCodec = stream.get("codec_name");
            }
        }
        return new Probe(duration, width, height, videoCodec, audioCodec);
    }

    /** A frame a little way in (past black leaders), scaled to fit the target, never enlarged. */
    private Optional<int[]> poster(String demuxer, Path input, Path out, Probe probe, Target target) throws IOException {
        double at = Math.min(1.0, probe.duration() / 10);
        int[] size = fit(probe.width(), probe.height(), target.maxEdge());
        ffmpeg(demuxer, input, List.of("-ss", String.format(Locale.ROOT, "%.3f", at)), List.of("-frames:v", "1",
                "-vf", "scale=" + size[0] + ":" + size[1], "-q:v", "3", "-f", "image2", "file:" + out));
        return Optional.of(size);
    }

    private Optional<int[]> waveform(String demuxer, Path input, Path out, Target target) throws IOException {
        int width = Math.min(target.maxEdge(), 1600);
        int height = Math.max(1, width / 4);
        String graph = "color=c=white:s=" + width + "x" + height + "[bg];[0:a:0]aformat=channel_layouts=mono,showwavespic=s="
                + width + "x" + height + ":colors=0x2563eb[w];[bg][w]overlay=format=auto,format=yuvj420p";
        ffmpeg(demuxer, input, List.of(), List.of("-filter_complex", graph, "-frames:v", "1", "-q:v", "3", "-f", "image2", "file:" + out));
        return Optional.of(new int[] {width, height});
    }

    private Optional<int[]> proxy(String demuxer, Path input, Path out, Probe probe, Target target) throws IOException {
        if (!probe.hasVideo()) {
            ffmpeg(demuxer, input, List.of(), List.of("-map", "0:a:0", "-vn", "-c:a", "aac", "-b:a", "160k", "-movflags", "+faststart",
                    "-f", "mp4", "file:" + out));
            return Optional.of(new int[] {0, 0});
        }
        int lines = Math.min(target.height(), probe.height());
        int[] size = even(fit(probe.width(), probe.height(), Math.max(probe.width(), probe.height()) * lines / Math.max(1, probe.height())));
        List<String> args = new ArrayList<>(List.of("-map", "0:v:0", "-map", "0:a:0?", "-vf", "scale=" + size[0] + ":" + size[1],
                "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k",
                "-movflags", "+faststart", "-f", "mp4", "file:" + out));
        ffmpeg(demuxer, input, List.of(), args);
        return Optional.of(size);
    }

    /** Ten frames spread over the video side by side, for scrubbing previews. */
    private Optional<int[]> filmstrip(String demuxer, Path input, Path out, Probe probe, Target target) throws IOException {
        int frameWidth = Math.max(2, target.width() / FILMSTRIP_FRAMES / 2 * 2);
        int frameHeight = Math.max(2, (int) Math.round((double) frameWidth * probe.height() / Math.max(1, probe.width())) / 2 * 2);
        double rate = FILMSTRIP_FRAMES / Math.max(0.1, probe.duration());
        ffmpeg(demuxer, input, List.of(), List.of("-vf", String.format(Locale.ROOT, "fps=%.6f,scale=%d:%d,tile=%dx1", rate, frameWidth,
                frameHeight, FILMSTRIP_FRAMES), "-frames:v", "1", "-q:v", "4", "-f", "image2", "file:" + out));
        return Optional.of(new int[] {frameWidth * FILMSTRIP_FRAMES, frameHeight});
    }

    private void ffmpeg(String demuxer, Path input, List<String> inputOptions, List<String> outputOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-v", "error", "-nostdin", "-y", "-protocol_whitelist", "file"));
        command.addAll(inputOptions);
        // never read more than the header promised, whatever the streams inside say
        command.addAll(List.of("-t", Long.toString(limitSeconds), "-f", demuxer, "-i", "file:" + input));
        command.addAll(outputOptions);
        run(command, FFMPEG_TIMEOUT_SECONDS, limitBytes);
        String written = outputOptions.getLast();
        Path out = Path.of(written.startsWith("file:") ? written.substring("file:".length()) : written);
        if (!Files.isRegularFile(out) || Files.size(out) == 0) {
            throw new IOException("ffmpeg wrote nothing (the file may have no frame at that point)");
        }
    }

    /** Fits width × height into a square of {@code edge}, never enlarging, to even numbers (video codecs need them). */
    private static int[] fit(int width, int height, int edge) {
        double scale = Math.min(1, (double) edge / Math.max(1, Math.max(width, height)));
        return even(new int[] {(int) Math.round(width * scale), (int) Math.round(height * scale)});
    }

    private static int[] even(int[] size) {
        return new int[] {Math.max(2, size[0] / 2 * 2), Math.max(2, size[1] / 2 * 2)};
    }

    private static double parseDouble(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Runs a command; its output, or an IOException with the last lines of what it printed.
     * Output goes to a file (a full pipe cannot stall it) and the wait is bounded. Where
     * coreutils' {@code timeout} exists the command runs under it, so it is killed after the
     * limit even if its worker died and left it behind.
     *
     * @param addressSpace bytes the command may map ({@code Long.MAX_VALUE}: no limit)
     * @throws MemoryLimitException when the command failed for want of memory under that limit
     */
    private static String run(List<String> command, long timeoutSeconds, long addressSpace) throws IOException {
        List<String> full = new ArrayList<>();
        if (TIMEOUT_COMMAND) {
            full.addAll(List.of("timeout", "--kill-after=10", timeoutSeconds + "s"));
        }
        full.addAll(MemoryLimit.prefix(addressSpace));
        full.addAll(command);
        Path log = Files.createTempFile("atelier-ffmpeg-", ".log");
        try {
            var builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            MemoryLimit.prepare(builder, addressSpace);
            Process process = builder.start();
            try {
                if (!process.waitFor(timeoutSeconds + 15, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new IOException("timed out");
                }
            } catch (InterruptedException e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                if (addressSpace != Long.MAX_VALUE && MemoryLimit.ranOut(output)) {
                    throw new MemoryLimitException(Path.of(command.getFirst()).getFileName() + " needed more memory than the limit of "
                            + (addressSpace >> 20) + " MiB (atelier.media.av-memory)");
                }
                List<String> lines = output.lines().toList();
                String last = String.join("; ", lines.subList(Math.max(0, lines.size() - 2), lines.size())).strip();
                throw new IOException(process.exitValue() == 124 ? "timed out" : last);
            }
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static final boolean TIMEOUT_COMMAND = Files.isExecutable(Path.of("/usr/bin/timeout"));
}
