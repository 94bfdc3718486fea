package dev.atelier.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atelier.shared.process.BoundedProcess;

/** A Debian tool a test needs: missing in CI ({@code CI=true}) fails loudly, elsewhere the test is skipped with the reason. */
public final class RequiredTools {

    private RequiredTools() {
    }

    /** @param debianPackage what {@code .ci/run} installs for it */
    public static void require(String tool, String debianPackage, String what) {
        require(BoundedProcess.installed(tool), tool, debianPackage, what);
    }

    /** @param installed whether the tool was found (or works), as the test found out itself */
    public static void require(boolean installed, String tool, String debianPackage, String what) {
        if (installed) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(tool + " is missing; .ci/run installs " + debianPackage);
        }
        assumeTrue(false, what + " skipped: install " + tool + " (apt-get install " + debianPackage + ")");
    }
}
