package dev.atelier.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.atelier.asset.AssetManagement;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.identity.UserId;
import dev.atelier.ingest.internal.TypeSniffer;
import dev.atelier.storage.BlobKey;
import dev.atelier.storage.StagedBlob;
import dev.atelier.storage.StorageException;
import dev.atelier.testsupport.BlobPresenceProbe;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The database row that references a blob is written only once the blob is durable. */
class WriteOrderTests extends IntegrationTest {

    @Autowired
    BlobPresenceProbe probe;

    @Test
    void theVersionRowIsWrittenOnlyAfterTheBlobIsInPlace() {
        var body = admin().upload("/api/v1/assets", Multipart.file("order.bin", null, "ordered bytes".getBytes())).json();
        String id = body.get("id").asString();
        admin().upload("/api/v1/assets/" + id + "/versions", Multipart.file("order2.bin", null, "second".getBytes()));

        assertThat(probe.blobWasPresentWhenRowWasWritten(id, 1)).isTrue();
        assertThat(probe.blobWasPresentWhenRowWasWritten(id, 2)).isTrue();
    }

    @Test
    void noRowIsWrittenWhenTheBlobCannotBeCommitted() {
        AssetManagement assets = mock(AssetManagement.class);
        NamingManagement naming = mock(NamingManagement.class);
        var ingest = new IngestManagement(assets, new TypeSniffer(),
                new IngestProperties(org.springframework.util.unit.DataSize.ofGigabytes(5), IngestProperties.DuplicatePolicy.WARN), naming);
        var upload = new ReceivedUpload(new FailingCommit(), "a.txt", Map.of());
        Actor actor = new Actor(new UserId(UUID.randomUUID()), "c", Role.CONTRIBUTOR);

        assertThatThrownBy(() -> ingest.createAsset(actor, upload, Optional.empty())).isInstanceOf(StorageException.class);
        verify(assets, never()).create(any(), any(), any());
    }

    /** Staged content whose commit fails like a full disk would. */
    private static final class FailingCommit implements StagedBlob {

        @Override
        public BlobKey key() {
            return new BlobKey("a".repeat(64));
        }

        @Override
        public long size() {
            return 4;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream("text".getBytes());
        }

        @Override
        public Path path() {
            return Path.of("/nonexistent");
        }

        @Override
        public BlobKey commit() {
            throw new StorageException("disk full", new java.io.IOException("No space left on device"));
        }

        @Override
        public void close() {
        }
    }
}
