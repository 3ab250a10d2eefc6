package com.eshop.order.infrastructure.job;

import com.xxl.job.core.handler.annotation.XxlJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** order-service's XXL-JOB executor over HTTP, as the XXL-JOB admin (or anyone who reaches its port) calls it. */
class SuiteJobExecutorTest {
    private static final String TOKEN = "test-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private ApplicationContextRunner runner(int port) {
        return new ApplicationContextRunner()
                .withUserConfiguration(XxlJobConfig.class).withBean(Handlers.class)
                .withPropertyValues("xxl.job.executor.ip=127.0.0.1", "xxl.job.executor.port=" + port,
                        "xxl.job.executor.logpath=" + dir.resolve("logs"));
    }

    @Test
    void doesNotStartWithoutAnAccessToken() {
        runner(freePort()).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("xxl.job.access-token is empty");
        });
        runner(freePort()).withPropertyValues("xxl.job.access-token= ").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void listensOnTheConfiguredAddressOnly() {
        int port = freePort();
        runner(port).withPropertyValues("xxl.job.access-token=" + TOKEN).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(SuiteJobExecutor.class).localAddress())
                    .satisfies(a -> assertThat(a.getAddress()).isEqualTo(InetAddress.getByName("127.0.0.1")))
                    .satisfies(a -> assertThat(a.getPort()).isEqualTo(port));
        });
    }

    @Test
    void refusesAScriptJobAndRunsNothing() {
        int port = freePort();
        Path marker = dir.resolve("glue-ran");
        runner(port).withPropertyValues("xxl.job.access-token=" + TOKEN).run(context -> {
            for (String glueType : new String[] {"GLUE_SHELL", "GLUE_PYTHON", "GLUE_GROOVY", "glue_shell", ""}) {
                String source = glueType.equals("GLUE_GROOVY")
                        ? "class X implements com.xxl.job.core.handler.IJobHandler { void execute() { new File('" + marker + "').text = 'x' } }"
                        : "#!/bin/sh\\ntouch " + marker + "\\n";
                String answer = post(port, "/run", TOKEN, trigger(7, "", glueType, source));
                assertThat(answer).as(glueType).contains("\"code\":500").doesNotContain("\"code\":200");
            }
            Thread.sleep(2000);
            assertThat(marker).doesNotExist();
            assertThat(post(port, "/idleBeat", TOKEN, "{\"jobId\":7}")).as("no job thread was started").contains("\"code\":200");
        });
    }

    @Test
    void refusesARequestWithoutTheToken() {
        int port = freePort();
        runner(port).withPropertyValues("xxl.job.access-token=" + TOKEN).run(context -> {
            Handlers handlers = context.getBean(Handlers.class);
            assertThat(post(port, "/run", null, trigger(8, "testHandler", "BEAN", ""))).contains("The access token is wrong");
            assertThat(post(port, "/run", "wrong", trigger(8, "testHandler", "BEAN", ""))).contains("The access token is wrong");
            assertThat(handlers.runs.await(2, TimeUnit.SECONDS)).as("handler ran").isFalse();
        });
    }

    @Test
    void runsItsOwnBeanHandler() {
        int port = freePort();
        runner(port).withPropertyValues("xxl.job.access-token=" + TOKEN).run(context -> {
            assertThat(post(port, "/run", TOKEN, trigger(9, "testHandler", "BEAN", ""))).contains("\"code\":200");
            assertThat(context.getBean(Handlers.class).runs.await(10, TimeUnit.SECONDS)).as("handler ran").isTrue();
            assertThat(post(port, "/run", TOKEN, trigger(9, "noSuchHandler", "BEAN", ""))).contains("\"code\":500")
                    .contains("not found");
        });
    }

    private static String trigger(int jobId, String handler, String glueType, String glueSource) {
        return "{\"jobId\":" + jobId + ",\"executorHandler\":\"" + handler + "\",\"executorParams\":\"\","
                + "\"executorBlockStrategy\":\"SERIAL_EXECUTION\",\"executorTimeout\":0,\"logId\":" + jobId
                + ",\"logDateTime\":" + System.currentTimeMillis() + ",\"glueType\":\"" + glueType + "\",\"glueSource\":\""
                + glueSource + "\",\"glueUpdatetime\":" + System.currentTimeMillis() + ",\"broadcastIndex\":0,\"broadcastTotal\":1}";
    }

    private static String post(int port, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("XXL-JOB-ACCESS-TOKEN", token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static class Handlers {
        final CountDownLatch runs = new CountDownLatch(1);

        @XxlJob("testHandler")
        public void run() {
            runs.countDown();
        }
    }
}
