package com.eshop.systemtest.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real browser for the tests of the ops pages: Debian's {@code chromium}, installed with apt-get when it is
 * missing. Each call is one headless run that loads a page, lets its scripts finish and dumps the DOM.
 */
public final class HeadlessChromium {
    private static final long RUN_TIMEOUT_SECONDS = 120;
    private static final long INSTALL_TIMEOUT_SECONDS = 900;

    private HeadlessChromium() {
    }

    /** The DOM of {@code url} once its scripts ran (virtual time: at most {@code virtualTimeBudgetMillis}). */
    public static String dumpDom(String url, int virtualTimeBudgetMillis) {
        return run(List.of(executable(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,2000", "--virtual-time-budget=" + virtualTimeBudgetMillis, "--dump-dom", url),
                RUN_TIMEOUT_SECONDS);
    }

    /**
     * Chromium prints either the DOM or the screenshot when both are asked for in one run (depending on its
     * version), so the screenshot gets a run of its own.
     */
    public static void screenshot(String url, Path file, int virtualTimeBudgetMillis) {
        run(List.of(executable(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--window-size=1280,2000", "--virtual-time-budget=" + virtualTimeBudgetMillis,
                "--screenshot=" + file.toAbsolutePath(), url), RUN_TIMEOUT_SECONDS);
    }

    private static synchronized String executable() {
        String found = which();
        if (found != null) {
            return found;
        }
        run(List.of("sh", "-c", "apt-get install -y chromium || (apt-get update && apt-get install -y chromium)"),
                INSTALL_TIMEOUT_SECONDS);
        found = which();
        if (found == null) {
            throw new IllegalStateException("chromium is not installed and apt-get could not install it");
        }
        return found;
    }

    private static String which() {
        try {
            String path = run(List.of("sh", "-c", "command -v chromium || true"), 10).trim();
            return path.isEmpty() ? null : path;
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static String run(List<String> command, long timeoutSeconds) {
        try {
            Path output = Files.createTempFile("chromium-out", ".txt");
            Path errors = Files.createTempFile("chromium-err", ".txt");
            try {
                Process process = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(command.get(0) + " did not finish within " + timeoutSeconds + " s");
                }
                String stdout = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                            + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return stdout;
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
