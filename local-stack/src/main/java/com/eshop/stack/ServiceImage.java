package com.eshop.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How a service JVM is launched fast: its Spring Boot fat jar extracted once ({@code -Djarmode=tools extract}: a thin
 * jar plus {@code lib/}, so classes load from plain jars instead of jars nested in a jar), and a class-data-sharing
 * archive of the classes it loads (a dynamic AppCDS archive, written by the JVM when a training run ends cleanly and
 * mapped by every later start). Both are kept in {@code <module>/target/local-stack-image/} and made again only when
 * the fat jar's content changes. docs/performance.md shows what each saves.
 */
final class ServiceImage {
    private static final String STAMP = "fat-jar.sha256";

    /** How one start uses the class archive. */
    enum ArchiveUse {
        NONE("no class archive"), MAPPED("class archive"), TRAINING("training the class archive");

        final String label;

        ArchiveUse(String label) {
            this.label = label;
        }
    }

    private final String module;
    private final Path fatJar;
    private final Path dir;
    private final boolean classDataSharing;
    private final Duration archiveDumpTimeout;
    private final Duration toolTimeout;

    /** {@code toolTimeout}: how long an extraction or an archive check may take (the stack's health timeout). */
    ServiceImage(Path repoDir, String module, boolean classDataSharing, Duration archiveDumpTimeout, Duration toolTimeout) {
        this.module = module;
        this.fatJar = repoDir.resolve(module).resolve("target").resolve(module + ".jar");
        this.dir = repoDir.resolve(module).resolve("target").resolve("local-stack-image");
        this.classDataSharing = classDataSharing;
        this.archiveDumpTimeout = archiveDumpTimeout;
        this.toolTimeout = toolTimeout;
    }

    Duration archiveDumpTimeout() {
        return archiveDumpTimeout;
    }

    Path fatJar() {
        return fatJar;
    }

    /** The thin jar to launch with {@code -jar}. */
    Path jar() {
        return dir.resolve(module + ".jar");
    }

    private Path archive() {
        return dir.resolve(module + ".jsa");
    }

    /** Written by the training JVM at its exit; becomes {@link #archive()} once checked. */
    private Path trainedArchive() {
        return dir.resolve(module + ".jsa.trained");
    }

    /**
     * Extracts the fat jar unless the extraction of this very content is there. A new extraction drops the class
     * archive: its recorded jar sizes and times no longer match, so the next start trains a new one.
     */
    synchronized void prepare() throws IOException, InterruptedException {
        String sha = sha256(fatJar);
        Path stamp = dir.resolve(STAMP);
        if (Files.isRegularFile(jar()) && Files.isRegularFile(stamp) && Files.readString(stamp).trim().equals(sha)) {
            return;
        }
        FileTree.deleteRecursively(dir);
        Files.createDirectories(dir);
        runTool(List.of(ChildProcess.javaExecutable(), "-Djarmode=tools", "-jar", fatJar.toString(),
                "extract", "--destination", dir.toString()), "extract " + fatJar);
        Files.writeString(stamp, sha + "\n");
    }

    /**
     * How the next start uses the class archive: maps it if there is one; else, on an instance allowed to train (one
     * per image: two JVMs must not write the same file), writes one when that JVM ends cleanly.
     */
    synchronized ArchiveUse archiveUse(boolean mayTrain) throws IOException, InterruptedException {
        if (!classDataSharing) {
            return ArchiveUse.NONE;
        }
        if (!Files.exists(archive()) && Files.exists(trainedArchive())) {
            adoptTrainedArchive();
        }
        if (Files.exists(archive())) {
            return ArchiveUse.MAPPED;
        }
        return mayTrain ? ArchiveUse.TRAINING : ArchiveUse.NONE;
    }

    List<String> jvmOptions(ArchiveUse use) {
        return switch (use) {
            case NONE -> List.of();
            case MAPPED -> List.of("-XX:SharedArchiveFile=" + archive());
            // the dump lists every class it cannot archive (~1000 lines of class-file-version warnings)
            case TRAINING -> List.of("-XX:ArchiveClassesAtExit=" + trainedArchive(), "-Xlog:cds=off,cds+dynamic=off");
        };
    }

    /** A training JVM killed while writing leaves a partial file: only an archive the JVM maps with -Xshare:on is kept. */
    private void adoptTrainedArchive() throws IOException, InterruptedException {
        try {
            runTool(List.of(ChildProcess.javaExecutable(), "-XX:SharedArchiveFile=" + trainedArchive(), "-Xshare:on",
                    "-cp", jar().toString(), "-version"), "check " + trainedArchive());
            Files.move(trainedArchive(), archive(), StandardCopyOption.ATOMIC_MOVE);
        } catch (IllegalStateException unusable) {
            Files.deleteIfExists(trainedArchive());
        }
    }

    private void runTool(List<String> command, String what) throws IOException, InterruptedException {
        // beside, not in, the directory: extract wants it empty
        Path output = Files.createTempFile(dir.getParent(), "local-stack-image-tool", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!p.waitFor(toolTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(what + ": no answer within " + toolTimeout.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (exit " + p.exitValue() + "): " + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
