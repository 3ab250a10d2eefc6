package com.eshop.systemtest.support;

import com.eshop.stack.ServiceSpec;
import com.eshop.stack.StackPorts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's {@code /actuator/prometheus} text, as Prometheus scrapes it: open, without operator credentials. */
public final class PrometheusScrape {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PrometheusScrape() {
    }

    public static String of(ServiceSpec service) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + StackPorts.HOST + ":" + service.httpPort()
                + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s /actuator/prometheus", service.name()).isEqualTo(200);
        return response.body();
    }
}
