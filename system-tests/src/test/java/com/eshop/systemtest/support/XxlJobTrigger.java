package com.eshop.systemtest.support;

import com.eshop.stack.LocalStack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/** Triggers a job of order-service's executor as one shard of a sharding-broadcast run, exactly as the XXL-JOB admin would. */
public final class XxlJobTrigger {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger LOG_ID = new AtomicInteger(1_000_000);

    private XxlJobTrigger() {
    }

    /** Runs the handler synchronously (SERIAL_EXECUTION, then waits for the executor to go idle). */
    public static boolean run(LocalStack stack, int shardIndex, int shardTotal) {
        return run(stack, 1, "autoCancelExpiredOrderTask", shardIndex, shardTotal);
    }

    /** The reconciliation job (ReconcileCancelledOrdersTask), synchronously. */
    public static boolean runReconciliation(LocalStack stack, int shardIndex, int shardTotal) {
        return run(stack, 2, LocalStack.RECONCILE_JOB_HANDLER, shardIndex, shardTotal);
    }

    private static boolean run(LocalStack stack, int jobId, String handler, int shardIndex, int shardTotal) {
        String body = "{\"jobId\":" + jobId + ",\"executorHandler\":\"" + handler + "\",\"executorParams\":\"\","
                + "\"executorBlockStrategy\":\"SERIAL_EXECUTION\",\"executorTimeout\":0,\"logId\":" + LOG_ID.incrementAndGet()
                + ",\"logDateTime\":" + System.currentTimeMillis() + ",\"glueType\":\"BEAN\",\"glueSource\":\"\",\"glueUpdatetime\":0,"
                + "\"broadcastIndex\":" + shardIndex + ",\"broadcastTotal\":" + shardTotal + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:19999/run"))
                .header("XXL-JOB-ACCESS-TOKEN", stack.config().xxlJobAccessToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("\"code\":200")) {
                return false;
            }
            return awaitIdle(jobId);
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean awaitIdle(int jobId) throws Exception {
        for (int i = 0; i < 300; i++) {
            HttpRequest idle = HttpRequest.newBuilder(URI.create("http://127.0.0.1:19999/idleBeat"))
                    .header("XXL-JOB-ACCESS-TOKEN", Suite.stack().config().xxlJobAccessToken())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jobId\":" + jobId + "}")).build();
            if (HTTP.send(idle, HttpResponse.BodyHandlers.ofString()).body().contains("\"code\":200")) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
