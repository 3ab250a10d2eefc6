package com.eshop.systemtest.support;

import com.eshop.stack.LocalStackConfig;
import com.eshop.stack.ServiceSpec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Changes a running service's configuration through spring-cloud-context's {@code env} actuator endpoint (enabled
 * only in the tests' stacks, {@link Suite#stackConfig()}), as the local operator: the same change event a Nacos
 * refresh sends in the compose deployment. {@link #reset} drops every property set this way.
 */
public final class RuntimeConfig {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RuntimeConfig() {
    }

    public static void set(String service, String name, String value) {
        send(service, operator(uri(service)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"value\":\"" + value + "\"}")).build());
    }

    public static void reset(String service) {
        send(service, operator(uri(service)).DELETE().build());
    }

    private static HttpRequest.Builder operator(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", LocalStackConfig.operatorAuthorization());
    }

    private static URI uri(String service) {
        return URI.create("http://127.0.0.1:" + ServiceSpec.byName(service).httpPort() + "/actuator/env");
    }

    private static void send(String service, HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " -> " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
