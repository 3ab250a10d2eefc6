package com.eshop.support.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsProperties;
import org.springframework.boot.actuate.autoconfigure.metrics.PropertiesMeterFilter;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared defaults (eshop-defaults.yml) give the suite's timers the few histogram buckets that histogram_quantile
 * in deploy/prometheus/alerts.yml and the dashboard needs, with the alert thresholds among them.
 */
class HistogramDefaultsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final EshopMetrics metrics = new EshopMetrics(registry);

    HistogramDefaultsTest() throws IOException {
        registry.config().meterFilter(new PropertiesMeterFilter(sharedMetricsProperties()));
    }

    @Test
    void theTimersPublishAFewBucketsThatHistogramQuantileCanUse() {
        metrics.cancelToRefund(Duration.ofSeconds(40));
        metrics.timeoutLateness(EshopMetrics.TimeoutSource.SCAN, Duration.ofSeconds(3));
        metrics.dubboProviderCall("AfterSaleApi", "cancelOrder", false).record(Duration.ofMillis(30));

        String scrape = registry.scrape();

        assertThat(bucketBounds(scrape, "eshop_order_cancel_to_refund_seconds_bucket"))
                .containsExactly("1.0", "5.0", "15.0", "30.0", "60.0", "120.0", "300.0", "600.0", "1800.0", "3600.0", "+Inf");
        assertThat(bucketBounds(scrape, "eshop_order_timeout_lateness_seconds_bucket"))
                .containsExactly("1.0", "5.0", "15.0", "30.0", "60.0", "120.0", "300.0", "600.0", "1800.0", "+Inf");
        assertThat(bucketBounds(scrape, "eshop_dubbo_provider_calls_seconds_bucket")).hasSize(12).contains("2.5", "15.0");
        assertThat(bucketCount(scrape, "eshop_order_cancel_to_refund_seconds_bucket", "30.0")).isZero();
        assertThat(bucketCount(scrape, "eshop_order_cancel_to_refund_seconds_bucket", "60.0")).isEqualTo(1);
        assertThat(bucketCount(scrape, "eshop_order_timeout_lateness_seconds_bucket", "5.0")).isEqualTo(1);
    }

    private static double bucketCount(String scrape, String bucketName, String le) {
        Matcher sample = Pattern.compile("(?m)^" + bucketName + "\\{[^}]*le=\"" + Pattern.quote(le) + "\"[^}]*} (\\S+)").matcher(scrape);
        assertThat(sample.find()).as("%s{le=%s} in%n%s", bucketName, le, scrape).isTrue();
        return Double.parseDouble(sample.group(1));
    }

    private static List<String> bucketBounds(String scrape, String bucketName) {
        Matcher le = Pattern.compile("(?m)^" + bucketName + "\\{[^}]*le=\"([^\"]+)\"").matcher(scrape);
        return le.results().map(m -> m.group(1)).toList();
    }

    /** management.metrics of the shared defaults' first document (the second is the compose profile). */
    private static MetricsProperties sharedMetricsProperties() throws IOException {
        List<PropertySource<?>> documents = new YamlPropertySourceLoader()
                .load("eshop-defaults", new ClassPathResource("eshop-defaults.yml"));
        return new Binder(ConfigurationPropertySources.from(documents.get(0)))
                .bind("management.metrics", MetricsProperties.class).get();
    }
}
