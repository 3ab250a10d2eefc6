package com.eshop.systemtest.support;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real browser for the tests of the ops pages: Debian's {@code chromium}, installed with apt-get when it is
 * missing. {@link #dumpDom} is one headless run that loads a page as an outsider would (no sign-in), lets its scripts
 * finish and dumps the DOM; a {@link Session} is a browser driven over the DevTools protocol, which can sign in.
 */
public final class HeadlessChromium {
    private static final long RUN_TIMEOUT_SECONDS = 120;
    private static final long INSTALL_TIMEOUT_SECONDS = 900;
    private static final List<String> HEADLESS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,2000");

    private HeadlessChromium() {
    }

    /** The DOM of {@code url} once its scripts ran (virtual time: at most {@code virtualTimeBudgetMillis}). */
    public static String dumpDom(String url, int virtualTimeBudgetMillis) {
        List<String> command = new ArrayList<>(List.of(executable()));
        command.addAll(HEADLESS);
        command.addAll(List.of("--virtual-time-budget=" + virtualTimeBudgetMillis, "--dump-dom", url));
        return run(command, RUN_TIMEOUT_SECONDS);
    }

    /**
     * One headless browser with a profile of its own (its cookies, so a sign-in lasts for the session), driven over
     * the DevTools protocol on a loopback port: navigate, run script in the page, wait for a condition, take a
     * screenshot.
     */
    public static final class Session implements AutoCloseable {
        private final Process process;
        private final Path profile;
        private final WebSocket socket;
        private final String pageSession;
        private final AtomicInteger nextId = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JSONObject>> pending = new ConcurrentHashMap<>();

        private Session(Process process, Path profile, URI browserEndpoint) {
            this.process = process;
            this.profile = profile;
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(browserEndpoint, new Replies()).join();
            String targetId = send(null, "Target.createTarget", Map.of("url", "about:blank")).getString("targetId");
            this.pageSession = send(null, "Target.attachToTarget", Map.of("targetId", targetId, "flatten", true))
                    .getString("sessionId");
        }

        public static Session open() {
            String executable = executable();
            try {
                Path profile = Files.createTempDirectory("chromium-profile");
                List<String> command = new ArrayList<>(List.of(executable));
                command.addAll(HEADLESS);
                command.addAll(List.of("--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                        "--user-data-dir=" + profile, "about:blank"));
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(profile.resolve("chromium.log").toFile()).start();
                return new Session(process, profile, browserEndpoint(process, profile));
            } catch (IOException e) {
                throw new IllegalStateException("could not start " + executable, e);
            }
        }

        /** Chromium writes the port it chose and the browser's path to DevToolsActivePort once it listens. */
        private static URI browserEndpoint(Process process, Path profile) throws IOException {
            Path activePort = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_TIMEOUT_SECONDS);
            while (System.nanoTime() < deadline && process.isAlive()) {
                if (Files.isRegularFile(activePort)) {
                    List<String> lines = Files.readAllLines(activePort, StandardCharsets.UTF_8);
                    if (lines.size() >= 2) {
                        return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
                    }
                }
                Pause.sleep(100);
            }
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not open its DevTools port: "
                    + Files.readString(profile.resolve("chromium.log"), StandardCharsets.UTF_8));
        }

        public void navigate(String url) {
            send(pageSession, "Page.navigate", Map.of("url", url));
        }

        /** The value of a JavaScript expression in the page (a promise is awaited); null while a page is loading. */
        public Object evaluate(String expression) {
            JSONObject result = send(pageSession, "Runtime.evaluate",
                    Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
            return result.containsKey("exceptionDetails") ? null : result.getJSONObject("result").get("value");
        }

        /** Waits until the expression is true in the page; fails with the page's DOM after {@code timeout}. */
        public void await(String condition, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (Boolean.TRUE.equals(evaluate(condition))) {
                        return;
                    }
                } catch (IllegalStateException navigating) {
                    // the page's context went away with a navigation; the next one answers
                }
                Pause.sleep(200);
            }
            throw new AssertionError("not within " + timeout + ": " + condition + "\n" + dom());
        }

        public String dom() {
            return String.valueOf(evaluate("document.documentElement.outerHTML"));
        }

        public void screenshot(Path file) throws IOException {
            String png = send(pageSession, "Page.captureScreenshot", Map.of("format", "png")).getString("data");
            Files.write(file, Base64.getDecoder().decode(png));
        }

        private JSONObject send(String sessionId, String method, Map<String, Object> params) {
            int id = nextId.incrementAndGet();
            JSONObject command = new JSONObject();
            command.put("id", id);
            command.put("method", method);
            command.put("params", params);
            if (sessionId != null) {
                command.put("sessionId", sessionId);
            }
            CompletableFuture<JSONObject> reply = new CompletableFuture<>();
            pending.put(id, reply);
            socket.sendText(command.toJSONString(), true).join();
            try {
                JSONObject answer = reply.get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (answer.containsKey("error")) {
                    throw new IllegalStateException(method + ": " + answer.getJSONObject("error"));
                }
                return answer.getJSONObject("result");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(method + " got no answer", e);
            } finally {
                pending.remove(id);
            }
        }

        /** Stops the browser and its helper processes, which write to the profile until they exit, then deletes it. */
        @Override
        public void close() throws IOException {
            List<ProcessHandle> browser = new ArrayList<>(process.descendants().toList());
            browser.add(process.toHandle());
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
            } finally {
                process.destroy();
                for (ProcessHandle handle : browser) {
                    try {
                        handle.onExit().get(10, TimeUnit.SECONDS);
                    } catch (TimeoutException | ExecutionException e) {
                        handle.destroyForcibly();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                try (Stream<Path> files = Files.walk(profile)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }

        /** Matches each reply (events carry no id) to the command waiting for it. */
        private final class Replies implements WebSocket.Listener {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    JSONObject message = JSON.parseObject(text.toString());
                    text.setLength(0);
                    Integer id = message.getInteger("id");
                    CompletableFuture<JSONObject> reply = id == null ? null : pending.get(id);
                    if (reply != null) {
                        reply.complete(message);
                    }
                }
                webSocket.request(1);
                return null;
            }
        }
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
