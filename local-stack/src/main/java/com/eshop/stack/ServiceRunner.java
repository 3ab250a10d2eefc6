package com.eshop.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service JVM: {@code java <jvm opts> <class-data-sharing opts> -jar <the service's extracted jar> <args>} (see
 * {@link ServiceImage}), health via actuator.
 */
final class ServiceRunner extends ChildProcessRunner {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final ServiceSpec spec;
    private final ServiceImage image;
    private final List<String> javaCommand;
    private final List<String> springArgs;
    private volatile Duration lastStartupTime;
    private volatile ServiceImage.ArchiveUse archiveUse = ServiceImage.ArchiveUse.NONE;

    /** {@code javaCommand}: java and its options; {@code springArgs}: the service's arguments; {@code environment}: its secrets. */
    ServiceRunner(ServiceSpec spec, ServiceImage image, List<String> javaCommand, List<String> springArgs,
                  Map<String, String> environment, Path workDir, Path logFile, Path pidFile) {
        super(new ChildProcess(spec.name(), javaCommand, environment, workDir, logFile, pidFile));
        this.spec = spec;
        this.image = image;
        this.javaCommand = List.copyOf(javaCommand);
        this.springArgs = List.copyOf(springArgs);
    }

    private List<String> command(Map<String, String> springProperties) throws IOException, InterruptedException {
        List<String> overrides = springProperties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toList();
        List<String> command = new ArrayList<>(javaCommand);
        archiveUse = image.archiveUse(!spec.isReplica());
        command.addAll(image.jvmOptions(archiveUse));
        command.add("-jar");
        command.add(image.jar().toString());
        command.addAll(mergeArgs(springArgs, overrides, List.of()));
        return command;
    }

    /**
     * Spring arguments of one service: the stack's base arguments, then the common extras, then the per-service
     * extras. A later {@code --key=value} replaces an earlier one with the same key (Spring would otherwise join
     * duplicates into "a,b").
     */
    static List<String> mergeArgs(List<String> base, List<String> common, List<String> own) {
        Map<String, String> byKey = new LinkedHashMap<>();
        List<String> plain = new ArrayList<>();
        for (List<String> group : List.of(base, common, own)) {
            for (String a : group) {
                if (a.startsWith("--") && a.contains("=")) {
                    String key = a.substring(0, a.indexOf('='));
                    byKey.remove(key);
                    byKey.put(key, a);
                } else {
                    plain.add(a);
                }
            }
        }
        List<String> out = new ArrayList<>(byKey.values());
        out.addAll(plain);
        return out;
    }

    ServiceSpec spec() {
        return spec;
    }

    ServiceImage image() {
        return image;
    }

    void checkJar() {
        if (!Files.isRegularFile(image.fatJar())) {
            throw new IllegalStateException(spec.name() + ": jar not found at " + image.fatJar()
                    + " - build it first (mvn -B -DskipTests install from the repo root; run-local.sh does it)");
        }
    }

    void start() throws IOException {
        start(Map.of());
    }

    /** Starts with these Spring properties over the configured ones, for this start only. */
    void start(Map<String, String> springProperties) throws IOException {
        checkJar();
        try {
            image.prepare();
            process.start(command(springProperties));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while preparing " + spec.name(), e);
        }
    }

    /** Polls the readiness probe until UP; on timeout or an early exit throws with the tail of the service log. */
    Duration awaitHealthy(Duration timeout) throws InterruptedException {
        Instant begin = process.startedAt() != null ? process.startedAt() : Instant.now();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (answersUp(spec.readinessUrl())) {
                lastStartupTime = Duration.between(begin, Instant.now());
                return lastStartupTime;
            }
            Optional<Integer> exit = process.exitCode();
            if (exit.isPresent()) {
                throw new IllegalStateException(withLogTail(spec.name() + " exited with code " + exit.get()
                        + " before it was healthy", 60));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(withLogTail(spec.name() + " not healthy after " + timeout.toSeconds()
                        + " s (" + spec.readinessUrl() + ")", 60));
            }
            Thread.sleep(500);
        }
    }

    /**
     * The JVM runs and its liveness probe answers UP: a crash shows, a server it depends on being restarted does not
     * (that makes it unready, not unhealthy).
     */
    boolean isHealthy() {
        return answersUp(spec.livenessUrl());
    }

    private boolean answersUp(String probeUrl) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(probeUrl))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().replace(" ", "").contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void stop(Duration timeout) {
        process.stop(stopTimeout(timeout));
    }

    void close(Duration timeout) {
        process.close(stopTimeout(timeout));
    }

    /** A training JVM writes its class archive after its shutdown: several seconds more, longer with seven at once. */
    private Duration stopTimeout(Duration timeout) {
        return archiveUse == ServiceImage.ArchiveUse.TRAINING ? timeout.plus(image.archiveDumpTimeout()) : timeout;
    }

    /** How the last start used the class archive, as the launcher prints it. */
    String archiveUseLabel() {
        return archiveUse.label;
    }

    Duration lastStartupTime() {
        return lastStartupTime;
    }
}
