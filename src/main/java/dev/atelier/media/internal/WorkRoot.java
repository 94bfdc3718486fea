package dev.atelier.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.util.FileSystemUtils;

/**
 * The one directory media workers may touch (see {@link WorkerSandbox}): {@code in/} holds each
 * job's input, which a confined worker can read but not change (it may be a hard link to the
 * stored blob itself); {@code out/} holds a directory per job for what the worker writes;
 * {@code tmp/} is the workers' temporary directory (Java's, libvips', ffmpeg's).
 */
record WorkRoot(Path root) {

    private static final Duration LEFTOVER_AGE = Duration.ofDays(1);

    WorkRoot {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * The work root at {@code root}, its three directories created when missing and cleared of
     * what jobs left there more than a day ago (a crash leaves a job's files behind; an input link
     * would keep a deleted blob's content alive). Servers sharing {@code atelier.home} share the root:
     * nothing a running job may still use is touched.
     */
    static WorkRoot at(Path root) {
        return at(root, Instant.now().minus(LEFTOVER_AGE));
    }

    /** The work root at {@code root}, cleared of what was left there before {@code cutoff}. */
    static WorkRoot at(Path root, Instant cutoff) {
        WorkRoot work = new WorkRoot(root);
        try {
            for (Path directory : List.of(work.inputs(), work.outputs(), work.temp())) {
                Files.createDirectories(directory);
                removeOlderThan(directory, cutoff);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the media work directory " + root + " cannot be made", e);
        }
        return work;
    }

    /** When the entry was last changed, linking included: an input link shares the blob's (old) modification time. */
    private static Instant changed(Path entry) throws IOException {
        try {
            return ((FileTime) Files.getAttribute(entry, "unix:ctime", LinkOption.NOFOLLOW_LINKS)).toInstant();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant();
        }
    }

    private static void removeOlderThan(Path directory, Instant cutoff) throws IOException {
        try (var entries = Files.list(directory)) {
            for (Path entry : entries.toList()) {
                if (changed(entry).isBefore(cutoff)) {
                    FileSystemUtils.deleteRecursively(entry);
                }
            }
        }
    }

    /** A fresh work root in the system's temporary directory, for workers that are not confined to one. */
    static WorkRoot temporary() {
        try {
            return at(Files.createTempDirectory("atelier-work-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path inputs() {
        return root.resolve("in");
    }

    Path outputs() {
        return root.resolve("out");
    }

    Path temp() {
        return root.resolve("tmp");
    }
}
