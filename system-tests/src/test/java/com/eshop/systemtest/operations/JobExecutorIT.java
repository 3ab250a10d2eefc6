package com.eshop.systemtest.operations;

import com.eshop.stack.LocalStackConfig;
import com.eshop.stack.StackPorts;
import com.eshop.systemtest.support.Suite;
import com.eshop.systemtest.support.XxlJobTrigger;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * order-service's XXL-JOB executor from outside, as curl or an XXL-JOB admin calls it: a script sent with a trigger never
 * runs, a trigger without the access token runs nothing, and the suite's own BEAN handler still runs.
 */
class JobExecutorIT {
    private static final String RUN = "http://" + StackPorts.HOST + ":" + StackPorts.XXL_JOB_EXECUTOR + "/run";
    private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.Ee+-]+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final String token = Suite.stack().config().xxlJobAccessToken();

    @Test
    void aScriptJobIsRefusedAndNothingRuns() throws Exception {
        Path marker = Files.createTempDirectory(Path.of("target"), "glue").resolve("ran");
        String shell = "#!/bin/sh\\ntouch " + marker.toAbsolutePath() + "\\n";
        String groovy = "new File('" + marker.toAbsolutePath() + "').text = 'ran'";

        assertThat(run(token, trigger(101, "", "GLUE_SHELL", shell))).contains("\"code\":500").contains("refused");
        assertThat(run(token, trigger(102, "", "GLUE_GROOVY", groovy))).contains("\"code\":500").contains("refused");
        assertThat(run(token, trigger(103, "autoCancelExpiredOrderTask", "GLUE_PYTHON", "open('" + marker.toAbsolutePath() + "','w')")))
                .contains("\"code\":500").contains("refused");

        Thread.sleep(3000);
        assertThat(marker).as("file the scripts would have created").doesNotExist();
    }

    @Test
    void aTriggerWithoutTheAccessTokenRunsNothing() throws Exception {
        double before = scanRuns();

        String bean = trigger(1, "autoCancelExpiredOrderTask", "BEAN", "");
        assertThat(run(null, bean)).contains("\"code\":500").contains("access token is wrong");
        assertThat(run("eshop-local-token-wrong", bean)).contains("\"code\":500").contains("access token is wrong");
        assertThat(run("", bean)).contains("\"code\":500").contains("access token is wrong");

        Thread.sleep(3000);
        assertThat(scanRuns()).as("scan runs").isEqualTo(before);
    }

    @Test
    void theSuitesOwnBeanHandlerStillRuns() throws Exception {
        double before = scanRuns();
        assertThat(XxlJobTrigger.run(Suite.stack(), 0, 1)).isTrue();
        assertThat(scanRuns()).as("scan runs").isEqualTo(before + 1);
    }

    private String run(String accessToken, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RUN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (accessToken != null) {
            request.header("XXL-JOB-ACCESS-TOKEN", accessToken);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String trigger(int jobId, String handler, String glueType, String glueSource) {
        return "{\"jobId\":" + jobId + ",\"executorHandler\":\"" + handler + "\",\"executorParams\":\"\","
                + "\"executorBlockStrategy\":\"SERIAL_EXECUTION\",\"executorTimeout\":0,\"logId\":" + System.nanoTime()
                + ",\"logDateTime\":" + System.currentTimeMillis() + ",\"glueType\":\"" + glueType + "\",\"glueSource\":\""
                + glueSource + "\",\"glueUpdatetime\":" + System.currentTimeMillis() + ",\"broadcastIndex\":0,\"broadcastTotal\":1}";
    }

    /** Runs of the expired-order scan so far (order-service's eshop.order.scan.runs). */
    private double scanRuns() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:18080/actuator/metrics/eshop.order.scan.runs"))
                .header("Authorization", LocalStackConfig.operatorAuthorization()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return 0;
        }
        Matcher m = VALUE.matcher(response.body());
        assertThat(m.find()).as(response.body()).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
