package dev.atelier.media.internal;

import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobKey;
import dev.atelier.storage.BlobStore;
import dev.atelier.storage.StagedBlob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.util.FileSystemUtils;

/**
 * The files around one worker job, all inside the {@link WorkRoot}: its input, which the worker
 * may read, and its own directory, which the worker writes into and the server stores from. This
 * is the one place that decides where a worker finds a job's input: never the blob store's own
 * path, which a confined worker cannot reach.
 */
final class JobFiles implements AutoCloseable {

    private final Path directory;
    private final Path input;

    private JobFiles(Path directory, Path input) {
        this.directory = directory;
        this.input = input;
    }

    /** A new, empty job directory in {@code root}; {@code kind} names it for whoever looks. */
    static JobFiles create(WorkRoot root, String kind) throws IOException {
        Path directory = Files.createTempDirectory(root.outputs(), kind + "-");
        return new JobFiles(directory, root.inputs().resolve(directory.getFileName().toString()));
    }

    /** Where the worker writes its outputs. */
    Path directory() {
        return directory;
    }

    /**
     * The original where the worker can read it: a hard link to the blob's file (no copy, however
     * large), or a copy for stores without files and blob stores on another volume.
     */
    Path input(BlobContent original) throws IOException {
        Files.deleteIfExists(input);
        Optional<Path> file = original.file();
        if (file.isPresent()) {
            try {
                return Files.createLink(input, file.get());
            } catch (IOException | UnsupportedOperationException e) {
                // another volume, or a file system without hard links: copy below
            }
        }
        try (var in = original.open()) {
            Files.copy(in, input);
        }
        return input;
    }

    /** Stores a file the worker wrote (checked to lie in this job's directory) and returns its key. */
    BlobKey store(BlobStore blobs, String reported) throws IOException {
        Path file = WorkerProtocol.insideOf(directory, reported);
        try (var in = Files.newInputStream(file); StagedBlob staged = blobs.stage(in, Files.size(file))) {
            return staged.commit();
        }
    }

    /** Removes the input (the link, never the blob) and the job directory. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(input);
        } catch (IOException e) {
            // a leftover in the work root harms nothing; the next job gets another name
        }
        FileSystemUtils.deleteRecursively(directory.toFile());
    }
}
