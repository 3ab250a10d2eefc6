package com.eshop.systemtest.support;

import com.eshop.stack.LocalStackConfig;
import com.eshop.stack.ServiceSpec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Turns a service's fault-injection point on or off through its {@code faults} actuator endpoint, as the local operator. */
public final class Faults {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Faults() {
    }

    public static void set(String service, String point, double rate) {
        URI uri = URI.create("http://127.0.0.1:" + ServiceSpec.byName(service).httpPort() + "/actuator/faults/" + point);
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", LocalStackConfig.operatorAuthorization())
                .POST(HttpRequest.BodyPublishers.ofString("{\"rate\":" + rate + "}")).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " -> " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(uri + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code action} with the point on at {@code rate}, and always turns it off again. */
    public static void with(String service, String point, double rate, Runnable action) {
        set(service, point, rate);
        try {
            action.run();
        } finally {
            set(service, point, 0);
        }
    }
}
