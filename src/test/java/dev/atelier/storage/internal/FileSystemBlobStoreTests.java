package dev.atelier.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.storage.BlobStore;
import dev.atelier.storage.BlobStoreContractTests;
import dev.atelier.storage.StagedBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTests extends BlobStoreContractTests {

    @TempDir
    Path root;

    private FileSystemBlobStore store;

    @BeforeEach
    void createStore() {
        store = new FileSystemBlobStore(root);
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
}
