package dev.atelier.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.testsupport.Digests;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link BlobStore} backend must do. A backend's test class extends this and says how
 * to make a fresh, empty store and how many staging leftovers it holds.
 */
public abstract class BlobStoreContractTests {

    protected abstract BlobStore store();

    /** Temporary/staging objects currently held by the backend; must be zero when nothing is staged. */
    protected abstract long stagingLeftovers() throws IOException;

    @Test
    void keysContentBySha256() throws Exception {
        byte[] bytes = "hello, atelier".getBytes();
        BlobKey key;
        try (StagedBlob staged = store().stage(new ByteArrayInputStream(bytes), 1024)) {
            assertThat(staged.size()).isEqualTo(bytes.length);
            key = staged.commit();
        }
        assertThat(key.sha256()).isEqualTo(Digests.sha256Hex(bytes));
        assertThat(read(key)).isEqualTo(bytes);
        assertThat(store().open(key).orElseThrow().size()).isEqualTo(bytes.length);
    }

    @Test
    void stagedContentIsInvisibleUntilCommitted() throws Exception {
        byte[] bytes = randomBytes(10_000, 1);
        try (StagedBlob staged = store().stage(new ByteArrayInputStream(bytes), bytes.length)) {
            assertThat(store().exists(staged.key())).isFalse();
            try (InputStream in = staged.open()) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
            staged.commit();
            assertThat(store().exists(staged.key())).isTrue();
        }
    }

    @Test
    void closingWithoutCommitLeavesNothing() throws Exception {
        byte[] bytes = randomBytes(5_000, 2);
        BlobKey key;
        try (StagedBlob staged = store().stage(new ByteArrayInputStream(bytes), bytes.length)) {
            key = staged.key();
        }
        assertThat(store().exists(key)).isFalse();
        assertThat(stagingLeftovers()).isZero();
    }

    @Test
    void storesIdenticalContentOnce() throws Exception {
        byte[] bytes = randomBytes(4_096, 3);
        BlobKey first = commit(bytes);
        BlobKey second = commit(bytes);
        assertThat(second).isEqualTo(first);
        assertThat(read(first)).isEqualTo(bytes);
        assertThat(stagingLeftovers()).isZero();
    }

    @Test
    void refusesContentOverTheLimitAndKeepsNothing() throws Exception {
        byte[] bytes = randomBytes(2_000, 4);
        assertThatThrownBy(() -> store().stage(new ByteArrayInputStream(bytes), 1_999)).isInstanceOf(BlobTooLargeException.class);
        assertThat(store().exists(new BlobKey(Digests.sha256Hex(bytes)))).isFalse();
        assertThat(stagingLeftovers()).isZero();
    }

    @Test
    void keepsNothingWhenTheSourceFailsMidway() throws Exception {
        InputStream failing = new InputStream() {
            int served;

            @Override
            public int read() throws IOException {
                if (served++ > 100_000) {
                    throw new IOException("client went away");
                }
                return 7;
            }
        };
        assertThatThrownBy(() -> store().stage(failing, Long.MAX_VALUE)).isInstanceOf(StorageException.class);
        assertThat(stagingLeftovers()).isZero();
    }

    @Test
    void streamsContentLargerThanAnyBuffer() throws Exception {
        byte[] bytes = randomBytes(3 * 1024 * 1024 + 17, 5);
        BlobKey key = commit(bytes);
        assertThat(key.sha256()).isEqualTo(Digests.sha256Hex(bytes));
        assertThat(read(key)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 511, 4095, 4096, 4097, 65535, 65536, 65537, 327_681, 1_376_257})
    void keepsEverySizeExactly(int size) throws Exception {
        byte[] bytes = randomBytes(size, size);
        BlobKey key = commit(bytes);
        assertThat(key.sha256()).isEqualTo(Digests.sha256Hex(bytes));
        assertThat(store().open(key).orElseThrow().size()).isEqualTo(size);
        assertThat(read(key)).isEqualTo(bytes);
    }

    @Test
    void readsASourceThatDeliversFewBytesAtATime() throws Exception {
        byte[] bytes = randomBytes(300_001, 9);
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1_000));
            }
        };
        try (StagedBlob staged = store().stage(trickle, bytes.length)) {
            assertThat(staged.size()).isEqualTo(bytes.length);
            assertThat(read(staged.commit())).isEqualTo(bytes);
        }
    }

    @Test
    void opensNothingForAnUnknownKey() {
        assertThat(store().open(new BlobKey("0".repeat(64)))).isEmpty();
    }

    @Test
    void deletesABlob() throws Exception {
        BlobKey key = commit(randomBytes(100, 6));
        store().delete(key);
        assertThat(store().exists(key)).isFalse();
    }

    private BlobKey commit(byte[] bytes) {
        try (StagedBlob staged = store().stage(new ByteArrayInputStream(bytes), bytes.length)) {
            return staged.commit();
        }
    }

    private byte[] read(BlobKey key) throws IOException {
        try (InputStream in = store().open(key).orElseThrow().open()) {
            return in.readAllBytes();
        }
    }

    protected static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
