package dev.atelier.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atelier.storage.BlobStore;
import dev.atelier.storage.BlobStoreContractTests;
import dev.atelier.storage.StagedBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract with O_DIRECT writes (where the temp volume takes them); see {@link Buffered}. */
class FileSystemBlobStoreTests extends BlobStoreContractTests {

    @TempDir
    Path root;

    FileSystemBlobStore store;

    @BeforeEach
    void createStore() {
        store = new FileSystemBlobStore(root, directWrites());
    }

    boolean directWrites() {
        return true;
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Override
    protected long stagingLeftovers() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
            return files.count();
        }
    }

    @Test
    void stagesOnTheSameVolumeAndLaysBlobsOutByHashPrefix() throws Exception {
        byte[] bytes = "layout".getBytes();
        try (StagedBlob staged = store.stage(new ByteArrayInputStream(bytes), 100)) {
            assertThat(staged.path().getParent()).isEqualTo(root.resolve("tmp"));
            staged.commit();
            String hex = staged.key().sha256();
            assertThat(root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex)).isRegularFile().hasBinaryContent(bytes);
        }
    }

    @Test
    void writesDirectWhereTheVolumeAllowsIt() {
        // ext4, xfs and btrfs take O_DIRECT; tmpfs does not, and the store must still work there
        assumeThat(fileSystemType(root)).isIn("ext4", "xfs", "btrfs");
        assertThat(store.writesDirect()).isEqualTo(directWrites());
    }

    private static String fileSystemType(Path path) {
        try {
            return Files.getFileStore(path).type();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The same contract through the page cache, as on volumes without O_DIRECT. */
    @Nested
    class Buffered extends BlobStoreContractTests {

        @BeforeEach
        void createBufferedStore() {
            store = new FileSystemBlobStore(root.resolve("buffered"), false);
        }

        @Override
        protected BlobStore store() {
            return store;
        }

        @Override
        protected long stagingLeftovers() throws IOException {
            try (Stream<Path> files = Files.list(root.resolve("buffered").resolve("tmp"))) {
                return files.count();
            }
        }

        @Test
        void writesThroughThePageCache() {
            assertThat(store.writesDirect()).isFalse();
        }
    }
}
