package dev.atelier.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Video and audio made for a test by ffmpeg's own test sources (CI installs ffmpeg). */
public final class TestMedia {

    private TestMedia() {
    }

    public static boolean ffmpegAvailable() {
        try {
            return new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A test-card video with a tone: H.264/AAC in MP4 unless {@code extension} says otherwise. */
    public static byte[] video(int width, int height, int seconds, String extension) {
        List<String> codecs = switch (extension) {
            case "webm" -> List.of("-c:v", "libvpx-vp9", "-deadline", "realtime", "-c:a", "libopus");
            case "mkv" -> List.of("-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac");
            default -> List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac");
        };
        List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", "testsrc=size=" + width + "x" + height + ":rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440", "-t", Integer.toString(seconds)));
        args.addAll(codecs);
        args.add("-shortest");
        return make(args, extension);
    }

    /** A tone, as MP3. */
    public static byte[] tone(int seconds) {
        return make(List.of("-f", "lavfi", "-i", "sine=frequency=330:duration=" + seconds, "-c:a", "libmp3lame"), "mp3");
    }

    /** A tone as MP3 with cover art: a picture stream that is not a video. */
    public static byte[] toneWithCover(int seconds) {
        return make(List.of("-f", "lavfi", "-i", "sine=frequency=330:duration=" + seconds, "-f", "lavfi", "-i",
                "color=c=red:s=300x300:d=1", "-map", "0:a", "-map", "1:v", "-c:a", "libmp3lame", "-c:v", "mjpeg", "-frames:v", "1",
                "-disposition:v", "attached_pic", "-id3v2_version", "3"), "mp3");
    }

    private static byte[] make(List<String> args, String extension) {
        try {
            Path file = Files.createTempFile("atelier-media-", "." + extension);
            try {
                List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-y"));
                command.addAll(args);
                command.add(file.toString());
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes());
                if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("ffmpeg failed: " + output);
                }
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
