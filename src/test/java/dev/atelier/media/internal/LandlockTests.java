package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.internal.Landlock.Available;
import dev.atelier.media.internal.SandboxCheck.Attempts;
import dev.atelier.media.internal.SandboxCheck.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rulesets fit the kernel's Landlock ABI: rights an older kernel does not know are never asked for. */
class LandlockTests {

    @TempDir
    Path dir;

    @Test
    void eachAbiHandlesTheRightsItKnowsAndNoOthers() {
        assertThat(new Available(1).filesystemRights()).isEqualTo(0x1FFF);
        assertThat(new Available(2).filesystemRights()).as("reparenting").isEqualTo(0x3FFF);
        assertThat(new Available(3).filesystemRights()).as("truncation").isEqualTo(0x7FFF);
        assertThat(new Available(5).filesystemRights()).as("device ioctls").isEqualTo(0xFFFF);
        assertThat(new Available(3).networkRights()).isZero();
        assertThat(new Available(4).networkRights()).as("TCP bind and connect").isEqualTo(0b11);
        assertThat(new Available(5).scopes()).isZero();
        assertThat(new Available(6).scopes()).as("abstract UNIX sockets and signals").isEqualTo(0b11);
        assertThat(new Available(9).filesystemRights()).as("rights newer than this code stay unhandled").isEqualTo(0xFFFF);
    }

    @Test
    void theRunningKernelTakesTheRulesetOfEveryAbiUpToItsOwn() throws Exception {
        WorkerSandboxTests.requireLandlock();
        int running = ((Available) Landlock.support()).abi();
        for (int abi = 1; abi <= running; abi++) {
            try (var ruleset = new Landlock.Ruleset(new Available(abi))) {
                assertThat(ruleset.allow(dir, Landlock.READ_FILE | Landlock.READ_DIR | Landlock.TRUNCATE)).as("ABI " + abi).isTrue();
                assertThat(ruleset.allow(dir.resolve("missing"), Landlock.READ_FILE)).isFalse();
            }
        }
    }

    @Test
    void saysWhatEachAbiConfines() {
        assertThat(WorkerSandbox.describe(new Available(3))).isEqualTo("landlock ABI 3: filesystem (this kernel cannot restrict TCP)");
        assertThat(WorkerSandbox.describe(new Available(4))).isEqualTo("landlock ABI 4: filesystem + network (TCP)");
        assertThat(WorkerSandbox.describe(new Available(7))).isEqualTo("landlock ABI 7: filesystem + network (TCP) + IPC scopes");
    }

    @Test
    void theSelfCheckExpectsNoTcpConfinementFromAKernelThatHasNone() {
        var denied = "AccessDeniedException";
        var connected = new Attempts(denied, denied, denied, "");

        assertThat(SandboxCheck.judge("landlock ABI 3: filesystem (this kernel cannot restrict TCP)", connected).verdict())
                .isEqualTo(Verdict.HOLDS);
        assertThat(SandboxCheck.judge("landlock ABI 7: filesystem + network (TCP) + IPC scopes", connected).summary())
                .isEqualTo("failed: a confined worker opened a TCP connection");
        assertThat(SandboxCheck.judge("none: switched off (atelier.media.confine=false)", new Attempts("", "", "", "")).summary())
                .startsWith("not confined: a worker read a file outside its work root");
    }
}
